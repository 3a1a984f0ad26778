/** leftovers: text the parser could keep only in generic sections where the profile expected structure. */
import type { Rule } from '../check/types.js';

export const rule: Rule = {
  id: 'unrecognised-structure',
  category: 'leftovers',
  level: 'warning',
  description: {
    en: 'Text the profile expected as structure is recognised as such: an ÅTAGANDEN list outside any principle, goals under no goals heading, a party\'s commitments without a list, a document of no known shape.',
    sv: 'Text som profilen väntade sig som struktur känns igen som det: en ÅTAGANDEN-lista utanför en princip, mål utan målrubrik, en parts åtaganden utan lista, ett dokument utan känd form.',
  },
  fromParse: ['untyped-commitments', 'untyped-goals', 'party-without-commitments', 'unknown-shape', 'markdown-defused'],
  examples: {
    bad: '# Överenskommelse\n\nText om samverkan.\n\n## ÅTAGANDEN\n\n- Parterna ska träffas.\n',
    good: '# Överenskommelse\n\n## Principer\n\n### 1. Dialog\n\nText.\n\n#### ÅTAGANDEN\n\n- Parterna ska träffas.\n',
  },
};
