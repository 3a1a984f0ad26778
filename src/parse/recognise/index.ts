/**
 * Phase 4, recognise: the flat block list into the agreement model.
 *
 * Guarantee: every block (and every list item) lands in exactly one place:
 * a typed element, or the generic section tree, which also records with a
 * `ref` where each typed element stood. Nothing is invented: a typed element
 * exists only when the profile recognised its heading or lead-in.
 *
 * The recogniser walks the blocks once, holding one typed context at a time
 * (inside a principle, the goals, a bodies container, ...). A heading is first
 * offered to the open context; what the context does not claim closes it and
 * starts a new context or a generic section.
 */
import type {
  Block,
  Body,
  Commitment,
  Composition,
  DevelopmentArea,
  Diagnostic,
  Goal,
  Heading,
  List,
  ListItem,
  Node,
  Paragraph,
  Position,
  Principle,
  Purpose,
  Section,
  SectionRole,
  SourceFormat,
  Table,
  Vision,
} from '../../model.js';
import type { SegBlock, SegHeading, SegList, SegParagraph, SegTable } from '../segment/types.js';
import { classifyHeading, headingKey, matchBody, matchPrinciple, type Profile } from '../profile.js';
import { phraseKey, slugify, squash } from '../../text.js';
import { t, type Lang, type MessageKey } from '../../i18n.js';

export interface Recognised {
  title: string | null;
  parties: string[];
  vision: Vision | null;
  purpose: Purpose | null;
  goals: Goal[];
  principles: Principle[];
  bodies: Body[];
  developmentAreas: DevelopmentArea[];
  sections: Node[];
  warnings: Diagnostic[];
}

export interface RecogniseOptions {
  profile: Profile;
  format: SourceFormat;
  file: string;
  lang: Lang;
}

type Context =
  | { kind: 'none' }
  | { kind: 'vision' | 'purpose'; el: Vision | Purpose }
  | { kind: 'goals'; depth: number; elaborating: Goal | null }
  | { kind: 'principle'; el: Principle; depth: number; inCommitments: boolean }
  | { kind: 'bodies'; depth: number; container: Section; body: Body | null }
  | { kind: 'areas'; depth: number; container: Section; area: DevelopmentArea | null; fromList: boolean };

/** Extend a range so it also covers `other`. */
function cover(range: Position, other: Position): void {
  const before = (a: Position['start'], b: Position['start']) => a.line < b.line || (a.line === b.line && a.column < b.column);
  if (before(other.start, range.start)) range.start = { ...other.start };
  if (before(range.end, other.end)) range.end = { ...other.end };
}

const copy = (p: Position): Position => ({ start: { ...p.start }, end: { ...p.end } });

/** Hands out readable ids, adding -2, -3 ... when a base repeats. */
class Ids {
  private readonly used = new Map<string, number>();
  unique(base: string): string {
    const n = (this.used.get(base) ?? 0) + 1;
    this.used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  }
  /** The next numbered child id: `${parent}/${kind}-N`. */
  next(parent: string, kind: string): string {
    const base = parent === '' ? kind : `${parent}/${kind}`;
    const n = (this.used.get(`#${base}`) ?? 0) + 1;
    this.used.set(`#${base}`, n);
    return `${base}-${n}`;
  }
}

