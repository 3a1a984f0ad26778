/** The CLI as a user runs it: the built binary in a child process. */
import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';

const openAndClose = (file: string) => {
  writeFileSync(file, '');
  return file;
};
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/index.js';
import { styleFor } from '../src/cli/context.js';
import { cli } from './helpers/cli.js';
import { ROOT, SEED } from './helpers/seeds.js';

describe('overens --help and --version', () => {
  it('prints help with the commands, exit 0', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: overens/);
    expect(r.stdout).toMatch(/parse \[options\] <file>/);
    expect(r.stdout).toMatch(/build \[options\] \[dir\]/);
  });

  it('prints help in Swedish with --lang sv or a Swedish locale', () => {
    expect(cli(['parse', '--help', '--lang', 'sv']).stdout).toMatch(/Läs ett dokument med en överenskommelse/);
    expect(cli(['parse', '--help'], { env: { LANG: 'sv_SE.UTF-8' } }).stdout).toMatch(/Läs ett dokument/);
    expect(cli(['parse', '--help'], { env: { LANG: 'sv_SE.UTF-8', LC_ALL: 'en_US.UTF-8' } }).stdout).toMatch(/Read one agreement document/);
  });

  it('prints the help rendered at build only where it is what commander prints, in both languages', () => {
    for (const env of [{}, { LANG: 'sv_SE.UTF-8' }, { LC_ALL: 'sv_SE.UTF-8', LANG: 'C' }, { LC_MESSAGES: 'en_GB.UTF-8', LANG: 'sv_SE.UTF-8' }]) {
      for (const flag of ['--help', '-h']) {
        const fast = cli([flag], { env });
        const full = cli([flag], { env: { ...env, OVERENS_NO_HELP_CACHE: '1' } });
        expect(fast).toEqual(full);
        expect(fast.code).toBe(0);
      }
    }
    // The fast path is taken (it answers true) and prints the build's file, unless told not to.
    const fast = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ['--input-type=module', '-e', `import { answerAtOnce } from ${JSON.stringify(join(ROOT, 'dist/cli/fast.js'))}; process.stderr.write(String(answerAtOnce(['--help'])));`], { env: { PATH: process.env.PATH, LANG: 'C', ...env }, encoding: 'utf8' });
    const taken = fast({});
    expect(taken.stderr).toBe('true');
    expect(taken.stdout).toBe(readFileSync(join(ROOT, 'dist/compiled/help-en.txt'), 'utf8'));
    expect(fast({ OVERENS_NO_HELP_CACHE: '1' })).toMatchObject({ stderr: 'false', stdout: '' });
    expect(cli(['-h'], { env: { LANG: 'sv_SE.UTF-8' } }).stdout).toMatch(/Tolka, jämför, återge och granska överenskommelser\./u);
  });

  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(cli(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    // -V is the same, answered before anything loads (src/cli/fast.ts); with anything else, commander answers.
    expect(cli(['-V'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    expect(cli(['--version', '--lang', 'sv'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('gives usage errors one line and exit 2', () => {
    const r = cli(['parse', '--nope', SEED.norrbottenDraft]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['overens: unknown option --nope (overens --help)']);
    expect(cli(['parse']).code).toBe(2);
    expect(cli(['parse', '-f', 'html', SEED.norrbottenDraft]).stderr).toBe('overens: unknown format "html", expected one of: json, yaml, summary\n');
  });
});

describe('overens parse', () => {
  it('prints JSON when stdout is not a terminal, equal to the library model', async () => {
    const r = cli(['parse', SEED.norrbottenDraft]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(await parseFile(SEED.norrbottenDraft))));
  });

  it('prints YAML and a summary on request', () => {
    expect(cli(['parse', '-f', 'yaml', SEED.vasterbotten]).stdout).toMatch(/^schemaVersion: 1\nmeta:\n/);
    const summary = cli(['parse', '--format', 'summary', SEED.norrbottenDraft]).stdout;
    expect(summary).toMatch(/Vision: Tillsammans för ett livskraftigt Norrbotten\./);
    expect(summary).toMatch(/3\. Långsiktighet: 5 commitments/);
    expect(summary).toMatch(/Coverage: 100% of \d+ words/);
    expect(summary).not.toMatch(/\u001b\[/);
  });

  it('writes the summary in Swedish', () => {
    const summary = cli(['parse', '-f', 'summary', '--lang', 'sv', SEED.norrbottenDraft]).stdout;
    expect(summary).toMatch(/Syfte: Överenskommelsen syftar/);
    expect(summary).toMatch(/5\. Öppenhet och insyn: 1 åtagande\n/);
    expect(summary).toMatch(/6\. Mångfald: 3 åtaganden\n/);
  });

  it('summarises a report and the layout clean-up of PDF text, and explains each change', () => {
    const report = cli(['parse', '-f', 'summary', SEED.varmland]).stdout;
    expect(report).toMatch(/Report: 6 phases, 26 timeline events, time plan of 2 periods, 2 cited lists of principles, 15 footnotes\n/);
    expect(report).toMatch(/Förfas → Samlingsfas → Formuleringsfas → Förankrings- och beslutsfas/);
    const proof = cli(['parse', '-f', 'summary', '--explain', SEED.norrbottenProof]).stdout;
    expect(proof).toMatch(/Layout: \d+ words joined, 13 layout pieces moved to artifacts \(see --explain\)/);
    expect(proof).toMatch(/norrbotten-layout-proof\.pdf\.txt:65:1: split-word: "presen teras" -> "presenteras" \(fragment: “presen” is not a word\)\n/);
    expect(proof).toMatch(/norrbotten-layout-proof\.pdf\.txt:61:1: removed page-number: "4 5" \(page number\)\n/);
  });

  it('prints no colour when stdout is not a terminal, even with FORCE_COLOR', () => {
    expect(cli(['parse', '-f', 'summary', SEED.norrbottenDraft], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });

  it('--strict exits 0 on a clean document and 1 with findings listed', () => {
    expect(cli(['parse', '--strict', SEED.norrbottenDraft]).code).toBe(0);
    const r = cli(['parse', '--strict', SEED.norrbottenProof]);
    expect(r.code).toBe(1);
    // The proof still holds a reviewer's comment: a finding CI must see.
    expect(r.stderr).toMatch(/norrbotten-layout-proof\.pdf\.txt:385:1-387:\d+: A reviewer comment by sofoqu01 .* \[annotation\]/);
    expect(JSON.parse(r.stdout).principles.length).toBeGreaterThan(0);
  });

  it('reports how much of the text was recognised as structure, in the summary and with --strict', () => {
    const file = 'test/fixtures/corpus/04-goteborg-overenskommelse-principer.txt';
    expect(cli(['parse', '--strict', file]).stderr).toContain(`${file}: recognised 44.8% of 245 words as agreement structure`);
    expect(cli(['parse', '-f', 'summary', file]).stdout).toContain('Recognised: 44.8% of the words in typed elements (110 of 245)');
    expect(cli(['parse', '-f', 'summary', '--lang', 'sv', 'test/fixtures/corpus/26-regeringen-politik-for-engagemang.md']).stdout).toContain('Igenkänt: 0 % av orden');
  });

  it('takes --profile files (repeatable) and names a broken one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'overens-cli-profile-'));
    const extra = join(dir, 'extra.yaml');
    const bad = join(dir, 'bad.yaml');
    const doc = join(dir, 'v.txt');
    writeFileSync(extra, "vision:\n  - '^vår gemensamma framtid$'\n");
    writeFileSync(bad, 'report:\n  phase: [1]\n');
    writeFileSync(doc, 'Vår gemensamma framtid\n\nEtt starkt län.\n');
    expect(JSON.parse(cli(['parse', doc]).stdout).vision).toBeNull();
    expect(JSON.parse(cli(['parse', '--profile', extra, '--profile', extra, doc]).stdout).vision.text).toBe('Ett starkt län.');
    const r = cli(['parse', '--profile', bad, doc]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`overens: ${bad}: invalid profile: report.phase: expected a string\n`);
  });

  it('writes -o output atomically and never over its input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'overens-out-'));
    const out = join(dir, 'model.json');
    expect(cli(['parse', SEED.vasterbotten, '-o', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).meta.id).toBe('vasterbotten-samverkan-2023-2026');
    expect(readdirSync(dir)).toEqual(['model.json']);

    const input = join(dir, 'in.txt');
    writeFileSync(input, 'Vision\n\nEtt län.\n');
    const r = cli(['parse', input, '-o', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`overens: ${input}: refusing to write the output over an input file\n`);
    expect(readFileSync(input, 'utf8')).toBe('Vision\n\nEtt län.\n');
  });
});

describe('bad input: one line naming the file and the reason, exit 2, no stack', () => {
  const cases: Array<[string, () => string, RegExp]> = [
    ['a missing file', () => 'nope/saknas.txt', /^overens: nope\/saknas\.txt: no such file\n$/],
    ['a directory', () => 'agreements', /^overens: agreements: is a directory, expected a file\n$/],
    ['a binary file', () => 'test/fixtures/bad/image.png', /^overens: test\/fixtures\/bad\/image\.png: looks like a binary file \(a NUL byte at offset 8\), expected text or Markdown\n$/],
    ['a broken .docx', () => 'test/fixtures/bad/binary.docx', /^overens: test\/fixtures\/bad\/binary\.docx: not a readable Word document \(.+\)\n$/],
    ['a .pdf that is not one', () => 'test/fixtures/bad/broken.pdf', /^overens: test\/fixtures\/bad\/broken\.pdf: not a readable PDF \(.+\)\n$/],
    ['a .pdf without a text layer', () => 'test/fixtures/bad/no-text.pdf', /^overens: test\/fixtures\/bad\/no-text\.pdf: the PDF has no text layer \(a scanned image\?\); run OCR on it first\n$/],
    ['a ZIP that is not a Word document', () => 'test/fixtures/bad/not-word.docx', /^overens: test\/fixtures\/bad\/not-word\.docx: not a readable Word document \(no word\/document\.xml in the package\)\n$/],
    ['UTF-8 with a damaged byte (not read as Windows-1252)', () => 'test/fixtures/bad/damaged-utf8.txt', /^overens: test\/fixtures\/bad\/damaged-utf8\.txt: not valid UTF-8 text \(invalid byte sequence near offset 34\)\n$/],
    ['text in an unknown encoding', () => 'test/fixtures/bad/unknown-encoding.txt', /^overens: test\/fixtures\/bad\/unknown-encoding\.txt: text in an unknown encoding \(not UTF-8, UTF-16 or Windows-1252\)\n$/],
  ];
  it.each(cases)('%s', (_name, file, expected) => {
    const r = cli(['parse', file()]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(expected);
  });

  it('a file over the size limit, refused before it is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'overens-huge-'));
    const file = join(dir, 'huge.txt');
    truncateSync(openAndClose(file), 65 * 1024 * 1024);
    expect(cli(['parse', file])).toMatchObject({ code: 2, stdout: '', stderr: `overens: ${file}: too large (65.0 MB; the limit is 64 MB)\n` });
  });

  it('says it in Swedish too, and shows the stack only with --debug', () => {
    expect(cli(['parse', 'saknas.txt', '--lang', 'sv']).stderr).toBe('overens: saknas.txt: filen finns inte\n');
    const debug = cli(['parse', 'saknas.txt', '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/ENOENT[\s\S]*\n\s+at /);
  });

  it('a broken manifest names the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'overens-manifest-'));
    writeFileSync(join(dir, 'doc.txt'), 'Vision\n\nEtt län.\n');
    writeFileSync(join(dir, 'manifest.yaml'), 'id: x\ntitle: T\nregion: R\nparties: []\nrevisions:\n  - label: a\n    status: maybe\n    source: doc.txt\n');
    const r = cli(['diff', 'x', 'a', 'b', '--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^overens: .*manifest\.yaml: invalid manifest: revisions\.0\.status: /);
  });
});

describe('overens build', () => {
  it('says so when a folder has no manifests, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'overens-empty-'));
    expect(cli(['build', dir, '--out', join(dir, 'site')])).toMatchObject({ code: 2, stderr: `overens: ${dir}: no agreement manifests (manifest.yaml) found\n` });
  });

  it('--help shows every option and examples', () => {
    const help = cli(['build', '--help']).stdout;
    for (const option of ['--out', '--formats', '--jobs', '--keep-going', '--clean', '--exit-zero', '--format']) expect(help).toContain(option);
    expect(help).toMatch(/Examples:\n {2}overens build /);
  });
});

describe('styleFor', () => {
  it('colours a terminal, but not with NO_COLOR set, nor a pipe', () => {
    expect(styleFor({ write: () => true, isTTY: true }, {}).heading('x')).toBe('\u001b[1mx\u001b[22m');
    expect(styleFor({ write: () => true, isTTY: true }, { NO_COLOR: '1' }).heading('x')).toBe('x');
    expect(styleFor({ write: () => true, isTTY: false }, {}).heading('x')).toBe('x');
  });
});

describe('the library as a package', () => {
  it("import { parse } from 'overens' gives the model the CLI prints", () => {
    const script = `import { parse } from 'overens'; import { readFileSync } from 'node:fs';
      const f = '${SEED.vasterbotten}';
      process.stdout.write(JSON.stringify(await parse(readFileSync(f, 'utf8'), { path: f })));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const lib = JSON.parse(r.stdout);
    const fromCli = JSON.parse(cli(['parse', SEED.vasterbotten]).stdout);
    // parse() on text has no manifest: everything but the manifest's meta is the same.
    expect(lib.principles).toEqual(fromCli.principles);
    expect(lib.bodies).toEqual(fromCli.bodies);
    expect(lib.sections).toEqual(fromCli.sections);
    // The CLI read bytes and says how it decoded them; parse() was given a string.
    expect(lib.meta.source).toEqual({ ...fromCli.meta.source, encoding: undefined });
  });
});

describe('the README quick start', () => {
  it('npm start builds the bundled agreements into site/ (git-ignored), exiting 0 although the drafts have errors', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const [, , ...args] = (pkg.scripts.start as string).split(' ');
    expect(args).toEqual(['build', 'agreements', '--exit-zero']);
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('/site/');
    // The built site is ignored, the code that builds it (src/build/site/) is not.
    const ignored = (path: string) => spawnSync('git', ['check-ignore', '-q', path], { cwd: ROOT }).status === 0;
    expect(ignored('site/index.html')).toBe(true);
    expect(ignored('src/build/site/layout.ts')).toBe(false);
    const r = cli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Check: 5 errors and 19 warnings in 3 agreements\.$/m);
    expect(r.stdout).toMatch(/^Open site\/index\.html$/m);
  }, 180_000);
});
