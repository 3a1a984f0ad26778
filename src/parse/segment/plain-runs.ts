/**
 * Plain runs: the parts of a Markdown document that need no Markdown parser.
 *
 * Most of an agreement is prose, headings and short lists without a single
 * inline mark. remark spends several seconds per MB on them, so the Markdown
 * segmenter takes them straight from the lines and gives remark only the rest
 * (`plainRuns` masks what it took). Three shapes qualify, each only when
 * CommonMark/GFM could not read it any other way:
 *
 * - **Plain paragraphs.** A stretch between blank lines (or the document's
 *   ends), outside anything that spans blank lines: a fenced code block or an
 *   HTML block of kinds 1-5 (script, pre, style, textarea, comment,
 *   processing instruction, declaration, CDATA); these are tracked
 *   conservatively, so a doubtful line keeps the rest of its stretch with
 *   remark. Its first line starts at the margin, so it cannot continue a list
 *   item, a footnote definition or an indented code block. No line starts
 *   with a block mark (heading, quote, list, fence, thematic break, setext
 *   underline, table delimiter, definition, HTML) or a list-like number
 *   ("2023." opens an ordered list). No character could start inline markup
 *   anywhere: backslash, backtick, `*`, `_`, brackets, `<`, `>`, `&`, `~`,
 *   `|`, and `@` (an e-mail address, `mailto:` and `xmpp:` links). A web
 *   address GFM turns into a link (`www.`, `https://`) may stand in it: the
 *   link's text is the address as written, so the paragraph's text is the
 *   same.
 * - **ATX headings** at the margin ("## Syfte"), between such paragraphs or
 *   alone, whose text has no inline mark and no `#` (no closing sequence).
 * - **Simple lists.** Stretches that begin at the margin with a list item
 *   ("- ", "* ", "+ ", "1. ", "1) " and one to four spaces), each line either
 *   the next item of the same kind or a plain line that continues the item.
 *   Stretches of the same kind separated by blank lines are one list, as
 *   CommonMark makes them. A list is taken only when nothing before it could
 *   hold it (the stretch before it was taken here, or there is none) and
 *   nothing after it could continue it (an indented line, or an item of its
 *   kind that is not simple, sends the whole list to remark).
 *
 * The text is then what remark gives: each line without its leading and
 * trailing spaces and tabs (soft and hard breaks both become a line end).
 * Tests check that both paths give the same blocks on the seeds, on tricky
 * hand cases and on generated documents.
 */
import type { Position } from '../../model.js';
import type { SegBlock, SegHeading, SegListItem, SegParagraph } from './types.js';
import { FOOTNOTE } from './rules.js';

