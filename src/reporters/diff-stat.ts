/**
 * The change summary table ("remissammanställning"): per principle or section,
 * how many elements were added, removed, changed and moved, and the totals.
 */
import type { Change, Diff } from '../diff/model.js';

export const STAT_COLUMNS = ['Tillagda', 'Borttagna', 'Ändrade', 'Flyttade', 'Delade/sammanfogade', 'Varav stavning'] as const;

/** The principle or section a change belongs to: "Princip 4 Dialog", "Vision", a section heading. */
export function groupOf(c: Change): string {
  return c.path.split(' / ')[0]!.replace(/, utveckling$/u, '');
}

export function statRows(d: Diff): Array<{ group: string; counts: number[] }> {
  const rows = new Map<string, number[]>();
  for (const c of d.changes) {
    const row = rows.get(groupOf(c)) ?? rows.set(groupOf(c), [0, 0, 0, 0, 0, 0]).get(groupOf(c))!;
    if (c.kind === 'added') row[0]!++;
    else if (c.kind === 'removed') row[1]!++;
    else if (c.kind === 'modified' || c.kind === 'renumbered') row[2]!++;
    else if (c.kind === 'moved') row[3]!++;
    else row[4]!++;
    if (c.spelling) row[5]!++;
  }
  return [...rows].map(([group, counts]) => ({ group, counts }));
}

/** Column totals of the rows. */
export function statTotals(rows: Array<{ counts: number[] }>): number[] {
  return STAT_COLUMNS.map((_, i) => rows.reduce((n, r) => n + r.counts[i]!, 0));
}

export function renderDiffStat(d: Diff): string {
  const rows = statRows(d);
  const total = statTotals(rows);
  const table = [['Del', ...STAT_COLUMNS], ...rows.map((r) => [r.group, ...r.counts.map(String)]), ['Totalt', ...total.map(String)]];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => [...r[i]!].length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return `${[line(table[0]!), ...table.slice(1, -1).map(line), line(table[table.length - 1]!)].join('\n')}\n`;
}
