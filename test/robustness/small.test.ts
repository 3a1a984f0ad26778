/**
 * Issue 11, cases 8 and 10: terminal escapes in the text, and the small
 * things that were wrong (each checked as a user meets it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/seeds.js';
import { showControls } from '../../src/text.js';

const BIN = join(ROOT, 'bin/overens.js');
const R1 = join(ROOT, 'test/fixtures/diff/round-1.md');
const R2 = join(ROOT, 'test/fixtures/diff/round-2.md');
const fresh = () => mkdtempSync(join(tmpdir(), 'overens-small-'));
const SCRIPT = '/usr/bin/script';
if (!existsSync(SCRIPT) && process.env.CI === 'true') throw new Error('CI=true but no /usr/bin/script (Debian bsdutils) to give the CLI a terminal');

/** The command's output on a pseudo-terminal (util-linux script), as a user at a terminal sees it. */
function onTerminal(args: string[]): string {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/gu, "'\\''")}'`).join(' ');
  // The exit code is the command's (-e); what matters here is what the terminal shows.
  return spawnSync(SCRIPT, ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C', TERM: 'xterm' } }).stdout;
}

describe('8. escape sequences in the text never reach the terminal', () => {
  const dir = fresh();
  const title = 'Avtal \u001b]0;pwned\u0007 och \u001b[2J rensat';
  writeFileSync(join(dir, 'a.txt'), `${title}\n\nSyfte\n\nText \u001b]8;;http://x\u0007 röd.\n`);
  writeFileSync(join(dir, 'b.txt'), `${title}\n\nSyfte\n\nText \u001b]8;;http://x\u0007 blå.\n`);

  it('shows control characters as pictures', () => {
    expect(showControls('a\u001b[2Jb\u0007c\u009bd\ne\tf')).toBe('a\u241b[2Jb\u2407c<U+009B>d\ne\tf');
  });

  it.skipIf(!existsSync(SCRIPT))('in the summary and the text diff on a terminal: no OSC or erase sequence from the text', () => {
    for (const out of [onTerminal(['parse', join(dir, 'a.txt'), '-f', 'summary']), onTerminal(['diff', join(dir, 'a.txt'), join(dir, 'b.txt')])]) {
      expect(out).not.toMatch(/\u001b\]|\u001b\[2J|\u0007/u);
      expect(out).toMatch(/\u241b\]/u);
    }
  });

  it.skipIf(!existsSync(SCRIPT))('in log and build on a terminal: the text, and a file name in a failure, are shown', () => {
    const repo = fresh();
    mkdirSync(join(repo, 'evil'));
    writeFileSync(join(repo, 'evil', 'a.txt'), readFileSync(join(dir, 'a.txt')));
    writeFileSync(join(repo, 'evil', 'b.txt'), readFileSync(join(dir, 'b.txt')));
    const manifest = (b: string) => `id: evil\ntitle: Evil\nregion: X\nparties: []\nrevisions:\n  - label: a\n    status: draft\n    source: a.txt\n  - label: b\n    status: draft\n    source: "${b}"\n`;
    writeFileSync(join(repo, 'evil', 'manifest.yaml'), manifest('b.txt'));
    const log = onTerminal(['log', 'evil', '--dir', repo]);
    expect(log).toMatch(/\u241b\]0;pwned\u2407/u);
    // A source that is not there, named with an OSC sequence: the build names it in its failures.
    writeFileSync(join(repo, 'evil', 'manifest.yaml'), manifest('c\\e]0;pwned\\a.txt'));
    const build = onTerminal(['build', repo, '--out', join(fresh(), 'site')]);
    expect(build).toMatch(/c\u241b\]0;pwned\u2407\.txt/u);
    for (const out of [log, build]) expect(out).not.toMatch(/\u001b\]|\u001b\[2J|\u0007/u);
  });

  it('output to a pipe or file stays exact: the JSON keeps the escape', () => {
    const r = cli(['diff', join(dir, 'a.txt'), join(dir, 'b.txt'), '-f', 'json']);
    expect(r.stdout).toContain('\\u001b]8;;http://x\\u0007');
  });
});

describe('10. small things', () => {
  it('a NUL byte after the first 64 KiB is refused like one at the start', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'late.txt'), Buffer.concat([Buffer.from(`Avtal\n\n${'ord '.repeat(20_000)}`), Buffer.from([0]), Buffer.from(' mer\n')]));
    const r = cli(['parse', join(dir, 'late.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/late\.txt: looks like a binary file \(a NUL byte at offset 80007\)/u);
  });

  it('UTF-16 without a byte-order mark is read as text, both byte orders', () => {
    const dir = fresh();
    const text = 'Avtal om samverkan\n\nSyfte\n\nVi samverkar i länet.\n';
    writeFileSync(join(dir, 'le.txt'), Buffer.from(text, 'utf16le'));
    writeFileSync(join(dir, 'be.txt'), Buffer.from(text, 'utf16le').swap16());
    for (const f of ['le.txt', 'be.txt']) {
      const r = cli(['parse', join(dir, f), '-f', 'summary']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Title: Avtal om samverkan/u);
    }
  });

  it('diff -f docx gives the same bytes every run, and honours SOURCE_DATE_EPOCH', () => {
    const run = (env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [BIN, 'diff', R1, R2, '-f', 'docx'], { env: { PATH: process.env.PATH, LANG: 'C', ...env } }).stdout;
    const first = run();
    expect(Buffer.compare(first, run())).toBe(0);
    const stamped = run({ SOURCE_DATE_EPOCH: '1700000000' });
    expect(Buffer.compare(first, stamped)).not.toBe(0);
    expect(Buffer.compare(stamped, run({ SOURCE_DATE_EPOCH: '1700000000' }))).toBe(0);
  });

  it('a broken .docx is one line, never a library\'s "Cannot read properties of null"', async () => {
    const dir = fresh();
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Text');
    writeFileSync(join(dir, 'broken.docx'), await zip.generateAsync({ type: 'uint8array' }));
    const r = cli(['parse', join(dir, 'broken.docx')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/broken\.docx: /u);
    expect(r.stderr).not.toMatch(/Cannot read properties/u);
  });

  it('--debug shows where an error was raised', () => {
    const r = cli(['parse', 'no-such-file.md', '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^overens: no-such-file\.md: no such file$/mu);
    expect(r.stderr).toMatch(/^\s+at /mu);
    expect(r.stderr).not.toMatch(/\u001b\[/u);
  });

  it('--lang xx names the language, not a format', () => {
    expect(cli(['parse', R1, '--lang', 'xx']).stderr.trim()).toBe('overens: unknown language "xx", expected en or sv');
  });

  it('a limit is raised (or lowered) from the environment, as docs/RELIABILITY.md says', () => {
    const r = cli(['parse', R1], { env: { OVERENS_MAX_INPUT_MB: '0.0001' } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`overens: ${R1}: too large (> 0.0001 MB; the limit is 0.0001 MB)`);
    expect(cli(['parse', R1], { env: { OVERENS_MAX_INPUT_MB: 'nonsense' } }).code).toBe(0);
  });

  it('build FILE says it takes a folder, not that the file is missing', () => {
    const r = cli(['build', R1]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/round-1\.md: is a file; build takes a folder of agreements/u);
  });
});