const PLAIN_START = /^\S/u;
const PLAIN_LINE = /^[ \t]*(?![#\-+=:]|\d{1,9}[.)](?:[ \t]|$))[^\s\\`*_[\]<>&~|@][^\\`*_[\]<>&~|@\r]*$/u;
const BLANK = /^[ \t]*$/u;
/** An ATX heading at the margin with text. */
const HEADING = /^(#{1,6})[ \t]+(\S.*)$/u;
/** Heading text without inline marks and without `#` (a closing sequence). */
const HEADING_TEXT = /^[^\\`*_[\]<>&~|@#\r]*$/u;
/** A list item at the margin: its bullet, or number and delimiter, then one to four spaces and text. */
const ITEM = /^(?:([-*+])|(\d{1,9})([.)]))( {1,4})(?=\S)/u;
/** Anything CommonMark may read as a list item at the margin, simple or not. */
const ANY_ITEM = /^(?:([-*+])|\d{1,9}([.)]))(?:[ \t]|$)/u;

const isPlainLine = (line: string) => PLAIN_LINE.test(line);
const trimLine = (line: string) => line.replace(/^[ \t]+|[ \t]+$/gu, '');

/** Where remark places a block on lines `from` to `to` (exclusive): from the margin to the end of its last line. */
const span = (lines: string[], from: number, to: number): Position => ({ start: { line: from + 1, column: 1 }, end: { line: to, column: lines[to - 1]!.length + 1 } });

function isPlainRun(lines: string[], from: number, to: number): boolean {
  if (!PLAIN_START.test(lines[from]!)) return false;
  for (let i = from; i < to; i++) if (!isPlainLine(lines[i]!)) return false;
  return true;
}

/** The paragraph remark would make of a plain run (lines `from` to `to`, exclusive). */
function plainParagraph(lines: string[], from: number, to: number): SegParagraph {
  const text = lines.slice(from, to).map(trimLine).join('\n').trim();
  return {
    type: 'paragraph',
    text,
    ...(FOOTNOTE.test(text) ? { footnote: true } : {}),
    position: span(lines, from, to),
  };
}

/** The heading remark would make of line `i`, when it is a plain ATX heading. */
function plainHeading(lines: string[], i: number): SegHeading | null {
  const line = lines[i]!;
  const m = HEADING.exec(line);
  if (!m || !HEADING_TEXT.test(m[2]!)) return null;
  return { type: 'heading', depth: m[1]!.length, text: m[2]!.trim(), position: span(lines, i, i + 1) };
}

/** The blocks of a stretch (lines `from` to `to`, none blank) made only of plain headings and plain paragraphs, else null. */
function headingsAndParagraphs(lines: string[], from: number, to: number): SegBlock[] | null {
  const out: SegBlock[] = [];
  let start = from;
  for (let k = from; k <= to; k++) {
    const heading = k < to && lines[k]!.startsWith('#') ? plainHeading(lines, k) : null;
    if (k < to && heading === null) continue;
    if (k > start) {
      if (!isPlainRun(lines, start, k)) return null;
      out.push(plainParagraph(lines, start, k));
    }
    if (heading) out.push(heading);
    start = k + 1;
  }
  return out;
}

/** What makes items one list: the same bullet, or the same delimiter after the number. */
const kindOf = (m: RegExpExecArray) => m[1] ?? m[3] ?? m[2]!;

/** The list item remark would make of lines `from` to `to` (exclusive), the first opening with `m`; null unless plain. */
function plainItem(lines: string[], from: number, to: number, m: RegExpExecArray): SegListItem | null {
  const first = lines[from]!.slice(m[0].length);
  if (!isPlainLine(first)) return null;
  for (let k = from + 1; k < to; k++) if (!isPlainLine(lines[k]!)) return null;
  const text = [first, ...lines.slice(from + 1, to)].map(trimLine).join('\n').trim();
  const item: SegListItem = { text, position: span(lines, from, to) };
  const lineEnd = text.indexOf('\n');
  if (lineEnd > 0) item.firstLine = lineEnd;
  if (m[2] !== undefined) item.marker = `${m[2]}${m[3]}`;
  return item;
}

/** The items of a stretch (lines `from` to `to`, none blank) that is a simple list of one kind, else null. */
function listStretch(lines: string[], from: number, to: number, kind: string): SegListItem[] | null {
  const items: SegListItem[] = [];
  let start = from;
  let opener = ITEM.exec(lines[from]!);
  if (!opener || kindOf(opener) !== kind) return null;
  for (let k = from + 1; k <= to; k++) {
    const next = k < to ? ITEM.exec(lines[k]!) : null;
    // A line that is no item continues the one before (a plain line, else the stretch is not simple).
    if (k < to && next === null) continue;
    if (next && kindOf(next) !== kind) return null;
    const item = plainItem(lines, start, k, opener!);
    if (!item) return null;
    items.push(item);
    start = k;
    opener = next;
  }
  return items;
}

/** The first line from `from` on that is blank (`blank` true) or not (false); the line count when there is none. */
const firstWhere = (lines: string[], from: number, blank: boolean) => {
  let k = from;
  while (k < lines.length && BLANK.test(lines[k]!) !== blank) k++;
  return k;
};
/** The line after a stretch of filled lines. */
const stretchEnd = (lines: string[], from: number) => firstWhere(lines, from, true);
/** The next filled line. */
const nextFilled = (lines: string[], from: number) => firstWhere(lines, from, false);

/**
 * The simple list that begins at line `from` (a stretch start), with the line
 * after its last stretch; null when remark must read it.
 */
function plainList(lines: string[], from: number): { blocks: SegBlock[]; end: number } | null {
  const opener = ITEM.exec(lines[from]!);
  if (!opener) return null;
  const kind = kindOf(opener);
  const ordered = opener[2] !== undefined;
  const items: SegListItem[] = [];
  let start = from;
  let end = from;
  for (;;) {
    end = stretchEnd(lines, start);
    const part = listStretch(lines, start, end, kind);
    if (!part) return null;
    items.push(...part);
    const next = nextFilled(lines, end);
    if (next === lines.length) break;
    const line = lines[next]!;
    // An indented line may continue the last item; an item of the same kind joins the list.
    if (!PLAIN_START.test(line)) return null;
    const any = ANY_ITEM.exec(line);
    if (!any || (any[1] ?? any[2]) !== kind) break;
    start = next;
  }
  const position = { start: items[0]!.position.start, end: items[items.length - 1]!.position.end };
  return { blocks: [{ type: 'list', ordered, items, position }], end };
}

/** An HTML block of kinds 1-5 starting at the line start: it interrupts a paragraph and begins whatever came before. */
const HTML_BLOCK_START = /^ {0,3}<(?:!--|\?|!\[CDATA\[|![A-Za-z]|(?:script|pre|style|textarea)(?![\p{L}\p{N}]))/iu;
/** The closers of fenced code blocks (inside a fence nothing else opens or closes). */
const FENCES = new WeakSet<RegExp>();

/**
 * What is open after `line`, given what was open before it: a closer test, or
 * null. Inside a fence only its closer counts; otherwise an HTML block starting
 * at the line start takes over from an inline construct that seemed open
 * ("text <!-- x" then "<![CDATA[" on the next line is an unclosed CDATA block).
 */
export function track(open: RegExp | null, line: string): RegExp | null {
  if (open === null) return opens(line);
  if (FENCES.has(open)) return open.test(line) ? null : open;
  if (HTML_BLOCK_START.test(line)) return opens(line);
  return open.test(line) ? null : open;
}

/** What a line opens that runs across blank lines, as the test for the line that closes it. */
function opens(line: string): RegExp | null {
  const fence = /^[ \t>]*(`{3,}|~{3,})/u.exec(line);
  if (fence) {
    const close = new RegExp(`^[ \\t>]*${fence[1]![0] === '`' ? '`' : '~'}{${fence[1]!.length},}[ \\t]*$`, 'u');
    FENCES.add(close);
    return close;
  }
  const raw = /<(script|pre|style|textarea)(?![\p{L}\p{N}])/iu.exec(line);
  if (raw && !new RegExp(`</${raw[1]}>`, 'iu').test(line)) return new RegExp(`</${raw[1]}>`, 'iu');
  for (const [open, close] of [['<!--', '-->'], ['<?', '?>'], ['<![CDATA[', ']]>']] as const) {
    const at = line.lastIndexOf(open);
    if (at !== -1 && !line.includes(close, at + open.length)) return new RegExp(close.replace(/[?[\]]/gu, '\\$&'), 'u');
  }
  if (/<![A-Za-z]/u.test(line) && !/<![A-Za-z][^>]*>/u.test(line)) return />/u;
  return null;
}

const FRONT_MATTER_FENCE = /^---[ \t]*$/u;

/** The line that closes the document's YAML front matter (as remark's front matter reads it); 0 when there is none, -1 when it opens and never closes. */
export function frontMatterFence(lines: string[]): number {
  if (lines.length < 2 || !FRONT_MATTER_FENCE.test(lines[0]!)) return 0;
  for (let k = 1; k < lines.length; k++) if (FRONT_MATTER_FENCE.test(lines[k]!)) return k;
  return -1;
}

export interface PlainRuns {
  /** The document with each stretch of plain runs (and the blank lines between them) as one thematic-break line. */
  masked: string;
  /** The source line of each masked line. */
  lineMap: number[];
  /** The blocks each mask stands for, by the mask's source line. */
  plain: Map<number, SegBlock[]>;
}

/**
 * Finds the plain runs of a document and masks them: each stretch of them
 * becomes one thematic-break line, which leaves the block structure of
 * everything else as it was and almost nothing for remark to read.
 */
export function plainRuns(source: string): PlainRuns {
  const lines = source.split('\n');
  const plain = new Map<number, SegBlock[]>();
  let lastMask = -1;
  const fence = frontMatterFence(lines);
  let i = fence > 0 ? fence + 1 : 0;
  const masked: string[] = lines.slice(0, i);
  const lineMap: number[] = masked.map((_, k) => k + 1);
  const keep = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      masked.push(lines[k]!);
      lineMap.push(k + 1);
    }
  };
  const mask = (from: number, blocks: SegBlock[]) => {
    if (lastMask !== -1 && masked.slice(lastMask + 1).every((l) => BLANK.test(l))) {
      masked.length = lineMap.length = lastMask + 1;
      plain.get(lineMap[lastMask]!)!.push(...blocks);
    } else {
      plain.set(from + 1, blocks);
      lastMask = masked.length;
      masked.push('***');
      lineMap.push(from + 1);
    }
  };
  let open: RegExp | null = null;
  // Whether the stretch before was taken here (or there was none): nothing of it can hold a list.
  // After front matter that never closes, remark reads no list at all (micromark's concrete construct).
  const lists = fence !== -1;
  let taken = true;
  while (i < lines.length) {
    if (open === null && BLANK.test(lines[i]!)) {
      keep(i, i + 1);
      i++;
      continue;
    }
    let j = stretchEnd(lines, i);
    const simple = open === null ? headingsAndParagraphs(lines, i, j) : null;
    const list: { blocks: SegBlock[]; end: number } | null = open === null && simple === null && lists && taken ? plainList(lines, i) : null;
    if (simple) mask(i, simple);
    else if (list) {
      mask(i, list.blocks);
      j = list.end;
    } else {
      for (let k = i; k < j; k++) open = track(open, lines[k]!);
      // Inside an open construct, blank lines belong to it.
      if (open !== null && j < lines.length) j++;
      keep(i, j);
    }
    taken = simple !== null || list !== null;
    i = j;
  }
  return { masked: masked.join('\n'), lineMap, plain };
}
