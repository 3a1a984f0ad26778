/**
 * What the recognisers share while they walk the block list: the model being
 * built (`out`), the generic section tree with its stack of open sections, the
 * one open typed context, the id counters, and the helpers that turn segmented
 * blocks into model blocks with ids and positions.
 *
 * Nothing here knows an element kind's wording: that is the recognisers' and
 * the profile's.
 */
import type {
  Agreement,
  Block,
  Body,
  DevelopmentArea,
  Diagnostic,
  Goal,
  Heading,
  List,
  ListItem,
  Node,
  Paragraph,
  Position,
  PartyCommitments,
  Principle,
  Purpose,
  Section,
  SectionRole,
  SourceFormat,
  Table,
  Vision,
} from '../../model.js';
import type { SegBlock, SegHeading, SegList, SegParagraph, SegTable } from '../segment/types.js';
import { classifyHeading, headingKey, type HeadingKind, type Profile } from '../profile.js';
import { slugify } from '../../text.js';
import { t, type Lang, type MessageKey } from '../../i18n.js';

/** Typed elements and parts of the model a recognition produces: the title and parties it read, and the model's parts. */
export interface Recognised
  extends Pick<Agreement, 'vision' | 'purpose' | 'goals' | 'principles' | 'partyCommitments' | 'bodies' | 'developmentAreas' | 'sections' | 'warnings'> {
  title: string | null;
  parties: string[];
}

export interface RecogniseOptions {
  profile: Profile;
  format: SourceFormat;
  file: string;
  lang: Lang;
  /** Lists and enumerations of principles are the document's own (default); false for a process report, which cites others'. */
  listedPrinciples?: boolean;
}

/** The one typed element the recogniser is inside, if any. */
export type Context =
  | { kind: 'none' }
  | { kind: 'vision' | 'purpose'; el: Vision | Purpose }
  | { kind: 'goals'; depth: number; elaborating: Goal | null }
  | { kind: 'principle'; el: Principle; depth: number; inCommitments: boolean }
  | { kind: 'party'; group: PartyCommitments }
  | { kind: 'bodies'; depth: number; container: Section | null; body: Body | null }
  | { kind: 'areas'; depth: number; container: Section; area: DevelopmentArea | null; fromList: boolean };

/** How much of a paragraph's end a lead-in test reads: a lead-in is its last sentence. */
const LEAD_IN_TAIL = 200;

/** The end of a paragraph, where a lead-in to the next list stands ("... bygger på sex principer:"). */
export const leadInTail = (text: string): string => (text.length > LEAD_IN_TAIL ? text.slice(-LEAD_IN_TAIL) : text);

/** Extend a range so it also covers `other`. */
export function cover(range: Position, other: Position): void {
  const before = (a: Position['start'], b: Position['start']) => a.line < b.line || (a.line === b.line && a.column < b.column);
  if (before(other.start, range.start)) range.start = { ...other.start };
  if (before(range.end, other.end)) range.end = { ...other.end };
}

export const copy = (p: Position): Position => ({ start: { ...p.start }, end: { ...p.end } });

export const heading = (h: SegHeading): Heading => ({ text: h.text, ...(h.depth !== null ? { depth: h.depth } : {}), position: copy(h.position) });

/** Hands out readable ids, adding -2, -3 ... when a base repeats. */
export class Ids {
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

export class RecogniseState {
  readonly profile: Profile;
  /**
   * Headings carry their level: Markdown's #, Word's Heading N, HTML's h1-h6 (all segmented as
   * Markdown). A plain or PDF text has bare-line headings whose level the profile guesses.
   */
  readonly structured: boolean;
  readonly ids = new Ids();
  readonly root: Node[] = [];
  /** Open generic sections, outermost first. */
  readonly stack: Section[] = [];
  readonly out: Recognised;
  ctx: Context = { kind: 'none' };
  titleSection: Section | null = null;
  private readonly kinds = new Map<string, HeadingKind | null>();

  constructor(
    readonly blocks: SegBlock[],
    private readonly options: RecogniseOptions,
  ) {
    this.profile = options.profile;
    this.structured = options.format === 'markdown' || options.format === 'docx' || options.format === 'html';
    this.out = {
      title: null,
      parties: [],
      vision: null,
      purpose: null,
      goals: [],
      principles: [],
      partyCommitments: [],
      bodies: [],
      developmentAreas: [],
      sections: this.root,
      warnings: [],
    };
  }

