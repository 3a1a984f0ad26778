/**
 * The change summary table ("remissammanställning"): per principle or section,
 * how many elements were added, removed, changed and moved, and the totals.
 */
import type { Change, Diff, Summary } from '../diff/model.js';
import { countChanges } from '../diff/count.js';

/** The table's columns: each a count of the one counting function (src/diff/count.ts). */
const COLUMNS: Array<[string, (s: Summary) => number]> = [
  ['Tillagda', (s) => s.added],
  ['Borttagna', (s) => s.removed],
  ['Ändrade', (s) => s.modified],
  ['Flyttade', (s) => s.moved],
  ['Omnumrerade', (s) => s.renumbered],
  ['Delade/sammanfogade', (s) => s.split + s.merged],
  ['Varav stavning', (s) => s.spelling],
];

export const STAT_COLUMNS = COLUMNS.map(([name]) => name);

/** The principle or section a change belongs to: "Princip 4 Dialog", "Vision", a section heading. */
export function groupOf(c: Change): string {
  return c.path.split(' / ')[0]!.replace(/, utveckling$/u, '');
}

/** A table row's numbers from a count. */
const statCounts = (s: Summary): number[] => COLUMNS.map(([, of]) => of(s));

/** Per part (principle or section), in the order the parts first change. */
export function statRows(d: Diff): Array<{ group: string; counts: number[] }> {
  const groups = new Map<string, Change[]>();
  for (const c of d.changes) (groups.get(groupOf(c)) ?? groups.set(groupOf(c), []).get(groupOf(c))!).push(c);
  return [...groups].map(([group, list]) => ({ group, counts: statCounts(countChanges(list)) }));
}

/** The totals row: the diff's own count. */
export function statTotals(d: Diff): number[] {
  return statCounts(d.summary);
}

export function renderDiffStat(d: Diff): string {
  const rows = statRows(d);
  const total = statTotals(d);
  const table = [['Del', ...STAT_COLUMNS], ...rows.map((r) => [r.group, ...r.counts.map(String)]), ['Totalt', ...total.map(String)]];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => [...r[i]!].length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return `${[line(table[0]!), ...table.slice(1, -1).map(line), line(table[table.length - 1]!)].join('\n')}\n`;
}
