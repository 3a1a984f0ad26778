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

/** Control characters other than line feed and tab: a terminal would act on them (ESC starts a command sequence). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;

/**
 * Control characters made visible, for text bound for a terminal: C0 as their
 * Unicode pictures ("␛" for ESC), DEL as "␡", C1 as "<U+009B>".
 */
export function showControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}

/** A copy of a JSON-like value with `showControls` applied to every string in it. */
export function withVisibleControls<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === 'string' ? showControls(v) : v)) as T;
}
