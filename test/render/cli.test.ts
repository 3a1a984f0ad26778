/** `overens render` as a user types it. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { parse } from '../../src/parse/index.js';
import { cli } from '../helpers/cli.js';
import { ROOT, SEED } from '../helpers/seeds.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'overens-render-'));

describe('overens render', () => {
  it('renders an agreement id at its latest revision of the whole agreement (not a scope revision)', async () => {
    const r = cli(['render', 'norrbotten-civilsamhalle', '--to', 'md']);
    expect(r.code).toBe(0);
    const m = await parse(r.stdout, { path: 'x.md' });
    // layout-proof is the latest whole revision; stodstruktur-revised covers one section only.
    expect(m.principles.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.stdout).not.toContain('Mötesledningen för utvecklingsgruppen');
  });

  it('reads standard input with "-"', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/overens.js'), 'render', '-', '--to', 'md'], { input: readFileSync(join(ROOT, SEED.vasterbotten)), encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# Överenskommelse om samverkan för regional utveckling 2023-2026\n/u);
  });

  it('renders a revision named by its label', async () => {
    const r = cli(['render', 'norrbotten-civilsamhalle', 'stodstruktur-revised', '--to', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mötesledningen för utvecklingsgruppen');
  });

  it('takes the format from -o, writes atomically, and replaces a file only with --force', () => {
    const dir = tmp();
    const out = join(dir, 'v.html');
    expect(cli(['render', SEED.vasterbotten, '-o', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/u);
    writeFileSync(out, 'mine');
    const again = cli(['render', SEED.vasterbotten, '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; give --force/u);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect(cli(['render', SEED.vasterbotten, '-o', out, '--force']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/u);
  });

  it('never writes over its input', () => {
    const dir = tmp();
    const input = join(dir, 'agreement.md');
    writeFileSync(input, readFileSync(join(ROOT, SEED.vasterbotten)));
    const r = cli(['render', input, '-o', input, '--force']);
    expect(r.code).toBe(2);
    expect(readFileSync(input)).toEqual(readFileSync(join(ROOT, SEED.vasterbotten)));
  });

  it('says what is wrong in one line, exit 2', () => {
    const cases: Array<[string[], RegExp]> = [
      [['render', SEED.vasterbotten], /say which format: --to/u],
      [['render', SEED.vasterbotten, '--to', 'rtf'], /unknown format "rtf"/u],
      [['render', 'missing.md', '--to', 'md'], /missing\.md: no such file/u],
      [['render', 'norrbotten-civilsamhalle', 'round-9', '--to', 'md'], /has no revision "round-9" \(known: word-draft, layout-proof, stodstruktur-revised\)/u],
      [['render', SEED.vasterbotten, '--to', 'pdf', '--draft', '--final', '-o', join(tmp(), 'x.pdf')], /--draft and --final contradict/u],
      [['render', SEED.vasterbotten, '--to', 'pdf', '--template', 'no-such-folder', '-o', join(tmp(), 'x.pdf')], /no-such-folder: not a folder of templates/u],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });

  it('refuses to write a PDF or Word file to a terminal, and writes it to a pipe', async () => {
    const written: Buffer[] = [];
    const errors: string[] = [];
    const io = (isTTY: boolean) => ({
      stdout: { isTTY, write: (s: string | Uint8Array) => (written.push(Buffer.from(s)), true) },
      stderr: { write: (s: string) => (errors.push(s), true) },
      env: { LANG: 'C' },
      cwd: ROOT,
      stdin: process.stdin,
    });
    expect(await run(['render', SEED.vasterbotten, '--to', 'pdf'], io(true) as never)).toBe(2);
    expect(errors.join('')).toMatch(/a pdf file is not for a terminal: give -o FILE\.pdf/u);
    expect(written).toEqual([]);
    expect(await run(['render', SEED.vasterbotten, '--to', 'docx'], io(false) as never)).toBe(0);
    expect(Buffer.concat(written).subarray(0, 2).toString()).toBe('PK');
  });

  it('says when an option does not apply to the format, and renders anyway', () => {
    const dir = tmp();
    const r = cli(['render', SEED.vasterbotten, '-o', join(dir, 'x.docx'), '--template', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^overens: warning: --template is for html, pdf and typst; docx is built without templates\n$/u);
    expect(cli(['render', SEED.vasterbotten, '--to', 'md', '--paper', 'a5']).stderr).toMatch(/--paper is for pdf, typst, html and docx/u);
  });

  it('refuses to typeset a PDF from a source past the limit, before Typst starts', () => {
    const out = join(tmp(), 'x.pdf');
    const r = cli(['render', SEED.norrbottenDraft, '-o', out], { env: { OVERENS_TYPST_MAX_MB: '0.01' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/norrbotten-word-draft\.txt: its Typst source is [\d.]+ MB, more than the 0\.01 MB a PDF is typeset from \(OVERENS_TYPST_MAX_MB/u);
    expect(existsSync(out)).toBe(false);
  });

  it('speaks Swedish when asked', () => {
    const r = cli(['render', SEED.vasterbotten, '--lang', 'sv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ange format/u);
    expect(cli(['render', '--help', '--lang', 'sv']).stdout).toMatch(/Exempel:\n {2}overens render/u);
  });
});
