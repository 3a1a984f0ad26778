/** Small text helpers shared by the segmenters, the recogniser and coverage. */

const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/gu;
const ENTITY = /&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);/gu;

/** Remove HTML tags and comments (not autolinks like `<https://...>`), keeping the text between them. */
export function stripTags(html: string): string {
  return html.replace(TAG, '').replace(ENTITY, ' ');
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text: runs of letters and digits, NFC-normalised. */
export function words(text: string): string[] {
  return text.normalize('NFC').match(WORD) ?? [];
}

/** A string as a regular expression that matches exactly it. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}

/** Collapse runs of whitespace to single spaces and trim. */
export function squash(text: string): string {
  // Most texts are squashed already: only a whitespace other than one space between words needs the replace.
  return /[^\S ]|  |^ | $/u.test(text) ? text.replace(/\s+/gu, ' ').trim() : text;
}

/**
 * A comparison key for a phrase: lowercase words joined by single spaces, so
 * punctuation, dashes, case and line breaks do not matter.
 */
export function phraseKey(text: string): string {
  return words(text.toLocaleLowerCase('sv')).join(' ');
}

const FOLD: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', é: 'e', è: 'e', ü: 'u', æ: 'ae', ø: 'o' };

/** A readable, stable id fragment: "Öppenhet och insyn" -> "oppenhet-och-insyn". */
export function slugify(text: string, maxWords = 8): string {
  const folded = text
    .toLocaleLowerCase('sv')
    .normalize('NFC')
    .replace(/[åäöéèüæø]/gu, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
  const parts = folded.match(/[a-z0-9]+/gu) ?? [];
  return parts.slice(0, maxWords).join('-') || 'x';
}
