/** consistency: each party the manifest lists is named in the document's text. */
import type { Rule } from '../check/types.js';
import { textsOf } from '../check/text.js';

export const rule: Rule = {
  id: 'party-names',
  category: 'consistency',
  level: 'warning',
  description: {
    en: 'Every party the manifest lists is named in the text of an agreement (a parenthesis such as "(genom Samforma)" aside; not checked in a report or a revision of one section): a party the text never names means the title, the text and the manifest disagree.',
    sv: 'Varje part som manifestet listar nämns i en överenskommelses text (en parentes som "(genom Samforma)" undantagen; kontrolleras inte i en rapport eller en version av ett avsnitt): en part som texten aldrig nämner betyder att titeln, texten och manifestet inte stämmer överens.',
  },
  examples: {
    parties: ['Region Exempel', 'Civilsamhället i Exempel län'],
    bad: '# Överenskommelse mellan Region Exempel och Länsstyrelsen Exempel\n\nParterna samverkar.\n',
    good: '# Överenskommelse mellan Region Exempel och civilsamhället i Exempel län\n\nParterna samverkar.\n',
  },
  checkDocument({ model, kind, report }) {
    const parties = model.meta.parties;
    // A revision of one section, or a report about the process, need not name every party.
    if (parties.length === 0 || kind === 'section' || kind === 'report') return;
    const text = textsOf(model)
      .map((t) => t.text)
      .join('\n')
      .replace(/\s+/gu, ' ')
      .toLowerCase();
    const start = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    for (const party of parties) {
      const core = party.replace(/\([^)]*\)/gu, '').replace(/\s+/gu, ' ').trim();
      if (core === '' || text.includes(core.toLowerCase())) continue;
      report({ place: start, message: { en: `the manifest lists the party "${party}", which the text never names`, sv: `manifestet listar parten "${party}", som texten aldrig nämner` } });
    }
  },
};
