/**
 * Phase 4, recognise: the flat block list into the agreement model.
 *
 * Guarantee: every block (and every list item) lands in exactly one place:
 * a typed element, or the generic section tree, which also records with a
 * `ref` where each typed element stood. Nothing is invented: a typed element
 * exists only when the profile recognised its heading or lead-in.
 *
 * One loop walks the blocks and offers each to the recognisers of `REGISTRY`
 * in order, one file per element kind. The recogniser holds one typed context
 * at a time (inside a principle, the goals, a bodies container, ...). A heading
 * is first offered to the open context; what the context does not claim closes
 * it and may start a new element, else a generic section.
 */
import type { SegBlock, SegHeading, SegList, SegParagraph, SegTable } from '../segment/types.js';
import type { Position } from '../../model.js';
import { squash } from '../../text.js';
import { RecogniseState, type Recognised, type RecogniseOptions } from './state.js';
import type { Recogniser } from './types.js';
import { startTitle, title } from './title.js';
import { purpose, quotedVision, statedInSentences, vision } from './statement.js';
import { goals, splitGluedElaboration } from './goals.js';
import { principles } from './principles.js';
import { commitments } from './commitments.js';
import { bodies } from './bodies.js';
import { areas } from './areas.js';

export type { Recognised, RecogniseOptions } from './state.js';
export type { Recogniser } from './types.js';

/** The recognisers in the order they are asked; each call makes fresh ones (they hold per-document state). */
const ownPrinciples = principles();
export const REGISTRY: Array<() => Recogniser> = [title, quotedVision, vision, purpose, goals, ownPrinciples, commitments, bodies, areas, statedInSentences];

/** The registry for a process report: the lists of principles it cites are not its own. */
const REPORT_REGISTRY = REGISTRY.map((make) => (make === ownPrinciples ? principles({ listed: false }) : make));

function onHeading(s: RecogniseState, rs: Recogniser[], h: SegHeading, index: number): void {
  if (startTitle(s, h, index)) return;
  const kind = s.kindOf(h.text);
  if (rs.some((r) => r.claimHeading?.(s, h, kind))) return;
  s.ctx = { kind: 'none' };
  if (rs.some((r) => r.startHeading?.(s, h, kind, index))) return;
  s.openSection(h, h.depth ?? s.profile.depths.section);
}

function onParagraph(s: RecogniseState, rs: Recogniser[], b: SegParagraph): void {
  // A footnote body is not part of the element it happens to follow (a PDF
  // prints it at the foot of the page, Markdown at the end): it stays in the section tree.
  if (b.footnote) {
    s.placeGeneric(b);
    return;
  }
  if (rs.some((r) => r.paragraph?.(s, b))) return;
  const node = s.placeGeneric(b);
  if (node.type !== 'paragraph') return;
  const text = squash(b.text);
  for (const r of rs) r.observe?.(s, node, text, b);
}

function onList(s: RecogniseState, rs: Recogniser[], b: SegList): void {
  if (!rs.some((r) => r.list?.(s, b))) s.placeGeneric(b);
}

function onTable(s: RecogniseState, rs: Recogniser[], b: SegTable): void {
  if (!rs.some((r) => r.table?.(s, b))) s.placeGeneric(b);
}

export function recognise(blocks: SegBlock[], options: RecogniseOptions): Recognised {
  const s = new RecogniseState(blocks, options);
  const rs = (options.listedPrinciples === false ? REPORT_REGISTRY : REGISTRY).map((make) => make());
  for (const r of rs) r.prepare?.(s);
  blocks.forEach((b, index) => {
    for (const r of rs) r.beforeBlock?.(s, b);
    const glued = b.type === 'paragraph' ? splitGluedElaboration(s, b) : null;
    if (glued) {
      onHeading(s, rs, glued[0], index);
      onParagraph(s, rs, glued[1]);
    } else if (b.type === 'heading') onHeading(s, rs, b, index);
    else if (b.type === 'paragraph') onParagraph(s, rs, b);
    else if (b.type === 'list') onList(s, rs, b);
    else onTable(s, rs, b);
  });
  for (const r of rs) r.finish?.(s);
  warnUnknownShape(s);
  return s.out;
}

/** Nothing typed at all: say so, with every word kept in generic sections. */
function warnUnknownShape(s: RecogniseState): void {
  const out = s.out;
  const typed = out.vision || out.purpose || out.goals.length || out.principles.length || out.partyCommitments.length || out.bodies.length || out.developmentAreas.length;
  if (typed) return;
  const first = out.sections[0];
  const place: Position = first && 'position' in first ? first.position : { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  s.warn('unknown-shape', 'unknownShape', place);
}
