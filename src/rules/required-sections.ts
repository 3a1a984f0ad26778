/** structure: the sections a document of its kind must have (an agreement: vision, purpose, goals), and an åtagande under every principle. */
import { Type } from '../vendor/typebox.js';
import type { Rule } from '../check/types.js';

/** Each part's name in English, and in Swedish as "none" and "one" (the gender and number of the noun decide the word). */
const NAMES: Record<string, { en: string; none: string; one: string }> = {
  vision: { en: 'vision', none: 'ingen vision', one: 'en vision' },
  purpose: { en: 'purpose', none: 'inget syfte', one: 'ett syfte' },
  goals: { en: 'goals', none: 'inga mål', one: 'mål' },
  principles: { en: 'principles', none: 'inga principer', one: 'principer' },
};

/** A document of a kind, in Swedish: "en överenskommelse", "en rapport". */
const KIND_SV: Record<string, string> = { agreement: 'en överenskommelse', report: 'en rapport', section: 'ett avsnitt' };

export const rule: Rule = {
  id: 'required-sections',
  category: 'structure',
  level: 'error',
  description: {
    en: 'A document has the sections its kind requires (an agreement: vision, purpose and goals), and every principle has at least one åtagande.',
    sv: 'Ett dokument har de avsnitt dess slag kräver (en överenskommelse: vision, syfte och mål), och varje princip har minst ett åtagande.',
  },
  options: Type.Object(
    { require: Type.Record(Type.String(), Type.Array(Type.Union(Object.keys(NAMES).map((k) => Type.Literal(k)))), { default: { agreement: ['vision', 'purpose', 'goals'], report: [] } }) },
    { additionalProperties: false },
  ),
  fromParse: ['principle-without-commitments'],
  examples: {
    bad: '# Överenskommelse\n\n## Vision\n\nEtt län där alla kan delta.\n\n## Mål\n\n- Fler mötesplatser.\n',
    good: '# Överenskommelse\n\n## Vision\n\nEtt län där alla kan delta.\n\n## Syfte\n\nAtt stärka samverkan.\n\n## Mål\n\n- Fler mötesplatser.\n',
  },
  checkDocument({ model, kind, options, report }) {
    const require = (options.require as Record<string, string[]>)[kind] ?? [];
    const has: Record<string, boolean> = { vision: model.vision !== null, purpose: model.purpose !== null, goals: model.goals.length > 0, principles: model.principles.length > 0 };
    const start = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    for (const part of require) {
      if (has[part]) continue;
      const name = NAMES[part]!;
      report({ place: start, message: { en: `no ${name.en}: an ${kind} needs one (looked for a heading or a sentence that states it)`, sv: `${name.none}: ${KIND_SV[kind] ?? `ett dokument av slaget ${kind}`} ska ha ${name.one} (sökte efter en rubrik eller en mening som anger det)` } });
    }
  },
};
