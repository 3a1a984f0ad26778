/**
 * The agreement as a reader meets it: one flow of blocks in document order
 * (the title, headings at their levels, paragraphs, list items, tables and
 * footnotes), each block naming the comparable unit it shows, if any. The
 * diff compares the units of this flow, and the Word diff lays it out, so
 * both see the same document.
 */
import type { Agreement, Block, Body, DevelopmentArea, Node, Paragraph, PartyCommitments, Position, Principle, Vision } from './model.js';
import type { ElementKind } from './diff/model.js';
import { comparable } from './diff/words.js';

/** A comparable piece of an agreement: what the diff pairs and compares. */
export interface UnitSpec {
  element: ElementKind;
  id: string;
  /** What the unit belongs to: "principle-3", "section/…", "goals". Moves are changes of parent. */
  parent: string;
  /** The reader's name for where it is, in Swedish. */
  path: string;
  text: string;
  position: Position;
  /** A key that pairs two units outright (principle number, body id), if any. */
  key?: string;
  /** For a section heading: the parent key of the section's content. */
  owns?: string;
}

export type FlowStyle = 'title' | 'heading' | 'paragraph' | 'item' | 'row' | 'footnote';

export interface FlowBlock {
  style: FlowStyle;
  /** Heading level (1-6); for an item, 0. */
  level: number;
  /** What the block shows, exactly as the model holds it. */
  text: string;
  /** For an item: whether its list is numbered, and the marker as written. */
  ordered?: boolean;
  marker?: string;
  /** For a table row: its cells (consecutive rows make one table). */
  cells?: string[];
  /** For a footnote: its number. */
  footnote?: number;
  /** For a footnote: the paragraph that holds it in the source, as written (one paragraph may hold several notes). */
  paragraph?: { id: string; text: string };
  /** A paragraph set in bold or italics as a whole (a vision stated in bold, a lead-in). */
  emphasis?: boolean;
  /** A footnote body kept as a paragraph (its notes could not be told apart). */
  note?: boolean;
  /** Shown before the unit's text and not compared (a principle heading's number: "1. "). */
  prefix?: string;
  /** The unit this block shows. */
  unit?: UnitSpec;
  /** A unit whose words stand in another block (a goal stated in a sentence): compared, never shown. */
  hidden?: boolean;
  /** For a block that is no unit (the "Vision" or "ÅTAGANDEN" heading): the typed element it belongs to. */
  owner?: string;
  /** A heading inside a typed element (a principle's "ÅTAGANDEN"): not one a table of contents lists. */
  inner?: boolean;
}

type Footnote = Agreement['footnotes'][number];

/** The footnotes a footnote paragraph holds, when the paragraph is exactly them (so no word is left out). */
function notesOf(model: Agreement, b: Paragraph): Footnote[] {
  if (b.role !== 'footnote') return [];
  const notes = model.footnotes.filter((f) => f.position.start.line >= b.position.start.line && f.position.start.line <= b.position.end.line);
  // A Markdown definition ("[^1]: text") is the same note as "[1] text".
  const text = b.text.replace(/^\[\^(\d+)\]:[ \t]*/gmu, '[$1] ');
  return notes.length > 0 && comparable(notes.map(footnoteText).join(' ')) === comparable(text) ? notes : [];
}

/** A footnote as it is compared: "[1] text". */
const footnoteText = (f: Footnote) => `[${f.number}] ${f.text}`;

export interface FlowOptions {
  /**
   * 'source' (the default): principles where the source has them; 'number':
   * all of them in number order where the first one stands (a layout proof
   * may print them out of order; a rendered version puts them right).
   */
  principles?: 'source' | 'number';
}

/** The agreement as a flow of blocks in document order. */
export function flow(model: Agreement, options: FlowOptions = {}): FlowBlock[] {
  return new FlowWriter(model, options).write();
}

/** Writes a model's flow: one method per kind of element. */
class FlowWriter {
  private readonly out: FlowBlock[] = [];
  private readonly placed = new Set<string>();
  private readonly goalAt: Map<string, number>;
  private readonly elaborationAt: Map<string, number>;
  private readonly principleOf: Map<string, Principle>;
  private readonly bodyOf: Map<string, Body>;
  private readonly groupOf: Map<string, PartyCommitments>;
  private readonly areaOf: Map<string, DevelopmentArea>;

  constructor(
    private readonly model: Agreement,
    private readonly options: FlowOptions = {},
  ) {
    this.goalAt = new Map(model.goals.map((g, i) => [g.id, i]));
    this.elaborationAt = new Map(model.goals.flatMap((g, i) => (g.elaboration ? [[g.elaboration.id, i] as const] : [])));
    this.principleOf = new Map(model.principles.map((p) => [p.id, p]));
    this.bodyOf = new Map(model.bodies.map((b) => [b.id, b]));
    this.groupOf = new Map(model.partyCommitments.map((g) => [g.id, g]));
    this.areaOf = new Map(model.developmentAreas.map((a) => [a.id, a]));
  }

