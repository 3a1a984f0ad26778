/**
 * Principles, in every shape agreements state them:
 * - a numbered heading ("3. Långsiktighet", "Princip 3: Långsiktighet") under a
 *   principles container heading, or followed by its commitments heading;
 * - an unnumbered heading under a principles container: "Principen om dialog",
 *   a known principle name alone ("Dialog"), or in Markdown any sub-heading;
 * - the items of a list announced as principles: after a lead-in ("bygger på sex
 *   principer:", "Principen om:"), first under a principles container, or whose
 *   items begin with known principle names. An item "Dialog - ömsesidig respekt
 *   ..." is a name and a description; "Självständighet och oberoende garanterar
 *   ..." a sentence that begins with the name;
 * - named in running text: "principen om dialog, principen om kvalitet ... samt
 *   principen om mångfald", or an enumeration after a stated count ("sex
 *   grundläggande principer ... Dessa är Självständighet och oberoende, Dialog,
 *   ... samt Mångfald.").
 * A count stated in the text ("sju principer") confirms what was found, and a
 * warning says when it does not.
 *
 * Lexicon: `principle`, `principleTitle`, `principlesContainer`, `principleNames`,
 * `principlesLeadIn`, `principleCount`, `numbers`, `principleText` (how running
 * text names principles).
 */
import type { Paragraph, Position, Principle } from '../../model.js';
import type { SegHeading, SegList, SegListItem, SegParagraph, SegTable } from '../segment/types.js';
import { countValue, matchPrinciple, matchPrincipleTitle, principleNameAt, type Profile } from '../profile.js';
import { squash } from '../../text.js';
import { copy, cover, heading, leadInTail, type RecogniseState } from './state.js';
import { sentences, spanAt } from './sentences.js';
import type { Recogniser } from './types.js';

export interface PrinciplesOptions {
  /** Take lists and enumerations of principles as the document's own (false for a process report, which cites others'). */
  listed: boolean;
}

/** Does a commitments heading follow this numbered heading before the next heading of its rank? */
function commitmentsAhead(s: RecogniseState, index: number): boolean {
  const start = s.blocks[index] as SegHeading;
  for (let i = index + 1; i < s.blocks.length; i++) {
    const b = s.blocks[i]!;
    if (b.type !== 'heading') continue;
    if (s.kindOf(b.text) === 'commitments') return true;
    if (matchPrinciple(s.profile, b.text)) return false;
    if (!s.structured) return false;
    if (start.depth !== null && b.depth !== null && b.depth <= start.depth) return false;
  }
  return false;
}

function newPrinciple(s: RecogniseState, number: number, title: string, position: Position, at: Position): Principle {
  const base = `principle-${number}`;
  const id = s.ids.unique(base);
  if (id !== base) s.warn('duplicate-principle', 'duplicatePrinciple', at, { number, id }, id);
  const el: Principle = {
    id,
    number,
    title,
    heading: null,
    paragraphs: [],
    commitmentsHeading: null,
    commitments: [],
    sourceOrder: s.out.principles.length + 1,
    position: copy(position),
  };
  s.out.principles.push(el);
  return el;
}

function startPrinciple(s: RecogniseState, h: SegHeading, m: { number: number; title: string }, depth: number): void {
  s.closeTo(depth);
  const el = newPrinciple(s, m.number, m.title, h.position, h.position);
  el.heading = heading(h);
  s.placeRef(el.id);
  s.ctx = { kind: 'principle', el, depth, inCommitments: false };
}

/** The principles container a heading stands in, if any. */
function container(s: RecogniseState): { depth: number } | null {
  for (let i = s.stack.length - 1; i >= 0; i--) if (s.stack[i]!.role === 'principles') return s.stack[i]!;
  return null;
}

/** An unnumbered heading that names a principle ("Principen om X" anywhere, a known name or a Markdown sub-heading under a principles container), or null. */
function unnumberedTitle(s: RecogniseState, h: SegHeading): string | null {
  // "Principen om dialog" names a principle wherever it stands.
  const title = matchPrincipleTitle(s.profile, h.text);
  if (title) return title;
  const c = container(s);
  if (!c) return null;
  if (s.structured) return h.depth !== null && h.depth > c.depth ? h.text.trim() : null;
  const name = principleNameAt(s.profile, h.text.trim());
  return name !== null && name.length === h.text.trim().length ? name : null;
}

const NAME_SEPARATOR = /^(\S.{0,79}?)\s+[-–—:]\s+(?=\S)/u;
const MAX_NAME_WORDS = 8;

/**
 * How a list item states a principle: the name, and where the description
 * starts (the offset into the item text), or a sentence that begins with a
 * known name.
 */
