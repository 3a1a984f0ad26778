/**
 * What a rendered agreement shows, in reading order: the model's flow
 * (src/flow.ts) grouped into the blocks a page is made of (headings,
 * paragraphs, lists, tables, footnotes), with the revision's metadata and
 * the draft mark. Every format (Markdown, HTML, Typst, Word) renders this one
 * view, so they cannot disagree about what the agreement says.
 *
 * Guarantee: every shown block of the flow is in exactly one block here, with
 * its text exactly as the model holds it. Hidden blocks (a goal stated inside
 * a sentence) are not shown twice: their words stand in the sentence.
 */
import type { Agreement, RevisionStatus } from '../model.js';
import { flow, type FlowBlock } from '../flow.js';

export interface RenderItem {
  text: string;
  /** The marker as written ("1)", "a.", "o"), when the source wrote one. */
  marker?: string;
  /** A marker a page must print before the text: a letter or roman numeral that numbers the item ("a)"), not a bullet or a number the list counts. */
  label?: string;
  /** In an ordered list, the item's number as its marker gives it ("7." → 7): a page shows this number, whatever the list would count. */
  number?: number;
  /** Anchor from the model's id ("principle-4/commitment-2"). */
  anchor: string;
}

export type RenderBlock =
  | {
      kind: 'heading';
      level: number;
      text: string;
      anchor: string;
      element: string;
      /** A principle's number. */
      number?: number;
      /** Whether a table of contents lists it (not a heading inside a principle, such as "ÅTAGANDEN"). */
      toc: boolean;
    }
  | { kind: 'paragraph'; text: string; anchor: string; emphasis: boolean; /** A footnote body the source keeps as a paragraph. */ note: boolean }
  | { kind: 'list'; ordered: boolean; start: number; items: RenderItem[]; anchor: string; element: string }
  | {
      kind: 'table';
      header: string[];
      rows: string[][];
      anchor: string;
      /** The widest row's cell count. */
      columns: number;
      /** Header and rows, each padded with empty cells to `columns` (for layouts that fill a grid cell by cell). */
      grid: string[][];
    }
  | {
      kind: 'footnote';
      number: number;
      /** The note's text, without its number. */
      text: string;
      anchor: string;
      /** How the note is numbered in the body ("[1] "). */
      label: string;
      /** The paragraph that holds the note in the source, as written; on the first note of that paragraph only. */
      paragraph?: string;
      /** What a page shows for the note: "1. text" for a Markdown footnote, else its source paragraph once (empty for the other notes of that paragraph). */
      display: string;
    };

export type DraftMark = 'UTKAST' | 'REMISSVERSION';

export interface RenderDocument {
  id: string;
  title: string;
  parties: string[];
  region: string | null;
  revision: { label: string; round?: number; date?: string; status: RevisionStatus; scope?: string } | null;
  /** The running-header mark of a draft, or null for a final version. */
  mark: DraftMark | null;
  /** The title is shown on the title page; the body starts after it. */
  blocks: RenderBlock[];
  /** The headings a table of contents lists (levels below the title). */
  toc: Array<{ level: number; text: string; anchor: string }>;
  /** Whether the body's markers use Markdown footnotes ("[^1]"). */
  markdownFootnotes: boolean;
}

export interface DocumentOptions {
  /** true forces the draft mark, false removes it; undefined follows the revision's status. */
  draft?: boolean;
}

/** The mark a revision carries: a remiss version says so, any other draft is an UTKAST. */
export function draftMark(status: RevisionStatus | undefined, draft: boolean | undefined): DraftMark | null {
  if (draft === false) return null;
  if (status === 'remiss') return 'REMISSVERSION';
  if (draft === true || status === 'draft') return 'UTKAST';
  return null;
}

/** A list marker that is only a bullet: a glyph or a lone letter ("o", "•", "▪", "-"), with no number and no "." or ")". */
export function isBulletGlyph(marker: string): boolean {
  return !/\d/u.test(marker) && !/[.)]$/u.test(marker) && [...marker].length === 1;
}

/** An anchor a URL fragment and an id attribute both accept, from a model id. */
export function anchorOf(id: string): string {
  return id.replace(/[^\p{L}\p{N}/_.-]+/gu, '-');
}

/** The blocks after the title block, if the view starts with one. */
export function bodyOf(blocks: RenderBlock[]): RenderBlock[] {
  return blocks[0]?.kind === 'heading' && blocks[0].element === 'title' ? blocks.slice(1) : blocks;
}

/** The render view of a model. */
export function renderDocument(model: Agreement, options: DocumentOptions = {}): RenderDocument {
  const sections = JSON.stringify(model.sections);
  const markdownFootnotes = model.footnotes.some((f) => f.markers.length > 0 && sections.includes(`[^${f.number}]`));
  const blocks = groupBlocks(wholeItems(model, flow(model, { principles: 'number' })).filter((b) => !b.hidden), markdownFootnotes);
  const body = bodyOf(blocks);
  const titleBlock = body === blocks ? undefined : blocks[0];
  const title = titleBlock?.kind === 'heading' ? titleBlock.text : (model.meta.title ?? model.meta.id);
  const revision = model.meta.revision;
  return {
    id: model.meta.id,
    title,
    parties: model.meta.parties,
    region: model.meta.region,
    revision: revision ? { ...revision } : null,
    mark: draftMark(revision?.status, options.draft),
    blocks,
    toc: body.flatMap((b) => (b.kind === 'heading' && b.toc ? [{ level: b.level, text: b.text, anchor: b.anchor }] : [])),
    markdownFootnotes,
  };
}

