/**
 * Block boundaries for text without blank lines between its blocks: what
 * `pdftotext` prints in its default and `-raw` modes (wrapped lines, a blank
 * line only at a page end), and what a "one line per paragraph" export prints
 * (LibreOffice's Text export, some web copies).
 *
 * Guarantee: lines are never changed, removed or reordered; only blank lines
 * are inserted where a block ends, each recorded as a normalisation. A text
 * whose blocks are already separated by blank lines is returned as it is.
 *
 * The decision rests on the whole document's line lengths, not on one line:
 * - most non-blank lines are not followed by a blank line, else nothing is done;
 * - a typical width W (the 90th percentile of line lengths): above 150
 *   characters the text is one line per paragraph, and every line is a block
 *   (consecutive list items stay one list);
 * - otherwise it is wrapped at W, and a block ends after a line that is short
 *   (under 70% of W) and ends a sentence, or is followed by a capitalised line
 *   and does not end in a comma; before and after a line the profile knows as a
 *   heading (a numbered principle, ÅTAGANDEN), a list item, or a page number.
 */
import { BULLET, MARKER_ONLY, NUMBERED, SENTENCE_END, STARTS_CAPITAL, looksLikeHeading } from '../segment/rules.js';
import { isBlank, type Line } from './lines.js';
import type { LayoutContext } from './steps.js';

/** Share of non-blank lines followed by a blank line below which the text is taken as having no blank lines between blocks. */
const SEPARATED = 0.2;
/** A typical line longer than this: each line is a paragraph (nothing wraps that wide). */
const UNWRAPPED_WIDTH = 150;
/** A line shorter than this share of the typical width ends its paragraph (or is a heading). */
const SHORT = 0.7;

const PAGE_NUMBER = /^(?:\d{1,3}|sid(?:a|an)?\s+\d{1,3}(?:\s*\(\d{1,3}\)|\s+av\s+\d{1,3})?)$/iu;

function percentile90(lines: Line[]): number {
  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 0;
}

const blank = (before: Line): Line => ({ text: '', number: before.number, column: 1, indent: 0 });

/** Two lines that are items of one list: both bulleted, or numbered one after the other. */
function sameList(line: Line, next: Line): boolean {
  if (BULLET.test(line.text)) return BULLET.test(next.text);
  const a = NUMBERED.exec(line.text)?.[1];
  const b = NUMBERED.exec(next.text)?.[1];
  return a !== undefined && b !== undefined && Number(b) === Number(a) + 1;
}

export function inferBlocks(lines: Line[], ctx: Pick<LayoutContext, 'isKnownHeading' | 'normalisations'>): Line[] {
  const text = lines.filter((l) => !isBlank(l));
  if (text.length < 8) return lines;
  const separated = lines.filter((l, i) => !isBlank(l) && lines[i + 1] !== undefined && isBlank(lines[i + 1]!)).length;
  if (separated >= SEPARATED * text.length) return lines;
  const width = percentile90(text);
  const unwrapped = width > UNWRAPPED_WIDTH;
  const boundary = (line: Line, next: Line): string | null => {
    if (unwrapped) return sameList(line, next) ? null : 'one line per paragraph';
    // A heading the profile knows, on a short line of its own (a wrapped line may mention "principer" too).
    const heading = (l: Line) => l.text.length < SHORT * width && looksLikeHeading(l.text) && ctx.isKnownHeading(l.text);
    if (heading(next) || heading(line)) return 'a heading the profile knows';
    if (PAGE_NUMBER.test(next.text) || PAGE_NUMBER.test(line.text)) return 'a page number';
    if (BULLET.test(next.text)) return 'a list item';
    if (MARKER_ONLY.test(next.text) || MARKER_ONLY.test(line.text)) return 'a list marker on a line of its own';
    if (line.text.length >= SHORT * width) return null;
    if (SENTENCE_END.test(line.text) && STARTS_CAPITAL.test(next.text)) return 'a short line that ends a sentence';
    if (STARTS_CAPITAL.test(next.text) && !/[,–-]$/u.test(line.text) && !BULLET.test(line.text)) return 'a short line before a capitalised one';
    return null;
  };
  const out: Line[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    const next = lines[i + 1];
    if (isBlank(line) || !next || isBlank(next)) return;
    const why = boundary(line, next);
    if (why === null) return;
    out.push(blank(next));
    ctx.normalisations.push({
      step: 'paragraph-break',
      from: '',
      to: '',
      reason: `no blank line between blocks: ${why}`,
      position: { start: { line: next.number, column: next.column }, end: { line: next.number, column: next.column } },
    });
  });
  return out;
}

/**
 * A heading the profile knows, glued to the block before it ("• ... tas tillvara.⏎2. Kvalitet"
 * in a PDF's text, where the extraction kept no gap): it starts a block of its own when the line
 * before it ends a sentence, and the line after it starts another. Applies to every text, with
 * blank lines or not; the line must be short and read as a heading.
 */
export function breakKnownHeadings(lines: Line[], ctx: Pick<LayoutContext, 'isKnownHeading' | 'normalisations'>): Line[] {
  const out: Line[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const next = lines[i + 1];
    const glued = !isBlank(line) && prev !== undefined && !isBlank(prev) && SENTENCE_END.test(prev.text);
    const heading = glued && line.text.length <= 80 && looksLikeHeading(line.text) && ctx.isKnownHeading(line.text);
    if (heading) {
      out.push(blank(line));
      ctx.normalisations.push({ step: 'heading-break', from: '', to: '', reason: 'a heading the profile knows, glued to the block before it', position: { start: { line: line.number, column: line.column }, end: { line: line.number, column: line.column } } });
    }
    out.push(line);
    if (heading && next && !isBlank(next)) out.push(blank(next));
  });
  return out;
}
