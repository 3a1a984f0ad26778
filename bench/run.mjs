#!/usr/bin/env node
/**
 * `npm run bench`: whole-process timings, overens next to its peers in one
 * run, interleaved, at least 5 runs each. Not a test: nothing here asserts a
 * time. Prints a Markdown table and writes it to bench/results/<date>.md
 * (<date>-<sections>.md for a run of some sections only).
 *
 * Cases:
 * - diff of the generated revision pairs (bench/gen.mjs, a copy of the
 *   project's shared generator, run on the seed documents in agreements/;
 *   every file checked against bench/checksums.md5), next to
 *   `git diff --no-index --word-diff=porcelain` and GNU wdiff, with the number
 *   of changed words overens reports (a silent "everything changed" shows);
 * - render of the Norrbotten agreement to each format, next to pandoc's
 *   Markdown → HTML and Markdown → PDF (with the first LaTeX engine found)
 *   from the same text, and bare `node -e ""`, the startup floor;
 * - check of a generated repository (bench/repo.mjs: N agreements, two rounds
 *   each, as Markdown), next to markdownlint-cli2 on the same files;
 * - build of the same repository into a site: the first build once (minutes),
 *   with how busy each core was, then a second run with nothing changed.
 *
 *   npm run bench                                   # 5 runs; a repository of 1,000 agreements, 3 runs
 *   npm run bench -- --runs 9 --agreements 200 --check-runs 5
 *   npm run bench -- --build-formats pdf,html,docx,md   # the build's formats (default html,md)
 *   npm run bench -- --pairs real,1m                   # which pairs (default all seven)
 *   npm run bench -- --only start,diff                 # which sections (start, diff, parse, render, check, build; default all)
 *   npm run bench -- --only diff --pairs real,10m --profile   # and where each diff's time goes, by function
 *
 * Every case also reports its peak resident memory (GNU time's %M; Debian
 * package time), and every overens diff and parse case where its time went
 * inside the process (one more run with OVERENS_PHASES, src/phases.ts). With
 * --profile, one more run of each with `node --cpu-prof` adds the functions
 * that took the time (bench/profile.mjs).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileTables } from './profile.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]) || fallback;
};
// --smoke: the script's every path on small inputs (the real pair, three agreements, one run of each repository case), for CI; it writes no results file.
const smoke = process.argv.includes('--smoke');
const profile = process.argv.includes('--profile');
const runs = Math.max(5, arg('--runs', 5));
const agreements = smoke ? 3 : arg('--agreements', 1000);
const checkRuns = smoke ? 1 : Math.max(1, arg('--check-runs', 3));
const buildFormats = process.argv.includes('--build-formats') ? process.argv[process.argv.indexOf('--build-formats') + 1] : 'html,md';
const dir = mkdtempSync(join(tmpdir(), 'overens-bench-'));
const SOURCE = 'agreements/norrbotten/samverkan-civilsamhallet/norrbotten-word-draft.txt';
const node = process.execPath;
const overens = ['bin/overens.js'];
const SECTIONS = ['start', 'diff', 'parse', 'render', 'check', 'build'];
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : SECTIONS;
for (const o of only) if (!SECTIONS.includes(o)) throw new Error(`--only: unknown section "${o}" (known: ${SECTIONS.join(', ')})`);
const want = (section) => only.includes(section);
const TIME = '/usr/bin/time';

const found = (program) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
const foundFile = (file) => spawnSync('test', ['-x', file]).status === 0;

// The same text for every tool: the agreement as overens renders it to Markdown.
const md = join(dir, 'norrbotten.md');
if (want('render')) {
  const made = spawnSync(node, [...overens, 'render', SOURCE, '--to', 'md', '-o', md], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`could not make the Markdown input: ${made.stderr}`);
}
// pandoc's PDF goes through LaTeX: the first installed engine that can set this text.
const engine = want('render') && found('pandoc') ? ['pdflatex', 'xelatex', 'lualatex'].filter(found).find((e) => spawnSync('pandoc', [md, `--pdf-engine=${e}`, '-o', join(dir, 'probe.pdf')], { stdio: 'ignore' }).status === 0) : undefined;

// The revision pairs: the seeds (as they sit in agreements/) through the shared generator, checked.
const ALL_PAIRS = ['real', '100k', '1m', '3m', '10m', '1m-light', 'shuffle-1m'];
const pairs = smoke ? ['real'] : process.argv.includes('--pairs') ? process.argv[process.argv.indexOf('--pairs') + 1].split(',') : ALL_PAIRS;
for (const p of pairs) if (!ALL_PAIRS.includes(p)) throw new Error(`--pairs: unknown pair "${p}" (known: ${ALL_PAIRS.join(', ')})`);
const seeds = join(dir, 'seeds');
mkdirSync(seeds);
const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name === 'manifest.yaml' ? [] : [join(d, e.name)]));
for (const f of walk('agreements')) copyFileSync(f, join(seeds, f.split('/').pop()));
const pairDir = join(dir, 'pairs');
const gen = spawnSync(node, ['bench/gen.mjs', seeds, pairDir], { encoding: 'utf8' });
if (gen.status !== 0) throw new Error(`bench/gen.mjs failed: ${gen.stderr}`);
for (const line of readFileSync('bench/checksums.md5', 'utf8').trim().split('\n')) {
  const [sum, file] = line.split(/\s+/u);
  const got = createHash('md5').update(readFileSync(join(pairDir, file))).digest('hex');
  if (got !== sum) throw new Error(`${file}: md5 ${got}, expected ${sum} (bench/checksums.md5): not the inputs the benchmark is defined on`);
}
const peerNote = (name, why) => ({ name, missing: why });
const diffCases = !want('diff')
  ? []
  : pairs.flatMap((p) => {
      const [a, b] = [join(pairDir, `${p}.a.md`), join(pairDir, `${p}.b.md`)];
      return [
        { name: `overens diff ${p}`, cmd: [node, ...overens, 'diff', a, b, '-f', 'json', '-o', join(dir, `${p}.json`), '--force'], pair: p, json: join(dir, `${p}.json`), phases: true },
        { name: `git diff --word-diff ${p}`, cmd: ['git', 'diff', '--no-index', '--word-diff=porcelain', a, b], ok: [0, 1], pair: p, peer: true },
        found('wdiff') ? { name: `wdiff ${p}`, cmd: ['wdiff', a, b], ok: [0, 1], pair: p } : peerNote(`wdiff ${p}`, 'GNU wdiff not installed (Debian package wdiff)'),
      ];
    });
// Parse of the 1m document (the real one in a smoke run) next to pandoc reading the same Markdown.
const parseInput = join(pairDir, `${smoke ? 'real' : '1m'}.a.md`);
const parseCases = !want('parse')
  ? []
  : [
      { name: `overens parse ${smoke ? 'real' : '1m'}`, cmd: [node, ...overens, 'parse', parseInput, '-f', 'json', '-o', join(dir, 'parsed.json'), '--force'], phases: true, parse: true },
      found('pandoc') ? { name: `pandoc md → html ${smoke ? 'real' : '1m'}`, cmd: ['pandoc', parseInput, '-o', join(dir, 'parsed.html')], parsePeer: true } : peerNote('pandoc md → html', 'pandoc not installed'),
    ];
const startCases = !want('start')
  ? []
  : [
      { name: 'overens --version', cmd: [node, ...overens, '--version'] },
      { name: 'overens --help', cmd: [node, ...overens, '--help'] },
      { name: 'npm start (build of the bundled agreements, from scratch)', cmd: [node, ...overens, 'build', 'agreements', '--out', join(dir, 'start-site'), '--clean', '--exit-zero'] },
    ];
const renderCases = !want('render')
  ? []
  : [
      { name: 'overens render → md', cmd: [node, ...overens, 'render', SOURCE, '-o', join(dir, 'o.md'), '--force'] },
      { name: 'overens render → html', cmd: [node, ...overens, 'render', SOURCE, '-o', join(dir, 'o.html'), '--force'] },
      { name: 'overens render → docx', cmd: [node, ...overens, 'render', SOURCE, '-o', join(dir, 'o.docx'), '--force'] },
      { name: 'overens render → pdf', cmd: [node, ...overens, 'render', SOURCE, '-o', join(dir, 'o.pdf'), '--force'] },
      { name: 'overens render md → pdf (same input as pandoc)', cmd: [node, ...overens, 'render', md, '-o', join(dir, 'm.pdf'), '--force'] },
      found('pandoc') ? { name: 'pandoc md → html', cmd: ['pandoc', md, '-s', '--metadata', 'title=x', '-o', join(dir, 'p.html')] } : peerNote('pandoc md → html', 'pandoc not installed'),
      found('pandoc') && engine ? { name: `pandoc md → pdf (${engine})`, cmd: ['pandoc', md, `--pdf-engine=${engine}`, '-o', join(dir, 'p.pdf')], renderPeer: true } : peerNote('pandoc md → pdf', found('pandoc') ? 'no LaTeX engine installed that sets this text' : 'pandoc not installed'),
    ];
const cases = [{ name: 'node -e "" (startup floor)', cmd: [node, '-e', ''] }, ...startCases, ...diffCases, ...parseCases, ...renderCases];

// The repository the check and build cases read.
const repo = join(dir, 'repo');
if (want('check') || want('build')) {
  const generated = spawnSync(node, ['bench/repo.mjs', repo, String(agreements)], { encoding: 'utf8' });
  if (generated.status !== 0) throw new Error(`could not generate the repository: ${generated.stderr}`);
}
const markdownlint = 'node_modules/.bin/markdownlint-cli2';
const checkCases = !want('check')
  ? []
  : [
      { name: `overens check, ${agreements} agreements (${agreements * 2} documents)`, cmd: [node, ...overens, 'check', join(repo, 'agreements'), '--format', 'json', '-o', join(dir, 'check.json'), '--force'], ok: [0, 1] },
      foundFile(markdownlint) ? { name: `markdownlint-cli2, the same ${agreements * 2} Markdown files`, cmd: [markdownlint, `${repo}/agreements/**/*.md`], ok: [0, 1] } : peerNote('markdownlint-cli2', 'not installed (npm ci installs it)'),
    ];
cases.push(...checkCases);

// The first build of the repository, once: how long, and how busy each core was meanwhile.
const site = join(dir, 'site');
const buildCmd = [node, ...overens, 'build', join(repo, 'agreements'), '--out', site, '--formats', buildFormats, '--exit-zero'];
const busy = () => cpus().map((c) => ({ idle: c.times.idle, total: Object.values(c.times).reduce((a, b) => a + b, 0) }));
let firstBuild = null;
let firstSeconds = 0;
let coreUse = [];
if (want('build')) {
  const before = busy();
  const buildStart = process.hrtime.bigint();
  firstBuild = spawnSync(buildCmd[0], buildCmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 7_200_000, maxBuffer: 512 * 1024 * 1024 });
  firstSeconds = Number(process.hrtime.bigint() - buildStart) / 1e9;
  coreUse = busy().map((c, i) => 1 - (c.idle - before[i].idle) / (c.total - before[i].total));
}
const buildCases = !want('build') ? [] : [{ name: `overens build, ${agreements} agreements (--formats ${buildFormats}), second run with nothing changed`, cmd: buildCmd, ok: [0] }];
cases.push(...buildCases);

const times = new Map(cases.map((c) => [c.name, []]));
const rss = new Map();
const failed = new Map();
for (let r = 0; r < runs; r++) {
  for (const c of cases) {
    if (c.missing || failed.has(c.name)) continue;
    // The repository cases take minutes: fewer runs.
    if ((checkCases.includes(c) || buildCases.includes(c)) && r >= checkRuns) continue;
    // GNU time measures the peak memory (a few hundred microseconds of its own, the same for every case).
    const rssFile = join(dir, 'rss');
    const cmd = foundFile(TIME) ? [TIME, '-f', '%M', '-o', rssFile, ...c.cmd] : c.cmd;
    const start = process.hrtime.bigint();
    // A linter writes a line per finding: room for all of it, so the run is not cut short.
    const out = spawnSync(cmd[0], cmd.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 1_800_000, maxBuffer: 512 * 1024 * 1024 });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    // A linter exits 1 when it finds something: that is a run, not a failure.
    if (!(c.ok ?? [0]).includes(out.status)) failed.set(c.name, (out.stderr || String(out.error)).split('\n')[0]);
    else {
      times.get(c.name).push(seconds);
      if (foundFile(TIME)) rss.set(c.name, Math.max(rss.get(c.name) ?? 0, Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) * 1024));
    }
  }
}

// Where the time goes inside overens: one more run of each diff and parse case, with the phases written out.
const phases = new Map();
for (const c of cases.filter((x) => x.phases && !failed.has(x.name))) {
  const file = join(dir, 'phases.json');
  const out = spawnSync(c.cmd[0], c.cmd.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, OVERENS_PHASES: file }, encoding: 'utf8' });
  if (out.status === 0) phases.set(c.name, JSON.parse(readFileSync(file, 'utf8')));
}

// Where the time goes by function: one more run of each diff and parse case under V8's CPU profiler.
const profiles = new Map();
for (const c of profile ? cases.filter((x) => x.phases && !failed.has(x.name)) : []) {
  const folder = mkdtempSync(join(dir, 'profile-'));
  const out = spawnSync(c.cmd[0], ['--cpu-prof', `--cpu-prof-dir=${folder}`, ...c.cmd.slice(1)], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const [file] = readdirSync(folder).filter((f) => f.endsWith('.cpuprofile'));
  if (out.status === 0 && file) profiles.set(c.name, profileTables(join(folder, file)));
}

/** The words overens reports inserted or deleted in a diff's JSON. */
function changedWords(file) {
  const diff = JSON.parse(readFileSync(file, 'utf8'));
  let n = 0;
  for (const c of diff.changes) for (const w of c.words ?? []) if (w.op !== 'equal') n += (w.text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  return n;
}

const fmt = (s) => (s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`);
const mib = (bytes) => (bytes === undefined ? 'n/a' : `${Math.round(bytes / 1024 / 1024)} MiB`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medianOf = (c) => (c && !c.missing && times.get(c.name)?.length ? median(times.get(c.name)) : undefined);
const floor = median(times.get(cases[0].name));
const pandocMedian = medianOf(cases.find((c) => c.renderPeer));
const lintMedian = medianOf(checkCases.find((c) => c.name.startsWith('markdownlint')));
const parsePeerMedian = medianOf(cases.find((c) => c.parsePeer));
const lines = [
  `# Benchmark ${new Date().toISOString().slice(0, 10)}`,
  '',
  `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${runs} runs each (the repository cases ${checkRuns}), interleaved; sections ${only.join(', ')}. Diff input: bench/gen.mjs pairs ${pairs.join(', ')} (md5 checked). Render input: ${SOURCE}, rendered to Markdown for the peers. Check input: bench/repo.mjs, ${agreements} agreements. The peer of a diff is git's word diff of the same pair, of a parse pandoc's Markdown → HTML of the same file, of a render pandoc's Markdown → PDF, of a check markdownlint-cli2. Peak RSS: the largest of the runs (GNU time${foundFile(TIME) ? '' : ': missing, Debian package time'}).`,
  '',
  '| case | min | median | max | peak RSS | × node | × peer |',
  '| --- | --- | --- | --- | --- | --- | --- |',
];
for (const c of cases) {
  if (c.missing) lines.push(`| ${c.name} | missing: ${c.missing} | | | | | |`);
  else if (failed.has(c.name)) lines.push(`| ${c.name} | failed: ${failed.get(c.name)} | | | | | |`);
  else {
    const t = times.get(c.name);
    const m = median(t);
    const gitMedian = c.pair ? medianOf(diffCases.find((d) => d.pair === c.pair && d.peer)) : undefined;
    // The startup floor, start, build and the parse peer have none; a render case is set beside pandoc's PDF.
    const peer = c.pair ? gitMedian : c.parse ? parsePeerMedian : checkCases.includes(c) ? lintMedian : renderCases.includes(c) ? pandocMedian : undefined;
    const words = c.json ? ` (${changedWords(c.json)} changed words)` : '';
    lines.push(`| ${c.name}${words} | ${fmt(Math.min(...t))} | ${fmt(m)} | ${fmt(Math.max(...t))} | ${mib(rss.get(c.name))} | ${(m / floor).toFixed(1)} | ${peer ? (m / peer).toFixed(2) : 'n/a'} |`);
  }
}
if (phases.size > 0) {
  const names = ['read', 'normalise', 'segment', 'recognise', 'coverage', 'spell', 'align', 'word diff', 'format', 'other'];
  lines.push('', 'Inside the process (one run with OVERENS_PHASES; each phase its own time, "other" is starting, loading modules and writing):', '', `| case | ${names.join(' | ')} |`, `| --- | ${names.map(() => '---').join(' | ')} |`);
  for (const [name, ms] of phases) lines.push(`| ${name} | ${names.map((n) => (ms[n] === undefined ? '' : fmt(ms[n] / 1000))).join(' | ')} |`);
}
for (const [name, tables] of profiles) lines.push('', `Where the time of \`${name}\` goes (one run with \`node --cpu-prof\`):`, '', ...tables);
if (firstBuild) {
  lines.push(
    '',
    firstBuild.status === 0
      ? `First build of the ${agreements} agreements (--formats ${buildFormats}), one run: ${fmt(firstSeconds)}; cores busy meanwhile: ${coreUse.map((u) => `${Math.round(u * 100)}%`).join(', ')}. ${firstBuild.stdout.split('\n')[0]}`
      : `First build of the ${agreements} agreements failed: ${(firstBuild.stderr || String(firstBuild.error)).split('\n')[0]}`,
  );
}
const table = `${lines.join('\n')}\n`;
process.stdout.write(table);
// Every case must have run: a failure is a broken benchmark, not a result.
const buildFailed = firstBuild !== null && firstBuild.status !== 0;
if (failed.size > 0 || buildFailed) {
  process.stderr.write(`bench: ${failed.size + (buildFailed ? 1 : 0)} cases failed\n`);
  process.exitCode = 1;
}
if (!smoke) {
  mkdirSync('bench/results', { recursive: true });
  // A run of some sections only does not replace the day's whole run.
  const suffix = `${only.length === SECTIONS.length ? '' : `-${only.join('-')}`}${profile ? '-profile' : ''}`;
  writeFileSync(join('bench/results', `${new Date().toISOString().slice(0, 10)}${suffix}.md`), table);
}
