/** references: "se avsnitt X" / "under rubriken X" naming a section the document does not have. */
import type { Rule } from '../check/types.js';
import { locate, textsOf } from '../check/text.js';
import { comparable } from '../diff/words.js';

const REFERENCE = /\b(?:se|i|under)\s+(?:avsnitt(?:et)?|rubriken|kapitl?(?:et)?)\s+(?:"([^"]+)"|”([^”]+)”|«([^»]+)»|(\d+(?:\.\d+)*))/giu;

export const rule: Rule = {
  id: 'section-reference',
  category: 'references',
  level: 'warning',
  description: { en: 'A reference to a section ("se avsnitt \\"Stödstruktur\\"", "se avsnitt 4") names one the document has.', sv: 'En hänvisning till ett avsnitt ("se avsnitt \\"Stödstruktur\\"", "se avsnitt 4") pekar på ett avsnitt som finns.' },
  examples: {
    bad: '# Överenskommelse\n\nLäs mer, se avsnitt "Uppföljning".\n\n## Stödstruktur\n\nText.\n',
    good: '# Överenskommelse\n\nLäs mer, se avsnitt "Stödstruktur".\n\n## Stödstruktur\n\nText.\n',
  },
  checkDocument({ model, lines, report }) {
    const texts = textsOf(model);
    const headings = texts.filter((t) => t.style === 'heading').map((t) => comparable(t.text).toLowerCase());
    for (const t of texts) {
      for (const m of t.text.matchAll(REFERENCE)) {
        const name = (m[1] ?? m[2] ?? m[3])?.trim();
        const number = m[4];
        const found = name !== undefined ? headings.some((h) => h.includes(comparable(name).toLowerCase())) : headings.some((h) => h.startsWith(`${number} `) || h.startsWith(`${number}. `));
        if (found) continue;
        report({ place: locate(lines, t.position, m[0]), element: t.id, message: { en: `"${m[0]}" names no section of this document`, sv: `"${m[0]}" pekar inte på något avsnitt i dokumentet` } });
      }
    }
  },
};
