/**
 * Escaping agreement text for each output format: what a template prints
 * is always the characters of the text, never markup of the format.
 */

/** Text as HTML character data or an attribute value. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Text as a Typst string literal in markup (`#"…";`): Typst shows a string's
 * characters as they are (no markup, no smart quotes, no `--` dashes), and the
 * semicolon ends the expression so a following "." is text. A soft line break
 * of the source is a space: lines are laid out anew.
 */
export function typstString(value: unknown): string {
  const text = String(value ?? '');
  const body = text.replace(/[\\"\n\r\t]|[\u0000-\u001f\u007f]/gu, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '"') return '\\"';
    if (c === '\n' || c === '\r' || c === '\t') return ' ';
    return `\\u{${c.charCodeAt(0).toString(16)}}`;
  });
  return `#"${body}";`;
}

/** A value a filter has already made safe for the output: the output escape leaves it as it is. */
export class Safe {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Text as a CSS string ("…"): every character but letters, digits and spaces as a CSS escape, so nothing closes the string or the style element. */
export function cssString(value: unknown): Safe {
  const body = String(value ?? '').replace(/[^\p{L}\p{N} ]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `);
  return new Safe(`"${body}"`);
}

/** Text as a Typst string literal in code ("…"), e.g. for `document(title: …)`. */
export function typstCodeString(value: unknown): Safe {
  return new Safe(typstString(value).slice(1, -1));
}

/** The output escape of a format: a Safe value, a number and a boolean as they are, anything else escaped. */
export function outputEscape(escape: (value: unknown) => string): (value: unknown) => string {
  return (value) => (value instanceof Safe ? value.value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : escape(value));
}

/** An anchor as a Typst label (`<principle-4:commitment-2>`): characters a label cannot hold become ":". */
export function typstLabel(value: unknown): Safe {
  return new Safe(`<${String(value ?? '').replace(/[^\p{L}\p{N}_.:-]/gu, ':')}>`);
}
