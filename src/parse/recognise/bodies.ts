/**
 * Support-structure bodies (ledningsgrupp, nätverk, ...): the sub-headings of
 * a bodies container heading ("Stödstruktur"), each with its description and
 * stated composition ("7 ledamöter och 7 ersättare"); or a heading that names a
 * body wherever it stands ("Styrgruppen", "1. Samordningsgruppen").
 *
 * Lexicon: `bodiesContainer`, `bodyHeading`, `bodies` (name pattern -> kind), `composition`.
 */
import type { Body, Composition } from '../../model.js';
import type { SegHeading, SegList, SegParagraph, SegTable } from '../segment/types.js';
import { matchBody, type Profile } from '../profile.js';
import { slugify, squash } from '../../text.js';
import { copy, cover, heading, type Context, type RecogniseState } from './state.js';
import type { Recogniser } from './types.js';

/** "Primärkommunala delegationen (PKD)" -> name and abbreviation. */
function splitAbbreviation(title: string): { name: string; abbreviation: string | null } {
  const m = /^(.*?)\s*\(([\p{Lu}\d][\p{Lu}\d &/-]{0,15})\)\s*$/u.exec(title);
  return m ? { name: m[1]!.trim(), abbreviation: m[2]!.trim() } : { name: title.trim(), abbreviation: null };
}

function startBody(s: RecogniseState, h: SegHeading, c: Extract<Context, { kind: 'bodies' }>): void {
  s.closeInto(c.container);
  const { name, abbreviation } = splitAbbreviation(h.text.trim().replace(/^\d{1,2}\.\s+/u, ''));
  const id = s.ids.unique(`body/${slugify(abbreviation ?? name)}`);
  const body: Body = {
    id,
    name,
    abbreviation,
    kind: matchBody(s.profile, name) ?? 'other',
    heading: heading(h),
    description: [],
    composition: null,
    position: copy(h.position),
  };
  s.out.bodies.push(body);
  s.placeRef(id);
  c.body = body;
}

/** The stated composition of a body: counts joined by "och" in the first paragraph that has any. */
export function composition(body: Body, profile: Profile): Composition | null {
  for (const b of body.description) {
    if (b.type !== 'paragraph') continue;
    const text = squash(b.text);
    const matches = [...text.matchAll(profile.composition)];
    if (matches.length === 0) continue;
    const parts = [matches[0]!];
    for (const m of matches.slice(1)) {
      const prev = parts[parts.length - 1]!;
      const gap = text.slice(prev.index! + prev[0].length, m.index);
      if (/\s+och\s+$/u.test(gap) && !/[.!?]/u.test(gap)) parts.push(m);
      else break;
    }
    const last = parts[parts.length - 1]!;
    return {
      text: text.slice(parts[0]!.index, last.index! + last[0].length),
      parts: parts.map((m) => {
        const count = m[1]!;
        return /^\d+$/u.test(count) ? { count: Number(count), unit: m[2]! } : { count: null, placeholder: count, unit: m[2]! };
      }),
    };
  }
  return null;
}

/** A paragraph, list or table under an open body describes it. */
function intoBody(s: RecogniseState, b: SegParagraph | SegList | SegTable): boolean {
  if (s.ctx.kind !== 'bodies' || !s.ctx.body) return false;
  s.ctx.body.description.push(s.block(b, s.ctx.body.id));
  cover(s.ctx.body.position, b.position);
  return true;
}

export function bodies(): Recogniser {
  return {
    name: 'bodies',
    claimHeading(s, h, kind) {
      const c = s.ctx;
      if (c.kind !== 'bodies' || c.container === null) return false;
      if (s.structured) {
        if (h.depth === null || h.depth <= c.depth) return false;
        if (kind === 'bodiesContainer') return false; // a nested container: started below
        if (kind === 'figure' || kind === 'toc') {
          s.closeInto(c.container);
          s.openSection(h, h.depth, 'figure');
          c.body = null;
          return true;
        }
        startBody(s, h, c);
        return true;
      }
      if (kind === null && matchBody(s.profile, h.text) !== null) {
        startBody(s, h, c);
        return true;
      }
      return false;
    },
    startHeading(s, h, kind) {
      if (kind === null && s.profile.bodyHeading.some((re) => re.test(h.text.trim()))) {
        // A body named by its own heading, with no container above: it ends at the next heading.
        const depth = h.depth ?? s.profile.depths.section;
        s.closeTo(depth);
        const c = { kind: 'bodies' as const, depth, container: null, body: null };
        s.ctx = c;
        startBody(s, h, c);
        return true;
      }
      if (kind !== 'bodiesContainer') return false;
      const depth = h.depth ?? s.profile.depths.section;
      const container = s.openSection(h, depth, 'bodies');
      s.ctx = { kind: 'bodies', depth, container, body: null };
      return true;
    },
    paragraph: intoBody,
    list: intoBody,
    table: intoBody,
    finish(s) {
      for (const body of s.out.bodies) body.composition = composition(body, s.profile);
    },
  };
}
