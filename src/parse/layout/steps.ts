/**
 * The layout normalisation steps for PDF-extracted text. Each step is a named
 * function from lines to lines; what it removes goes to `ctx.artifacts`, what
 * it joins or splits is recorded in `ctx.normalisations`, both with the source
 * position, so no word is lost and every change can be shown (`--explain`).
 */
import type { Artifact, Normalisation } from '../../model.js';
import type { Speller } from '../../spell.js';
import { BULLET, FOOTNOTE, MARKER_ONLY, SENTENCE_END, looksLikeHeading } from '../segment/rules.js';
import { blankBefore, fromGroups, isBlank, linePosition, toGroups, type Line } from './lines.js';
import { escapeRegExp } from '../../text.js';

export interface LayoutRules {
  /** Labels a PDF viewer prints under a comment's author ("Anteckning"). */
  annotationLabels: string[];
  /** Words after a line-end hyphen that mark a shared compound ending ("hälso- och"). */
  suspendedHyphenWords: string[];
  /** Two-word spellings the language also writes as one word; never joined ("i dag"). */
  keepApart: string[];
  /** Short words that stand alone; another fragment of one or two letters is a split-off ending. */
  shortWords: string[];
  /** Function words: a line of capitalised words without any of them is a figure label. */
  functionWords: string[];
  /** Month names and abbreviations: a line of them heads a flattened time-plan table. */
  months: string[];
  /** What a footnote body says after its number: a web address, "Bilaga 3 ...". */
  footnoteStarts: string[];
}

export interface LayoutContext {
  rules: LayoutRules;
  speller: Speller | null;
  /** True when the text is a heading the profile knows (never removed as a label). */
  isKnownHeading: (text: string) => boolean;
  artifacts: Artifact[];
  normalisations: Normalisation[];
  /** Lower-cased words of the whole document with their counts (see `vocabularyFrom`). */
  vocabulary: Map<string, number>;
  /** Lines whose words become `vocabulary` when it is first asked: the join steps set them as they start, and most documents never ask. */
  vocabularyFrom?: Line[];
}

export type LayoutStep = (lines: Line[], ctx: LayoutContext) => Line[];

const WORD = /[\p{L}\p{N}]+/gu;
const HYPHENATED = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;

function addArtifact(ctx: LayoutContext, kind: string, group: Line[], reason: string): void {
  const first = group[0]!;
  ctx.artifacts.push({
    id: `artifact/${kind}-${first.number}`,
    kind,
    text: group.map((l) => l.text).join('\n'),
    reason,
    position: linePosition(first, group[group.length - 1]),
  });
}

/** Indexes of the non-blank lines that stand alone (blank or nothing on both sides). */
function standalone(lines: Line[], i: number): boolean {
  const before = lines[i - 1];
  const after = lines[i + 1];
  return (!before || isBlank(before)) && (!after || isBlank(after));
}

/** A typical full line width: the 90th percentile of line lengths. */
export function lineWidth(lines: Line[]): number {
  const lengths = lines.filter((l) => !isBlank(l)).map((l) => l.text.length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 80;
}

// ---- removals ----------------------------------------------------------------

/**
 * A reviewer's comment printed into the proof: an author id on its own line
 * ("sofoqu01"), a label line ("Anteckning"), then the comment up to the next
 * blank line or text box.
 */
export const removeAnnotations: LayoutStep = (lines, ctx) => {
  const labels = new Set(ctx.rules.annotationLabels.map((l) => l.toLowerCase()));
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const label = lines[i + 1];
    if (/^[\p{Ll}][\p{Ll}\d._-]{2,30}\d$/u.test(line.text) && label && labels.has(label.text.toLowerCase())) {
      let end = i + 2;
      while (end < lines.length && !isBlank(lines[end]!) && lines[end]!.indent === 0) end++;
      const group = lines.slice(i, end);
      addArtifact(ctx, 'annotation', group, `reviewer comment by ${line.text}`);
      i = end - 1;
      continue;
    }
    out.push(line);
  }
  return out;
};

/** Page numbers: a line of one or two numbers alone between blank lines ("4 5" on a spread). */
export const removePageNumbers: LayoutStep = (lines, ctx) =>
  lines.filter((line, i) => {
    if (!/^\d{1,3}(?:\s+\d{1,3})?$/u.test(line.text) || !standalone(lines, i)) return true;
    addArtifact(ctx, 'page-number', [line], 'page number');
    return false;
  });

