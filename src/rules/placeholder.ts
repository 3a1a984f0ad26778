/** placeholders: text left to be filled in: "X ledamöter", "XX", "TODO", "???", "[...]", "(bilagan kommer att numreras)", an empty heading. */
import { Type } from '../vendor/typebox.js';
import type { Rule } from '../check/types.js';
import { locate, textsOf } from '../check/text.js';

const DEFAULT_PATTERNS = [
  '\\b[Xx]{1,3}\\s+(?:ledamöter|ersättare|personer|representanter|platser|kronor|kr)\\b',
  '(?<![\\p{L}\\d])XX+(?![\\p{L}\\d])',
  '\\b(?:TODO|FIXME|TBD)\\b',
  '\\?{3,}',
  '\\[\\s*(?:\\.\\.\\.|…)\\s*\\]',
  '\\((?:[^()]*\\bkommer att (?:numreras|fyllas i|kompletteras)|[^()]*\\bfylls i senare)[^()]*\\)',
];

export const rule: Rule = {
  id: 'placeholder',
  category: 'placeholders',
  level: 'error',
  description: {
    en: 'No text left to be filled in: "X ledamöter", "XX", "TODO", "???", "[...]", "(bilagan kommer att numreras)", or a heading with no text.',
    sv: 'Ingen text som ska fyllas i senare: "X ledamöter", "XX", "TODO", "???", "[...]", "(bilagan kommer att numreras)", eller en rubrik utan text.',
  },
  options: Type.Object({ patterns: Type.Array(Type.String(), { default: DEFAULT_PATTERNS, description: 'Regular expressions (Unicode) of placeholder text' }) }, { additionalProperties: false }),
  examples: {
    bad: '# Ledningsgrupp\n\nLedningsgruppen består av X ledamöter och X ersättare.\n',
    good: '# Ledningsgrupp\n\nLedningsgruppen består av 7 ledamöter och 7 ersättare.\n',
  },
  checkDocument({ model, lines, options, report }) {
    const patterns = (options.patterns as string[]).map((p) => new RegExp(p, 'gu'));
    for (const t of textsOf(model)) {
      if (t.style === 'heading' && t.text.trim() === '') {
        report({ place: t.position, element: t.id, message: { en: 'a heading with no text', sv: 'en rubrik utan text' } });
        continue;
      }
      for (const re of patterns) {
        for (const m of t.text.matchAll(re)) {
          const place = locate(lines, t.position, m[0]);
          report({ place, element: t.id, message: { en: `placeholder left in: "${m[0]}"`, sv: `platshållare kvar: "${m[0]}"` } });
        }
      }
    }
  },
};
