/**
 * The libraries made of many small modules (TypeBox, unified/remark, rehype, JSZip, commander,
 * jsdiff, yaml) are loaded as the bundles `npm run build` makes
 * (scripts/bundle-vendor.mjs): resolving their modules one by one was most of
 * a command's start.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers/seeds.js';

const VENDOR = join(ROOT, 'dist/vendor');
const MARKDOWN_AGREEMENT = 'agreements/vasterbotten/samverkan-regional-utveckling-2023-2026/vasterbotten-samverkan-2023-2026.md';

/** The module specifiers a bundle imports or requires (outside comment lines: the packages' doc comments show imports). */
function specifiers(bundle: string): string[] {
  const code = bundle
    .split('\n')
    .filter((line) => !/^\s*(?:\*|\/\/|\/\*)/u.test(line))
    .join('\n');
  const out: string[] = [];
  for (const m of code.matchAll(/\b(?:from|import)\s*\(?\s*["']([\w@./:-]+)["']|\brequire\(\s*["']([\w@./:-]+)["']\s*\)/gu)) out.push(m[1] ?? m[2]!);
  return out;
}

describe('vendor bundles', () => {
  it('hold their packages: they import only each other and Node built-ins', () => {
    const files = readdirSync(VENDOR).filter((f) => f.endsWith('.js') || f.endsWith('.cjs'));
    // The seven entries and at least one shared chunk.
    for (const entry of ['typebox.js', 'markdown.js', 'html.js', 'diff.js', 'jszip.js', 'commander.js', 'yaml.cjs']) expect(files).toContain(entry);
    expect(files.some((f) => f.startsWith('chunk-'))).toBe(true);
    for (const f of files) {
      const outside = specifiers(readFileSync(join(VENDOR, f), 'utf8')).filter((s) => !s.startsWith('./') && !s.startsWith('node:') && !/^[a-z_]+$/u.test(s));
      expect(outside, f).toEqual([]);
      // A bare name is a Node built-in, never a package.
      const bare = specifiers(readFileSync(join(VENDOR, f), 'utf8')).filter((s) => /^[a-z_]+$/u.test(s));
      for (const name of bare) expect(name, `${f} requires ${name}`).toMatch(/^(?:fs|path|url|util|os|process|events|stream|buffer|assert|crypto|tty|module)$/u);
    }
  });

  it('are what a Markdown agreement with a manifest loads: no module of the packages themselves', () => {
    const record = join(mkdtempSync(join(tmpdir(), 'overens-loads-')), 'loads.txt');
    const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test/helpers/record-loads.mjs'), join(ROOT, 'bin/overens.js'), 'parse', MARKDOWN_AGREEMENT, '-f', 'yaml'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', OVERENS_RECORD_LOADS: record },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // The YAML output came through the bundled yaml library, the model through the bundled remark.
    expect(r.stdout).toMatch(/^schemaVersion: /mu);
    const loads = readFileSync(record, 'utf8').trim().split('\n');
    expect(loads.filter((u) => u.includes('/dist/vendor/'))).not.toEqual([]);
    const packages = loads.filter((u) => /\/node_modules\/(?:@sinclair\/typebox|unified|remark-|micromark|mdast-|yaml|commander|iconv-lite)\b/u.test(u));
    expect(packages).toEqual([]);
  });
});