/**
 * Running headers and footers: the same short line alone three or more times
 * (numbers may differ: "Sida 3", "Sida 4"), not a known heading.
 */
export const removeRunningHeaders: LayoutStep = (lines, ctx) => {
  const key = (text: string) => text.replace(/\d+/gu, '#');
  const counts = new Map<string, number>();
  lines.forEach((line, i) => {
    // A header or footer does not end a sentence; a repeated sentence is text.
    if (!isBlank(line) && line.text.length <= 60 && !SENTENCE_END.test(line.text) && standalone(lines, i)) {
      counts.set(key(line.text), (counts.get(key(line.text)) ?? 0) + 1);
    }
  });
  const repeated = new Set([...counts].filter(([text, n]) => n >= 3 && !ctx.isKnownHeading(text) && !BULLET.test(text) && !MARKER_ONLY.test(text)).map(([t]) => t));
  if (repeated.size === 0) return lines;
  return lines.filter((line, i) => {
    if (!repeated.has(key(line.text)) || !standalone(lines, i)) return true;
    addArtifact(ctx, 'running-header', [line], `repeated ${counts.get(key(line.text))} times alone on a line`);
    return false;
  });
};

const QUOTE_START = /^[-–]\s?\S/u;
const NARROW = 30;

/**
 * Pull quotes: a run of short dash-led quotes set in a narrow box ("- Vi vet om
 * varandra, / vi har insikt i varandras / olika roller"), wrapped over several
 * short lines, up to two blank lines in a row. A real dash list has items that
 * do not wrap at thirty characters, so it is left alone.
 */
export const removePullQuotes: LayoutStep = (lines, ctx) => {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i]!;
    if (!QUOTE_START.test(start.text) || start.text.length > NARROW) {
      out.push(start);
      continue;
    }
    let end = i;
    let blanks = 0;
    for (let j = i; j < lines.length; j++) {
      const line = lines[j]!;
      if (isBlank(line)) {
        if (++blanks >= 2) break;
        continue;
      }
      if (line.text.length > NARROW) break;
      blanks = 0;
      end = j;
    }
    const region = lines.slice(i, end + 1).filter((l) => !isBlank(l));
    const quotes = region.filter((l) => QUOTE_START.test(l.text)).length;
    const wrapped = region.length - quotes;
    if (quotes < 2 || wrapped < quotes / 2) {
      out.push(start);
      continue;
    }
    let quote: Line[] = [];
    for (const line of region) {
      if (QUOTE_START.test(line.text) && quote.length > 0) {
        addArtifact(ctx, 'pull-quote', quote, 'pull quote set beside the text');
        quote = [];
      }
      quote.push(line);
    }
    addArtifact(ctx, 'pull-quote', quote, 'pull quote set beside the text');
    i = end;
  }
  return out;
};

/**
 * Figure labels: text of a graphic that extraction put between paragraphs.
 * - an all-capitals line with wide gaps (an axis: "LÅG    NIVÅ AV MEDVERKAN    HÖG");
 * - a line alone of three or more capitalised words and no function word
 *   ("Information Samråd Dialog Partnerskap");
 * - four or more short blocks in a row, each a few words without punctuation
 *   (the labels of a diagram: "Kvalitet", "Mångfald", "Öppenhet och insyn").
 */
export const removeFigureLabels: LayoutStep = (lines, ctx) => {
  const functionWords = new Set(ctx.rules.functionWords.map((w) => w.toLowerCase()));
  const drop = new Set<Line>();
  lines.forEach((line, i) => {
    if (isBlank(line) || ctx.isKnownHeading(line.text)) return;
    const raw = line.text;
    if (/\S\s{4,}\S/u.test(raw) && raw === raw.toUpperCase() && /\p{Lu}/u.test(raw)) {
      drop.add(line);
      addArtifact(ctx, 'figure-label', [line], 'axis label of a figure');
      return;
    }
    const words = raw.split(/\s+/u);
    if (
      standalone(lines, i) &&
      words.length >= 3 &&
      words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && !functionWords.has(w.toLowerCase()))
    ) {
      drop.add(line);
      addArtifact(ctx, 'figure-label', [line], 'labels of a figure');
    }
  });
  const kept = lines.filter((l) => !drop.has(l));
  const groups = toGroups(kept);
  // Labels start with a capital; lower-case row labels belong to a table (a time plan), not a graphic.
  const short = (g: Line[]) =>
    g.length <= 2 &&
    /^\p{Lu}/u.test(g[0]!.text) &&
    g.every((l) => l.text.length <= 25 && !/[.:;,!?\d]/u.test(l.text) && !BULLET.test(l.text) && !ctx.isKnownHeading(l.text));
  const labels = new Set<Line[]>();
  for (let i = 0; i < groups.length; ) {
    let j = i;
    while (j < groups.length && short(groups[j]!)) j++;
    if (j - i >= 4) {
      for (let k = i; k < j; k++) labels.add(groups[k]!);
      addArtifact(ctx, 'figure-label', groups.slice(i, j).flat(), `${j - i} short labels in a row (a diagram)`);
    }
    i = Math.max(j, i + 1);
  }
  if (labels.size === 0) return kept;
  return fromGroups(groups.filter((g) => !labels.has(g)));
};

