/**
 * Principles: a numbered principle heading ("3. Långsiktighet", "Princip 3:
 * Långsiktighet") under a principles container heading, or followed by its
 * commitments heading; the container heading itself.
 *
 * Lexicon: `principle`, `principlesContainer`.
 */
import type { Principle } from '../../model.js';
import type { SegHeading } from '../segment/types.js';
import { classifyHeading, matchPrinciple } from '../profile.js';
import { copy, cover, heading, type RecogniseState } from './state.js';
import type { Recogniser } from './types.js';

/** Does a commitments heading follow this numbered heading before the next heading of its rank? */
function commitmentsAhead(s: RecogniseState, index: number): boolean {
  const start = s.blocks[index] as SegHeading;
  for (let i = index + 1; i < s.blocks.length; i++) {
    const b = s.blocks[i]!;
    if (b.type !== 'heading') continue;
    if (classifyHeading(s.profile, b.text) === 'commitments') return true;
    if (matchPrinciple(s.profile, b.text)) return false;
    if (!s.markdown) return false;
    if (start.depth !== null && b.depth !== null && b.depth <= start.depth) return false;
  }
  return false;
}

function startPrinciple(s: RecogniseState, h: SegHeading, m: { number: number; title: string }, depth: number): void {
  s.closeTo(depth);
  const base = `principle-${m.number}`;
  const id = s.ids.unique(base);
  if (id !== base) s.warn('duplicate-principle', 'duplicatePrinciple', h.position, { number: m.number, id }, id);
  const el: Principle = {
    id,
    number: m.number,
    title: m.title,
    heading: heading(h),
    paragraphs: [],
    commitmentsHeading: null,
    commitments: [],
    sourceOrder: s.out.principles.length + 1,
    position: copy(h.position),
  };
  s.out.principles.push(el);
  s.placeRef(id);
  s.ctx = { kind: 'principle', el, depth, inCommitments: false };
}

export function principles(): Recogniser {
  return {
    name: 'principles',
    startHeading(s, h, kind, index) {
      if (kind === 'principlesContainer') {
        s.openSection(h, h.depth ?? s.profile.depths.section, 'principles');
        return true;
      }
      const m = kind === null ? matchPrinciple(s.profile, h.text) : null;
      if (!m || !(s.inSectionWithRole('principles') || commitmentsAhead(s, index))) return false;
      startPrinciple(s, h, m, h.depth ?? s.profile.depths.principle);
      return true;
    },
    paragraph(s, b) {
      if (s.ctx.kind !== 'principle') return false;
      s.ctx.el.paragraphs.push(s.paragraph(b, s.ctx.el.id));
      cover(s.ctx.el.position, b.position);
      return true;
    },
    table(s, b) {
      if (s.ctx.kind !== 'principle') return false;
      s.ctx.el.paragraphs.push(s.table(b, s.ctx.el.id));
      cover(s.ctx.el.position, b.position);
      return true;
    },
    finish(s) {
      s.out.principles.sort((a, b) => a.number - b.number);
    },
  };
}
