/**
 * One count in every output: the JSON totals, the summary line of the text,
 * Markdown and HTML outputs, the `stat` table and the HTML table all say the
 * same numbers, renumbered elements in a column of their own.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/parse/index.js';
import { diffAgreements } from '../src/diff/align.js';
import { countChanges } from '../src/diff/count.js';
import { renderDiffText } from '../src/reporters/diff-text.js';
import { renderDiffMarkdown } from '../src/reporters/diff-md.js';
import { renderDiffHtml } from '../src/reporters/diff-html.js';
import { renderDiffStat, STAT_COLUMNS } from '../src/reporters/diff-stat.js';
import { SEED } from './helpers/seeds.js';

/** Numbers by Swedish kind word from a summary line: "2 ändrade (1 stavning), 1 tillagt" -> { ändrade: 2, stavning: 1, tillagt: 1 }. */
function lineCounts(line: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of line.matchAll(/(\d+) (\p{L}+)/gu)) out[m[2]!] = Number(m[1]);
  return out;
}

/** The same numbers as the summary line names them. */
function expectedLine(s: ReturnType<typeof countChanges>): Record<string, number> {
  const out: Record<string, number> = {};
  const name: Array<[number, string, string]> = [
    [s.added, 'tillagt', 'tillagda'],
    [s.removed, 'borttaget', 'borttagna'],
    [s.modified, 'ändrat', 'ändrade'],
    [s.moved, 'flyttat', 'flyttade'],
    [s.renumbered, 'omnumrerat', 'omnumrerade'],
    [s.split, 'delat', 'delade'],
    [s.merged, 'sammanfogat', 'sammanfogade'],
  ];
  for (const [n, one, many] of name) if (n > 0) out[n === 1 ? one : many] = n;
  if (s.spelling > 0) out.stavning = s.spelling;
  return out;
}

const elements = (node: Root | Element, tag: string): Element[] =>
  node.children.flatMap((c) => (c.type === 'element' ? [...(c.tagName === tag ? [c] : []), ...elements(c, tag)] : []));

describe.each([
  ['test/fixtures/diff/round-1.md', 'test/fixtures/diff/round-2.md'],
  [SEED.norrbottenDraft, SEED.norrbottenProof],
  [SEED.norrbottenDraft, SEED.norrbottenStodstruktur],
])('%s -> %s', async (a, b) => {
  const d = diffAgreements(await parseFile(a, { manifest: false }), await parseFile(b, { manifest: false }));
  const s = d.summary;
  const totals = [s.added, s.removed, s.modified, s.moved, s.renumbered, s.split + s.merged, s.spelling];

  it('the JSON totals count the listed changes', () => {
    expect(s).toEqual(countChanges(d.changes));
    expect(d.changes.length).toBe(s.added + s.removed + s.modified + s.moved + s.renumbered + s.split + s.merged);
  });

  it('the summary lines of the text, Markdown and HTML outputs say the JSON totals', () => {
    const text = /^Sammanfattning: (.*)$/mu.exec(renderDiffText(d))![1]!;
    const md = /^Från .* till .*: (.*)\.$/mu.exec(renderDiffMarkdown(d))![1]!;
    const html = toText(elements(unified().use(rehypeParse).parse(renderDiffHtml(d)), 'p').find((p) => String(p.properties.className) === 'meta')!);
    for (const line of [text, md, html.replace(/^.*: /u, '')]) expect(lineCounts(line)).toEqual(expectedLine(s));
  });

  it('the stat table: a column for renumbered, rows adding up to the totals row, which is the JSON totals', () => {
    const lines = renderDiffStat(d).trimEnd().split('\n');
    expect(lines[0]).toContain('Omnumrerade');
    const numbers = (line: string) => line.split(/\s{2,}/u).slice(1).map(Number);
    const rows = lines.slice(1, -1).map(numbers);
    const total = numbers(lines[lines.length - 1]!);
    expect(total).toEqual(totals);
    expect(STAT_COLUMNS.map((_, i) => rows.reduce((n, r) => n + r[i]!, 0))).toEqual(total);
  });

  it('the HTML table says the same', () => {
    const tree = unified().use(rehypeParse).parse(renderDiffHtml(d));
    const rows = elements(elements(tree, 'table')[0]!, 'tr').map((tr) => [...elements(tr, 'td'), ...elements(tr, 'th')].map((c) => toText(c)));
    const total = rows.find((r) => r.includes('Totalt'))!.filter((c) => c !== 'Totalt').map(Number);
    expect(total).toEqual(totals);
  });
});
