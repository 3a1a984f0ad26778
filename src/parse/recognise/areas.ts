/**
 * Development areas (utvecklingsområden, samverkansområden): the sub-headings
 * of an areas container heading in Markdown, or the items of the first list
 * directly under it, or the items of a list after a lead-in ("prioriterade
 * områden som ... ska samverka kring:").
 *
 * Lexicon: `areasContainer`, `areasLeadIn`, `figure` (captions that are never areas).
 */
import type { DevelopmentArea, Heading, Position } from '../../model.js';
import type { SegList } from '../segment/types.js';
import { slugify, squash } from '../../text.js';
import { copy, cover, heading, leadInTail, type RecogniseState } from './state.js';
import type { Recogniser } from './types.js';

function newArea(s: RecogniseState, title: string, h: Heading | null, position: Position): DevelopmentArea {
  const area: DevelopmentArea = { id: s.ids.unique(`area/${slugify(title)}`), title, heading: h, paragraphs: [], items: [], position: copy(position) };
  s.out.developmentAreas.push(area);
  s.placeRef(area.id);
  return area;
}

function areasFromList(s: RecogniseState, b: SegList): void {
  for (const item of b.items) {
    const area = newArea(s, squash(item.text).replace(/[.;]$/u, ''), null, item.position);
    if (item.marker !== undefined) area.marker = item.marker;
  }
}

export function areas(): Recogniser {
  /** The last paragraph kept was a lead-in to a list of areas. */
  let leadIn = false;
  return {
    name: 'areas',
    beforeBlock(_s, b) {
      if (b.type !== 'list') leadIn = false;
    },
    observe(s, _node, text) {
      if (s.out.developmentAreas.length === 0 && s.profile.areasLeadIn.some((re) => re.test(leadInTail(text)))) leadIn = true;
    },
    claimHeading(s, h, kind) {
      const c = s.ctx;
      if (c.kind !== 'areas' || !s.structured || h.depth === null || h.depth <= c.depth) return false;
      s.closeInto(c.container);
      if (kind === 'figure') {
        s.openSection(h, h.depth, 'figure');
        c.area = null;
        return true;
      }
      c.area = newArea(s, h.text.trim(), heading(h), h.position);
      return true;
    },
    startHeading(s, h, kind) {
      if (kind !== 'areasContainer') return false;
      const depth = h.depth ?? s.profile.depths.section;
      const container = s.openSection(h, depth, 'developmentAreas');
      s.ctx = { kind: 'areas', depth, container, area: null, fromList: false };
      return true;
    },
    paragraph(s, b) {
      const c = s.ctx;
      if (c.kind !== 'areas' || !c.area || c.fromList) return false;
      c.area.paragraphs.push(s.paragraph(b, c.area.id));
      cover(c.area.position, b.position);
      return true;
    },
    list(s, b) {
      const c = s.ctx;
      if (leadIn && c.kind === 'none' && s.out.developmentAreas.length === 0) {
        leadIn = false;
        areasFromList(s, b);
        return true;
      }
      if (c.kind !== 'areas') return false;
      if (c.area && !c.fromList) {
        c.area.items.push(...s.listItems(b, c.area.id));
        cover(c.area.position, b.position);
        return true;
      }
      if (s.stack[s.stack.length - 1] !== c.container || !s.out.developmentAreas.every((a) => a.heading === null)) return false;
      areasFromList(s, b);
      c.fromList = true;
      return true;
    },
  };
}
