/** references: a bilaga the text refers to ("se bilaga 3") that the document does not have or list. */
import type { Rule } from '../check/types.js';
import { locate, textsOf } from '../check/text.js';

const REFERENCE = /\b[Bb]ilaga\s+(\d{1,2})\b/gu;
const ATTACHMENT = /^\s*(?:\[?\^?\d+\]?\s*)?[Bb]ilaga\s+(\d{1,2})\b/u;

export const rule: Rule = {
  id: 'attachment-reference',
  category: 'references',
  level: 'warning',
  description: {
    en: 'A bilaga the text refers to ("se bilaga 3") is one the document has: a heading, list item or footnote that starts with "Bilaga 3".',
    sv: 'En bilaga som texten hänvisar till ("se bilaga 3") finns i dokumentet: en rubrik, listpunkt eller fotnot som börjar med "Bilaga 3".',
  },
  examples: {
    bad: '# Överenskommelse\n\nHandlingsplanen finns i bilaga 2.\n\n## Bilaga 1 Parter\n\nRegion Exempel.\n',
    good: '# Överenskommelse\n\nHandlingsplanen finns i bilaga 1.\n\n## Bilaga 1 Handlingsplan\n\nText.\n',
  },
  checkDocument({ model, lines, report }) {
    const texts = textsOf(model);
    const have = new Set<number>();
    for (const t of texts) {
      const m = ATTACHMENT.exec(t.text);
      if (m && (t.style === 'heading' || t.style === 'item' || t.style === 'footnote' || t.style === 'paragraph')) have.add(Number(m[1]));
    }
    for (const f of model.footnotes) for (const a of f.attachments) have.add(a.number);
    for (const t of texts) {
      // The line that names an attachment is not a reference to it.
      if (ATTACHMENT.test(t.text)) continue;
      for (const m of t.text.matchAll(REFERENCE)) {
        if (have.has(Number(m[1]))) continue;
        report({ place: locate(lines, t.position, m[0]), element: t.id, message: { en: `"${m[0]}": the document has no bilaga ${m[1]} (no heading, list item or note starts with "Bilaga ${m[1]}")`, sv: `"${m[0]}": dokumentet har ingen bilaga ${m[1]} (ingen rubrik, listpunkt eller fotnot börjar med "Bilaga ${m[1]}")` } });
      }
    }
  },
};
