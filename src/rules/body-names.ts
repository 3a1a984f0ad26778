/** consistency: a body (ledningsgrupp, delegation, nätverk) named one way in its heading and a letter or two off elsewhere. */
import type { Rule } from '../check/types.js';
import { locate, textsOf } from '../check/text.js';
import { editDistance } from '../diff/words.js';

const WORD = /[\p{L}\d]+/gu;

export const rule: Rule = {
  id: 'body-names',
  category: 'consistency',
  level: 'warning',
  description: {
    en: 'A body is named the same way wherever the text names it: "Regionala samverkansrådet" is not written "Regionala samverkansådet" elsewhere (inflection, "Beredningen för …", "Ledningsgruppens", is the same name).',
    sv: 'Ett organ benämns likadant överallt i texten: "Regionala samverkansrådet" skrivs inte "Regionala samverkansådet" på annat ställe (böjning, "Beredningen för …", "Ledningsgruppens", är samma namn).',
  },
  examples: {
    bad: '# Organisation\n\n## Stödstruktur\n\n### Regionala samverkansrådet\n\nRådet möts varje år.\n\n### Ledningsgrupp\n\nLedningsgruppen rapporterar till Regionala samverkansrådets presidium och till Regionala samverkansådet.\n',
    good: '# Organisation\n\n## Stödstruktur\n\n### Regionala samverkansrådet\n\nRådet möts varje år.\n\n### Ledningsgrupp\n\nLedningsgruppen rapporterar till Regionala samverkansrådets presidium.\n',
  },
  checkDocument({ model, lines, report }) {
    const names = model.bodies.map((b) => b.name.trim()).filter((n) => n.split(/\s+/u).length >= 2 && n.length >= 12);
    if (names.length === 0) return;
    for (const t of textsOf(model)) {
      const words = [...t.text.matchAll(WORD)];
      for (const name of names) {
        const n = name.split(/\s+/u).length;
        const lower = name.toLowerCase();
        for (let i = 0; i + n <= words.length; i++) {
          const start = words[i]!.index;
          const last = words[i + n - 1]!;
          const written = t.text.slice(start, last.index + last[0].length);
          const w = written.toLowerCase();
          if (w.replace(/\s+/gu, ' ') === lower) continue;
          // One word written differently inside (a slip), not an ending added or dropped: Swedish
          // inflects names ("Beredningen för …", "Ledningsgruppens"), and that is the same name.
          const a = w.split(/\s+/u);
          const b = lower.split(/\s+/u);
          const differing = a.map((x, k) => [x, b[k]!] as const).filter(([x, y]) => x !== y);
          if (differing.length !== 1) continue;
          const [x, y] = differing[0]!;
          if (x.startsWith(y) || y.startsWith(x)) continue;
          const d = editDistance(x, y, 2);
          if (d < 1 || d > 2) continue;
          report({ place: locate(lines, t.position, written), element: t.id, suggestions: [name], message: { en: `"${written}" where the body is named "${name}"`, sv: `"${written}" där organet heter "${name}"` } });
        }
      }
    }
  },
};