  /** Which structural kind a heading text is (the profile asked once per distinct text). */
  kindOf(text: string): HeadingKind | null {
    let kind = this.kinds.get(text);
    if (kind === undefined) {
      kind = classifyHeading(this.profile, text);
      this.kinds.set(text, kind);
    }
    return kind;
  }

  warn(ruleId: string, key: MessageKey, place: Position, params: Record<string, string | number> = {}, element?: string): void {
    const d: Diagnostic = { file: this.options.file, ruleId, severity: 'warning', message: t(this.options.lang, key, params), place: copy(place) };
    if (element !== undefined) d.element = element;
    this.out.warnings.push(d);
  }

  // ---- the generic section tree -------------------------------------------------

  currentParent(): { id: string; content: Node[] } {
    const top = this.stack[this.stack.length - 1];
    return top ? { id: top.id, content: top.content } : { id: '', content: this.root };
  }

  /** Put a node (a block, a section or a typed element's ref) in the innermost open section. */
  place(node: Node): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent) {
      parent.content.push(node);
      if (node.type !== 'ref') cover(parent.position, node.position);
    } else this.root.push(node);
  }

  /** Mark where a typed element stood. */
  placeRef(target: string): void {
    this.place({ type: 'ref', target });
  }

  /** Close generic sections at this depth or deeper (the title section always closes). */
  closeTo(depth: number): void {
    const { stack } = this;
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    if (this.titleSection && stack[stack.length - 1] === this.titleSection) stack.pop();
  }

  /** Close every section opened inside `section`, so it is the innermost open one. */
  closeInto(section: Section | null): void {
    if (section === null) return;
    const at = this.stack.lastIndexOf(section);
    if (at !== -1) this.stack.length = at + 1;
  }

  openSection(h: SegHeading, depth: number, role?: SectionRole): Section {
    this.closeTo(depth);
    // Flat ids: a section keeps its id when a heading above it is renamed.
    const id = this.ids.unique(`section/${slugify(headingKey(h.text))}`);
    const section: Section = { type: 'section', id, heading: { text: h.text, position: copy(h.position) }, depth, content: [], position: copy(h.position) };
    if (role) section.role = role;
    const parent = this.stack[this.stack.length - 1];
    if (parent) {
      parent.content.push(section);
      cover(parent.position, section.position);
    } else this.root.push(section);
    this.stack.push(section);
    return section;
  }

  inSectionWithRole(role: SectionRole): boolean {
    return this.stack.some((s) => s.role === role);
  }

  // ---- blocks -------------------------------------------------------------------

  paragraph(b: SegParagraph, parent: string): Paragraph {
    const p: Paragraph = { type: 'paragraph', id: this.ids.next(parent, 'p'), text: b.text, position: copy(b.position) };
    if (b.footnote) p.role = 'footnote';
    else if (b.emphasis) p.role = 'emphasis';
    return p;
  }

  listItems(b: SegList, parent: string): ListItem[] {
    return b.items.map((item) => {
      const li: ListItem = { id: this.ids.next(parent, 'item'), text: item.text, position: copy(item.position) };
      if (item.marker !== undefined) li.marker = item.marker;
      return li;
    });
  }

  list(b: SegList, parent: string): List {
    const id = this.ids.next(parent, 'list');
    return { type: 'list', id, ordered: b.ordered, items: this.listItems(b, id), position: copy(b.position) };
  }

  table(b: SegTable, parent: string): Table {
    return { type: 'table', id: this.ids.next(parent, 'table'), rows: b.rows, position: copy(b.position) };
  }

  block(b: SegParagraph | SegList | SegTable, parent: string): Block {
    return b.type === 'paragraph' ? this.paragraph(b, parent) : b.type === 'list' ? this.list(b, parent) : this.table(b, parent);
  }

  /** Keep a block in the generic section tree. */
  placeGeneric(b: SegParagraph | SegList | SegTable): Block {
    const node = this.block(b, this.currentParent().id);
    this.place(node);
    return node;
  }
}
