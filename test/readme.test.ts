/**
 * The README's library example is real: it is taken from the README,
 * compiled with tsc --strict against the built package (imported by its
 * name, 'overens', as a user imports it) and run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/seeds.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const library = readme.slice(readme.indexOf('## Library'));
const example = /```ts\n([\s\S]*?)```/u.exec(library)?.[1] ?? '';

describe('the README library example', () => {
  const dir = join(ROOT, '.tmp', 'readme');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'example.ts'), example);

  it('is there, and uses the diff API', () => {
    expect(example).toMatch(/from 'overens'/u);
    expect(example).toMatch(/diff\(draft, next\)/u);
  });

  it('compiles with tsc --strict and runs, printing what it says', () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '--strict', '--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--skipLibCheck', '--types', 'node', '--rootDir', dir, '--outDir', join(dir, 'out'), join(dir, 'example.ts')], { cwd: ROOT, stdio: 'pipe' });
    const out = execFileSync(process.execPath, [join(dir, 'out', 'example.js')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
    expect(out).toMatch(/1\. Dialog: 3 åtaganden/u);
    expect(out).toMatch(/^coverage 100%$/mu);
    expect(out).toMatch(/added: 1,\s+removed: 1,\s+modified: 2/u);
    expect(out).toMatch(/^true$/mu);
    expect(out).toMatch(/^true true$/mu);
    expect(out).toMatch(/^no-such-file\.md: no such file fileNotFound$/mu);
  }, 120_000);
});
