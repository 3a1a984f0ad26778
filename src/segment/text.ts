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
import type { Position } from '../model.js';
import type { SegBlock, SegListItem, Segmented } from './types.js';

const BULLET = /^(?:[-•*–]|\d{1,2}\))\s+/u;
const FOOTNOTE = /^(?:\^\[\d+\]|\[\d+\])\s/u;
const URL = /(?:https?:\/\/|www\.)\S/iu;

interface Line {
  text: string;
  number: number;
  /** Column of the first non-space character, 1-based. */
  column: number;
}

/** How long a bare line may be and still be read as a heading. */
export const MAX_HEADING_LENGTH = 120;

/** True when a single line reads as a heading rather than as a sentence. */
export function looksLikeHeading(text: string): boolean {
  if (text.length === 0 || text.length > MAX_HEADING_LENGTH) return false;
  if (/[.:;,!]$/u.test(text)) return false;
  if (URL.test(text)) return false;
  // Two sentences on one line read as text, not as a title.
  if (/[.!?]\s+\p{Lu}/u.test(text.replace(/^\d{1,2}[.)]\s+/u, ''))) return false;
  // A heading starts with a capital letter or a number ("1. Kvalitet").
  return /^[\p{Lu}\d]/u.test(text);
}

function pos(first: Line, last: Line): Position {
  return {
    start: { line: first.number, column: first.column },
    end: { line: last.number, column: last.column + last.text.length },
  };
}

function toBlock(lines: Line[]): SegBlock {
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  if (BULLET.test(first.text)) {
    const items: SegListItem[] = [];
    let current: Line[] = [];
    const flush = () => {
      if (current.length === 0) return;
      const head = current[0]!;
      const marker = BULLET.exec(head.text)![0].trim();
      const text = [head.text.slice(BULLET.exec(head.text)![0].length), ...current.slice(1).map((l) => l.text)].join(' ');
      const item: SegListItem = { text, position: pos(head, current[current.length - 1]!) };
      if (/\d/u.test(marker)) item.marker = marker;
      items.push(item);
      current = [];
    };
    for (const line of lines) {
      if (BULLET.test(line.text)) flush();
      current.push(line);
    }
    flush();
    const ordered = items.every((item) => item.marker !== undefined);
    return { type: 'list', ordered, items, position: pos(first, last) };
  }
  const text = lines.map((l) => l.text).join('\n');
  if (FOOTNOTE.test(first.text)) return { type: 'paragraph', text, footnote: true, position: pos(first, last) };
  if (lines.length === 1 && looksLikeHeading(first.text)) {
    return { type: 'heading', depth: null, text, position: pos(first, last) };
  }
  return { type: 'paragraph', text, position: pos(first, last) };
}

/**
 * Split plain text (already normalised to `\n` line ends) into blocks.
 * A list that directly follows a paragraph line without a blank line is split
 * off into its own block, as is a paragraph line directly after a list.
 */
export function segmentText(text: string): Segmented {
  const blocks: SegBlock[] = [];
  let group: Line[] = [];
  const flush = () => {
    if (group.length > 0) blocks.push(toBlock(group));
    group = [];
  };
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '') {
      flush();
      return;
    }
    const line: Line = { text: trimmed, number: index + 1, column: raw.length - raw.trimStart().length + 1 };
    const prev = group[group.length - 1];
    // A bullet line after non-bullet lines starts a new block (list after a lead-in line).
    if (prev && BULLET.test(trimmed) && !BULLET.test(group[0]!.text)) flush();
    group.push(line);
  });
  flush();
  return { blocks };
}
