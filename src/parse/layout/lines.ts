/**
 * Source lines as the plain-text segmenter and the layout normalisation see
 * them: each keeps the line number and column it had in the source, so every
 * element of the model points back to where it was written, even after lines
 * were joined, split or removed.
 */
import type { Position } from '../../model.js';

export interface Line {
  /** The text without surrounding whitespace; '' for a blank line. */
  text: string;
  /** 1-based source line number. */
  number: number;
  /** 1-based source column of the first character of `text`. */
  column: number;
  /** Leading whitespace the line had in the source (a text-box start in PDF extraction). */
  indent: number;
  /** A row of a table the extraction flattened into lines (cells separated by runs of spaces). */
  tableRow?: boolean;
  /** Part of a footnote body set at the foot of a page. */
  footnote?: boolean;
}

/** Split normalised text (`\n` line ends) into lines. */
export function toLines(text: string): Line[] {
  return text.split('\n').map((raw, index) => {
    const indent = raw.length - raw.trimStart().length;
    return { text: raw.trim(), number: index + 1, column: indent + 1, indent };
  });
}

export const isBlank = (line: Line): boolean => line.text === '';

/** A blank separator line placed before `line` (keeps its number for ordering). */
export const blankBefore = (line: Line): Line => ({ text: '', number: line.number, column: 1, indent: 0 });

/** Source order of anything with a position (artifacts, normalisations). */
export const byPlace = (a: { position: Position }, b: { position: Position }): number =>
  a.position.start.line - b.position.start.line || a.position.start.column - b.position.start.column;

export function linePosition(first: Line, last: Line = first): Position {
  return {
    start: { line: first.number, column: first.column },
    end: { line: last.number, column: last.column + last.text.length },
  };
}

/** Groups of consecutive non-blank lines (blocks), in order. */
export function toGroups(lines: Line[]): Line[][] {
  const groups: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (isBlank(line)) {
      if (current.length > 0) groups.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Lines again, one blank line between groups. */
export function fromGroups(groups: Line[][]): Line[] {
  const out: Line[] = [];
  for (const group of groups) {
    if (out.length > 0) out.push(blankBefore(group[0]!));
    out.push(...group);
  }
  return out;
}