/**
 * A table the extraction flattened into lines, such as a time plan: a header
 * line of month names ("Månad jan feb mars ...") and the rows under it, one per
 * line, up to the next text box or period heading. The rows become one block
 * whose lines are table rows; blank lines inside it are dropped.
 */
/** Append lines as a block of their own: a blank line before (unless there is one) and after. */
function pushBlock(out: Line[], block: Line[]): void {
  if (out.length > 0 && !isBlank(out[out.length - 1]!)) out.push(blankBefore(block[0]!));
  out.push(...block, blankBefore(block[block.length - 1]!));
}

export const markFlatTables: LayoutStep = (lines, ctx) => {
  const months = new Set(ctx.rules.months.map((m) => m.toLowerCase()));
  const out: Line[] = [];
  const cells = (line: Line) => line.text.split(/\s{3,}/u).length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Three or more lines in a row with the same number (two or more) of cells set apart by wide gaps.
    let k = i;
    while (k < lines.length && !isBlank(lines[k]!) && cells(lines[k]!) >= 2 && cells(lines[k]!) === cells(line)) k++;
    if (k - i >= 3) {
      const rows = lines.slice(i, k).map((l) => ({ ...l, tableRow: true }));
      record(ctx, 'table', '', '', `${rows.length} lines of ${cells(line)} cells set apart by wide gaps`, rows[0]!, rows[rows.length - 1]);
      pushBlock(out, rows);
      i = k - 1;
      continue;
    }
    const words = line.text.split(/\s+/u);
    // A header: a label ("Månad") and nothing but month names, at least four.
    if (words.length < 5 || !words.slice(1).every((w) => months.has(w.toLowerCase()))) {
      out.push(line);
      continue;
    }
    const rows: Line[] = [{ ...line, tableRow: true }];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const row = lines[j]!;
      if (isBlank(row)) continue;
      if (row.indent > 0 || row.text.length > 60 || /[.!?:]$/u.test(row.text) || /^\p{Lu}\p{Ll}*\s+\d{4}$/u.test(row.text)) break;
      rows.push({ ...row, tableRow: true });
    }
    if (rows.length < 3) {
      out.push(line);
      continue;
    }
    record(ctx, 'table', '', '', `${rows.length - 1} rows of a flattened table under a line of month names`, rows[0]!, rows[rows.length - 1]);
    pushBlock(out, rows);
    i = j - 1;
  }
  return out;
};

const URL_TAIL = /(?:https?:\/\/|www\.)\S*$/iu;

/**
 * Footnote bodies at the foot of a page, which extraction puts in the middle
 * of the paragraph running over the page break: a line starting with a number
 * and a web address or a reference ("1https://...", "5 Bilaga 2 ..."), with
 * its continuation lines, becomes a block of its own. A web address wrapped
 * without a hyphen is joined back. The paragraph goes on after it (the
 * continuation step joins its two halves).
 */
