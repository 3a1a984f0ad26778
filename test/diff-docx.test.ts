/**
 * The Word diff: the new revision, complete, with tracked changes. Accepting
 * every change must give the new text exactly, rejecting every change the old
 * text; headings keep their levels, the title is a title, footnotes are Word
 * footnotes and track changes stays on.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parse, parseFile } from '../src/parse/index.js';
import { diffAgreements } from '../src/diff/align.js';
import { flow, shownText, type FlowBlock } from '../src/flow.js';
import { renderDiffDocx } from '../src/reporters/diff-docx.js';
import type { Agreement } from '../src/model.js';
import { emptiedParagraphs, resolvedFootnotes, resolvedParagraphs, trackedCounts } from './helpers/docx-review.js';
import { cli } from './helpers/cli.js';
import { SEED } from './helpers/seeds.js';

const MARKER = /\^\[(\d+)\]|\[\^(\d+)\]/gu;

/** Footnote numbers the text refers to with a marker: those are Word footnotes. */
const referred = (blocks: FlowBlock[]) => new Set(blocks.flatMap((b) => [...b.text.matchAll(MARKER)].map((m) => Number(m[1] ?? m[2]))));
const wordNote = (b: FlowBlock, notes: Set<number>) => b.style === 'footnote' && notes.has(b.footnote!);

/**
 * The paragraphs a revision shows in the body of the Word document, exactly; a
 * marker as "^[n]". Which footnotes are Word footnotes is the new revision's choice.
 */
function shown(m: Agreement, notes = referred(flow(m))): string[] {
  const blocks = flow(m);
  return blocks.filter((b) => !b.hidden && !wordNote(b, notes)).map((b) => shownText(b).replace(MARKER, (x, a?: string, b2?: string) => (notes.has(Number(a ?? b2)) ? `^[${a ?? b2}]` : x)));
}

/** Its footnotes laid out as Word footnotes, by number. */
function footnotes(m: Agreement): Map<number, string> {
  const blocks = flow(m);
  const notes = referred(blocks);
  return new Map(blocks.filter((b) => wordNote(b, notes)).map((b) => [b.footnote!, b.text]));
}

/** Principle blocks (a "N. Title" paragraph and what follows) put in number order. */
function byNumber(paragraphs: string[], principleTitles: Set<string>): string[] {
  const blocks: string[][] = [[]];
  for (const p of paragraphs) {
    if (principleTitles.has(p.replace(/^\d+\. /u, '')) && /^\d+\. /u.test(p)) blocks.push([p]);
    else blocks[blocks.length - 1]!.push(p);
  }
  const [lead, ...rest] = blocks;
  rest.sort((a, b) => Number(a[0]!.split('.')[0]) - Number(b[0]!.split('.')[0]));
  return [...lead!, ...rest.flat()];
}

const words = (list: string[]) => list.join(' ').split(/\s+/u).filter(Boolean);

/** A first round with a footnote, an ordered list and a table; the second edits all three. */
const RICH_OLD = `# Överenskommelse om samverkan

## Syfte

Syftet är att stärka dialogen^[1] mellan parterna.

## Mål

1. Fler föreningar deltar.
2. Dialogen sker i god tid.

## Tidplan

| Fas | När |
| --- | --- |
| Remiss | våren 2025 |
| Beslut | hösten 2025 |

[^1]: Se www.samforma.se för mer.
`;
const RICH_NEW = RICH_OLD.replace('stärka dialogen', 'stärka och fördjupa dialogen')
  .replace('2. Dialogen sker i god tid.', '2. Dialogen sker i mycket god tid.\n3. Alla parter bjuds in.')
  .replace('våren 2025', 'sommaren 2025')
  .replace('för mer.', 'för mer, och https://www.mucf.se.');

