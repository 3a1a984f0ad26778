/** typography: two or more spaces between words in a Markdown source (a line-break "  " at a line end is Markdown syntax). Fixable. */
import type { Rule } from '../check/types.js';

const SPACES = /(?<=\S)( {2,})(?=\S)/gu;

export const rule: Rule = {
  id: 'double-space',
  category: 'typography',
  level: 'info',
  fixable: true,
  description: { en: 'A Markdown source has one space between words (two spaces at a line end are a line break, and stay).', sv: 'En Markdown-källa har ett mellanslag mellan orden (två mellanslag i radslut är en radbrytning och får stå).' },
  examples: { bad: '# Syfte\n\nSyftet är att  stärka samverkan.\n', good: '# Syfte\n\nSyftet är att stärka samverkan.\n' },
  checkDocument({ model, lines, report }) {
    if (model.meta.source.format !== 'markdown') return;
    let fence = false;
    lines.forEach((line, i) => {
      if (/^\s*(?:```|~~~)/u.test(line)) fence = !fence;
      // Code, tables and indented blocks keep their spacing.
      if (fence || /^\s*\|/u.test(line) || /^(?: {4}|\t)/u.test(line)) return;
      for (const m of line.matchAll(SPACES)) {
        const place = { start: { line: i + 1, column: m.index + 1 }, end: { line: i + 1, column: m.index + 1 + m[0].length } };
        report({ place, fix: { range: place, from: m[0], text: ' ' }, message: { en: `${m[0].length} spaces between words`, sv: `${m[0].length} mellanslag mellan orden` } });
      }
    });
  },
};