function splitItem(profile: Profile, item: SegListItem): { name: string; rest: number | null; inSentence: boolean } {
  const text = item.text;
  const sep = NAME_SEPARATOR.exec(text);
  if (sep && sep[1]!.split(/\s+/u).length <= MAX_NAME_WORDS) return { name: sep[1]!, rest: sep[0].length, inSentence: false };
  if (item.firstLine !== undefined && item.firstLine <= 80 && !/[.!?:;]$/u.test(text.slice(0, item.firstLine))) {
    return { name: text.slice(0, item.firstLine), rest: item.firstLine + 1, inSentence: false };
  }
  const known = principleNameAt(profile, text);
  // "Dialog förutsätter en struktur ...": a known name that a sentence goes on from.
  if (known !== null && /^\s+\p{Ll}/u.test(text.slice(known.length))) return { name: known, rest: null, inSentence: true };
  const words = text.split(/\s+/u).length;
  if (words <= MAX_NAME_WORDS && !/[.!?]\s/u.test(text)) return { name: text, rest: null, inSentence: false };
  return { name: known ?? text, rest: null, inSentence: true };
}

/** Items that name something (a short name, or a name and its description), not sentences. */
function namesItems(profile: Profile, b: SegList): boolean {
  const named = b.items.filter((item) => {
    const split = splitItem(profile, item);
    return !split.inSentence || principleNameAt(profile, item.text) !== null;
  }).length;
  return b.items.length >= 2 && named >= 0.6 * b.items.length;
}

/** The principles a list states, one per item. */
function listPrinciples(s: RecogniseState, b: SegList): void {
  b.items.forEach((item) => {
    const number = item.marker && /^\d+/u.test(item.marker) ? parseInt(item.marker, 10) : s.out.principles.length + 1;
    const { name, rest, inSentence } = splitItem(s.profile, item);
    const title = name.trim().replace(/[.:;,]+$/u, '');
    const el = newPrinciple(s, number, title, item.position, item.position);
    el.statedAs = 'item';
    const seg = { text: item.text, position: item.position };
    const asParagraph = (start: number): Paragraph => {
      const p: SegParagraph = { type: 'paragraph', text: item.text.slice(start), position: { start: spanAt(seg, start, start).start, end: copy(item.position).end } };
      return s.paragraph(p, el.id);
    };
    if (inSentence) el.paragraphs.push(asParagraph(0));
    else {
      const end = rest === null ? item.text.length : name.length;
      el.heading = { text: item.text.slice(0, end), position: spanAt(seg, 0, end) };
      if (rest !== null) {
        el.paragraphs.push(asParagraph(rest));
        el.separator = item.text.slice(end, rest);
      }
    }
    if (item.marker !== undefined) el.marker = item.marker;
    s.placeRef(el.id);
  });
}

/** A list without a lead-in: at least three items, most of them a known principle name (alone, or before its description). */
function listsKnownNames(profile: Profile, b: SegList): boolean {
  const known = b.items.filter((item) => {
    const split = splitItem(profile, item);
    const name = split.name.trim().replace(/[.:;,]+$/u, '');
    return !split.inSentence && principleNameAt(profile, name)?.length === name.length;
  }).length;
  return b.items.length >= 3 && known >= 0.6 * b.items.length;
}

/** At least three names, most of them known principle names. */
function namesPrinciples(profile: Profile, names: string[]): boolean {
  const known = names.filter((n) => principleNameAt(profile, n.trim()) !== null).length;
  return names.length >= 3 && known >= 0.6 * names.length;
}

/** A name without the comma or joining word after it and the sentence's end. */
function trimJoin(profile: Profile, text: string): string {
  const { and, andInName } = profile.principleText;
  return text.replace(new RegExp(`(?:\\s*,\\s*|\\s+(?:${[...and, ...andInName].join('|')})\\s+)$`, 'iu'), '').replace(/[.!?]\s*$/u, '');
}

/**
 * The names an enumeration lists: "A, B, C samt D". A word that also joins
 * words inside a name ("öppenhet och insyn") splits the last item only when the
 * stated count says one is missing.
 */
function enumeration(profile: Profile, text: string, count: number | null): string[] {
  const { and, andInName } = profile.principleText;
  const parts = text
    .replace(/[.!?]\s*$/u, '')
    .split(new RegExp(`\\s*,\\s*|\\s+(?:${and.join('|')})\\s+`, 'iu'))
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const last = parts[parts.length - 1];
  for (const word of andInName) {
    const k = last ? last.lastIndexOf(` ${word} `) : -1;
    if (count === null || !last || parts.length !== count - 1 || k === -1) continue;
    parts.splice(parts.length - 1, 1, last.slice(0, k), last.slice(k + word.length + 2));
    break;
  }
  return parts;
}

/** A paragraph or table in an open principle is its text. */
function intoPrinciple(s: RecogniseState, b: SegParagraph | SegTable): boolean {
  if (s.ctx.kind !== 'principle') return false;
  s.ctx.el.paragraphs.push(s.block(b, s.ctx.el.id));
  cover(s.ctx.el.position, b.position);
  return true;
}

