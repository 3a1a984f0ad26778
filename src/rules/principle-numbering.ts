/** structure: principles numbered 1..n, with no gap and no number twice. */
import type { Rule } from '../check/types.js';

export const rule: Rule = {
  id: 'principle-numbering',
  category: 'structure',
  level: 'error',
  description: { en: 'Principles are numbered 1 to n, with no gap and no number used twice.', sv: 'Principerna är numrerade 1 till n, utan lucka och utan att ett nummer används två gånger.' },
  fromParse: ['duplicate-principle'],
  examples: {
    bad: '# Principer\n\n## 1. Dialog\n\nText.\n\n## 3. Öppenhet\n\nText.\n',
    good: '# Principer\n\n## 1. Dialog\n\nText.\n\n## 2. Öppenhet\n\nText.\n',
  },
  checkDocument({ model, report }) {
    // Principles numbered from their place in a list (no number written) are numbered by construction.
    const numbered = model.principles.filter((p) => p.statedAs !== 'inline' && (p.marker !== undefined || /^\s*\d/u.test(p.heading?.text ?? '')));
    if (numbered.length === 0) return;
    numbered.forEach((p, i) => {
      const want = i + 1;
      if (p.number === want) return;
      const place = p.heading?.position ?? p.position;
      report({
        place,
        element: p.id,
        message: { en: `principle numbered ${p.number} where ${want} was expected (principles run 1 to ${numbered.length})`, sv: `principen har nummer ${p.number} där ${want} väntades (principerna löper 1 till ${numbered.length})` },
      });
    });
  },
};
