/** consistency: an abbreviation defined once ("(PKD AU)") and written a letter off elsewhere ("PKB AU"). */
import type { Rule } from '../check/types.js';
import { locate, textsOf } from '../check/text.js';
import { editDistance } from '../diff/words.js';

/** An abbreviation: capitals (and digits), possibly two words ("PKD AU"). */
const ABBREVIATION = /(?<![\p{L}\d])\p{Lu}[\p{Lu}\d]{1,6}(?:\s\p{Lu}[\p{Lu}\d]{1,6})?(?![\p{L}\d])/gu;
const DEFINED = /\((\p{Lu}[\p{Lu}\d]{1,6}(?:\s\p{Lu}[\p{Lu}\d]{1,6})?)\)/gu;

export const rule: Rule = {
  id: 'abbreviation-consistency',
  category: 'consistency',
  level: 'warning',
  description: {
    en: 'An abbreviation defined in the text ("Primärkommunala delegationens arbetsutskott (PKD AU)") is written the same way everywhere ("PKB AU" is a slip).',
    sv: 'En förkortning som definieras i texten ("Primärkommunala delegationens arbetsutskott (PKD AU)") skrivs likadant överallt ("PKB AU" är ett skrivfel).',
  },
  examples: {
    bad: '# Organisation\n\n## Arbetsutskott (PKD AU)\n\nPKB AU bereder ärenden.\n',
    good: '# Organisation\n\n## Arbetsutskott (PKD AU)\n\nPKD AU bereder ärenden.\n',
  },
  checkDocument({ model, lines, report }) {
    const texts = textsOf(model);
    const defined = new Set<string>();
    for (const t of texts) for (const m of t.text.matchAll(DEFINED)) defined.add(m[1]!);
    for (const b of model.bodies) if (b.abbreviation) defined.add(b.abbreviation);
    if (defined.size === 0) return;
    const seen = new Set<string>();
    const places = new Set<string>();
    for (const t of texts) {
      for (const m of t.text.matchAll(ABBREVIATION)) {
        const written = m[0];
        if (defined.has(written)) continue;
        // A letter off one defined abbreviation, same shape (the same number of words and length).
        // Two-letter abbreviations (EU, DU, PM) are too short to tell a slip from another abbreviation.
        const near = written.replace(/\s/gu, '').length < 3 ? undefined : [...defined].find((d) => d.length === written.length && d.split(' ').length === written.split(' ').length && editDistance(d, written, 1) === 1);
        if (!near || seen.has(`${t.id}|${written}`)) continue;
        seen.add(`${t.id}|${written}`);
        const place = locate(lines, t.position, written);
        // "PKB" inside "PKB AU" is the same slip, reported once.
        const key = `${place.start.line}:${place.start.column}`;
        if (places.has(key)) continue;
        places.add(key);
        report({ place, element: t.id, suggestions: [near], message: { en: `"${written}" where the text defines "${near}"`, sv: `"${written}" där texten definierar "${near}"` } });
      }
    }
  },
};
