/**
 * Issue 11, case 5: pathological Markdown. Deep nesting and long runs of
 * emphasis marks must end (here: well within a minute, the bound a hang would
 * break; speed itself is measured by the benchmarks), keep every word, and
 * never end in a stack overflow. Inputs are generated at test time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defuseDelimiterRuns } from '../../src/parse/segment/markdown.js';
import { ROOT } from '../helpers/seeds.js';

const BIN = join(ROOT, 'bin/overens.js');

/** The CLI's summary of a generated Markdown file; a run that does not end in 90 s fails. */
function summary(name: string, text: string): { status: number | null; stdout: string; stderr: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'overens-nest-')), `${name}.md`);
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [BIN, 'parse', file, '-f', 'summary'], { encoding: 'utf8', timeout: 90_000, env: { PATH: process.env.PATH, LANG: 'C' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('5. deeply nested and pathological Markdown', () => {
  it.each([
    ['"- " 20,000 times on one line', `${'- '.repeat(20_000)}ordet\n`],
    ['a list 2,000 levels deep', `${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- ordet`).join('\n')}\n`],
    ['2,000 levels of ">"', `${'>'.repeat(2000)} ordet\n`],
    ['100,000 levels of ">"', `${'>'.repeat(100_000)} ordet\n`],
    ['"> - " 200,000 times', `${'> - '.repeat(200_000)}ordet\n`],
    ['200,000 "*" around a word', `${'*'.repeat(200_000)}ordet${'*'.repeat(200_000)}\n`],
    ['200,000 "_" around a word', `${'_'.repeat(200_000)}ordet${'_'.repeat(200_000)}\n`],
  ])('%s: ends, exit 0, every word kept, no stack overflow', (_name, text) => {
    const r = summary('deep', text);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Coverage: 100% of \d+ words/u);
    expect(r.stderr).not.toMatch(/Maximum call stack|internal error/u);
  }, 120_000);

  it('says where runs of emphasis marks were read as characters', () => {
    const r = summary('stars', `# Avtal\n\nText ${'*'.repeat(50)} mer text.\n`);
    expect(r.stdout).toMatch(/stars\.md:3:1-3:1: 1 line\(s\) hold runs of more than 32 "\*" or "_"/u);
  });

  it('escapes only long runs, never a thematic break or an escaped mark, and keeps every character', () => {
    const run = '*'.repeat(40);
    expect(defuseDelimiterRuns(`a ${run} b`)).toEqual({ text: `a ${run.replace(/\*/gu, '\\*')} b`, lines: [1] });
    expect(defuseDelimiterRuns(`${run}\n`).lines).toEqual([]);
    expect(defuseDelimiterRuns('a **b** c').lines).toEqual([]);
  });
});
