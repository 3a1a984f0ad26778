/**
 * The one count of a diff's changes. The JSON totals, the summary line, the
 * `stat` table (per part and in total) and the HTML table all come from here,
 * so they always agree.
 */
import type { Change, Summary } from './model.js';

export function countChanges(changes: readonly Change[]): Summary {
  const s: Summary = { added: 0, removed: 0, modified: 0, moved: 0, renumbered: 0, split: 0, merged: 0, spelling: 0, spellingFixes: 0 };
  for (const c of changes) {
    s[c.kind]++;
    if (c.spelling) s.spelling++;
    if (c.spellingFix) s.spellingFixes++;
  }
  return s;
}
