/**
 * The NEW revision as a Word document whose tracked changes lead back to the
 * OLD one: word changes as <w:ins>/<w:del> (the docx package's InsertedTextRun
 * and DeletedTextRun), added elements inserted, removed ones deleted where
 * they stood, and a move as a deletion at the old place plus an insertion
 * with a comment naming where it came from (Word's move markup is not
 * reliable across editors). Paragraphs inserted or deleted whole carry the
 * revision on their paragraph mark as well. Accepting every change gives the new text,
 * rejecting every change the old text. Author and date come from the new
 * revision's manifest entry.
 */
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import type { Agreement } from '../model.js';
import type { Change, Diff } from '../diff/model.js';
import { pairedIds, units, type Unit } from '../diff/align.js';
import { detokenize, tokens } from '../diff/words.js';
import { spokenPath } from './diff-common.js';

interface Track {
  author: string;
  date: string;
  nextId: number;
}

function heading(u: Unit): (typeof HeadingLevel)[keyof typeof HeadingLevel] | undefined {
  if (u.element === 'heading') return HeadingLevel.HEADING_2;
  if (u.element === 'principle' || u.element === 'body' || u.element === 'area') return HeadingLevel.HEADING_3;
  return undefined;
}

/** The text a unit shows in Word: a principle heading with its number. */
function shown(u: Unit, text: string): string {
  return u.element === 'principle' ? `${u.key}. ${text}` : text;
}

/** A revision mark; comments and revisions share one id sequence (Word and LibreOffice expect ids unique across both). */
const mark = (t: Track) => ({ id: t.nextId++, author: t.author, date: t.date });
const ins = (t: Track, text: string) => new InsertedTextRun({ text, ...mark(t) });
const del = (t: Track, text: string) => new DeletedTextRun({ text, ...mark(t) });

/**
 * One paragraph. A paragraph inserted or deleted whole has its paragraph mark
 * tracked too: without it, accepting a deletion leaves an empty paragraph, and
 * LibreOffice drops the deletion altogether.
 */
function paragraph(u: Unit, children: ParagraphChild[], whole?: { insertion: ReturnType<typeof mark> } | { deletion: ReturnType<typeof mark> }): Paragraph {
  const h = heading(u);
  return new Paragraph({
    children,
    ...(h ? { heading: h } : {}),
    ...(u.element === 'commitment' || u.element === 'area-item' ? { bullet: { level: 0 } } : {}),
    ...(whole ? { run: whole } : {}),
  });
}

/** Runs for a word diff: spaces go with the equal or changed text they follow. */
function runs(t: Track, c: Change): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let lastSpace = '';
  c.words.forEach((w, i) => {
    // An insertion right after a deletion replaces it: it takes the same leading space.
    const space = i > 0 && w.op === 'insert' && c.words[i - 1]!.op === 'delete' ? lastSpace : i > 0 && !/^[.,;:!?)]/u.test(w.text) ? ' ' : '';
    lastSpace = space;
    if (w.op === 'equal') out.push(new TextRun(`${space}${w.text}`));
    else if (w.op === 'insert') out.push(ins(t, `${space}${w.text}`));
    else out.push(del(t, `${space}${w.text}`));
  });
  return out;
}

export async function renderDiffDocx(diff: Diff, oldModel: Agreement, newModel: Agreement): Promise<Buffer> {
  const revision = newModel.meta.revision;
  const track: Track = {
    author: revision ? `overens (${revision.label})` : 'overens',
    date: revision?.date ? `${revision.date}T00:00:00Z` : new Date().toISOString().replace(/\.\d+Z$/u, 'Z'),
    nextId: 1,
  };
  const byNew = new Map<string, Change>();
  const gone = new Map<string, Change>(); // old id -> removed or moved-away change
  for (const c of diff.changes) {
    if (c.newId) byNew.set(c.newId, c);
    if (c.kind === 'removed' || c.kind === 'moved') gone.set(c.oldId!, c);
    if (c.kind === 'merged') for (const id of c.parts) gone.set(id, c);
  }
  const comments: ICommentOptions[] = [];
  const oldUnits = units(oldModel);
  const newUnits = units(newModel);
  // Old units that no longer stand where they did, placed after the new unit their old predecessor became.
  const pairedNew = pairedIds(oldModel, newModel); // old id -> new id, changed or not
  const after = new Map<string, Unit[]>(); // new id (or '' for the start) -> old units deleted after it
  let anchor = '';
  for (const u of oldUnits) {
    const change = gone.get(u.id);
    if (change && change.kind !== 'merged') (after.get(anchor) ?? after.set(anchor, []).get(anchor)!).push(u);
    else if (pairedNew.has(u.id)) anchor = pairedNew.get(u.id)!;
  }

  const body: Paragraph[] = [];
  const deleted = (id: string) => {
    for (const u of after.get(id) ?? []) body.push(paragraph(u, [del(track, shown(u, detokenize(tokens(u.text))))], { deletion: mark(track) }));
  };
  deleted('');
  const mergedDone = new Set<Change>();
  for (const u of newUnits) {
    const c = byNew.get(u.id);
    if (!c) body.push(paragraph(u, [new TextRun(shown(u, detokenize(tokens(u.text))))]));
    else if (c.kind === 'added') body.push(paragraph(u, [ins(track, shown(u, detokenize(tokens(u.text))))], { insertion: mark(track) }));
    else if (c.kind === 'moved') {
      // The old text is deleted whole where it stood; here the new text is inserted whole (edited or not,
      // so that rejecting every change leaves nothing here), with a comment naming where it came from.
      const id = track.nextId++;
      const edited = c.words.some((w) => w.op !== 'equal');
      comments.push({ id, author: track.author, date: new Date(track.date), children: [new Paragraph(`Flyttat från ${spokenPath(c.oldPath ?? c.path)}${edited ? ' och ändrat' : ''}`)] });
      const text = ins(track, shown(u, detokenize(tokens(u.text))));
      body.push(paragraph(u, [new CommentRangeStart(id), text, new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })], { insertion: mark(track) }));
    } else if (c.kind === 'merged' && !mergedDone.has(c)) {
      // Several old paragraphs became this one: the words are the same, the paragraph marks are gone.
      mergedDone.add(c);
      body.push(paragraph(u, [new TextRun(detokenize(tokens(u.text)))]));
    } else if (c.kind === 'modified' || c.kind === 'renumbered' || c.kind === 'split') {
      if (u.element === 'principle' && c.kind === 'renumbered') {
        const oldNumber = c.oldId!.replace(/^principle-/u, '');
        const titleRuns = c.words.some((w) => w.op !== 'equal') ? runs(track, c) : [new TextRun(detokenize(tokens(u.text)))];
        body.push(paragraph(u, [del(track, `${oldNumber}.`), ins(track, `${u.key}.`), new TextRun(' '), ...titleRuns]));
      } else if (u.element === 'principle') body.push(paragraph(u, [new TextRun(`${u.key}. `), ...runs(track, c)]));
      else body.push(paragraph(u, runs(track, c)));
    } else body.push(paragraph(u, [new TextRun(shown(u, detokenize(tokens(u.text))))]));
    deleted(u.id);
  }
  const doc = new Document({
    creator: 'overens',
    title: newModel.meta.title ?? undefined,
    comments: { children: comments },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
