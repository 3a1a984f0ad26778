/** `overens check` and `overens init` as a user runs them. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/seeds.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'overens-check-'));
const AGREEMENT = '# Överenskommelse\n\n## Vision\n\nEtt län där alla kan delta.\n\n## Syfte\n\nAtt stärka samverkan.\n\n## Mål\n\n- Fler mötesplatser.\n';

describe('overens check', () => {
  it('exits 0 on a clean file, 1 on errors, and 1 on warnings past --max-warnings', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'ok.md'), AGREEMENT);
    expect(cli(['check', 'ok.md'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'warn.md'), AGREEMENT.replace('Fler mötesplatser.', 'Fler mötesplatser inom hälso-och sjukvård.'));
    expect(cli(['check', 'warn.md'], { cwd: dir }).code).toBe(0);
    expect(cli(['check', 'warn.md', '--max-warnings', '0'], { cwd: dir }).code).toBe(1);
    writeFileSync(join(dir, 'error.md'), AGREEMENT.replace('Fler mötesplatser.', 'X ledamöter utses.'));
    const r = cli(['check', 'error.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error\.md:13:3 {2}error {2}placeholder left in: "X ledamöter" {2}placeholder/u);
    expect(cli(['check', 'error.md', '--rule', 'placeholder=off'], { cwd: dir }).code).toBe(0);
  });

  it('reads .overens.yaml from a folder above, and names an unknown rule or option with the nearest known one', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'a.md'), AGREEMENT.replace('Fler mötesplatser.', 'Fler mötesplatser för zylofonerna.'));
    writeFileSync(join(dir, '.overens.yaml'), 'rules:\n  spelling: error\n');
    expect(cli(['check', 'a.md'], { cwd: join(dir, 'sub') }).code).toBe(1);
    writeFileSync(join(dir, '.overens.yaml'), 'rules:\n  spelling: error\nwords: [zylofonerna]\n');
    expect(cli(['check', 'a.md'], { cwd: join(dir, 'sub') }).code).toBe(0);
    writeFileSync(join(dir, '.overens.yaml'), 'rules:\n  speling: off\n');
    const bad = cli(['check', 'a.md'], { cwd: join(dir, 'sub') });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/\.overens\.yaml: invalid configuration: unknown rule "speling" \(did you mean "spelling"\?\)\n$/u);
    writeFileSync(join(dir, '.overens.yaml'), 'rules:\n  placeholder:\n    pattern: ["X"]\n');
    expect(cli(['check', 'a.md'], { cwd: join(dir, 'sub') }).stderr).toMatch(/rule placeholder: unknown option "pattern" \(did you mean "patterns"\?\)/u);
    writeFileSync(join(dir, '.overens.yaml'), 'rules: [spelling]\n');
    expect(cli(['check', 'a.md'], { cwd: join(dir, 'sub') }).stderr).toMatch(/invalid configuration: "rules" must map rule ids to a level/u);
    writeFileSync(join(dir, '.overens.yaml'), 'rules:\n  placeholder: loud\n');
    expect(cli(['check', 'a.md'], { cwd: join(dir, 'sub') }).stderr).toMatch(/rule placeholder: unknown level "loud"/u);
  });

  it('honours <!-- overens-disable-next-line rule --> in Markdown', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.md'), AGREEMENT.replace('- Fler mötesplatser.', '<!-- overens-disable-next-line placeholder -->\n- X ledamöter utses.'));
    expect(cli(['check', 'a.md'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'b.md'), AGREEMENT.replace('- Fler mötesplatser.', '<!-- overens-disable-next-line spelling -->\n- X ledamöter utses.'));
    expect(cli(['check', 'b.md'], { cwd: dir }).code).toBe(1);
  });

  it('--fix applies safe fixes to a text source, says what it changed, and leaves the rest', () => {
    const dir = tmp();
    const file = join(dir, 'a.md');
    writeFileSync(file, AGREEMENT.replace('Att stärka samverkan.', 'Att att stärka samverkan inom hälso-och sjukvård.'));
    const r = cli(['check', 'a.md', '--fix'], { cwd: dir });
    expect(r.stderr).toMatch(/a\.md:9:1: fixed \(doubled-word\): "Att att" → "Att"/u);
    expect(r.stderr).toMatch(/fixed \(suspended-compound\): "hälso-och" → "hälso- och"/u);
    expect(readFileSync(file, 'utf8')).toBe(AGREEMENT.replace('Att stärka samverkan.', 'Att stärka samverkan inom hälso- och sjukvård.'));
    expect(r.code).toBe(0);
    expect(cli(['check', 'a.md'], { cwd: dir }).stdout).toMatch(/^0 problems/mu);
  });

  it('--fix never touches a Word file: it is reported', () => {
    const dir = tmp();
    const docx = readFileSync(join(ROOT, 'test/fixtures/import/agreement.docx'));
    writeFileSync(join(dir, 'a.docx'), docx);
    const r = cli(['check', 'a.docx', '--fix', '--rule', 'doubled-word=error'], { cwd: dir });
    expect(readFileSync(join(dir, 'a.docx')).equals(docx)).toBe(true);
    expect(r.code).toBe(1);
  });

  it('a manifest that does not load, or names a missing source, is a finding; the check goes on', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'agreements', 'a'), { recursive: true });
    mkdirSync(join(dir, 'agreements', 'b'), { recursive: true });
    writeFileSync(join(dir, 'agreements', 'a', 'manifest.yaml'), 'id: a\ntitle: A\nregion: R\nparties: []\nrevisions:\n  - label: r1\n    status: klar\n    source: a.md\n');
    writeFileSync(join(dir, 'agreements', 'b', 'manifest.yaml'), 'id: b\ntitle: B\nregion: R\nparties: []\nrevisions:\n  - label: r1\n    status: draft\n    source: saknas.md\n');
    const r = cli(['check', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: Array<{ file: string; ruleId: string; message: string }> };
    expect(out.findings.map((f) => [f.file, f.ruleId])).toEqual([
      ['agreements/a/manifest.yaml', 'manifest'],
      ['agreements/b/manifest.yaml', 'manifest'],
    ]);
    expect(out.findings[1]!.message).toMatch(/source saknas\.md does not exist/u);
  });

  it('checks many files on every core with the same findings, in file order, as one at a time', () => {
    const dir = tmp();
    for (let i = 0; i < 10; i++) writeFileSync(join(dir, `a${i}.md`), AGREEMENT.replace('Fler mötesplatser.', `Fler mötesplatser, X ledamöter och att att ${i}.`));
    const pooled = cli(['check', '.', '--format', 'json'], { cwd: dir });
    expect(pooled.code).toBe(1);
    const all = JSON.parse(pooled.stdout) as { files: string[]; findings: Array<{ file: string; ruleId: string }> };
    expect(all.files).toEqual(Array.from({ length: 10 }, (_, i) => `a${i}.md`));
    const one = JSON.parse(cli(['check', 'a3.md', '--format', 'json'], { cwd: dir }).stdout) as { findings: unknown[] };
    expect(all.findings.filter((f) => f.file === 'a3.md')).toEqual(one.findings);
    expect(all.findings.map((f) => f.file)).toEqual([...all.findings.map((f) => f.file)].sort());
    // A file that cannot be read stops the run with one line, as it does in one thread.
    writeFileSync(join(dir, 'a5.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const broken = cli(['check', '.'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    expect(broken.stderr).toMatch(/a5\.md/u);
  });

  it('bad usage: one line, exit 2', () => {
    for (const [args, message] of [
      [['check', 'nothing-here'], /nothing-here: no such file/u],
      [['check', '--rule', 'spelling'], /--rule spelling: give a rule and a level/u],
      [['check', '--max-warnings', 'many'], /--max-warnings many: give a whole number/u],
      [['check', '--format', 'xml'], /unknown format "xml"/u],
    ] as const) {
      const r = cli([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('overens init', () => {
  it('sets up a repository whose check passes, and never overwrites', () => {
    const dir = tmp();
    const r = cli(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    for (const f of ['.overens.yaml', 'README.md', '.github/workflows/overens.yml', 'agreements/exempel/samverkan/manifest.yaml', 'agreements/exempel/samverkan/overenskommelse.md']) expect(existsSync(join(dir, f)), f).toBe(true);
    const check = cli(['check'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^0 problems \(0 errors, 0 warnings, 0 info\) in 0 of 2 files$/mu);
    writeFileSync(join(dir, 'README.md'), 'mine');
    const again = cli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; init writes only new files/u);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('mine');
    // The workflow runs the check the way GitHub shows annotations and uploads SARIF.
    expect(readFileSync(join(dir, '.github/workflows/overens.yml'), 'utf8')).toMatch(/overens check --format github[\s\S]*--format sarif[\s\S]*upload-sarif/u);
  });
});
