/**
 * Line-level rules shared by the plain-text segmenter and the layout
 * normalisation: what a bullet, a footnote body and a bare-line heading look like.
 */

/**
 * A list item's marker: a dash (hyphen, en dash, the minus sign U+2212), a bullet glyph
 * (including Word's private-use ``, ``), `o`, or `1)`.
 */
export const BULLET = /^(?:[-*–\u2212o]\s+|[•\uF0B7\uF0A7▪◦●]\s*|\d{1,2}\)\s+)(?=\S)/u;

/** A list marker alone on a line: a PDF set the markers in a column of their own. */
export const MARKER_ONLY = /^(?:[•\uF0B7\uF0A7▪◦●\u2212–-]|\d{1,2}[.)])$/u;

/** A numbered item `1. ...`: a list item when numbered lines follow one another (1., 2., 3.), else a heading or a paragraph. */
export const NUMBERED = /^(\d{1,2})\.\s+(?=\S)/u;

/** A footnote body: `^[1] ...`, `[1] ...`, or a number glued to a web address (`1https://...`). */
export const FOOTNOTE = /^(?:\^\[\d+\]\s|\[\d+\]\s|\d{1,2}\s?(?=https?:\/\/))/u;

/** A line that ends a sentence (or a quotation, or a parenthesis). */
export const SENTENCE_END = /[.!?:;”"»)]$/u;

/** A line that starts with a capital, a digit or a quotation mark: it may start a new block. */
export const STARTS_CAPITAL = /^[\p{Lu}\d"”“«]/u;

export const URL = /(?:https?:\/\/|www\.)\S/iu;

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
