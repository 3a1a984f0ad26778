/**
 * The NEW revision as a complete Word document whose tracked changes lead back
 * to the OLD one, ready to be accepted or rejected change by change and sent on
 * as the next draft. It is laid out from the same flow the diff compares
 * (src/flow.ts): the title in the Title style, every heading at its level,
 * lists as lists, tables as tables, footnotes as Word footnotes. Word changes
 * are <w:ins>/<w:del> with the exact text; added elements are inserted and
 * removed ones deleted where they stood, their paragraph marks too; a move is a
 * deletion at the old place plus an insertion with a comment naming where it
 * came from (Word's move markup is not reliable across editors). Track changes
 * is on in the settings, so an editor's next edits are tracked as well. Author
 * and date come from the new revision's manifest entry.
 */
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import type { Agreement } from '../model.js';
import type { Change, Diff, WordOp } from '../diff/model.js';
import { pairedIds } from '../diff/align.js';
import { scopePair } from '../diff/scope.js';
import { flow, shownText, type FlowBlock } from '../flow.js';
import { spokenPath } from './diff-common.js';
import { HEADINGS, fixedDate, reproducible, wordRuns } from '../docx-package.js';

interface Track {
  author: string;
  date: string;
  nextId: number;
  /** Footnote numbers laid out as Word footnotes: a marker of one of them becomes a reference. */
  notes: Set<number>;
  /** Whether the block being laid out is bold: a paragraph emphasised as a whole tells a reader (and the parser) what it is. */
  bold: boolean;
}

type Mark = ReturnType<typeof mark>;
type Whole = { insertion: Mark } | { deletion: Mark };

/** A revision mark; comments and revisions share one id sequence (Word and LibreOffice expect ids unique across both). */
const mark = (t: Track) => ({ id: t.nextId++, author: t.author, date: t.date });

const MARKER = /\^\[(\d+)\]|\[\^(\d+)\]/gu;

const NO_NOTES: ReadonlySet<number> = new Set();

/** Runs for a text of one op: in unchanged text a footnote marker ("^[1]") is a reference to the Word footnote. */
function textRuns(t: Track, op: WordOp['op'], text: string): ParagraphChild[] {
  return wordRuns(text, {
    notes: op === 'equal' ? t.notes : NO_NOTES,
    markers: MARKER,
    bold: t.bold,
    make: (children, format) =>
      op === 'equal' ? new TextRun({ children, ...format }) : op === 'insert' ? new InsertedTextRun({ children, ...format, ...mark(t) }) : new DeletedTextRun({ children, ...format, ...mark(t) }),
  });
}

const runsOf = (t: Track, words: WordOp[]) => words.flatMap((w) => textRuns(t, w.op, w.text));

/** Word ops without a prefix that stands unchanged at their start ("[1] " of a footnote), or null. */
function withoutPrefix(words: WordOp[], prefix: string | undefined): WordOp[] | null {
  if (!prefix) return words;
  const [first, ...rest] = words;
  if (!first || first.op !== 'equal' || !first.text.startsWith(prefix) || !(first.old ?? first.text).startsWith(prefix)) return null;
  const text = first.text.slice(prefix.length);
  const old = first.old?.slice(prefix.length);
  return [...(text ? [{ op: 'equal' as const, text, ...(old !== undefined && old !== text ? { old } : {}) }] : []), ...rest];
}

/** Lays out blocks as Word paragraphs and tables, numbering each ordered list on its own. */
class Layout {
  readonly body: Array<Paragraph | Table> = [];
  private rows: TableRow[] = [];
  private listInstance = 0;
  private lastStyle = '';