  write(): FlowBlock[] {
    const { model } = this;
    // Typed elements at the top level stand at the level of the top-level sections other than the title.
    const depths = model.sections.flatMap((n) => (n.type === 'section' && n.role !== 'title' ? [n.depth] : []));
    const title = model.sections.find((n) => n.type === 'section' && n.role === 'title');
    const topLevel = depths.length > 0 ? Math.min(...depths) : title?.type === 'section' ? title.depth + 1 : 1;
    this.walk(model.sections, 'document', 'Inledning', topLevel);
    // Typed elements the section tree does not refer to (none today) still count.
    for (const id of ['vision', 'purpose', ...model.goals.flatMap((g) => [g.id, g.elaboration?.id ?? '']), ...model.principles.map((p) => p.id), ...model.partyCommitments.map((g) => g.id), ...model.bodies.map((b) => b.id), ...model.developmentAreas.map((a) => a.id)]) {
      if (id) this.typed(id, 1);
    }
    return this.out;
  }

  private walk(nodes: Node[], parent: string, path: string, level: number): void {
    for (const node of nodes) {
      if (node.type === 'ref') this.typed(node.target, level, parent);
      else if (node.type === 'section') {
        const text = node.heading ? comparable(node.heading.text) : '';
        if (node.heading) {
          const unit = { element: 'heading' as const, id: node.id, parent, path: text, text: node.heading.text, position: node.heading.position, owns: node.id };
          if (node.role === 'title') this.out.push({ style: 'title', level: 1, text: node.heading.text, unit });
          else this.heading(node.depth, node.heading.text, unit);
        }
        this.walk(node.content, node.id, text || path, node.depth + 1);
      } else this.blocks([node], 'text', parent, path);
    }
  }

  private blocks(list: Block[], element: ElementKind, parent: string, path: string): void {
    const out = this.out;
    for (const b of list) {
      if (b.type === 'paragraph') {
        const notes = notesOf(this.model, b);
        if (notes.length > 0) {
          for (const f of notes) {
            const unit = { element: 'text' as const, id: f.id, parent: 'footnotes', path: `Fotnot ${f.number}`, text: footnoteText(f), position: f.position, key: String(f.number) };
            out.push({ style: 'footnote', level: 0, text: f.text, footnote: f.number, prefix: `[${f.number}] `, paragraph: { id: b.id, text: b.text }, unit });
          }
        } else out.push({ style: 'paragraph', level: 0, text: b.text, ...(b.role === 'emphasis' ? { emphasis: true } : {}), ...(b.role === 'footnote' ? { note: true } : {}), unit: { element, id: b.id, parent, path, text: b.text, position: b.position } });
      } else if (b.type === 'list') {
        b.items.forEach((item, k) => {
          const text = `${item.marker ? `${item.marker} ` : ''}${item.text}`;
          const unit = { element, id: b.items.length > 1 ? `${b.id}/${k + 1}` : b.id, parent, path, text, position: item.position };
          out.push({ style: 'item', level: 0, text: item.text, ordered: b.ordered, ...(item.marker ? { marker: item.marker, prefix: `${item.marker} ` } : {}), unit });
        });
      } else {
        // A table is compared row by row.
        b.rows.forEach((cells, k) => {
          const text = cells.join(' | ');
          out.push({ style: 'row', level: 0, text, cells, unit: { element, id: b.rows.length > 1 ? `${b.id}/${k + 1}` : b.id, parent, path, text, position: b.position } });
        });
      }
    }
  }

  private heading(level: number, text: string, unit?: UnitSpec, prefix?: string, owner?: string): void {
    this.out.push({ style: 'heading', level: Math.min(6, Math.max(1, level)), text, ...(unit ? { unit } : {}), ...(prefix ? { prefix } : {}), ...(owner ? { owner } : {}) });
  }

  /** A list item that is a unit of its own (a goal, a commitment). */
  private item(text: string, marker: string | undefined, unit: UnitSpec, hidden = false): void {
    this.out.push({ style: 'item', level: 0, text, ordered: marker !== undefined, ...(marker ? { marker } : {}), unit, ...(hidden ? { hidden: true } : {}) });
  }