function splitParties(text: string): string[] {
  return squash(text)
    .split(/\s*,\s*|\s+och\s+/iu)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** "Primärkommunala delegationen (PKD)" -> name and abbreviation. */
function splitAbbreviation(title: string): { name: string; abbreviation: string | null } {
  const m = /^(.*?)\s*\(([\p{Lu}\d][\p{Lu}\d &/-]{0,15})\)\s*$/u.exec(title);
  return m ? { name: m[1]!.trim(), abbreviation: m[2]!.trim() } : { name: title.trim(), abbreviation: null };
}

export function recognise(blocks: SegBlock[], options: RecogniseOptions): Recognised {
  const { profile, format, file, lang } = options;
  const markdown = format === 'markdown';
  const ids = new Ids();
  const root: Node[] = [];
  const stack: Section[] = [];
  const out: Recognised = {
    title: null,
    parties: [],
    vision: null,
    purpose: null,
    goals: [],
    principles: [],
    bodies: [],
    developmentAreas: [],
    sections: root,
    warnings: [],
  };
  let ctx: Context = { kind: 'none' };
  let titleSection: Section | null = null;
  let goalsFromLeadIn = false;
  let goalsHeading: Position | null = null;
  let visionQuote: { text: string; paragraph: Paragraph } | null = null;

  const warn = (ruleId: string, key: MessageKey, place: Position, params: Record<string, string | number> = {}, element?: string) => {
    const d: Diagnostic = { file, ruleId, severity: 'warning', message: t(lang, key, params), place: copy(place) };
    if (element !== undefined) d.element = element;
    out.warnings.push(d);
  };

  // Statements quoted as "the vision" anywhere in the text, so a standalone
  // emphasised copy of one can become the vision element.
  const quotedVisions = new Set<string>();
  for (const b of blocks) {
    if (b.type !== 'paragraph') continue;
    for (const re of profile.visionQuote) {
      const m = re.exec(squash(b.text));
      if (m?.[1]) quotedVisions.add(phraseKey(m[1]));
    }
  }

  // ---- the generic section tree -------------------------------------------------

  const currentParent = (): { id: string; content: Node[] } => {
    const top = stack[stack.length - 1];
    return top ? { id: top.id, content: top.content } : { id: '', content: root };
  };

  const place = (node: Node): void => {
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.content.push(node);
      if (node.type !== 'ref') cover(parent.position, node.position);
    } else root.push(node);
  };

  /** Close generic sections at this depth or deeper (the title section always closes). */
  const closeTo = (depth: number): void => {
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    if (titleSection && stack[stack.length - 1] === titleSection) stack.pop();
  };

  /** Close every section opened inside `section`, so it is the innermost open one. */
  const closeInto = (section: Section): void => {
    const at = stack.lastIndexOf(section);
    if (at !== -1) stack.length = at + 1;
  };

  const openSection = (h: SegHeading, depth: number, role?: SectionRole): Section => {
    closeTo(depth);
    // Flat ids: a section keeps its id when a heading above it is renamed.
    const id = ids.unique(`section/${slugify(headingKey(h.text))}`);
    const section: Section = { type: 'section', id, heading: { text: h.text, position: copy(h.position) }, depth, content: [], position: copy(h.position) };
    if (role) section.role = role;
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.content.push(section);
      cover(parent.position, section.position);
    } else root.push(section);
    stack.push(section);
    return section;
  };

  // ---- blocks -------------------------------------------------------------------

  const paragraph = (b: SegParagraph, parent: string): Paragraph => {
    const p: Paragraph = { type: 'paragraph', id: ids.next(parent, 'p'), text: b.text, position: copy(b.position) };
    if (b.footnote) p.role = 'footnote';
    else if (b.emphasis) p.role = 'emphasis';
    return p;
  };
  const listItems = (b: SegList, parent: string): ListItem[] =>
    b.items.map((item) => {
      const li: ListItem = { id: ids.next(parent, 'item'), text: item.text, position: copy(item.position) };
      if (item.marker !== undefined) li.marker = item.marker;
      return li;
    });
  const list = (b: SegList, parent: string): List => {
    const id = ids.next(parent, 'list');
    return { type: 'list', id, ordered: b.ordered, items: listItems(b, id), position: copy(b.position) };
  };
  const table = (b: SegTable, parent: string): Table => ({ type: 'table', id: ids.next(parent, 'table'), rows: b.rows, position: copy(b.position) });
  const block = (b: SegParagraph | SegList | SegTable, parent: string): Block =>
    b.type === 'paragraph' ? paragraph(b, parent) : b.type === 'list' ? list(b, parent) : table(b, parent);

  const placeGeneric = (b: SegParagraph | SegList | SegTable): Block => {
    const node = block(b, currentParent().id);
    place(node);
    return node;
  };

  const heading = (h: SegHeading): Heading => ({ text: h.text, position: copy(h.position) });

  // ---- typed elements ----------------------------------------------------------

  const startPrinciple = (h: SegHeading, m: { number: number; title: string }, depth: number): void => {
    closeTo(depth);
    const base = `principle-${m.number}`;
    const id = ids.unique(base);
    if (id !== base) warn('duplicate-principle', 'duplicatePrinciple', h.position, { number: m.number, id }, id);
    const el: Principle = {
      id,
      number: m.number,
      title: m.title,
      heading: heading(h),
      paragraphs: [],
      commitmentsHeading: null,
      commitments: [],
      sourceOrder: out.principles.length + 1,
      position: copy(h.position),
    };
    out.principles.push(el);
    place({ type: 'ref', target: id });
    ctx = { kind: 'principle', el, depth, inCommitments: false };
  };

  const startBody = (h: SegHeading, c: Extract<Context, { kind: 'bodies' }>): void => {
    closeInto(c.container);
    const { name, abbreviation } = splitAbbreviation(h.text);
    const id = ids.unique(`body/${slugify(abbreviation ?? name)}`);
    const body: Body = {
      id,
      name,
      abbreviation,
      kind: matchBody(profile, name) ?? 'other',
      heading: heading(h),
      description: [],
      composition: null,
      position: copy(h.position),
    };
    out.bodies.push(body);
    place({ type: 'ref', target: id });
    c.body = body;
  };

  const newArea = (title: string, h: Heading | null, position: Position): DevelopmentArea => {
    const area: DevelopmentArea = { id: ids.unique(`area/${slugify(title)}`), title, heading: h, paragraphs: [], items: [], position: copy(position) };
    out.developmentAreas.push(area);
    place({ type: 'ref', target: area.id });
    return area;
  };

  const addGoals = (b: SegList): void => {
    for (const item of b.items) {
      const goal: Goal = { id: `goal-${out.goals.length + 1}`, text: item.text, position: copy(item.position) };
      if (item.marker !== undefined) goal.marker = item.marker;
      out.goals.push(goal);
      place({ type: 'ref', target: goal.id });
    }
  };

  const goalFor = (text: string): Goal | null => {
    const key = phraseKey(text);
    if (key === '') return null;
    for (const goal of out.goals) {
      const g = phraseKey(goal.text);
      if (g === key) return goal;
      const [short, long] = g.length < key.length ? [g, key] : [key, g];
      if (long.startsWith(short) && short.length >= 0.8 * long.length) return goal;
    }
    return null;
  };

  /** Does a commitments heading follow this numbered heading before the next heading of its rank? */
  const commitmentsAhead = (index: number): boolean => {
    const start = blocks[index] as SegHeading;
    for (let i = index + 1; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (b.type !== 'heading') continue;
      if (classifyHeading(profile, b.text) === 'commitments') return true;
      if (matchPrinciple(profile, b.text)) return false;
      if (markdown && start.depth !== null && b.depth !== null && b.depth <= start.depth) return false;
      if (!markdown) return false;
    }
    return false;
  };

  const inPrinciplesContainer = (): boolean => stack.some((s) => s.role === 'principles');

  // ---- the open context gets the first say about a heading ----------------------

  const offerHeading = (h: SegHeading): boolean => {
    const kind = classifyHeading(profile, h.text);
    switch (ctx.kind) {
      case 'principle':
        if (kind === 'commitments' && ctx.el.commitmentsHeading === null) {
          ctx.el.commitmentsHeading = heading(h);
          cover(ctx.el.position, h.position);
          ctx.inCommitments = true;
          return true;
        }
        return false;
      case 'goals': {
        const goal = goalFor(h.text);
        if (goal && !goal.elaboration) {
          const elaborationId = `${goal.id}/elaboration`;
          goal.elaboration = { id: elaborationId, heading: heading(h), paragraphs: [], position: copy(h.position) };
          place({ type: 'ref', target: elaborationId });
          ctx.elaborating = goal;
          return true;
        }
        if (kind === 'goalElaborationIntro') {
          const depth = h.depth ?? ctx.depth + 1;
          openSection(h, Math.max(depth, ctx.depth + 1));
          ctx.elaborating = null;
          return true;
        }
        return false;
      }
      case 'bodies': {
        const c = ctx;
        if (markdown) {
          if (h.depth === null || h.depth <= c.depth) return false;
          if (kind === 'bodiesContainer') return false; // a nested container: started below
          if (kind === 'figure' || kind === 'toc') {
            closeInto(c.container);
            openSection(h, h.depth, 'figure');
            c.body = null;
            return true;
          }
          startBody(h, c);
          return true;
        }
        if (kind === null && matchBody(profile, h.text) !== null) {
          startBody(h, c);
          return true;
        }
        return false;
      }
      case 'areas': {
        const c = ctx;
        if (!markdown || h.depth === null || h.depth <= c.depth) return false;
        closeInto(c.container);
        if (kind === 'figure') {
          openSection(h, h.depth, 'figure');
          c.area = null;
          return true;
        }
        c.area = newArea(h.text.trim(), heading(h), h.position);
        return true;
      }
      default:
        return false;
    }
  };

  const startHeading = (h: SegHeading, index: number): void => {
    const kind = classifyHeading(profile, h.text);
    const sectionDepth = h.depth ?? profile.depths.section;
    const principle = kind === null ? matchPrinciple(profile, h.text) : null;
    ctx = { kind: 'none' };
    if (principle && (inPrinciplesContainer() || commitmentsAhead(index))) {
      startPrinciple(h, principle, h.depth ?? profile.depths.principle);
      return;
    }
    switch (kind) {
      case 'vision':
      case 'purpose': {
        if ((kind === 'vision' ? out.vision : out.purpose) !== null) break;
        closeTo(sectionDepth);
        const el = { id: kind, heading: heading(h), text: '', paragraphs: [], position: copy(h.position) } as Vision & Purpose;
        if (kind === 'vision') out.vision = el;
        else out.purpose = el;
        place({ type: 'ref', target: kind });
        ctx = { kind, el };
        return;
      }
      case 'goals':
        if (out.goals.length > 0) break;
        openSection(h, sectionDepth, 'goals');
        goalsHeading ??= copy(h.position);
        ctx = { kind: 'goals', depth: sectionDepth, elaborating: null };
        return;
      case 'bodiesContainer': {
        const container = openSection(h, sectionDepth, 'bodies');
        ctx = { kind: 'bodies', depth: sectionDepth, container, body: null };
        return;
      }
      case 'areasContainer': {
        const container = openSection(h, sectionDepth, 'developmentAreas');
        ctx = { kind: 'areas', depth: sectionDepth, container, area: null, fromList: false };
        return;
      }
      case 'principlesContainer':
        openSection(h, sectionDepth, 'principles');
        return;
      case 'figure':
      case 'toc':
        openSection(h, sectionDepth, kind);
        return;
      case 'commitments':
        openSection(h, h.depth ?? profile.depths.commitments);
        warn('untyped-commitments', 'untypedCommitments', h.position);
        return;
      default:
        break;
    }
    openSection(h, sectionDepth);
  };

  const onHeading = (h: SegHeading, index: number): void => {
    if (index === 0 || (titleSection === null && root.length === 0 && stack.length === 0)) {
      const isTitle = (h.depth === null || h.depth === 1) && classifyHeading(profile, h.text) === null && !matchPrinciple(profile, h.text);
      if (isTitle) {
        titleSection = openSection(h, profile.depths.title, 'title');
        out.title = squash(h.text);
        return;
      }
    }
    if (offerHeading(h)) return;
    startHeading(h, index);
  };

  // ---- paragraphs, lists and tables ----------------------------------------------

  const onParagraph = (b: SegParagraph): void => {
    // A footnote body is not part of the element it happens to follow (a PDF
    // prints it at the foot of the page, Markdown at the end): it stays in the section tree.
    if (b.footnote) {
      placeGeneric(b);
      return;
    }
    const text = squash(b.text);
    if (out.vision === null && quotedVisions.has(phraseKey(text)) && (b.emphasis || !/[.!?]$/u.test(text))) {
      const p = paragraph(b, 'vision');
      out.vision = { id: 'vision', heading: null, text, paragraphs: [p], position: copy(b.position) };
      place({ type: 'ref', target: 'vision' });
      return;
    }
    switch (ctx.kind) {
      case 'vision':
      case 'purpose': {
        const p = paragraph(b, ctx.kind);
        ctx.el.paragraphs.push(p);
        ctx.el.text = ctx.el.paragraphs.map((x) => squash(x.text)).join('\n\n');
        cover(ctx.el.position, b.position);
        return;
      }
      case 'principle': {
        ctx.el.paragraphs.push(paragraph(b, ctx.el.id));
        cover(ctx.el.position, b.position);
        return;
      }
      case 'goals':
        if (ctx.elaborating?.elaboration) {
          const e = ctx.elaborating.elaboration;
          e.paragraphs.push(paragraph(b, e.id));
          cover(e.position, b.position);
          return;
        }
        break;
      case 'bodies':
        if (ctx.body) {
          ctx.body.description.push(paragraph(b, ctx.body.id));
          cover(ctx.body.position, b.position);
          return;
        }
        break;
      case 'areas':
        if (ctx.area && !ctx.fromList) {
          ctx.area.paragraphs.push(paragraph(b, ctx.area.id));
          cover(ctx.area.position, b.position);
          return;
        }
        break;
      default:
        break;
    }
    const node = placeGeneric(b) as Paragraph;
    if (titleSection && stack[stack.length - 1] === titleSection && out.parties.length === 0) {
      for (const re of profile.partiesLeadIn) {
        const m = re.exec(text);
        if (m?.[1]) out.parties = splitParties(m[1]);
      }
    }
    if (visionQuote === null) {
      for (const re of profile.visionQuote) {
        const m = re.exec(text);
        if (m?.[1]) visionQuote = { text: squash(m[1]), paragraph: node };
      }
    }
    if (out.goals.length === 0 && profile.goalsLeadIn.some((re) => re.test(text))) goalsFromLeadIn = true;
  };

  const onList = (b: SegList): void => {
    if (goalsFromLeadIn) {
      goalsFromLeadIn = false;
      addGoals(b);
      return;
    }
    switch (ctx.kind) {
      case 'principle': {
        const el = ctx.el;
        cover(el.position, b.position);
        if (ctx.inCommitments) {
          for (const item of b.items) {
            const c: Commitment = { id: `${el.id}/commitment-${el.commitments.length + 1}`, text: item.text, position: copy(item.position) };
            if (item.marker !== undefined) c.marker = item.marker;
            el.commitments.push(c);
          }
        } else el.paragraphs.push(list(b, el.id));
        return;
      }
      case 'goals':
        if (ctx.elaborating?.elaboration) {
          const e = ctx.elaborating.elaboration;
          e.paragraphs.push(list(b, e.id));
          cover(e.position, b.position);
          return;
        }
        if (out.goals.length === 0) {
          addGoals(b);
          return;
        }
        break;
      case 'bodies':
        if (ctx.body) {
          ctx.body.description.push(list(b, ctx.body.id));
          cover(ctx.body.position, b.position);
          return;
        }
        break;
      case 'areas': {
        const c = ctx;
        if (c.area && !c.fromList) {
          c.area.items.push(...listItems(b, c.area.id));
          cover(c.area.position, b.position);
          return;
        }
        if (stack[stack.length - 1] === c.container && out.developmentAreas.every((a) => a.heading === null)) {
          for (const item of b.items) {
            const area = newArea(squash(item.text), null, item.position);
            if (item.marker !== undefined) area.marker = item.marker;
          }
          c.fromList = true;
          return;
        }
        break;
      }
      default:
        break;
    }
    placeGeneric(b);
  };

  const onTable = (b: SegTable): void => {
    if (ctx.kind === 'principle') {
      ctx.el.paragraphs.push(table(b, ctx.el.id));
      cover(ctx.el.position, b.position);
      return;
    }
    if (ctx.kind === 'bodies' && ctx.body) {
      ctx.body.description.push(table(b, ctx.body.id));
      cover(ctx.body.position, b.position);
      return;
    }
    placeGeneric(b);
  };

  /**
   * A goal's elaboration heading glued to its first paragraph (PDF layout): the
   * paragraph's first lines repeat a goal without an elaboration. Split them off.
   */
  const splitGluedElaboration = (b: SegParagraph): [SegHeading, SegParagraph] | null => {
    if (ctx.kind !== 'goals' || out.goals.length === 0) return null;
    const lines = b.text.split('\n');
    for (let k = 1; k < lines.length; k++) {
      const head = lines.slice(0, k).join(' ');
      const goal = goalFor(head);
      if (!goal || goal.elaboration || phraseKey(head) !== phraseKey(goal.text)) continue;
      const start = b.position.start;
      const headEnd = { line: start.line + k - 1, column: (k === 1 ? start.column : 1) + lines[k - 1]!.length };
      return [
        { type: 'heading', depth: null, text: lines.slice(0, k).join('\n'), position: { start: { ...start }, end: headEnd } },
        { ...b, text: lines.slice(k).join('\n'), position: { start: { line: start.line + k, column: 1 }, end: { ...b.position.end } } },
      ];
    }
    return null;
  };

  blocks.forEach((b, index) => {
    if (b.type !== 'list') goalsFromLeadIn = false;
    const glued = b.type === 'paragraph' ? splitGluedElaboration(b) : null;
    if (glued) {
      onHeading(glued[0], index);
      onParagraph(glued[1]);
    } else if (b.type === 'heading') onHeading(b, index);
    else if (b.type === 'paragraph') onParagraph(b);
    else if (b.type === 'list') onList(b);
    else onTable(b);
  });

  if (goalsHeading !== null && out.goals.length === 0) warn('untyped-goals', 'untypedGoals', goalsHeading);
  finish(out, visionQuote, profile, warn);
  return out;
}

