/**
 * Segmenter for plain text (Word saved as text, PDF-extracted text).
 *
 * Guarantee: every non-blank line of the input ends up in exactly one block,
 * with its text unchanged apart from trimming surrounding whitespace.
 *
 * Blocks are separated by blank lines. A block is
 * - a list when every line starts with a bullet (`- `, `• `, `* `, `1) `) or
 *   continues the previous item;
 * - a footnote when it starts with `^[N]` or `[N]`;
 * - a heading when it is a single short line that does not read as a sentence;
 * - a paragraph otherwise.
 */
import type { SegBlock, SegHeading, SegListItem, SegParagraph, Segmented } from './types.js';
import { linePosition, toLines, type Line } from '../layout/lines.js';
import { BULLET, FOOTNOTE, NUMBERED, looksLikeHeading } from './rules.js';

export { looksLikeHeading, MAX_HEADING_LENGTH } from './rules.js';

/** Two or more lines numbered one after the other ("1. ...", "2. ..."), the first line among them. */
function numberedRun(lines: Line[]): boolean {
  const numbers = lines.map((l) => NUMBERED.exec(l.text)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  return NUMBERED.test(lines[0]!.text) && numbers.length >= 2 && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
}

/**
 * A numbered list written with a blank line between its items ("1. Självständighet
 * och oberoende garanterar ...⏎⏎2. Öppenhet och insyn förutsätter ..."): consecutive
 * paragraphs numbered n, n+1, ... become one list.
 */
function joinSpacedNumbered(blocks: SegBlock[]): SegBlock[] {
  const out: SegBlock[] = [];
  const numberOf = (b: SegBlock | undefined, continuing = false): number | null => {
    // A numbered line short enough to read as a heading continues a run of numbered paragraphs.
    if (!b || !(b.type === 'paragraph' || (continuing && b.type === 'heading')) || (b.type === 'paragraph' && b.footnote)) return null;
    const m = NUMBERED.exec(b.text);
    return m ? Number(m[1]) : null;
  };
  for (let i = 0; i < blocks.length; i++) {
    let j = i;
    const first = numberOf(blocks[i]);
    while (first !== null && numberOf(blocks[j + 1], true) !== null && numberOf(blocks[j + 1], true) === numberOf(blocks[j], true)! + 1) j++;
    if (j === i) {
      out.push(blocks[i]!);
      continue;
    }
    const run = blocks.slice(i, j + 1) as Array<SegParagraph | SegHeading>;
    const items: SegListItem[] = run.map((b) => {
      const mark = NUMBERED.exec(b.text)![0];
      return { text: b.text.slice(mark.length), marker: mark.trim(), position: b.position };
    });
    out.push({ type: 'list', ordered: true, items, position: { start: { ...run[0]!.position.start }, end: { ...run[run.length - 1]!.position.end } } });
    i = j;
  }
  return out;
}

function toBlock(lines: Line[]): SegBlock {
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  if (lines.every((l) => l.tableRow)) {
    // A header of month names is a row of single words; other rows split on runs of spaces.
    const monthHeader = lines.length > 1 && !/\s{3,}/u.test(first.text) && first.text.split(/\s+/u).length >= 5;
    const rows = lines.map((l, i) => (i === 0 && monthHeader ? l.text.split(/\s+/u) : l.text.split(/\s{2,}/u)));
    return { type: 'table', rows, position: linePosition(first, last) };
  }
  const marker = BULLET.test(first.text) ? BULLET : numberedRun(lines) ? NUMBERED : null;
  if (marker) {
    const items: SegListItem[] = [];
    let current: Line[] = [];
    const flush = () => {
      if (current.length === 0) return;
      const head = current[0]!;
      const mark = marker.exec(head.text)![0];
      const firstLine = head.text.slice(mark.length);
      const text = [firstLine, ...current.slice(1).map((l) => l.text)].join(' ');
      const item: SegListItem = { text, position: linePosition(head, current[current.length - 1]!) };
      // Where the first line ends: "Dialog⏎En kontinuerlig dialog ..." names, then describes.
      if (current.length > 1) item.firstLine = firstLine.length;
      // A numbered or lettered marker ("1)", "1.", "o") is text the coverage counts: keep it.
      if (/[\p{L}\d]/u.test(mark)) item.marker = mark.trim();
      items.push(item);
      current = [];
    };
    for (const line of lines) {
      if (marker.test(line.text)) flush();
      current.push(line);
    }
    flush();
    const ordered = items.every((item) => item.marker !== undefined && /\d/u.test(item.marker));
    return { type: 'list', ordered, items, position: linePosition(first, last) };
  }
  const text = lines.map((l) => l.text).join('\n');
  if (FOOTNOTE.test(first.text) || first.footnote) return { type: 'paragraph', text, footnote: true, position: linePosition(first, last) };
  if (lines.length === 1 && looksLikeHeading(first.text)) {
    return { type: 'heading', depth: null, text, position: linePosition(first, last) };
  }
  return { type: 'paragraph', text, position: linePosition(first, last) };
}

/**
 * Split plain text (already normalised to `\n` line ends) into blocks.
 * A list that directly follows a paragraph line without a blank line is split
 * off into its own block.
 */
export function segmentText(text: string): Segmented {
  return segmentLines(toLines(text));
}

/** Split source lines (blank lines separate blocks) into blocks. */
export function segmentLines(lines: Line[]): Segmented {
  const blocks: SegBlock[] = [];
  let group: Line[] = [];
  const flush = () => {
    if (group.length > 0) blocks.push(toBlock(group));
    group = [];
  };
  for (const line of lines) {
    if (line.text === '') {
      flush();
      continue;
    }
    const prev = group[group.length - 1];
    // A bullet line after non-bullet lines starts a new block (list after a lead-in line).
    if (prev && BULLET.test(line.text) && !BULLET.test(group[0]!.text)) flush();
    group.push(line);
  }
  flush();
  return { blocks: joinSpacedNumbered(blocks) };
}
