/** `overens log`: an agreement's rounds in order with what changed, and an element followed across renumbering. */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { toText } from 'hast-util-to-text';
import { cli } from './helpers/cli.js';
import { ROOT } from './helpers/seeds.js';

/** A repository with the two hand-made rounds of the diff tests (principles renumbered between them). */
function rounds(): string {
  const dir = mkdtempSync(join(tmpdir(), 'overens-log-'));
  const folder = join(dir, 'agreements', 'exempel');
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(ROOT, 'test/fixtures/diff/round-1.md'), join(folder, 'round-1.md'));
  copyFileSync(join(ROOT, 'test/fixtures/diff/round-2.md'), join(folder, 'round-2.md'));
  writeFileSync(join(folder, 'manifest.yaml'), 'id: exempel\ntitle: Exempel\nregion: Exempel\nparties: []\nrevisions:\n  - label: remiss-1\n    status: remiss\n    round: 1\n    date: 2026-03-01\n    source: round-1.md\n  - label: remiss-2\n    status: remiss\n    round: 2\n    date: 2026-09-01\n    source: round-2.md\n');
  return dir;
}

describe('overens log', () => {
  it('lists the Norrbotten revisions in order with what changed in each', () => {
    const r = cli(['log', 'norrbotten-civilsamhalle', '--lang', 'sv']);
    expect(r.code).toBe(0);
    const order = ['word-draft', 'layout-proof', 'stodstruktur-revised'].map((l) => r.stdout.indexOf(`\n${l},`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(r.stdout).toMatch(/word-draft, draft\n {2}första versionen/u);
    expect(r.stdout).toMatch(/Princip 1 Självständighet och oberoende: 1 princip ändrad/u);
    expect(r.stdout).toMatch(/stodstruktur-revised, draft, avsnitt: Stödstruktur för överenskommelsen\n(?: {2}.+\n)*? {2}Utvecklingsgrupp: 1 stycke ändrat, 8 tillagda/u);
  });

  it('follows a principle across rounds: its title fixed in the proof, untouched by a revision of another section', () => {
    const r = cli(['log', 'norrbotten-civilsamhalle', '--element', 'principle-1', '--lang', 'sv']);
    expect(r.stdout).toContain('word-draft: finns med första gången');
    expect(r.stdout).toContain('layout-proof: ändrad\n    [-Självtändighet-]{+Självständighet+} och oberoende');
    expect(r.stdout).toContain('stodstruktur-revised: utanför versionens avsnitt (oförändrad)');
  });

  it('keeps an element\'s identity when it is renumbered or moved', () => {
    const dir = rounds();
    // Kvalitet was principle 2 in round 1 and is principle 3 in round 2.
    const kvalitet = cli(['log', 'exempel', '--element', 'principle-3', '--lang', 'en'], { cwd: dir });
    expect(kvalitet.stdout).toMatch(/remiss-1: appears \(principle-2\)\n {2}remiss-2: renumbered/u);
    // A commitment moved from Dialog to Kvalitet is the same commitment.
    const moved = cli(['log', 'exempel', '--element', 'principle-3/commitment-2', '--lang', 'en'], { cwd: dir });
    expect(moved.stdout).toMatch(/remiss-1: appears \(principle-1\/commitment-3\)\n {2}remiss-2: moved/u);
    // A removed one is followed to its removal (ids are per revision: --in names round 1's).
    const removed = cli(['log', 'exempel', '--element', 'principle-2/commitment-2', '--in', 'remiss-1', '--lang', 'en'], { cwd: dir });
    expect(removed.stdout).toMatch(/remiss-1: appears\n {2}remiss-2: removed/u);
  });

  it('says when no revision has the element, exit 1', () => {
    const r = cli(['log', 'norrbotten-civilsamhalle', '--element', 'principle-99']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Element principle-99 is in no revision/u);
  });

  it('gives JSON and a self-contained HTML page with the agreement text escaped', () => {
    const dir = rounds();
    const json = JSON.parse(cli(['log', 'exempel', '-f', 'json'], { cwd: dir }).stdout) as { rounds: Array<{ label: string; summary: { renumbered: number } | null }> };
    expect(json.rounds.map((r) => r.label)).toEqual(['remiss-1', 'remiss-2']);
    expect(json.rounds[1]!.summary!.renumbered).toBe(2);
    const html = cli(['log', 'exempel', '-f', 'html', '--element', 'principle-1', '--lang', 'sv'], { cwd: dir }).stdout;
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/u);
    expect(html).not.toMatch(/<(?:script|link|img)\b/u);
    const text = toText(unified().use(rehypeParse).parse(html));
    expect(text).toContain('remiss-2, 1 september 2026, omgång 2, remiss');
  });

  it('names an unknown agreement with the known ones', () => {
    const r = cli(['log', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no agreement "nope" in the manifests \(known: norrbotten-civilsamhalle, /u);
  });
});
