/**
 * Commitments (åtaganden) of a principle: the principle claims its commitments
 * heading ("ÅTAGANDEN"), and the lists after it are its commitments. A
 * commitments heading outside any principle stays a generic section, with a
 * warning.
 *
 * Lexicon: `commitments`.
 */
import type { Commitment } from '../../model.js';
import { copy, cover, heading } from './state.js';
import type { Recogniser } from './types.js';

export function commitments(): Recogniser {
  return {
    name: 'commitments',
    claimHeading(s, h, kind) {
      const ctx = s.ctx;
      if (ctx.kind !== 'principle' || kind !== 'commitments' || ctx.el.commitmentsHeading !== null) return false;
      ctx.el.commitmentsHeading = heading(h);
      cover(ctx.el.position, h.position);
      ctx.inCommitments = true;
      return true;
    },
    startHeading(s, h, kind) {
      if (kind !== 'commitments') return false;
      s.openSection(h, h.depth ?? s.profile.depths.commitments);
      s.warn('untyped-commitments', 'untypedCommitments', h.position);
      return true;
    },
    list(s, b) {
      const ctx = s.ctx;
      if (ctx.kind !== 'principle') return false;
      const el = ctx.el;
      cover(el.position, b.position);
      if (!ctx.inCommitments) {
        el.paragraphs.push(s.list(b, el.id));
        return true;
      }
      for (const item of b.items) {
        const c: Commitment = { id: `${el.id}/commitment-${el.commitments.length + 1}`, text: item.text, position: copy(item.position) };
        if (item.marker !== undefined) c.marker = item.marker;
        el.commitments.push(c);
      }
      return true;
    },
    finish(s) {
      for (const p of s.out.principles) {
        if (p.commitments.length === 0) s.warn('principle-without-commitments', 'principleWithoutCommitments', p.heading.position, { number: p.number }, p.id);
      }
    },
  };
}
