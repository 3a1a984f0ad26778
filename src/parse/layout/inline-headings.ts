/**
 * Headings run into the text of a page flattened to one line (a document
 * viewer's text of a PDF: "2 Värdegrund Ett samhälle där ...", "... underteckna
 * överenskommelsen. Vision Sollentuna är ett långsiktigt ..."). Only on lines
 * far longer than any paragraph line, where the page's own line breaks were lost.
 *
 * Guarantee: a line is cut, never changed: each piece keeps its source line and
 * column. A cut is made only before a heading the profile knows (a vision,
 * purpose, goals or commitments heading, a principles container, "Principen om
 * X"), of at most four words, that stands at the line start (after a page
 * number) or after a sentence end, and is followed by a capitalised word.
 */
import { isBlank, type Line } from './lines.js';
import type { LayoutContext, LayoutStep } from './steps.js';

/** A line this long holds a whole page, not one paragraph's line. */
const FLATTENED = 300;
const MAX_HEADING_WORDS = 4;

/** Where a heading may start: the line start (after a page number), or after a sentence end. */
const STARTS = /(?:^(?:\d{1,3}\s+)?|[.!?:]\s+)(?=\p{Lu})/gu;

function cuts(text: string, known: (t: string) => boolean): Array<{ at: number; end: number }> {
  const out: Array<{ at: number; end: number }> = [];
  for (const m of text.matchAll(STARTS)) {
    const at = m.index! + m[0].length;
    const words = [...text.slice(at).matchAll(/\S+/gu)].slice(0, MAX_HEADING_WORDS + 1);
    // The shortest run of words that the profile knows as a heading, with a capitalised word after it.
    for (let n = 1; n <= Math.min(MAX_HEADING_WORDS, words.length - 1); n++) {
      const last = words[n - 1]!;
      const candidate = text.slice(at, at + last.index! + last[0].length);
      const next = words[n]![0];
      if (/[.,;:!?]$/u.test(candidate) || !/^\p{Lu}/u.test(next)) continue;
      if (known(candidate)) {
        out.push({ at, end: at + candidate.length });
        break;
      }
    }
  }
  return out;
}

export function splitInlineHeadings(known: (text: string) => boolean): LayoutStep {
  return (lines: Line[], ctx: LayoutContext) => {
    const out: Line[] = [];
    for (const line of lines) {
      if (isBlank(line) || line.text.length < FLATTENED) {
        out.push(line);
        continue;
      }
      const found = cuts(line.text, known);
      if (found.length === 0) {
        out.push(line);
        continue;
      }
      // Pieces: text before the heading, the heading, then the text after it up to the next cut.
      const bounds = new Set<number>([0, line.text.length]);
      for (const c of found) {
        bounds.add(c.at);
        bounds.add(c.end);
      }
      const sorted = [...bounds].sort((a, b) => a - b);
      for (let k = 0; k + 1 < sorted.length; k++) {
        const raw = line.text.slice(sorted[k], sorted[k + 1]);
        const text = raw.trim();
        if (text === '') continue;
        const column = line.column + sorted[k]! + (raw.length - raw.trimStart().length);
        if (out.length > 0 && !isBlank(out[out.length - 1]!)) out.push({ text: '', number: line.number, column: 1, indent: 0 });
        out.push({ text, number: line.number, column, indent: 0 });
      }
      for (const c of found) {
        ctx.normalisations.push({
          step: 'heading-break',
          from: '',
          to: '',
          reason: 'a heading run into the text of a page flattened to one line',
          position: { start: { line: line.number, column: line.column + c.at }, end: { line: line.number, column: line.column + c.end } },
        });
      }
      out.push({ text: '', number: line.number, column: 1, indent: 0 });
    }
    return out;
  };
}