export const separateFootnotes: LayoutStep = (lines, ctx) => {
  const starts = ctx.rules.footnoteStarts.map(escapeRegExp);
  if (starts.length === 0) return lines;
  const START = new RegExp(`^\\d{1,2}\\s?(?:https?:\\/\\/|www\\.|(?:${starts.join('|')})\\b)`, 'iu');
  // A second reference inside one footnote ("   Bilaga 4 PM, ...") may stand in its own text box.
  const REFERENCE = new RegExp(`^(?:${starts.join('|')})\\b`, 'iu');
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line) || !START.test(line.text) || line.tableRow) {
      out.push(line);
      continue;
    }
    const body: Line[] = [{ ...line, footnote: true }];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j]!;
      // A new text box (indented) ends the footnote: the page's text goes on there.
      if (isBlank(next) || START.test(next.text) || (next.indent > 0 && !REFERENCE.test(next.text))) break;
      const last = body[body.length - 1]!;
      if (URL_TAIL.test(last.text) && !/\s/u.test(next.text) && /[/.]/u.test(next.text)) {
        record(ctx, 'url-join', `${last.text.split(/\s+/u).pop()}\n${next.text}`, `${last.text.split(/\s+/u).pop()}${next.text}`, 'web address wrapped over two lines', last, next);
        last.text += next.text;
        continue;
      }
      body.push({ ...next, footnote: true });
    }
    if (out.length > 0 && !isBlank(out[out.length - 1]!)) record(ctx, 'footnote-break', '', '', 'footnote body set at the foot of a page', line);
    pushBlock(out, body);
    i = j - 1;
  }
  return out;
};

// ---- joins ---------------------------------------------------------------------

function isWord(ctx: LayoutContext, word: string): boolean {
  if (ctx.speller?.isWord(word)) return true;
  return ctx.speller ? ctx.speller.isWord(word.toLowerCase()) : false;
}

function inVocabulary(ctx: LayoutContext, word: string): boolean {
  if (ctx.vocabularyFrom) {
    ctx.vocabulary = vocabularyOf(ctx.vocabularyFrom);
    ctx.vocabularyFrom = undefined;
  }
  return (ctx.vocabulary.get(word.toLowerCase()) ?? 0) > 0;
}

function record(ctx: LayoutContext, step: string, from: string, to: string, reason: string, first: Line, last: Line = first): void {
  ctx.normalisations.push({ step, from, to, reason, position: linePosition(first, last) });
}

/** Decide how `left-` at a line end and `right` on the next line join. */
export function hyphenJoin(ctx: LayoutContext, left: string, right: string): { text: string; reason: string } | null {
  const rightWord = /^[\p{L}\p{N}]+/u.exec(right)?.[0] ?? '';
  if (rightWord === '') return null;
  if (/(?:https?:\/\/|www\.)\S*$/iu.test(left)) return { text: `${left}-${right}`, reason: 'web address broken over two lines' };
  const leftWord = /[\p{L}\p{N}]+$/u.exec(left)?.[0] ?? '';
  if (leftWord === '') return null;
  // "hälso-⏎och sjukvård" shares an ending and keeps its hyphen; "gemen-⏎samt" is one word.
  if (ctx.rules.suspendedHyphenWords.includes(rightWord.toLowerCase())) {
    const whole = leftWord + rightWord;
    return /^\p{Ll}/u.test(leftWord) && (inVocabulary(ctx, whole) || isWord(ctx, whole)) ? { text: left + right, reason: 'line-end hyphenation (a word, not a shared ending)' } : null;
  }
  if (/\d$/u.test(leftWord) || /^[\p{Lu}\d]/u.test(rightWord) || /^.\p{L}*\p{Lu}/u.test(leftWord)) {
    return { text: `${left}-${right}`, reason: 'hyphen kept: number, abbreviation or capitalised part' };
  }
  const plain = leftWord + rightWord;
  const hyphenated = `${leftWord}-${rightWord}`;
  if (inVocabulary(ctx, plain) || isWord(ctx, plain)) return { text: left + right, reason: 'line-end hyphenation' };
  if (inVocabulary(ctx, hyphenated) || isWord(ctx, hyphenated)) return { text: `${left}-${right}`, reason: 'hyphen kept: the word is written with it' };
  return { text: left + right, reason: 'line-end hyphenation' };
}

/** `utvecklings-` / `processer` on the next line become `utvecklingsprocesser`; real hyphens stay. */
export const joinLineEndHyphens: LayoutStep = (lines, ctx) => {
  // The input lines stay as they are (the joins change copies), so their words can be counted later.
  ctx.vocabularyFrom = lines;
  const out = lines.map((l) => ({ ...l }));
  for (let i = 0; i + 1 < out.length; i++) {
    const line = out[i]!;
    const next = out[i + 1]!;
    if (isBlank(line) || isBlank(next) || line.tableRow || next.tableRow || line.footnote || next.footnote || !/\S-$/u.test(line.text) || BULLET.test(next.text)) continue;
    const space = line.text.lastIndexOf(' ');
    const left = line.text.slice(space + 1, -1);
    const rightToken = next.text.split(/\s+/u)[0]!;
    const joined = hyphenJoin(ctx, left, rightToken);
    if (!joined) continue;
    record(ctx, 'line-end-hyphen', `${left}-\n${rightToken}`, joined.text, joined.reason, line, next);
    line.text = line.text.slice(0, space + 1) + joined.text;
    const rest = next.text.slice(rightToken.length).trimStart();
    next.column += next.text.length - rest.length;
    next.text = rest;
    if (rest === '') {
      out.splice(i + 1, 1);
      i--;
    }
  }
  return out;
};