describe.each([
  ['test/fixtures/diff/round-1.md', 'test/fixtures/diff/round-2.md', 'in order'],
  [SEED.norrbottenDraft, SEED.norrbottenProof, 'as words'],
  ['rich-1.md', 'rich-2.md', 'in order'],
])('%s -> %s as Word tracked changes', async (a, b, compare) => {
  const read = async (path: string, text: string) => (path.startsWith('rich') ? parse(text, { format: 'markdown', path }) : parseFile(path, { manifest: false }));
  const oldModel = await read(a, RICH_OLD);
  const newModel = await read(b, RICH_NEW);
  const diff = diffAgreements(oldModel, newModel);
  const docx = await renderDiffDocx(diff, oldModel, newModel);
  const titles = new Set([...oldModel.principles, ...newModel.principles].map((p) => p.title));

  it('gives the new revision exactly, body and footnotes, when every change is accepted', async () => {
    expect(await resolvedParagraphs(docx, 'accept')).toEqual(shown(newModel));
    expect(await resolvedFootnotes(docx, 'accept')).toEqual(footnotes(newModel));
  });

  it('gives the old revision when every change is rejected (renumbered principles stand in their new place)', async () => {
    const rejected = await resolvedParagraphs(docx, 'reject');
    const before = shown(oldModel, referred(flow(newModel)));
    if (compare === 'in order') expect(words(byNumber(rejected, titles))).toEqual(words(byNumber(before, titles)));
    // The proof also sets some sections in another page order, which Word shows in the new order; and
    // its footnote marker is a digit glued to the word ("beslutsprocessen1"), the same marker, not a change.
    else {
      const unmarked = (list: string[]) => words(list).map((w) => w.replace(/\^?\[\d+\]|^<|>$/gu, '').replace(/(?<=\p{Ll})\d{1,2}$/u, '')).filter(Boolean).sort();
      expect(unmarked(rejected)).toEqual(unmarked(before));
    }
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

  it('keeps the layout: the title as a title, each heading at its level, track changes on', async () => {
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = [...xml.matchAll(/<w:p>(?:<w:pPr><w:pStyle w:val="(Title|Heading\d)"\/>)?/gu)].map((m) => m[1]).filter(Boolean);
    const expected = flow(newModel)
      .filter((x) => x.style === 'title' || x.style === 'heading')
      .map((x) => (x.style === 'title' ? 'Title' : `Heading${x.level}`));
    // Deleted old headings stand among them: the new ones keep their order and levels.
    expect(styles.filter((s) => expected.includes(s!)).length).toBeGreaterThanOrEqual(expected.length);
    expect(styles[0]).toBe(expected[0]);
    expect(await zip.file('word/settings.xml')!.async('string')).toContain('<w:trackRevisions/>');
  });
});

describe('a rich Markdown pair in Word', async () => {
  const oldModel = await parse(RICH_OLD, { format: 'markdown', path: 'rich-1.md' });
  const newModel = await parse(RICH_NEW, { format: 'markdown', path: 'rich-2.md' });
  const docx = await renderDiffDocx(diffAgreements(oldModel, newModel), oldModel, newModel);
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');

  it('makes the footnote a Word footnote with its address intact, edited inside', async () => {
    expect(xml).toMatch(/<w:footnoteReference w:id="1"\/>/u);
    expect((await resolvedFootnotes(docx, 'accept')).get(1)).toBe('Se www.samforma.se för mer, och https://www.mucf.se.');
    expect((await resolvedFootnotes(docx, 'reject')).get(1)).toBe('Se www.samforma.se för mer.');
  });

  it('makes the goals a numbered list and the time plan a table', () => {
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/u);
    expect(xml).toMatch(/<w:tbl>/u);
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
    expect(diff.changes[0]!.words.filter((w) => w.op !== 'equal').map((w) => w.text)).toEqual(['regelbundet ', 'varje månad ']);
  });

  it('resolves to the new text accepted and to the old text rejected, nothing left in either place', async () => {
    expect(await resolvedParagraphs(docx, 'accept')).toEqual(shown(newModel));
    expect(await resolvedParagraphs(docx, 'reject')).toEqual(shown(oldModel));
    expect(await emptiedParagraphs(docx, 'accept')).toBe(0);
    expect(await emptiedParagraphs(docx, 'reject')).toBe(0);
  });
});

describe('overens diff --format docx', () => {
  it('writes a Word document to a pipe', () => {
    const r = cli(['diff', 'test/fixtures/diff/round-1.md', 'test/fixtures/diff/round-2.md', '-f', 'docx']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('PK')).toBe(true);
  });
});
