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
import type { SegBlock, SegListItem, Segmented } from './types.js';
import { linePosition, toLines, type Line } from '../layout/lines.js';
import { BULLET, FOOTNOTE, looksLikeHeading } from './rules.js';

export { looksLikeHeading, MAX_HEADING_LENGTH } from './rules.js';

function toBlock(lines: Line[]): SegBlock {
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  if (lines.every((l) => l.tableRow)) {
    // A header of month names is a row of single words; other rows split on runs of spaces.
    const monthHeader = lines.length > 1 && !/\s{3,}/u.test(first.text) && first.text.split(/\s+/u).length >= 5;
    const rows = lines.map((l, i) => (i === 0 && monthHeader ? l.text.split(/\s+/u) : l.text.split(/\s{2,}/u)));
    return { type: 'table', rows, position: linePosition(first, last) };
  }
  if (BULLET.test(first.text)) {
    const items: SegListItem[] = [];
    let current: Line[] = [];
    const flush = () => {
      if (current.length === 0) return;
      const head = current[0]!;
      const marker = BULLET.exec(head.text)![0].trim();
      const text = [head.text.slice(BULLET.exec(head.text)![0].length), ...current.slice(1).map((l) => l.text)].join(' ');
      const item: SegListItem = { text, position: linePosition(head, current[current.length - 1]!) };
      // A numbered or lettered marker ("1)", "o") is text the coverage counts: keep it.
      if (/[\p{L}\d]/u.test(marker)) item.marker = marker;
      items.push(item);
      current = [];
    };
    for (const line of lines) {
      if (BULLET.test(line.text)) flush();
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
  return { blocks };
}