/** Decide whether two words on a line are one word split by lost soft hyphenation. */
export function splitJoin(ctx: LayoutContext, left: string, right: string): string | null {
  if (!/^\p{L}+$/u.test(left) || !/^\p{Ll}+$/u.test(right)) return null;
  if (ctx.rules.keepApart.includes(`${left} ${right}`.toLowerCase())) return null;
  const joined = left + right;
  const known = inVocabulary(ctx, joined);
  if (!known && !isWord(ctx, joined)) return null;
  const short = new Set(ctx.rules.shortWords);
  // A one- or two-letter word after a space is a split-off ending ("förening ar")
  // unless it stands alone in the language; before it, any word the dictionary knows counts.
  const fragment = (w: string, side: 'left' | 'right') =>
    w.length <= 2 ? !short.has(w.toLowerCase()) && (side === 'right' || !isWord(ctx, w)) : !isWord(ctx, w);
  const leftFragment = fragment(left, 'left');
  if (leftFragment || fragment(right, 'right')) return `fragment: “${leftFragment ? left : right}” is not a word`;
  // Two small words ("in till", "var för") are a phrase, whatever the document writes elsewhere.
  const small = (w: string) => short.has(w.toLowerCase()) || ctx.rules.functionWords.includes(w.toLowerCase());
  if (small(left) && small(right)) return null;
  if (known) return `“${joined}” is written elsewhere in the document`;
  return null;
}

/** `presen teras` becomes `presenteras`; `till samverkan` stays two words. */
export const joinSplitWords: LayoutStep = (lines, ctx) => {
  // Counted again: the line-end joins made whole words the document now holds.
  ctx.vocabularyFrom = lines;
  return lines.map((line) => {
    if (isBlank(line) || line.tableRow || line.footnote || !ctx.speller) return line;
    const tokens = line.text.split(' ');
    let changed = false;
    for (let k = 0; k + 1 < tokens.length; k++) {
      const left = tokens[k]!;
      const right = tokens[k + 1]!;
      const m = /^(\p{L}+)([^\p{L}]*)$/u.exec(right);
      // The left part may be a compound with a real hyphen ("icke-diskrimi nering"): its last part joins.
      const head = /^(?:[\p{L}]+-)*(\p{L}+)$/u.exec(left);
      if (!m || !head) continue;
      const reason = splitJoin(ctx, head[1]!, m[1]!);
      if (!reason) continue;
      record(ctx, 'split-word', `${left} ${right}`, left + right, reason, line);
      tokens.splice(k, 2, left + right);
      changed = true;
    }
    return changed ? { ...line, text: tokens.join(' ') } : line;
  });
};

// ---- block structure -------------------------------------------------------------

const STARTS_UPPER = /^["”“«(]?[\p{Lu}\d]/u;

/**
 * Double-spaced extraction (a blank line after every line): single blank
 * lines inside a paragraph are spacing, not breaks. A blank line stays when
 * the line before ends a sentence or is short, or a list item follows.
 */
export const reflowDoubleSpacing: LayoutStep = (lines, ctx) => {
  let spaced = 0;
  let tight = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (isBlank(lines[i]!)) continue;
    if (!isBlank(lines[i + 1]!)) tight++;
    else if (lines[i + 2] && !isBlank(lines[i + 2]!)) spaced++;
  }
  if (spaced < 20 || spaced < (spaced + tight) * 0.5) return lines;
  const width = lineWidth(lines);
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const before = out[out.length - 1];
    const after = lines[i + 1];
    if (isBlank(line) && before && !isBlank(before) && after && !isBlank(after) && !BULLET.test(after.text) && !before.tableRow && !after.tableRow && !before.footnote && !after.footnote) {
      const continues = /^\p{Ll}/u.test(after.text) || (!SENTENCE_END.test(before.text) && before.text.length >= width * 0.6);
      if (continues) {
        record(ctx, 'paragraph-join', '', '', 'blank line is line spacing inside a paragraph', before, after);
        continue;
      }
    }
    out.push(line);
  }
  return out;
};

