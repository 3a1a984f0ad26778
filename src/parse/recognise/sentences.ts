/**
 * Sentences inside a paragraph, with where each stands in the source, for
 * elements stated in running text ("Visionen är att ...", "principen om
 * dialog, principen om kvalitet ...").
 */
import type { Point, Position } from '../../model.js';

export interface Sentence {
  /** The sentence as written (line breaks kept). */
  text: string;
  /** Offsets into the paragraph text. */
  start: number;
  end: number;
}

/** A sentence ends at . ! or ? followed by white space and a capital letter, a digit or a quote. */
const BOUNDARY = /(?<=[.!?])\s+(?=[\p{Lu}\d"”“−–-])/gu;

export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    out.push({ text: text.slice(start, m.index), start, end: m.index! });
    start = m.index! + m[0].length;
  }
  if (start < text.length) out.push({ text: text.slice(start), start, end: text.length });
  return out.filter((s) => s.text.trim() !== '');
}

/**
 * The source point of an offset into a block's text. The block's first line
 * starts at its position; a later line is taken to start at column 1 (the
 * segmenter trims lines, so an indented later line is off by its indent).
 */
export function pointAt(block: { text: string; position: Position }, offset: number): Point {
  const before = block.text.slice(0, offset);
  const breaks = before.split('\n').length - 1;
  if (breaks === 0) return { line: block.position.start.line, column: block.position.start.column + offset };
  return { line: block.position.start.line + breaks, column: offset - before.lastIndexOf('\n') };
}

/** The source range of text[start, end) in a block. */
export function spanAt(block: { text: string; position: Position }, start: number, end: number): Position {
  return { start: pointAt(block, start), end: pointAt(block, end) };
}