  /** A block; a table row unchanged gets a cell per cell, a changed one its runs in one cell. */
  add(b: FlowBlock, children: ParagraphChild[], whole?: Whole, cells?: ParagraphChild[][]): void {
    if (b.style === 'row') {
      const cell = (runs: ParagraphChild[]) => new TableCell({ children: [new Paragraph({ children: runs, ...(whole ? { run: whole } : {}) })] });
      this.rows.push(new TableRow({ children: (cells ?? [children]).map(cell) }));
      return;
    }
    this.flushTable();
    if (b.style === 'item' && b.ordered && this.lastStyle !== 'ordered') this.listInstance++;
    this.lastStyle = b.style === 'item' && b.ordered ? 'ordered' : b.style;
    const style =
      b.style === 'title'
        ? { heading: HeadingLevel.TITLE }
        : b.style === 'heading'
          ? { heading: HEADINGS[b.level - 1]! }
          : b.style === 'item'
            ? b.ordered
              ? { numbering: { reference: 'ordered', level: 0, instance: this.listInstance } }
              : { bullet: { level: 0 } }
            : {};
    this.body.push(new Paragraph({ children, ...style, ...(whole ? { run: whole } : {}) }));
  }

  private flushTable(): void {
    if (this.rows.length === 0) return;
    this.body.push(new Table({ rows: this.rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
    this.rows = [];
  }

  done(): Array<Paragraph | Table> {
    this.flushTable();
    return this.body;
  }
}

/** Which typed elements (principles, vision, …) stand in a flow, for the blocks that belong to them. */
const owners = (list: FlowBlock[]) => new Set(list.flatMap((b) => [b.owner ?? '', b.unit?.id ?? '']).filter(Boolean));

export async function renderDiffDocx(diff: Diff, oldFull: Agreement, newFull: Agreement): Promise<Buffer> {
  // A scoped diff is the scoped section as its new revision.
  const { old: oldModel, new: newModel } = scopePair(oldFull, newFull, diff.scope?.section);
  const revision = newModel.meta.revision;
  const newFlow = flow(newModel);
  const oldFlow = flow(oldModel);
  // Footnotes become Word footnotes when the text refers to them with a marker.
  const referred = new Set(newFlow.flatMap((b) => [...b.text.matchAll(MARKER)].map((m) => Number(m[1] ?? m[2]))));
  const notes = newFlow.filter((b) => b.style === 'footnote' && referred.has(b.footnote!));
  const track: Track = {
    author: revision ? `overens (${revision.label})` : 'overens',
    date: revision?.date ? `${revision.date}T00:00:00Z` : fixedDate(),
    nextId: 1,
    notes: new Set(notes.map((b) => b.footnote!)),
    bold: false,
  };
  const { byNew, gone } = indexChanges(diff);
  const oldOwners = owners(oldFlow);
  const newOwners = owners(newFlow);
  const oldBlock = new Map(oldFlow.flatMap((b) => (b.unit ? [[b.unit.id, b] as const] : [])));
  // A block that is no unit (a "Vision" heading) is new when what it belongs to is, gone when that is.
  const ownerAdded = (owner: string) => byNew.get(owner)?.kind === 'added' || !oldOwners.has(owner);
  const ownerGone = (owner: string) => gone.get(owner)?.kind === 'removed' || !newOwners.has(owner);
  const after = placeDeletions(oldFlow, gone, ownerGone, pairedIds(oldModel, newModel, diff));

  const comments: ICommentOptions[] = [];
  const layout = new Layout();
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  const whole = (text: string, op: 'insert' | 'delete') => textRuns(track, op, text);
  const deletedAfter = (id: string) => {
    for (const b of after.get(id) ?? []) {
      track.bold = b.emphasis === true;
      layout.add(b, whole(shownText(b), 'delete'), { deletion: mark(track) });
    }
  };
  deletedAfter('');
  for (const b of newFlow) {
    const id = b.unit?.id;
    const c = id ? byNew.get(id) : undefined;
    track.bold = b.emphasis === true;
    if (b.hidden) {
      if (id) deletedAfter(id);
      continue;
    }
    if (b.style === 'footnote' && track.notes.has(b.footnote!)) {
      const words = (c && withoutPrefix(c.words, b.prefix)) ?? [{ op: 'equal' as const, text: b.text }];
      footnotes[String(b.footnote)] = { children: [new Paragraph({ children: c?.kind === 'added' ? whole(b.text, 'insert') : runsOf(track, words) })] };
      if (id) deletedAfter(id);
      continue;
    }
    const plain = (): ParagraphChild[] => textRuns(track, 'equal', shownText(b));
    if (!b.unit) layout.add(b, b.owner && ownerAdded(b.owner) ? whole(b.text, 'insert') : plain(), b.owner && ownerAdded(b.owner) ? { insertion: mark(track) } : undefined);
    else if (!c || c.kind === 'merged') layout.add(b, plain(), undefined, b.cells?.map((cell) => textRuns(track, 'equal', cell)));
    else if (c.kind === 'added') layout.add(b, whole(shownText(b), 'insert'), { insertion: mark(track) });
    else if (c.kind === 'moved') layout.add(b, movedRuns(track, comments, c, shownText(b)), { insertion: mark(track) });
    else layout.add(b, changedRuns(track, b, c, oldBlock.get(c.oldId ?? '')));
    if (id) deletedAfter(id);
  }
  const doc = new Document({
    creator: 'overens',
    title: newModel.meta.title ?? undefined,
    features: { trackRevisions: true },
    comments: { children: comments },
    footnotes,
    numbering: { config: [{ reference: 'ordered', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] }] },
    sections: [{ children: layout.done() }],
  });
  return reproducible(await Packer.toBuffer(doc), track.date);
}

/** The changes by the new unit they show, and the old units removed, moved away or merged into another. */
function indexChanges(diff: Diff): { byNew: Map<string, Change>; gone: Map<string, Change> } {
  const byNew = new Map<string, Change>();
  const gone = new Map<string, Change>();
  for (const c of diff.changes) {
    if (c.newId) byNew.set(c.newId, c);
    if (c.kind === 'removed' || c.kind === 'moved') gone.set(c.oldId!, c);
    if (c.kind === 'merged') for (const id of c.parts) gone.set(id, c);
  }
  return { byNew, gone };
}

/**
 * Where the old blocks that no longer stand where they did go: after the new
 * unit their old predecessor became ('' for the start), in their old order.
 */
function placeDeletions(oldFlow: FlowBlock[], gone: Map<string, Change>, ownerGone: (owner: string) => boolean, pairedNew: Map<string, string>): Map<string, FlowBlock[]> {
  const after = new Map<string, FlowBlock[]>();
  let anchor = '';
  for (const b of oldFlow) {
    if (b.hidden) continue;
    const change = b.unit ? gone.get(b.unit.id) : undefined;
    const deleted = b.unit ? change !== undefined && change.kind !== 'merged' : b.owner !== undefined && ownerGone(b.owner);
    if (deleted) (after.get(anchor) ?? after.set(anchor, []).get(anchor)!).push(b);
    else if (b.unit && pairedNew.has(b.unit.id)) anchor = pairedNew.get(b.unit.id)!;
  }
  return after;
}

/**
 * A moved block: the old text is deleted whole where it stood; here the new
 * text is inserted whole (edited or not, so that rejecting every change leaves
 * nothing here), with a comment naming where it came from.
 */
function movedRuns(track: Track, comments: ICommentOptions[], c: Change, text: string): ParagraphChild[] {
  const comment = track.nextId++;
  const edited = c.words.some((w) => w.op !== 'equal');
  comments.push({ id: comment, author: track.author, date: new Date(track.date), children: [new Paragraph(`Flyttat från ${spokenPath(c.oldPath ?? c.path)}${edited ? ' och ändrat' : ''}`)] });
  return [new CommentRangeStart(comment), ...textRuns(track, 'insert', text), new CommentRangeEnd(comment), new TextRun({ children: [new CommentReference(comment)] })];
}

/**
 * The runs of a changed block. A heading shows its number ("1. "), deleted
 * and inserted when it changed; an item's marker is the list's numbering, so
 * it is taken off the words (kept in the text when the marker itself changed).
 */
function changedRuns(track: Track, b: FlowBlock, c: Change, old: FlowBlock | undefined): ParagraphChild[] {
  if (b.style === 'heading' && b.prefix !== undefined) {
    const before = old?.prefix ?? '';
    const number = before === b.prefix ? textRuns(track, 'equal', b.prefix) : [...textRuns(track, 'delete', before), ...textRuns(track, 'insert', b.prefix)];
    return [...number, ...runsOf(track, c.words)];
  }
  if (b.style === 'item' && b.prefix !== undefined) {
    const words = withoutPrefix(c.words, b.prefix);
    if (words) return runsOf(track, words);
  }
  return runsOf(track, c.words);
}