export function principles(options: PrinciplesOptions = { listed: true }): () => Recogniser {
  return () => {
    /** A lead-in announced a list of principles. */
    let leadIn = false;
    /** The last count stated ("sex principer"), with where. */
    let stated: { count: number; position: Position } | null = null;
    /** The count that goes with the principles found. */
    let confirming: { count: number; position: Position } | null = null;
    /** A principles container is open and has not had its list yet. */
    let containerList = false;

    const noteCount = (s: RecogniseState, text: string, position: Position): number | null => {
      for (const re of s.profile.principleCount) {
        const m = re.exec(text);
        const n = m?.[1] ? countValue(s.profile, m[1]) : null;
        if (n !== null) {
          stated = { count: n, position: copy(position) };
          return n;
        }
      }
      return null;
    };

    /** Principles named in a sentence of a paragraph kept in the generic tree. */
    const inline = (s: RecogniseState, node: Paragraph, paragraph: string): void => {
      const { inline: named, enumerationStart } = s.profile.principleText;
      // Most paragraphs name no principles: look sentence by sentence only where one could.
      const counted = noteCount(s, paragraph, node.position) !== null;
      if (!counted && !enumerationStart.test(node.text) && [...node.text.matchAll(named)].length < 2) return;
      for (const sentence of sentences(node.text)) {
        const text = sentence.text;
        const ownCount = counted ? noteCount(s, squash(text), node.position) : null;
        let names: Array<{ name: string; start: number }> = [];
        const om = [...text.matchAll(named)];
        if (om.length >= 2) {
          names = om.map((m, k) => {
            const start = m.index! + m[0].length;
            const stop = k + 1 < om.length ? om[k + 1]!.index! : text.length;
            const name = trimJoin(s.profile, text.slice(start, stop));
            return { name, start };
          });
        } else {
          const at = enumerationStart.exec(text);
          if (!at) continue;
          const count = ownCount ?? stated?.count ?? null;
          const list = enumeration(s.profile, text.slice(at.index + at[0].length), count);
          if (list.length < 3 || list.some((n) => n.split(/\s+/u).length > 5)) continue;
          if (!(count === list.length || namesPrinciples(s.profile, list))) continue;
          let from = at.index + at[0].length;
          names = list.map((name) => {
            const start = text.indexOf(name, from);
            from = start + name.length;
            return { name, start };
          });
        }
        confirming = ownCount !== null ? stated : confirming ?? stated;
        for (const { name, start } of names) {
          const offset = sentence.start + start;
          const el = newPrinciple(s, s.out.principles.length + 1, name, spanAt(node, offset, offset + name.length), node.position);
          el.statedAs = 'inline';
          el.quotedIn = node.id;
        }
        return;
      }
    };

    return {
      name: 'principles',
      beforeBlock(_s, b) {
        if (b.type !== 'list' && !(b.type === 'paragraph' && leadIn)) leadIn = false;
      },
      startHeading(s, h, kind, index) {
        if (kind === 'principlesContainer') {
          s.openSection(h, h.depth ?? s.profile.depths.section, 'principles');
          noteCount(s, squash(h.text), h.position);
          containerList = true;
          return true;
        }
        const m = kind === null ? matchPrinciple(s.profile, h.text) : null;
        if (m && (container(s) || commitmentsAhead(s, index))) {
          startPrinciple(s, h, m, h.depth ?? s.profile.depths.principle);
          return true;
        }
        const title = kind === null && options.listed ? unnumberedTitle(s, h) : null;
        if (title === null) return false;
        startPrinciple(s, h, { number: s.out.principles.length + 1, title }, h.depth ?? s.profile.depths.principle);
        return true;
      },
      paragraph: intoPrinciple,
      list(s, b) {
        if (!options.listed || s.ctx.kind !== 'none' || s.out.principles.some((p) => p.statedAs !== 'item')) return false;
        const inContainer = containerList && s.stack[s.stack.length - 1]?.role === 'principles' && namesItems(s.profile, b);
        if (!(leadIn || inContainer || listsKnownNames(s.profile, b))) return false;
        if (s.out.principles.length > 0) return false;
        leadIn = false;
        containerList = false;
        confirming = stated;
        listPrinciples(s, b);
        return true;
      },
      table: intoPrinciple,
      observe(s, node, text) {
        // Once principles are found, no later list is taken and the count that goes with them is known.
        if (s.out.principles.length > 0) return;
        if (s.profile.principlesLeadIn.some((re) => re.test(leadInTail(text)))) leadIn = true;
        if (options.listed) inline(s, node, text);
        else noteCount(s, text, node.position);
      },
      finish(s) {
        s.out.principles.sort((a, b) => a.number - b.number);
        const c = confirming ?? stated;
        if (c === null || !options.listed) return;
        const found = s.out.principles.length;
        if (found !== c.count) s.warn('principle-count', 'principleCount', c.position, { stated: c.count, found });
      },
    };
  };
}
