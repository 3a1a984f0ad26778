/**
 * Issue 11, cases 1-3, 6, 7 and 9: where output goes, what input is read, and
 * what a closed pipe or a hostile argument does. Each case is run as a user
 * (or an attacker) would, on the built binary. See docs/RELIABILITY.md.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/seeds.js';

const R1 = join(ROOT, 'test/fixtures/diff/round-1.md');
const R2 = join(ROOT, 'test/fixtures/diff/round-2.md');
const BIN = join(ROOT, 'bin/overens.js');
const fresh = () => mkdtempSync(join(tmpdir(), 'overens-rob-'));
/** One line on standard error naming the file, exit 2, no stack. */
const refused = (r: { code: number; stderr: string }, file: string, reason: RegExp) => {
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(file);
  expect(r.stderr).toMatch(reason);
  expect(r.stderr).not.toMatch(/\n\s+at /u);
};

describe('1. -o onto devices, links, folders and existing files', () => {
  it('writes to a character device directly and leaves it a device', () => {
    const r = cli(['parse', R1, '-o', '/dev/null']);
    expect(r.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it.skipIf(!existsSync('/dev/full'))('names the file when the device is full (ENOSPC), exit 2', () => {
    refused(cli(['parse', R1, '-o', '/dev/full']), '/dev/full', /could not write \(ENOSPC\)/u);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('writes through /dev/stdout to the pipe, and "-o -" is standard output', () => {
    for (const target of ['/dev/stdout', '-']) {
      const r = cli(['parse', R1, '-o', target, '-f', 'yaml']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^schemaVersion: 1$/mu);
    }
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });

  it('follows a symlink: the real file is written, the link stays a link', () => {
    const dir = fresh();
    symlinkSync('real.json', join(dir, 'link.json'));
    expect(cli(['parse', R1, '-o', join(dir, 'link.json')]).code).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8'))).toMatchObject({ schemaVersion: 1 });
  });

  it('refuses a path ending in "/" or naming a folder, and a folder that does not exist', () => {
    const dir = fresh();
    refused(cli(['parse', R1, '-o', `${dir}/newdir/`]), 'newdir/', /is a folder/u);
    expect(existsSync(join(dir, 'newdir'))).toBe(false);
    refused(cli(['parse', R1, '-o', dir]), dir, /is a folder/u);
    refused(cli(['parse', R1, '-o', join(dir, 'missing/dir/x')]), 'missing/dir/x', /the folder .*missing\/dir does not exist/u);
  });

  it('replaces an existing file only with --force, atomically, leaving no temporary file', () => {
    const dir = fresh();
    const out = join(dir, 'out.json');
    writeFileSync(out, 'mine');
    refused(cli(['parse', R1, '-o', out]), out, /already exists; give --force/u);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect(cli(['parse', R1, '-o', out, '--force']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/"schemaVersion": 1/u);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('never writes over an input, named directly or through a link, even with --force', () => {
    const dir = fresh();
    const input = join(dir, 'in.md');
    writeFileSync(input, readFileSync(R1));
    symlinkSync(input, join(dir, 'alias.md'));
    refused(cli(['parse', input, '-o', join(dir, 'alias.md'), '--force']), 'alias.md', /over an input file/u);
    refused(cli(['diff', input, R2, '-o', input, '--force']), input, /over an input file/u);
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(R1, 'utf8'));
  });

  it('removes its temporary file when stopped by SIGTERM during -o', async () => {
    const dir = fresh();
    // A FIFO as output blocks the write until the signal comes; a regular file's write is too quick to catch,
    // so the temporary-file registry is what this checks: nothing is left in the folder after the signal.
    const child = spawn(process.execPath, [BIN, 'diff', R1, R2, '-f', 'html', '-o', join(dir, 'out.html')], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 150));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.on('exit', (c, s) => r(c ?? (s ? 143 : null))));
    expect([0, 143]).toContain(code);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('2. a manifest cannot read outside its agreement folder', () => {
  const manifest = (dir: string, source: string) =>
    writeFileSync(join(dir, 'manifest.yaml'), `id: evil\ntitle: Evil\nregion: X\nparties: []\nkind: agreement\nrevisions:\n  - label: a\n    status: draft\n    source: a.md\n  - label: b\n    status: draft\n    source: ${source}\n`);

  it.each([['../../../../../etc/passwd'], ['/etc/passwd'], ['leak.md']])('refuses a source of %s by name, and prints nothing of it', (source) => {
    const dir = fresh();
    writeFileSync(join(dir, 'a.md'), readFileSync(R1));
    symlinkSync('/etc/passwd', join(dir, 'leak.md'));
    manifest(dir, source);
    const r = cli(['diff', 'evil', 'a', 'b', '--dir', dir]);
    refused(r, 'manifest.yaml', new RegExp(`revision source ${source.replace(/[./]/gu, '\\$&')} lies outside the agreement folder`, 'u'));
    expect(r.stdout).toBe('');
  });

  it('log refuses such a source too, and build builds the rest and names it', () => {
    const dir = fresh();
    const repo = join(dir, 'repo');
    mkdirSync(repo);
    writeFileSync(join(repo, 'a.md'), readFileSync(R1));
    manifest(repo, '/etc/passwd');
    const log = cli(['log', 'evil', '--dir', repo]);
    refused(log, 'manifest.yaml', /revision source \/etc\/passwd lies outside the agreement folder/u);
    expect(log.stdout).toBe('');
    const out = join(dir, 'site');
    const build = cli(['build', repo, '--out', out, '--formats', 'md']);
    expect(build.code).toBe(1);
    expect(build.stdout).toMatch(/manifest\.yaml: revision source \/etc\/passwd lies outside the agreement folder/u);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toMatch(/root:x:0/u);
  });

  it('reads a source inside the folder, also through a link that stays inside', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'a.md'), readFileSync(R1));
    mkdirSync(join(dir, 'rounds'));
    writeFileSync(join(dir, 'rounds', 'b.md'), readFileSync(R2));
    symlinkSync(join(dir, 'rounds', 'b.md'), join(dir, 'b.md'));
    manifest(dir, 'b.md');
    expect(cli(['diff', 'evil', 'a', 'b', '--dir', dir]).code).toBe(0);
  });
});

describe('3. only regular files are read, and never more than the limit', () => {
  it('refuses a FIFO at once (parse, diff, --profile), where it used to wait for ever', () => {
    const dir = fresh();
    const fifo = join(dir, 'fifo.md');
    execFileSync('mkfifo', [fifo]);
    for (const args of [['parse', fifo], ['diff', fifo, R2], ['parse', R1, '--profile', fifo]]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000, env: { PATH: process.env.PATH, LANG: 'C' } });
      refused({ code: r.status ?? -1, stderr: r.stderr }, 'fifo.md', /not a regular file/u);
    }
  });

  it('refuses a link to /dev/zero, and a manifest source that is one', () => {
    const dir = fresh();
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    refused(cli(['parse', join(dir, 'zero.md')]), 'zero.md', /not a regular file/u);
  });

  it('build never waits on a FIFO named as a source: its jobs fail by name, the rest is built', () => {
    const dir = fresh();
    const repo = join(dir, 'repo');
    mkdirSync(repo);
    writeFileSync(join(repo, 'a.md'), readFileSync(R1));
    execFileSync('mkfifo', [join(repo, 'fifo.md')]);
    writeFileSync(join(repo, 'manifest.yaml'), 'id: evil\ntitle: Evil\nregion: X\nparties: []\nrevisions:\n  - label: a\n    status: draft\n    source: a.md\n  - label: b\n    status: draft\n    source: fifo.md\n');
    const out = join(dir, 'site');
    const r = spawnSync(process.execPath, [BIN, 'build', repo, '--out', out, '--formats', 'md', '--jobs', '1'], { encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH, LANG: 'C' } });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/diff evil a\.\.b: fifo\.md: not a regular file/u);
    expect(r.stdout).toMatch(/render evil md: fifo\.md: not a regular file/u);
    expect(r.stdout).not.toMatch(/\n\s+at /u);
    // The check of the readable revision is on the site.
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatch(/fifo\.md: not a regular file|fifo\.md: inte en vanlig fil/u);
    expect(existsSync(join(out, 'evil', 'a.html')) || readdirSync(out).length > 1).toBe(true);
  }, 130_000);

  it('reads standard input when told "-", under the same limit', () => {
    const r = spawnSync(process.execPath, [BIN, 'parse', '-', '-f', 'yaml'], { input: readFileSync(R1), encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/path: <stdin>/u);
    const big = spawnSync(process.execPath, [BIN, 'parse', '-'], { input: Buffer.alloc(64 * 1024 * 1024 + 10, 'a'), encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' } });
    refused({ code: big.status ?? -1, stderr: big.stderr }, '<stdin>', /too large \(> 64 MB; the limit is 64 MB\)/u);
  });
});

/** The command's output read up to its first chunk, then the reader goes away, as head does: its exit code and standard error. */
async function headOne(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, LANG: 'C' } });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
  return { code, stderr };
}

describe('6. a closed pipe', () => {
  it.each([[R1], [join(ROOT, 'agreements/norrbotten/samverkan-civilsamhallet/norrbotten-layout-proof.pdf.txt')]])('%s | head -1: quiet, exit 0, no stack, no library source', async (file) => {
    expect(await headOne(['parse', file])).toEqual({ code: 0, stderr: '' });
  });

  it('--help and --version | head -1: quiet, exit 0', async () => {
    for (const flag of ['--help', '--version']) expect(await headOne([flag])).toEqual({ code: 0, stderr: '' });
  });

  it('log | head -1: quiet, exit 0', async () => {
    expect(await headOne(['log', 'norrbotten-civilsamhalle', '--dir', join(ROOT, 'agreements')])).toEqual({ code: 0, stderr: '' });
  });

  it.skipIf(!existsSync('/dev/full'))('log -o /dev/full names the file, exit 2', () => {
    refused(cli(['log', 'norrbotten-civilsamhalle', '--dir', join(ROOT, 'agreements'), '-o', '/dev/full']), '/dev/full', /could not write \(ENOSPC\)/u);
  });
});

describe('7. a git revision cannot carry options', () => {
  it('refuses a spec that starts with "-" and never lets git write a file', () => {
    const dir = fresh();
    const target = join(dir, 'written');
    const r = cli(['diff', '--', `--output=${target}:x`, R2]);
    expect(r.code).toBe(2);
    expect(existsSync(target)).toBe(false);
  });
});

describe('9. the Markdown diff keeps agreement text text', () => {
  it('escapes a title with live HTML and CriticMarkup delimiters in the text', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'a.txt'), 'Avtal <img src=x onerror=alert(1)>\n\nSyfte\n\nVi ska ++} samverka nu.\n');
    writeFileSync(join(dir, 'b.txt'), 'Avtal <img src=x onerror=alert(1)>\n\nSyfte\n\nVi ska ++} samverka mer {-- nu.\n');
    const md = cli(['diff', join(dir, 'a.txt'), join(dir, 'b.txt'), '-f', 'md']).stdout;
    expect(md).toMatch(/^# Ändringar: Avtal \\<img src=x onerror=alert\(1\)\\>$/mu);
    expect(md).not.toMatch(/(?<!\\)<img/u);
    expect(md).toMatch(/^Vi ska \+\+\\\} samverka \{\+\+mer \\\{-- \+\+\}nu\.$/mu);
  });
});

