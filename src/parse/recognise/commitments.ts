/**
 * Commitments (åtaganden):
 * - of a principle: the principle claims its commitments heading ("ÅTAGANDEN")
 *   or a lead-in paragraph naming who commits ("Parterna åtar sig att:"), and
 *   the lists after it are its commitments;
 * - of a party, outside any principle: a heading or lead-in "Kommunen åtar sig
 *   att" and the list after it (a numbered list, or a lone numbered item where the
 *   text was cut).
 * A commitments heading outside any principle stays a generic section, with a
 * warning.
 *
 * Lexicon: `commitments`, `partyCommitments`.
 */
import type { Commitment, Heading, PartyCommitments, Position } from '../../model.js';
import { slugify } from '../../text.js';
import { copy, cover, heading, type RecogniseState } from './state.js';
import type { Recogniser } from './types.js';
import type { SegListItem } from '../segment/types.js';
import { mayMatch } from '../gated-regexp.js';

const MAX_LEAD_IN = 200;

/** The party a lead-in names ("Kommunen åtar sig att:" -> "Kommunen"), or null. */
function partyOf(s: RecogniseState, text: string): string | null {
  // A lead-in is one short line; a paragraph of running text is not one.
  if (text.length > MAX_LEAD_IN || !s.profile.partyCommitments.some((re) => mayMatch(re, text))) return null;
  const key = text.includes('\n') ? text.replace(/\s+/gu, ' ').trim() : text;
  for (const re of s.profile.partyCommitments) {
    const m = re.exec(key);
    if (m?.[1]) return m[1];
  }
  return null;
}

function startGroup(s: RecogniseState, party: string, leadIn: Heading): PartyCommitments {
  const group: PartyCommitments = { id: s.ids.unique(`commitments/${slugify(party)}`), party, leadIn, commitments: [], position: copy(leadIn.position) };
  s.out.partyCommitments.push(group);
  s.placeRef(group.id);
  s.ctx = { kind: 'party', group };
  return group;
}

function addCommitments(list: Commitment[], parent: string, items: SegListItem[], position: Position, cover_: Position): void {
  for (const item of items) {
    const c: Commitment = { id: `${parent}/commitment-${list.length + 1}`, text: item.text, position: copy(item.position) };
    if (item.marker !== undefined) c.marker = item.marker;
    list.push(c);
  }
  cover(cover_, position);
}

const LONE_ITEM = /^(\d{1,2}[.)])\s+(?=\p{Ll})/u;

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
      if (kind === 'commitments') {
        s.openSection(h, h.depth ?? s.profile.depths.commitments);
        s.warn('untyped-commitments', 'untypedCommitments', h.position);
        return true;
      }
      const party = kind === null ? partyOf(s, h.text) : null;
      if (party === null) return false;
      startGroup(s, party, heading(h));
      return true;
    },
    paragraph(s, b) {
      const ctx = s.ctx;
      const party = partyOf(s, b.text);
      if (ctx.kind === 'principle' && party !== null) {
        // "Parterna åtar sig att:" inside a principle: what follows are its commitments.
        ctx.el.paragraphs.push(s.paragraph(b, ctx.el.id));
        cover(ctx.el.position, b.position);
        ctx.inCommitments = true;
        return true;
      }
      if (ctx.kind === 'party' && ctx.group.commitments.length === 0 && party === null) {
        const lone = LONE_ITEM.exec(b.text);
        if (!lone) return false;
        addCommitments(ctx.group.commitments, ctx.group.id, [{ text: b.text.slice(lone[0].length), marker: lone[1]!, position: b.position }], b.position, ctx.group.position);
        return true;
      }
      // A lead-in starts a party's commitments, also right after another party's.
      if ((ctx.kind !== 'none' && ctx.kind !== 'party') || party === null) return false;
      startGroup(s, party, { text: b.text, position: copy(b.position) });
      return true;
    },
    list(s, b) {
      const ctx = s.ctx;
      if (ctx.kind === 'party') {
        if (ctx.group.commitments.length > 0) return false;
        addCommitments(ctx.group.commitments, ctx.group.id, b.items, b.position, ctx.group.position);
        return true;
      }
      if (ctx.kind !== 'principle') return false;
      const el = ctx.el;
      cover(el.position, b.position);
      if (!ctx.inCommitments) {
        el.paragraphs.push(s.list(b, el.id));
        return true;
      }
      addCommitments(el.commitments, el.id, b.items, b.position, el.position);
      return true;
    },
    finish(s) {
      for (const p of s.out.principles) {
        if (p.commitments.length === 0 && p.statedAs === undefined) s.warn('principle-without-commitments', 'principleWithoutCommitments', (p.heading ?? p).position, { number: p.number }, p.id);
      }
      for (const g of s.out.partyCommitments) {
        if (g.commitments.length === 0) s.warn('party-without-commitments', 'partyWithoutCommitments', g.leadIn.position, { party: g.party }, g.id);
      }
    },
  };
}
