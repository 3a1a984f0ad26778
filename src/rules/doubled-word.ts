/** typography: the same word twice in a row ("att att"). Fixable. */
import type { Rule } from '../check/types.js';
import { locate, textAt, textsOf } from '../check/text.js';

const DOUBLED = /(?<![\p{L}\d])(\p{L}+)([ \t]+)\1(?![\p{L}\d])/giu;

export const rule: Rule = {
  id: 'doubled-word',
  category: 'typography',
  level: 'warning',
  fixable: true,
  description: { en: 'No word stands twice in a row ("att att").', sv: 'Inget ord står två gånger i rad ("att att").' },
  examples: { bad: '# Syfte\n\nSyftet är att att stärka samverkan.\n', good: '# Syfte\n\nSyftet är att stärka samverkan.\n' },
  checkDocument({ model, lines, report }) {
    for (const t of textsOf(model)) {
      for (const m of t.text.matchAll(DOUBLED)) {
        // "Mer och mer", "så så" can be meant; a doubled word of one or two letters is left to the reader.
        if (m[1]!.length < 2) continue;
        const place = locate(lines, t.position, m[0]);
        const written = textAt(lines, place);
        report({
          place,
          element: t.id,
          ...(written === m[0] ? { fix: { range: place, from: m[0], text: m[1]! } } : {}),
          message: { en: `"${m[1]}" twice in a row`, sv: `"${m[1]}" två gånger i rad` },
        });
      }
    }
  },
};
