/** typography: a suspended compound needs its space ("hälso-och sjukvård" is "hälso- och sjukvård"). Fixable. */
import type { Rule } from '../check/types.js';
import { locate, textAt, textsOf } from '../check/text.js';

/** A word part, a hyphen, then "och"/"eller"/"samt"/"till" glued to it. */
const GLUED = /(?<![\p{L}\d])(\p{L}{2,})-(och|eller|samt|till)(?=\s)/gu;

export const rule: Rule = {
  id: 'suspended-compound',
  category: 'typography',
  level: 'warning',
  fixable: true,
  description: { en: 'A suspended compound keeps its space after the hyphen: "hälso- och sjukvård", not "hälso-och sjukvård".', sv: 'Ett sammansatt ord med gemensam efterled har mellanslag efter bindestrecket: "hälso- och sjukvård", inte "hälso-och sjukvård".' },
  examples: { bad: '# Samverkan\n\nInom hälso-och sjukvård samverkar parterna.\n', good: '# Samverkan\n\nInom hälso- och sjukvård samverkar parterna.\n' },
  checkDocument({ model, lines, report }) {
    for (const t of textsOf(model)) {
      for (const m of t.text.matchAll(GLUED)) {
        const place = locate(lines, t.position, m[0]);
        const written = textAt(lines, place);
        const fixed = `${m[1]}- ${m[2]}`;
        report({
          place,
          element: t.id,
          ...(written === m[0] ? { fix: { range: place, from: m[0], text: fixed } } : {}),
          message: { en: `"${m[0]}" needs a space after the hyphen: "${fixed}"`, sv: `"${m[0]}" behöver ett mellanslag efter bindestrecket: "${fixed}"` },
        });
      }
    }
  },
};
