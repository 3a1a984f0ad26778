/**
 * The Word diff: the new revision with tracked changes. Accepting every change
 * must give the new text, rejecting every change the old text.
 */
import { describe, expect, it } from 'vitest';
import { parse, parseFile } from '../src/parse/index.js';
import { diffAgreements, units } from '../src/diff/align.js';
import { detokenize, tokens } from '../src/diff/words.js';
import { renderDiffDocx } from '../src/reporters/diff-docx.js';
import type { Agreement } from '../src/model.js';
import { emptiedParagraphs, resolvedParagraphs, trackedCounts } from './helpers/docx-review.js';
import { cli } from './helpers/cli.js';
import { SEED } from './helpers/seeds.js';

/** The paragraphs a revision shows in Word: principle headings with their number. */
const shown = (m: Agreement) => units(m).map((u) => (u.element === 'principle' ? `${u.key}. ` : '') + detokenize(tokens(u.text)));

/** Principle blocks (a "N. Title" paragraph and what follows) put in number order. */
function byNumber(paragraphs: string[], principleTitles: Set<string>): string[] {
  const blocks: string[][] = [[]];
  for (const p of paragraphs) {
    if (principleTitles.has(p.replace(/^\d+\. /u, '')) && /^\d+\. /u.test(p)) blocks.push([p]);
    else blocks[blocks.length - 1]!.push(p);
  }
  const [lead, ...rest] = blocks;
  // Text after the last principle (another section) stays after it in both orders.
  rest.sort((a, b) => Number(a[0]!.split('.')[0]) - Number(b[0]!.split('.')[0]));
  return [...lead!, ...rest.flat()];
}

describe.each([
  ['test/fixtures/diff/round-1.md', 'test/fixtures/diff/round-2.md', 'in order'],
  [SEED.norrbottenDraft, SEED.norrbottenProof, 'as words'],
])('%s -> %s as Word tracked changes', async (a, b, compare) => {
  const oldModel = await parseFile(a, { manifest: false });
  const newModel = await parseFile(b, { manifest: false });
  const diff = diffAgreements(oldModel, newModel);
  const docx = await renderDiffDocx(diff, oldModel, newModel);
  const titles = new Set([...oldModel.principles, ...newModel.principles].map((p) => detokenize(tokens(p.title))));

  it('gives the new revision when every change is accepted', async () => {
    expect(await resolvedParagraphs(docx, 'accept')).toEqual(shown(newModel));
  });

  it('gives the old revision when every change is rejected (renumbered principles stand in their new place)', async () => {
    const rejected = await resolvedParagraphs(docx, 'reject');
    // Merged paragraphs keep their words but not their old paragraph marks: compare words.
    const words = (list: string[]) => byNumber(list, titles).join(' ').split(/\s+/u);
    if (compare === 'in order') expect(words(rejected)).toEqual(words(shown(oldModel)));
    // The proof also sets some sections in another page order, which Word shows in the new order.
    else expect(words(rejected).sort()).toEqual(words(shown(oldModel)).sort());
  });

  it('leaves no empty paragraph where a paragraph was deleted or inserted whole (its paragraph mark is tracked too)', async () => {
    expect(await emptiedParagraphs(docx, 'accept')).toBe(0);
    expect(await emptiedParagraphs(docx, 'reject')).toBe(0);
  });

  it('tracks each word insertion and deletion of the diff', async () => {
    const counts = await trackedCounts(docx);
    const ops = diff.changes.flatMap((c) => c.words).filter((w) => w.op !== 'equal');
    expect(counts.ins).toBeGreaterThanOrEqual(ops.filter((w) => w.op === 'insert').length);
    expect(counts.del).toBeGreaterThanOrEqual(ops.filter((w) => w.op === 'delete').length);
    expect(counts.comments).toBe(diff.changes.filter((c) => c.kind === 'moved').length);
  });
});

describe('a paragraph moved and edited, as Word tracked changes', async () => {
  const old = '# Överenskommelse\n\n## Bakgrund\n\nArbetet började 2020 med en dialog mellan region och föreningar.\n\nParterna har träffats regelbundet sedan dess.\n\n## Framtid\n\nVi planerar nya möten varje år.\n';
  const now = '# Överenskommelse\n\n## Bakgrund\n\nArbetet började 2020 med en dialog mellan region och föreningar.\n\n## Framtid\n\nVi planerar nya möten varje år.\n\nParterna har träffats varje månad sedan dess.\n';
  const oldModel = await parse(old, { format: 'markdown' });
  const newModel = await parse(now, { format: 'markdown' });
  const diff = diffAgreements(oldModel, newModel);
  const docx = await renderDiffDocx(diff, oldModel, newModel);

  it('is one move with its word changes in the diff', () => {
    expect(diff.changes.map((c) => [c.kind, c.oldPath, c.path])).toEqual([['moved', 'Bakgrund', 'Framtid']]);
    expect(diff.changes[0]!.words.filter((w) => w.op !== 'equal').map((w) => w.text)).toEqual(['regelbundet', 'varje månad']);
  });

  it('resolves to the new text accepted and to the old text rejected, nothing left in either place', async () => {
    expect(await resolvedParagraphs(docx, 'accept')).toEqual(shown(newModel));
    expect(await resolvedParagraphs(docx, 'reject')).toEqual(shown(oldModel));
    expect(await emptiedParagraphs(docx, 'accept')).toBe(0);
    expect(await emptiedParagraphs(docx, 'reject')).toBe(0);
  });
});

describe('overens diff --format docx', () => {
  it('refuses to write a Word document to a terminal-less pipe only when asked to print it there', () => {
    const r = cli(['diff', 'test/fixtures/diff/round-1.md', 'test/fixtures/diff/round-2.md', '-f', 'docx']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('PK')).toBe(true);
  });
});