/**
 * Headings glued to the text around them: a line that starts a new text box
 * (indented in the extraction) and reads as a short heading, or the first
 * line of a block that reads as a heading, is clearly shorter than the lines
 * after it and is followed by a new sentence. The document's first line is
 * its title.
 */
export const breakHeadings: LayoutStep = (lines, ctx) => {
  const groups = toGroups(lines);
  const out: Line[][] = [];
  groups.forEach((group, g) => {
    if (group.some((l) => l.tableRow || l.footnote)) {
      out.push(group);
      return;
    }
    let current: Line[] = [];
    const flush = () => {
      if (current.length > 0) out.push(current);
      current = [];
    };
    group.forEach((line, i) => {
      const next = group[i + 1];
      const boxHeading = line.indent > 0 && line.text.length <= 70 && looksLikeHeading(line.text) && !BULLET.test(line.text);
      if (boxHeading && current.length > 0) {
        record(ctx, 'heading-break', '', '', 'heading starts a new text box', line);
        flush();
      }
      current.push(line);
      if (!next || current.length !== 1 || !looksLikeHeading(line.text) || BULLET.test(line.text) || BULLET.test(next.text)) return;
      const rest = Math.max(...group.slice(i + 1).map((l) => l.text.length));
      const title = g === 0 && i === 0;
      const shortHeading = line.text.length < rest * 0.8 && STARTS_UPPER.test(next.text);
      if (title || (boxHeading && STARTS_UPPER.test(next.text)) || shortHeading) {
        record(ctx, 'heading-break', '', '', title ? 'the first line is the title' : 'heading above its text without a blank line', line);
        flush();
      }
    });
    flush();
  });
  return fromGroups(out);
};

/**
 * A block that starts in lower case continues the block before it when that
 * one does not end a sentence (a paragraph or list item broken by a page or a
 * column); list items with blank lines between them are one list.
 */
const isNote = (group: Line[]): boolean => group[0]!.footnote === true || FOOTNOTE.test(group[0]!.text);

export const joinContinuations: LayoutStep = (lines, ctx) => {
  const groups = toGroups(lines);
  const out: Line[][] = [];
  for (const group of groups) {
    const prev = out[out.length - 1];
    const last = prev?.[prev.length - 1];
    const first = group[0]!;
    if (first.tableRow || last?.tableRow || first.footnote) {
      out.push(group);
      continue;
    }
    // A paragraph interrupted by a footnote at the foot of a page goes on after it (a body the
    // extraction wrote as "[1] ..." is a footnote too: the text never continues into it).
    if (prev && isNote(prev) && /^\p{Ll}/u.test(first.text)) {
      let k = out.length - 1;
      while (k >= 0 && isNote(out[k]!)) k--;
      const host = out[k];
      const hostLast = host?.[host.length - 1];
      if (host && hostLast && !hostLast.tableRow && !SENTENCE_END.test(hostLast.text) && !BULLET.test(first.text)) {
        record(ctx, 'paragraph-join', '', '', 'text continues after a footnote at the foot of a page', hostLast, first);
        host.push(...group);
        continue;
      }
    }
    const prevIsHeading = prev !== undefined && prev.length === 1 && looksLikeHeading(prev[0]!.text) && !BULLET.test(prev[0]!.text);
    if (prev && last && !prevIsHeading && !isNote(prev) && /^\p{Ll}/u.test(first.text) && !SENTENCE_END.test(last.text) && !BULLET.test(first.text)) {
      record(ctx, 'paragraph-join', '', '', 'text continues after a page or column break', last, first);
      prev.push(...group);
      continue;
    }
    // List items set with space between them are one list.
    if (prev && last && BULLET.test(prev[0]!.text) && BULLET.test(first.text)) {
      record(ctx, 'paragraph-join', '', '', 'list items separated by spacing are one list', last, first);
      prev.push(...group);
      continue;
    }
    out.push(group);
  }
  return fromGroups(out);
};

/** Count words for the document vocabulary. */
export function vocabularyOf(lines: Line[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    // A web address ("...ideburna-organisationers-medverkan-i-...") is no evidence of how words are written.
    const text = line.text.toLowerCase().replace(/(?:https?:\/\/|www\.)\S*/gu, ' ');
    for (const m of text.matchAll(WORD)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    // Without a hyphen there is nothing to find (and the search is slow: it tries every letter).
    if (text.includes('-')) for (const m of text.matchAll(HYPHENATED)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return counts;
}
