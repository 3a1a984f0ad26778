/** references: a page reference ("finns på sida 11-17") in a document that is not a fixed-page edition. */
import type { Rule } from '../check/types.js';
import { locate, textsOf } from '../check/text.js';

const PAGE = /\b(?:på\s+)?(?:sid(?:an|a|orna)?|s\.)\s+\d+(?:\s*[-–]\s*\d+)?\b/giu;

export const rule: Rule = {
  id: 'page-reference',
  category: 'references',
  level: 'warning',
  description: {
    en: 'No page references ("finns på sida 11-17") except in a fixed-page edition (a PDF, or a revision whose status is proof, decided or signed): pages move with every layout.',
    sv: 'Inga sidhänvisningar ("finns på sida 11-17") utom i en utgåva med fasta sidor (en PDF, eller en version med status proof, decided eller signed): sidorna flyttar med varje layout.',
  },
  examples: {
    bad: '# Principer\n\nBeskrivning av respektive princip finns på sida 11-17.\n',
    good: '# Principer\n\nBeskrivning av respektive princip finns i avsnittet Principer.\n',
  },
  checkDocument({ model, lines, report }) {
    const status = model.meta.revision?.status;
    const fixed = model.meta.source.format === 'pdf' || status === 'proof' || status === 'decided' || status === 'signed';
    if (fixed) return;
    for (const t of textsOf(model)) {
      // A table of contents lists pages by design.
      if (t.style === 'row') continue;
      for (const m of t.text.matchAll(PAGE)) {
        report({ place: locate(lines, t.position, m[0]), element: t.id, message: { en: `page reference "${m[0]}" in a text whose pages are not fixed`, sv: `sidhänvisning "${m[0]}" i en text vars sidor inte är fasta` } });
      }
    }
  },
};
