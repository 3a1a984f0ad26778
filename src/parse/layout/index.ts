/**
 * Phase 2b, layout normalisation: text extracted from a PDF becomes text as
 * a writer typed it. Runs only for the `pdf-text` format (and for `.pdf`
 * input after extraction).
 *
 * Guarantee: every word of the input is either kept (possibly joined with
 * its other half, recorded in `normalisations`) or moved to `artifacts` with
 * a reason; line numbers stay those of the source.
 */
import type { Artifact, Normalisation } from '../../model.js';
import type { Profile } from '../profile.js';
import { classifyHeading, matchPrinciple } from '../profile.js';
import type { Speller } from '../../spell.js';
import { byPlace, toLines, type Line } from './lines.js';
import {
  breakHeadings,
  joinContinuations,
  joinLineEndHyphens,
  joinSplitWords,
  markFlatTables,
  separateFootnotes,
  reflowDoubleSpacing,
  removeAnnotations,
  removeFigureLabels,
  removePageNumbers,
  removePullQuotes,
  removeRunningHeaders,
  type LayoutContext,
  type LayoutStep,
} from './steps.js';
import { joinMarkerColumns } from './markers.js';

export interface LayoutResult {
  lines: Line[];
  artifacts: Artifact[];
  normalisations: Normalisation[];
}

/** The steps in the order they run; each is exported from steps.ts and tested on its own. */
export const LAYOUT_STEPS: Array<[string, LayoutStep]> = [
  ['annotations', removeAnnotations],
  ['page-numbers', removePageNumbers],
  ['marker-columns', joinMarkerColumns],
  ['flat-tables', markFlatTables],
  ['footnotes', separateFootnotes],
  ['running-headers', removeRunningHeaders],
  ['pull-quotes', removePullQuotes],
  ['figure-labels', removeFigureLabels],
  ['double-spacing', reflowDoubleSpacing],
  ['line-end-hyphens', joinLineEndHyphens],
  ['split-words', joinSplitWords],
  ['heading-breaks', breakHeadings],
  ['continuations', joinContinuations],
];

export function layoutContext(profile: Profile, speller: Speller | null): LayoutContext {
  return {
    rules: profile.layout,
    speller,
    isKnownHeading: (text) => classifyHeading(profile, text) !== null || matchPrinciple(profile, text) !== null,
    artifacts: [],
    normalisations: [],
    vocabulary: new Map(),
  };
}

/** Run every layout step over normalised text. */
export function normaliseLayout(text: string | Line[], profile: Profile, speller: Speller | null): LayoutResult {
  const ctx = layoutContext(profile, speller);
  let lines = typeof text === 'string' ? toLines(text) : text;
  for (const [, step] of LAYOUT_STEPS) lines = step(lines, ctx);
  return { lines, artifacts: ctx.artifacts.sort(byPlace), normalisations: ctx.normalisations.sort(byPlace) };
}

/**
 * True when plain text reads as extracted from a PDF: many long lines are
 * wrapped mid-sentence (no closing punctuation, the next line goes on in
 * lower case). Word or web text keeps each paragraph on one line.
 */
export function looksLikePdfText(text: string): boolean {
  const lines = text.slice(0, 256 * 1024).split('\n').map((l) => l.trim());
  let long = 0;
  let wrapped = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length < 40) continue;
    long++;
    const next = lines[i + 1] === '' ? lines[i + 2] : lines[i + 1];
    if (next && !/[.!?:;]$/u.test(line) && /^\p{Ll}/u.test(next)) wrapped++;
  }
  return long >= 10 && wrapped >= long * 0.2;
}

/**
 * Stronger evidence than wrapping alone, enough (together with
 * `looksLikePdfText`) to read a file named `.md` as PDF text: extraction marks that
 * hand-wrapped Markdown does not (trailing spaces on many lines, bullet glyphs
 * such as • or Word's private-use , a line of bare page numbers).
 */
export function hasPdfLayoutMarks(text: string): boolean {
  const lines = text.slice(0, 256 * 1024).split('\n');
  const nonBlank = lines.filter((l) => l.trim() !== '');
  const trailing = nonBlank.filter((l) => /\S[ \t]+$/u.test(l)).length;
  const glyphs = nonBlank.filter((l) => /^\s*[•\uF0B7\uF0A7▪]/u.test(l)).length;
  const pageNumbers = lines.filter((l) => /^\s*\d{1,3}(?:\s+\d{1,3})?\s*$/u.test(l)).length;
  return trailing >= nonBlank.length * 0.1 || glyphs >= 3 || pageNumbers >= 2;
}
