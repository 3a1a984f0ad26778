/**
 * A lexicon pattern that first checks, with a plain substring search, for a
 * word every match must contain. Lexicon patterns are case-insensitive Unicode
 * expressions ("\ben vision\s*[:;] ...") tested against every paragraph of a
 * document; the engine cannot search such a pattern for its literal quickly,
 * so on a long document most of the time went to scanning paragraphs that do
 * not contain the word at all.
 *
 * Guarantee: a GatedRegExp matches exactly what the plain RegExp matches. The
 * required word is taken only from the top level of the pattern (outside
 * groups, classes and alternatives, and not made optional by a quantifier), and
 * is searched with the pattern's own flags, so a text without it cannot match.
 */

import { escapeRegExp } from '../text.js';

/** Letters a required word is made of (Swedish and plain Latin, and the space). */
const PLAIN_LETTER = /[a-zåäöéüæø ]/u;

/** The longest run of plain letters every match of `source` contains, lower case; null when there is none of 3+ letters. */
export function requiredLiteral(source: string): string | null {
  let depth = 0;
  let inClass = false;
  let run = '';
  let best = '';
  const end = () => {
    const trimmed = run.trim();
    if (trimmed.length > best.length) best = trimmed;
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      end();
      i++;
      // \p{...} and \u{...}: skip the braces too.
      if ((source[i] === 'p' || source[i] === 'P' || source[i] === 'u') && source[i + 1] === '{') i = source.indexOf('}', i);
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      end();
      inClass = true;
      continue;
    }
    if (c === '(') {
      end();
      depth++;
      continue;
    }
    if (c === ')') {
      depth--;
      continue;
    }
    if (c === '|' && depth === 0) return null;
    if (depth > 0) continue;
    const lower = c.toLowerCase();
    const next = source[i + 1];
    // A letter made optional (a?, a*, a{0,...}) is not required: the run ends before it.
    const optional = next === '?' || next === '*' || (next === '{' && source[i + 2] === '0');
    if (PLAIN_LETTER.test(lower) && !optional) run += lower;
    else end();
  }
  end();
  return best.length >= 3 ? best : null;
}

export class GatedRegExp extends RegExp {
  /** The required word alone, with the pattern's own flags (so the same case folding): a literal the engine finds fast. */
  private readonly gate: RegExp;

  constructor(source: string, flags: string, literal: string) {
    super(source, flags);
    // Words of the literal may stand on two lines of a text not yet squashed: any white space between them.
    const words = literal.split(' ').map(escapeRegExp);
    this.gate = new RegExp(words.join('\\s+'), flags.replace(/[gy]/gu, ''));
  }

  /** False when the text lacks the required word, so no part of it (nor of the text with its white space squashed) can match. */
  mayMatch(text: string): boolean {
    return this.gate.test(text);
  }

  override exec(text: string): RegExpExecArray | null {
    if (!this.gate.test(text)) {
      this.lastIndex = 0;
      return null;
    }
    return super.exec(text);
  }

  /** Copies (String.prototype.matchAll, split) are plain RegExps: the same matches, without the gate. */
  static override get [Symbol.species](): RegExpConstructor {
    return RegExp;
  }
}

/** Could `re` match somewhere in `text`? Always true for a pattern without a required word. */
export function mayMatch(re: RegExp, text: string): boolean {
  return re instanceof GatedRegExp ? re.mayMatch(text) : true;
}

/** A case-insensitive Unicode pattern, gated by its required word where it has one. */
export function lexiconRegExp(source: string, flags = 'iu'): RegExp {
  const literal = flags.includes('i') ? requiredLiteral(source) : null;
  return literal ? new GatedRegExp(source, flags, literal) : new RegExp(source, flags);
}
