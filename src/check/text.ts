/**
 * What the rules read: every text of a model with its place, in document
 * order (the flow the diff and render use), and where a piece of that text
 * stands in the source, for a finding's exact line and column.
 */
import type { Agreement, Position } from '../model.js';
import { flow } from '../flow.js';

export interface Text {
  /** The model id of the element (a paragraph, a principle, a commitment, a heading's section). */
  id: string;
  /** heading, paragraph, item, row or footnote. */
  style: string;
  text: string;
  position: Position;
}

/** The texts of each model checked, laid out once: every rule reads them. */
const laidOut = new WeakMap<Agreement, Text[]>();

/** Every shown text of a model, in document order (a text stated inside another is not repeated). */
export function textsOf(model: Agreement): Text[] {
  let texts = laidOut.get(model);
  if (!texts) {
    texts = flow(model).flatMap((b) => (b.unit && !b.hidden ? [{ id: b.unit.id, style: b.style, text: b.style === 'footnote' ? b.unit.text : b.text, position: b.unit.position }] : []));
    laidOut.set(model, texts);
  }
  return texts;
}

/**
 * Where `needle` stands in the source lines of an element: the first
 * occurrence at or after `from` within the element's lines, as a range. When
 * the source does not hold it as written (the text was joined across lines,
 * or read from markup), the element's own start.
 */
export function locate(lines: string[], element: Position, needle: string, from?: { line: number; column: number }, wholeWord = false): Position {
  const first = Math.max(1, from?.line ?? element.start.line);
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const pattern = new RegExp(wholeWord ? `(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])` : escaped, 'gu');
  for (let line = first; line <= Math.min(lines.length, element.end.line); line++) {
    const text = lines[line - 1] ?? '';
    pattern.lastIndex = line === first ? Math.max(from?.column ?? element.start.column, 1) - 1 : 0;
    const m = pattern.exec(text);
    if (m) return { start: { line, column: m.index + 1 }, end: { line, column: m.index + 1 + needle.length } };
  }
  return { start: { ...element.start }, end: { ...element.start } };
}

/** The text a range of the source lines holds (for a fix's check). */
export function textAt(lines: string[], range: Position): string {
  if (range.start.line !== range.end.line) return '';
  return (lines[range.start.line - 1] ?? '').slice(range.start.column - 1, range.end.column - 1);
}
