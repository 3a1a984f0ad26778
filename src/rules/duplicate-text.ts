/** consistency: the same paragraph or åtagande twice. */
import type { Rule } from '../check/types.js';
import { textsOf } from '../check/text.js';
import { comparable } from '../diff/words.js';

/** Short texts repeat by nature (a heading "Åtaganden", "Syfte"); a duplicate worth a finding is a sentence. */
const MIN_WORDS = 8;

export const rule: Rule = {
  id: 'duplicate-text',
  category: 'consistency',
  level: 'warning',
  description: { en: 'No paragraph, list item or åtagande of eight words or more stands twice in a document.', sv: 'Inget stycke, ingen listpunkt och inget åtagande på åtta ord eller fler står två gånger i ett dokument.' },
  examples: {
    bad: '# Åtaganden\n\n- Parterna ska träffas minst två gånger per år för dialog.\n- Parterna ska träffas minst två gånger per år för dialog.\n',
    good: '# Åtaganden\n\n- Parterna ska träffas minst två gånger per år för dialog.\n- Parterna ska följa upp arbetet varje år.\n',
  },
  checkDocument({ model, report }) {
    const first = new Map<string, { id: string; line: number }>();
    for (const t of textsOf(model)) {
      if (t.style === 'heading' || t.style === 'row' || t.text.split(/\s+/u).length < MIN_WORDS) continue;
      const key = comparable(t.text).toLowerCase();
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, { id: t.id, line: t.position.start.line });
        continue;
      }
      report({ place: t.position, element: t.id, message: { en: `this text stands already at line ${earlier.line}`, sv: `den här texten står redan på rad ${earlier.line}` } });
    }
  },
};
