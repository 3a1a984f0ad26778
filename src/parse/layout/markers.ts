/**
 * List markers printed apart from their text. A PDF with hanging indents sets
 * bullets and numbers in a column of their own, and `pdftotext` (default mode)
 * prints that column first: four "•" lines, then "2.", then the four items,
 * then the heading "Kvalitet" that the "2." belongs to.
 *
 * Guarantee: a marker moves onto the line it marks, in order (bullets onto
 * the items after them, a number onto the heading-like line after those), and
 * each move is recorded. The number of bullets says how many items follow:
 * the items are the blocks after the run, or, when fewer blocks were found,
 * the text split where a line ends a sentence and the next begins with a
 * capital, when that gives exactly as many. Otherwise nothing is changed.
 */
import { MARKER_ONLY, NUMBERED, STARTS_CAPITAL, looksLikeHeading } from '../segment/rules.js';
import { blankBefore, linePosition, toGroups, type Line } from './lines.js';
import type { LayoutContext, LayoutStep } from './steps.js';

/** Where an item may end: a sentence end, but not a colon, which leads in to what follows. */
const ITEM_END = /[.!?;”"»)]$/u;

const isMarkerGroup = (g: Line[]) => g.every((l) => MARKER_ONLY.test(l.text));
const isHeadingGroup = (g: Line[]) => g.length === 1 && looksLikeHeading(g[0]!.text) && !NUMBERED.test(g[0]!.text);

function mark(ctx: LayoutContext, group: Line[], marker: Line): Line[] {
  const first = group[0]!;
  ctx.normalisations.push({
    step: 'marker-join',
    from: marker.text,
    to: marker.text,
    reason: 'a list marker printed apart from its text (a column of markers) joined to the line it marks',
    position: linePosition(marker),
  });
  return [{ ...first, text: `${marker.text} ${first.text}` }, ...group.slice(1)];
}

/** The `count` items that follow a run of bullets, as groups of lines, and how many groups they took; null when they cannot be told. */
function items(after: Line[][], count: number): { items: Line[][]; used: number } | null {
  // The text up to the next marker or heading.
  let end = 0;
  while (end < after.length && !isMarkerGroup(after[end]!) && !isHeadingGroup(after[end]!)) end++;
  const region = after.slice(0, end);
  if (region.length >= count) return { items: region.slice(0, count), used: count };
  // Fewer blocks than markers: split the region's lines at sentence ends before a capital.
  const lines = region.flat();
  const cuts = new Set(region.slice(1).map((g) => g[0]!));
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (next && ITEM_END.test(line.text) && STARTS_CAPITAL.test(next.text)) cuts.add(next);
  });
  if (cuts.size !== count - 1) return null;
  const out: Line[][] = [];
  for (const line of lines) {
    if (out.length === 0 || cuts.has(line)) out.push([]);
    out[out.length - 1]!.push(line);
  }
  return { items: out, used: region.length };
}

export const joinMarkerColumns: LayoutStep = (lines, ctx) => {
  const groups = toGroups(lines);
  // Every other line stays exactly where it was (other steps read runs of blank lines as page breaks).
  const replaced = new Map<Line, Line>();
  const dropped = new Set<Line>();
  const breakBefore = new Set<Line>();
  const apply = (items: Line[][], markers: Line[]) => {
    items.forEach((g, k) => {
      const [first] = mark(ctx, g, markers[k]!);
      replaced.set(g[0]!, first!);
      dropped.add(markers[k]!);
      breakBefore.add(g[0]!);
    });
  };
  for (let i = 0; i < groups.length; i++) {
    let j = i;
    while (j < groups.length && isMarkerGroup(groups[j]!)) j++;
    if (j === i) continue;
    const markers = groups.slice(i, j).flat();
    const bullets = markers.filter((m) => !NUMBERED.test(`${m.text} x`));
    const numbers = markers.filter((m) => NUMBERED.test(`${m.text} x`));
    const after = groups.slice(j);
    const found = bullets.length > 0 ? items(after, bullets.length) : { items: [], used: 0 };
    const heading = found ? after[found.used] : undefined;
    const fits = found !== null && numbers.length <= 1 && (numbers.length === 0 || (heading !== undefined && isHeadingGroup(heading)));
    if (!fits) {
      i = j - 1;
      continue;
    }
    apply(found.items, bullets);
    if (numbers.length === 1) apply([heading!], numbers);
    i = j - 1 + found.used + numbers.length;
  }
  if (replaced.size === 0) return lines;
  const out: Line[] = [];
  for (const line of lines) {
    if (dropped.has(line)) continue;
    const prev = out[out.length - 1];
    if (breakBefore.has(line) && prev && prev.text !== '') out.push(blankBefore(line));
    out.push(replaced.get(line) ?? line);
  }
  return out;
};