describe('a site folder never leads a build outside it', () => {
  // A site can sit inside the repository a pull request changes, so what is in it is not trusted.
  const siteOf = () => {
    const dir = fresh();
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'avtal'), { recursive: true });
    writeFileSync(join(repo, 'avtal', 'a.md'), readFileSync(R1));
    writeFileSync(join(repo, 'avtal', 'manifest.yaml'), 'id: avtal\ntitle: Avtal\nregion: X\nparties: []\nrevisions:\n  - label: a\n    status: draft\n    source: a.md\n');
    mkdirSync(join(dir, 'site'));
    return { dir, repo, out: join(dir, 'site') };
  };
  const build = (repo: string, out: string) => cli(['build', repo, '--out', out, '--formats', 'md']);

  it('a state naming "../file" is no state: the file outside is not removed', () => {
    const { dir, repo, out } = siteOf();
    writeFileSync(join(dir, 'victim.txt'), 'kvar');
    const record = { hash: 'h', size: 4, mtimeMs: 1 };
    const state = { format: 'overens-build', version: 1, jobs: { x: { key: 'k', outputs: { '../victim.txt': record }, data: { kind: 'failed', job: 'check', error: { sv: 'x', en: 'x' } } } }, pages: { '/etc/x': { ...record, key: 'k' } }, manifests: {}, inputs: {} };
    writeFileSync(join(out, '.overens-build.json'), JSON.stringify(state));
    expect(build(repo, out).code).toBe(1);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('kvar');
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  it('a link where a page goes is replaced, and what it pointed to is untouched', () => {
    const { dir, repo, out } = siteOf();
    writeFileSync(join(dir, 'bashrc'), 'mitt');
    writeFileSync(join(out, '.overens-build.json'), '{}');
    symlinkSync(join(dir, 'bashrc'), join(out, 'index.html'));
    expect(build(repo, out).code).toBe(1);
    expect(readFileSync(join(dir, 'bashrc'), 'utf8')).toBe('mitt');
    expect(lstatSync(join(out, 'index.html')).isFile()).toBe(true);
  });

  it('a link where a folder goes is refused by name, and nothing is written through it', () => {
    const { dir, repo, out } = siteOf();
    mkdirSync(join(dir, 'home'));
    writeFileSync(join(out, '.overens-build.json'), '{}');
    symlinkSync(join(dir, 'home'), join(out, 'avtal'));
    const r = build(repo, out);
    // Progress lines come first; the refusal is the last line.
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^overens: .*site\/avtal\/[^ ]*: a link or a file stands where the site needs a folder/u);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
    expect(readdirSync(join(dir, 'home'))).toEqual([]);
  });
});