/**
 * A principle stated as a list item shows as the item the source wrote:
 * "Dialog - ömsesidig respekt …" (its name, the separator and its description,
 * which the model holds as a heading and a paragraph), or "Dialog förutsätter
 * …" (a sentence that starts with the name, held as the paragraph).
 */
function wholeItems(model: Agreement, blocks: FlowBlock[]): FlowBlock[] {
  const byId = new Map(model.principles.map((p) => [p.id, p]));
  const merged = new Set<string>();
  const out = blocks.map((b) => {
    const p = b.style === 'item' && b.unit?.element === 'principle' ? byId.get(b.unit.id) : undefined;
    const first = p?.paragraphs[0];
    if (!p || first?.type !== 'paragraph') return b;
    if (p.heading && p.separator !== undefined) {
      merged.add(first.id);
      // A separator of whitespace alone is the line break between a name and its description.
      return { ...b, text: `${p.heading.text}${/^\s+$/u.test(p.separator) ? '\n' : p.separator}${first.text}` };
    }
    if (!p.heading && first.text.startsWith(p.title)) {
      merged.add(first.id);
      return { ...b, text: first.text };
    }
    return b;
  });
  return out.filter((b) => !(b.style === 'paragraph' && b.unit && merged.has(b.unit.id)));
}

/** Consecutive items of one list, and consecutive rows of one table, become one block. */
function groupBlocks(shown: FlowBlock[], markdownFootnotes: boolean): RenderBlock[] {
  const out: RenderBlock[] = [];
  let listKey = '';
  let tableKey = '';
  let shownBefore: FlowBlock | undefined;
  for (const b of shown) {
    const unit = b.unit;
    const id = unit?.id ?? b.owner ?? '';
    const anchor = anchorOf(id);
    const parentKey = unit?.parent ?? b.owner ?? '';
    if (b.style !== 'item') listKey = '';
    if (b.style !== 'row') tableKey = '';
    switch (b.style) {
      case 'title':
        out.push({ kind: 'heading', level: 1, text: b.text, anchor, element: 'title', toc: false });
        break;
      case 'heading': {
        const owner = b.owner ? `${b.owner.split('/')[0]}-heading` : 'heading';
        const element = unit?.element === 'principle' ? 'principle' : unit?.element ?? owner;
        const number = unit?.element === 'principle' && unit.key !== undefined ? Number(unit.key) : undefined;
        // A heading with no unit of its own ("Vision", "ÅTAGANDEN") takes its owner's anchor with a suffix.
        out.push({ kind: 'heading', level: b.level, text: b.text, anchor: unit ? anchor : `${anchor}/heading`, element, toc: b.inner !== true, ...(number !== undefined ? { number } : {}) });
        break;
      }
      case 'paragraph':
        out.push({ kind: 'paragraph', text: b.text, anchor, emphasis: b.emphasis === true, note: b.note === true });
        break;
      case 'item': {
        const key = `${parentKey}|${b.ordered === true}`;
        const last = out[out.length - 1];
        const label = b.marker !== undefined && !b.ordered && !isBulletGlyph(b.marker) ? b.marker : undefined;
        const number = b.ordered && b.marker !== undefined ? /^\d+/u.exec(b.marker)?.[0] : undefined;
        const item: RenderItem = { text: b.text, anchor, ...(b.marker ? { marker: b.marker } : {}), ...(label !== undefined ? { label } : {}), ...(number !== undefined ? { number: Number(number) } : {}) };
        if (listKey === key && last?.kind === 'list') last.items.push(item);
        else {
          const start = b.ordered && b.marker ? Number(/\d+/u.exec(b.marker)?.[0] ?? 1) : 1;
          out.push({ kind: 'list', ordered: b.ordered === true, start, items: [item], anchor: anchorOf(id.replace(/\/\d+$/u, '')), element: unit?.element ?? 'text' });
        }
        listKey = key;
        break;
      }
      case 'row': {
        const key = (unit?.id ?? '').replace(/\/\d+$/u, '');
        const last = out[out.length - 1];
        const cells = b.cells ?? [b.text];
        if (tableKey === key && last?.kind === 'table') {
          last.rows.push(cells);
          last.grid.push(cells);
        } else out.push({ kind: 'table', header: cells, rows: [], anchor: anchorOf(key), columns: 0, grid: [cells] });
        tableKey = key;
        break;
      }
      case 'footnote': {
        const last = shownBefore;
        const first = !(last?.style === 'footnote' && last.paragraph?.id === b.paragraph?.id);
        const paragraph = first && b.paragraph ? b.paragraph.text : undefined;
        const display = markdownFootnotes ? `${b.footnote ?? ''}. ${b.text}` : paragraph ?? (first ? `${b.prefix ?? ''}${b.text}` : '');
        out.push({ kind: 'footnote', number: b.footnote ?? 0, text: b.text, anchor, label: b.prefix ?? '', display, ...(paragraph !== undefined ? { paragraph } : {}) });
        break;
      }
    }
    shownBefore = b;
  }
  for (const b of out) {
    if (b.kind !== 'table') continue;
    b.columns = Math.max(...b.grid.map((r) => r.length));
    b.grid = b.grid.map((r) => [...r, ...Array<string>(b.columns - r.length).fill('')]);
  }
  return out;
}