function finish(
  out: Recognised,
  visionQuote: { text: string; paragraph: Paragraph } | null,
  profile: Profile,
  warn: (ruleId: string, key: MessageKey, place: Position, params?: Record<string, string | number>, element?: string) => void,
): void {
  if (out.vision === null && visionQuote !== null) {
    out.vision = {
      id: 'vision',
      heading: null,
      text: visionQuote.text,
      paragraphs: [],
      quotedIn: visionQuote.paragraph.id,
      position: copy(visionQuote.paragraph.position),
    };
  }
  if (out.vision && out.vision.heading && out.vision.paragraphs.length === 0 && !out.vision.quotedIn) {
    warn('untyped-vision', 'untypedVision', out.vision.heading.position, {}, 'vision');
  }
  if (out.purpose && out.purpose.heading && out.purpose.paragraphs.length === 0) {
    warn('untyped-purpose', 'untypedPurpose', out.purpose.heading.position, {}, 'purpose');
  }
  for (const p of out.principles) {
    if (p.commitments.length === 0) warn('principle-without-commitments', 'principleWithoutCommitments', p.heading.position, { number: p.number }, p.id);
  }
  out.principles.sort((a, b) => a.number - b.number);
  for (const body of out.bodies) body.composition = composition(body, profile);
  const typed =
    out.vision || out.purpose || out.goals.length || out.principles.length || out.bodies.length || out.developmentAreas.length;
  if (!typed) {
    const first = out.sections[0];
    const place: Position = first && 'position' in first ? first.position : { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    warn('unknown-shape', 'unknownShape', place);
  }
}

/** The stated composition of a body: counts joined by "och" in the first paragraph that has any. */
function composition(body: Body, profile: Profile): Composition | null {
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