  /** The typed element a ref names, once. */
  private typed(target: string, level: number, parent = 'document'): void {
    if (this.placed.has(target)) return;
    this.placed.add(target);
    const { model } = this;
    if (target === 'vision' && model.vision) this.vision(model.vision, level);
    if (target === 'purpose' && model.purpose) {
      if (model.purpose.heading) this.heading(model.purpose.heading.depth ?? level, model.purpose.heading.text, undefined, undefined, 'purpose');
      this.blocks(model.purpose.paragraphs, 'purpose', 'purpose', 'Syfte');
    }
    const goalIndex = this.goalAt.get(target);
    if (goalIndex !== undefined) {
      const goal = model.goals[goalIndex]!;
      this.item(goal.text, goal.marker, { element: 'goal', id: goal.id, parent: 'goals', path: `Mål ${goalIndex + 1}`, text: goal.text, position: goal.position }, goal.quotedIn !== undefined);
    }
    const elaborationIndex = this.elaborationAt.get(target);
    if (elaborationIndex !== undefined) {
      const elaboration = model.goals[elaborationIndex]!.elaboration!;
      this.heading(elaboration.heading.depth ?? level, elaboration.heading.text, undefined, undefined, elaboration.id);
      this.blocks(elaboration.paragraphs, 'elaboration', `goal-elaboration:${comparable(elaboration.heading.text).toLowerCase()}`, `Mål ${elaborationIndex + 1}, utveckling`);
    }
    const principle = this.principleOf.get(target);
    if (principle && this.options.principles === 'number') {
      // model.principles is in number order: all of them stand here, each once.
      for (const p of model.principles) {
        this.placed.add(p.id);
        this.principle(p, level);
      }
    } else if (principle) this.principle(principle, level);
    const group = this.groupOf.get(target);
    if (group) this.group(group, parent);
    const body = this.bodyOf.get(target);
    if (body) {
      this.heading(body.heading.depth ?? level, body.heading.text, { element: 'body', id: body.id, parent: 'bodies', path: body.name, text: body.heading.text, position: body.heading.position, key: body.id });
      this.blocks(body.description, 'text', body.id, body.name);
    }
    const area = this.areaOf.get(target);
    if (area) this.area(area, level);
  }

  private vision(v: Vision, level: number): void {
    if (v.heading) this.heading(v.heading.depth ?? level, v.heading.text, undefined, undefined, 'vision');
    // A vision only quoted inside a paragraph has no paragraphs of its own: its text is compared, and shown where it is quoted.
    if (v.paragraphs.length > 0) this.blocks(v.paragraphs, 'vision', 'vision', 'Vision');
    else this.out.push({ style: 'paragraph', level: 0, text: v.text, hidden: true, unit: { element: 'vision', id: 'vision', parent: 'vision', path: 'Vision', text: v.text, position: v.position } });
  }

  private principle(p: Principle, level: number): void {
    const name = `Princip ${p.number} ${p.title}`;
    const unit = { element: 'principle' as const, id: p.id, parent: 'principles', path: name, text: p.title, position: p.heading?.position ?? p.position, key: String(p.number) };
    if (p.statedAs === 'inline') this.out.push({ style: 'paragraph', level: 0, text: p.title, hidden: true, unit });
    else if (p.statedAs === 'item') this.out.push({ style: 'item', level: 0, text: p.title, ordered: p.marker !== undefined, ...(p.marker ? { marker: p.marker, prefix: `${p.marker} ` } : {}), unit });
    else this.heading(p.heading?.depth ?? level, p.heading?.text ?? p.title, unit, numberPrefix(p.heading?.text ?? '', p.title));
    p.paragraphs.forEach((b, k) => this.blocks([b], 'principle-text', p.id, `${name} / Stycke ${k + 1}`));
    if (p.commitmentsHeading) {
      this.heading(p.commitmentsHeading.depth ?? (p.heading?.depth ?? level) + 1, p.commitmentsHeading.text, undefined, undefined, p.id);
      this.out[this.out.length - 1]!.inner = true;
    }
    p.commitments.forEach((c, k) => this.item(c.text, c.marker, { element: 'commitment', id: c.id, parent: p.id, path: `${name} / Åtagande ${k + 1}`, text: c.text, position: c.position }));
  }

  private group(g: PartyCommitments, parent: string): void {
    const name = `Åtaganden: ${g.party}`;
    this.out.push({ style: 'paragraph', level: 0, text: g.leadIn.text, unit: { element: 'heading', id: g.id, parent, path: name, text: g.leadIn.text, position: g.leadIn.position, owns: g.id } });
    g.commitments.forEach((c, k) => this.item(c.text, c.marker, { element: 'commitment', id: c.id, parent: g.id, path: `${name} / Åtagande ${k + 1}`, text: c.text, position: c.position }));
  }

  private area(a: DevelopmentArea, level: number): void {
    const path = `Utvecklingsområde ${a.title}`;
    const unit = { element: 'area' as const, id: a.id, parent: 'areas', path, text: a.heading?.text ?? a.title, position: a.position, key: a.id };
    if (a.heading) this.heading(a.heading.depth ?? level, a.heading.text, unit);
    else this.out.push({ style: 'item', level: 0, text: a.title, ordered: a.marker !== undefined, ...(a.marker ? { marker: a.marker, prefix: `${a.marker} ` } : {}), unit });
    this.blocks(a.paragraphs, 'text', a.id, path);
    for (const i of a.items) this.out.push({ style: 'item', level: 0, text: i.text, unit: { element: 'area-item', id: i.id, parent: a.id, path, text: i.text, position: i.position } });
  }
}

/**
 * What a block shows as text: a heading its number ("1. Dialog"), a footnote
 * laid out in the body its number ("[1] …"); a list item's marker is the
 * list's numbering, never text.
 */
export function shownText(b: FlowBlock): string {
  return b.style === 'footnote' ? b.unit!.text : b.text;
}

/** The number part of a principle heading ("1. " of "1. Dialog"), when the heading is the number and the title. */
function numberPrefix(headingText: string, title: string): string | undefined {
  if (!headingText.endsWith(title) || headingText === title) return undefined;
  return headingText.slice(0, headingText.length - title.length);
}
