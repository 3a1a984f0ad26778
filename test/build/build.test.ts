/**
 * `overens build` as a user runs it: a copy of the bundled agreements built
 * into a site, every link resolving; a second run that rewrites nothing; a
 * change to one agreement that rebuilds only its outputs; the same bytes on
 * one thread and two; and a broken document or manifest shown in the site
 * without stopping the build.
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../helpers/seeds.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { brokenLinks, contents, copyRepository, filesUnder, mtimes } from './helpers.js';

const NORR = 'norrbotten-civilsamhalle';
const VAST = 'vasterbotten-samverkan-2023-2026';
const VARM = 'varmland-dialogprocess';

describe('overens build of the bundled agreements', { timeout: 180_000 }, () => {
  let repo: string;
  let first: ReturnType<typeof cli>;
  beforeAll(() => {
    repo = copyRepository();
    first = cli(['build', 'agreements', '--out', 'site'], { cwd: repo, env: { CI: 'true' } });
  }, 180_000);

  it('builds everything, shows the check errors in the summary, and exits 1 for them', () => {
    expect(first.stderr).toMatch(/^17 jobs to build on \d threads?, 0 up to date$/m);
    // Plain lines when not on a terminal: one per job.
    expect(first.stderr.match(/^(check|render|diff) .* \(\d+\.\d s\)$/gm)).toHaveLength(17);
    expect(first.stdout).toMatch(/^Built site in \d+\.\d s: 17 jobs on \d threads?, 0 up to date; \d+ files written, 0 removed\.$/m);
    expect(first.stdout).toMatch(/^Check: 5 errors and 19 warnings in 3 agreements\.$/m);
    expect(first.stdout).toMatch(/^Open site\/index\.html$/m);
    expect(first.code).toBe(1);
  });

  it('writes the index, a page per agreement, each current text in four formats, the redlines and the sources', () => {
    const files = filesUnder(join(repo, 'site'));
    for (const id of [NORR, VAST, VARM]) expect(files).toContain(`${id}/index.html`);
    expect(files).toContain('index.html');
    for (const ext of ['pdf', 'html', 'docx', 'md']) {
      expect(files).toContain(`${NORR}/${NORR}-layout-proof.${ext}`);
      expect(files).toContain(`${VAST}/${VAST}-draft.${ext}`);
      expect(files).toContain(`${VARM}/${VARM}-report-2016.${ext}`);
    }
    for (const pair of ['word-draft_layout-proof', 'layout-proof_stodstruktur-revised']) {
      expect(files).toContain(`${NORR}/diff-${pair}.html`);
      expect(files).toContain(`${NORR}/diff-${pair}.docx`);
    }
    for (const label of ['word-draft', 'layout-proof', 'stodstruktur-revised', 'manifest.yaml']) expect(files).toContain(`${NORR}/source/${label}.html`);
    // The rendered files are what overens render makes of the same revision.
    const md = cli(['render', NORR, 'layout-proof', '--to', 'md'], { cwd: repo });
    expect(readFileSync(join(repo, 'site', NORR, `${NORR}-layout-proof.md`), 'utf8')).toBe(md.stdout);
    expect(readFileSync(join(repo, 'site', NORR, `${NORR}-layout-proof.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('no page, file or the state names the folder the build ran in (the site is the same on every machine)', () => {
    for (const file of filesUnder(join(repo, 'site')).filter((f) => /\.(html|md|json)$/u.test(f))) expect(readFileSync(join(repo, 'site', file), 'utf8'), file).not.toContain(repo);
  });

  it('every link on every page resolves, anchors included, and none leaves the site', () => {
    expect(brokenLinks(join(repo, 'site'))).toEqual([]);
  });

  it('the index names every agreement with its parties, revisions, changes per round and check results', () => {
    const index = readFileSync(join(repo, 'site/index.html'), 'utf8');
    expect(index).toMatch(/<html lang="sv">/);
    expect(index).toContain('Parter: Region Norrbotten, Länsstyrelsen Norrbotten och Civilsamhället på regional nivå i Norrbotten (genom Samforma)');
    for (const label of ['word-draft', 'layout-proof', 'stodstruktur-revised', 'report-2016', 'draft']) expect(index).toContain(`<strong>${label}</strong>`);
    // The change counts are the diff's own.
    const diff = JSON.parse(cli(['diff', NORR, 'word-draft', 'layout-proof', '-f', 'json'], { cwd: repo }).stdout);
    expect(index).toContain(`${diff.changes.length} ändringar: `);
    expect(index).toContain('29 december 2016');
    expect(index).toContain('platshållare kvar: &#34;X ledamöter&#34;');
    expect(index).not.toMatch(/https?:\/\//u);
  });

  it('each finding links to its line in the source page, which shows it there', () => {
    const page = readFileSync(join(repo, 'site', VAST, 'index.html'), 'utf8');
    const link = /<a href="(source\/draft\.html#L(\d+))"[^>]*>rad \d+<\/a>: platshållare kvar/u.exec(page);
    expect(link).not.toBeNull();
    const source = readFileSync(join(repo, 'site', VAST, 'source/draft.html'), 'utf8');
    const line = new RegExp(`<span id="L${link![2]}" class="hit">.*?platshållare kvar`, 'u');
    expect(source).toMatch(line);
  });

  it('the agreement page puts the rounds on a timeline with what changed in each', () => {
    const page = readFileSync(join(repo, 'site', NORR, 'index.html'), 'utf8');
    const log = JSON.parse(cli(['log', NORR, '-f', 'json'], { cwd: repo }).stdout);
    const order = ['word-draft', 'layout-proof', 'stodstruktur-revised'].map((l) => page.indexOf(`id="round-${l}"`));
    expect(order.every((p, i) => p > 0 && (i === 0 || p > order[i - 1]!))).toBe(true);
    expect(page).toContain('Jämför bara avsnittet ”Stödstruktur för överenskommelsen”');
    expect(log.rounds[1].changes.length).toBeGreaterThan(0);
    expect(page).toContain('Princip 4 Dialog: 1 stycke ändrat');
  });

  it('a second run with nothing changed rewrites no file and says so', () => {
    const before = mtimes(join(repo, 'site'));
    const again = cli(['build', 'agreements', '--out', 'site', '--exit-zero'], { cwd: repo, env: { CI: 'true' } });
    expect(again.stdout).toMatch(/^nothing to build: site is up to date \(17 jobs\)$/m);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(mtimes(join(repo, 'site'))).toEqual(before);
  });

  it('a change to one agreement rebuilds only what depends on it', () => {
    appendFileSync(join(repo, 'agreements/vasterbotten/samverkan-regional-utveckling-2023-2026/vasterbotten-samverkan-2023-2026.md'), '\nEtt nytt stycke om uppföljning.\n');
    const r = cli(['build', 'agreements', '--out', 'site', '--format', 'json'], { cwd: repo });
    const report = JSON.parse(r.stdout);
    // The check and the four formats of Västerbotten; no diff (one revision).
    expect(report.ran).toBe(5);
    expect(report.upToDate).toBe(12);
    // Outside its folder, only the index may change (it does not here: its counts are the same).
    expect(report.written.filter((f: string) => !f.startsWith(`${VAST}/`) && f !== 'index.html')).toEqual([]);
    expect(report.written).toContain(`${VAST}/${VAST}-draft.pdf`);
    expect(readFileSync(join(repo, 'site', VAST, `${VAST}-draft.md`), 'utf8')).toContain('Ett nytt stycke om uppföljning.');
  });

  it('an edit that keeps the file\'s size is seen too (its time changed, so it is hashed again)', () => {
    const file = join(repo, 'agreements/vasterbotten/samverkan-regional-utveckling-2023-2026/vasterbotten-samverkan-2023-2026.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('Ett nytt stycke om uppföljning.', 'Ett nytt stycke om uppföljnin!.'));
    expect(readFileSync(file).length).toBe(Buffer.byteLength(text));
    const report = JSON.parse(cli(['build', 'agreements', '--out', 'site', '--format', 'json'], { cwd: repo }).stdout);
    expect(report.ran).toBe(5);
    expect(readFileSync(join(repo, 'site', VAST, `${VAST}-draft.md`), 'utf8')).toContain('uppföljnin!.');
  });

  it('--clean starts over, and one thread makes the same bytes as two', () => {
    const two = contents(join(repo, 'site'), ['.overens-build.json']);
    const r = cli(['build', 'agreements', '--out', 'site', '--clean', '--jobs', '1', '--exit-zero'], { cwd: repo, env: { CI: 'true' } });
    expect(r.stdout).toMatch(/^Built site in .*: 17 jobs on 1 thread, 0 up to date; \d+ files written, 0 removed\.$/m);
    expect(contents(join(repo, 'site'), ['.overens-build.json'])).toEqual(two);
  });
});

// Each of these builds the whole bundled repository: minutes on a loaded two-core machine.
describe('overens build with less than perfect input', { timeout: 180_000 }, () => {
  it('a document that cannot be read and a manifest that cannot be used are shown in the site; the rest is built', () => {
    const repo = copyRepository();
    const broken = join(repo, 'agreements/trasig');
    mkdirSync(broken);
    writeFileSync(join(broken, 'utkast.docx'), 'PK\u0003\u0004 a zip file cut short');
    writeFileSync(join(broken, 'manifest.yaml'), 'id: trasig\ntitle: Trasig <script>alert(1)</script>\nregion: Test\nparties: [A & B]\nrevisions:\n  - label: utkast\n    status: draft\n    source: utkast.docx\n');
    const bad = join(repo, 'agreements/ogiltig');
    mkdirSync(bad);
    writeFileSync(join(bad, 'manifest.yaml'), 'id: ogiltig\ntitle: T\nregion: R\nparties: []\nrevisions:\n  - label: a\n    status: maybe\n    source: doc.txt\n');
    const r = cli(['build', 'agreements', '--out', 'site', '--formats', 'md,html'], { cwd: repo, env: { CI: 'true' } });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
    expect(r.stdout).toMatch(/^Could not be built:$/m);
    expect(r.stdout).toMatch(/^ {2}ogiltig\/manifest\.yaml: .*invalid manifest: revisions\.0\.status/m);
    expect(r.stdout).toMatch(/^ {2}render trasig md: .*utkast\.docx/m);
    const index = readFileSync(join(repo, 'site/index.html'), 'utf8');
    expect(index).toContain('Manifestet kunde inte läsas');
    expect(index).toContain('kunde inte skapas');
    // Why, with the file named from the repository, not where this machine keeps it.
    expect(index).toMatch(/kunde inte skapas \(trasig\/utkast\.docx: /u);
    for (const file of filesUnder(join(repo, 'site')).filter((f) => /\.(html|json)$/u.test(f))) expect(readFileSync(join(repo, 'site', file), 'utf8'), file).not.toContain(repo);
    // The manifest's text is shown, never run.
    expect(index).not.toContain('<script>');
    expect(index).toContain('Trasig &#60;script&#62;alert(1)&#60;/script&#62;');
    // The other agreements are all there.
    expect(existsSync(join(repo, 'site', NORR, `${NORR}-layout-proof.html`))).toBe(true);
    expect(brokenLinks(join(repo, 'site'))).toEqual([]);
  });

  it('a format no longer asked for is removed, with nothing else touched', () => {
    const repo = copyRepository();
    cli(['build', 'agreements', '--out', 'site', '--formats', 'md,html'], { cwd: repo });
    const before = mtimes(join(repo, 'site'));
    const report = JSON.parse(cli(['build', 'agreements', '--out', 'site', '--formats', 'md', '-f', 'json'], { cwd: repo }).stdout);
    expect(report.removed.sort()).toEqual([`${NORR}/${NORR}-layout-proof.html`, `${VARM}/${VARM}-report-2016.html`, `${VAST}/${VAST}-draft.html`].sort());
    const after = mtimes(join(repo, 'site'));
    for (const f of Object.keys(after)) if (!report.written.includes(f) && f !== '.overens-build.json') expect(after[f]).toBe(before[f]);
  });

  it('refuses an output folder of other files, the repository itself, and unknown options, with one line and exit 2', () => {
    const repo = copyRepository();
    mkdirSync(join(repo, 'docs'));
    writeFileSync(join(repo, 'docs/README.md'), '# mine\n');
    expect(cli(['build', 'agreements', '--out', 'docs'], { cwd: repo })).toMatchObject({ code: 2, stdout: '', stderr: 'overens: docs: holds files a build did not make (there is no .overens-build.json); choose another --out or empty the folder\n' });
    expect(readFileSync(join(repo, 'docs/README.md'), 'utf8')).toBe('# mine\n');
    expect(cli(['build', 'agreements', '--out', 'agreements'], { cwd: repo })).toMatchObject({ code: 2, stderr: 'overens: agreements: is the repository folder or holds it; choose an output folder of its own, such as site\n' });
    expect(cli(['build', 'agreements', '--out', '.'], { cwd: repo }).code).toBe(2);
    expect(cli(['build', 'agreements', '--formats', 'pdf,odt'], { cwd: repo })).toMatchObject({ code: 2, stderr: 'overens: --formats: unknown format "odt" (known: pdf, html, docx, md)\n' });
    expect(cli(['build', 'agreements', '--jobs', '0'], { cwd: repo })).toMatchObject({ code: 2, stderr: 'overens: --jobs 0: give a whole number, 1 or more\n' });
    expect(existsSync(join(repo, 'site'))).toBe(false);
    rmSync(repo, { recursive: true, force: true });
  });

  it('on a terminal, shows a live bar of the jobs, clears it, and ends with the summary', () => {
    const repo = copyRepository();
    // script(1) (util-linux, in every Debian) gives the build a terminal.
    const command = `${process.execPath} ${join(ROOT, 'bin/overens.js')} build agreements --out site --formats md`;
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: repo, env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', TERM: 'xterm' }, encoding: 'utf8' });
    expect(r.stdout).toMatch(/ \d+\/8 {2}(check|render|diff) /u);
    expect(r.stdout).toContain('\u001b[0J'); // the bar is cleared before the summary
    expect(r.stdout).toMatch(/Built site in .*: 8 jobs on \d threads?/u);
    expect(r.stdout).not.toMatch(/^render .* \(\d+\.\d s\)/mu);
  });

  it('many agreements (an agreement\'s jobs as one task of the pool) give the same bytes as one thread', () => {
    const repo = mkdtempSync(join(tmpdir(), 'overens-build-many-'));
    const made = spawnSync(process.execPath, [join(ROOT, 'bench/repo.mjs'), repo, '12'], { cwd: ROOT, encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const pooled = JSON.parse(cli(['build', 'agreements', '--out', 'a', '--formats', 'md,html', '--jobs', '2', '-f', 'json'], { cwd: repo }).stdout);
    expect(pooled).toMatchObject({ agreements: 12, ran: 48, threads: 2, failed: [] });
    cli(['build', 'agreements', '--out', 'b', '--formats', 'md,html', '--jobs', '1'], { cwd: repo });
    expect(contents(join(repo, 'a'), ['.overens-build.json'])).toEqual(contents(join(repo, 'b'), ['.overens-build.json']));
  });

  it('says it in Swedish', () => {
    const repo = copyRepository();
    const r = cli(['build', 'agreements', '--out', 'site', '--formats', 'md', '--lang', 'sv'], { cwd: repo });
    expect(r.stdout).toMatch(/^Byggde site på .* s: 8 jobb på \d trådar, 0 redan aktuella; \d+ filer skrivna, 0 borttagna\.$/m);
    expect(r.stdout).toMatch(/^Kontroll: 5 fel och 19 varningar i 3 överenskommelser\.$/m);
    expect(cli(['build', 'agreements', '--out', 'site', '--formats', 'md', '--lang', 'sv'], { cwd: repo }).stdout).toMatch(/^inget att bygga: site är aktuell \(8 jobb\)$/m);
  });
});
