/**
 * The Word version of an agreement (the `docx` package): the title in the
 * Title style, headings in Word's heading styles at their levels (principles
 * as headings with their numbers), lists as Word lists (åtaganden numbered as
 * the source numbered them), tables, Markdown footnotes as Word footnotes,
 * the draft mark in the page header, page numbers in the footer, and the
 * document properties set (title, parties, revision). Dates come from the
 * revision, so the same input gives the same bytes.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Agreement } from '../model.js';
import { HEADINGS, fixedDate, reproducible, wordRuns } from '../docx-package.js';
import { joinSwedish } from './swedish.js';
import { renderDocument, type DocumentOptions, type RenderBlock, type RenderDocument } from './document.js';
import { LABELS, templateContext, type Paper } from './context.js';

const NOTE_MARKER = /\[\^(\d+)\]/gu;

/** Page sizes and margins in twentieths of a point (Word's unit). */
const PAGES: Record<Paper, { size: { width: number; height: number }; margin: { top: number; bottom: number; left: number; right: number } }> = {
  a4: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1247, right: 1247 } },
  a5: { size: { width: 8391, height: 11906 }, margin: { top: 1134, bottom: 1134, left: 964, right: 964 } },
};

export async function renderDocx(model: Agreement, options: DocumentOptions & { paper?: Paper } = {}): Promise<Buffer> {
  const doc = renderDocument(model, options);
  const context = templateContext(doc, model, options.paper);
  const notes = new Set(doc.markdownFootnotes ? doc.blocks.flatMap((b) => (b.kind === 'footnote' ? [b.number] : [])) : []);
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  const body: Array<Paragraph | Table> = [];
  const runs = (text: string, bold = false) => wordRuns(text, { notes, markers: NOTE_MARKER, bold, make: (children, format) => new TextRun({ children, ...format }) });
  // The title page: the title, the parties and the revision.
  body.push(new Paragraph({ heading: HeadingLevel.TITLE, children: runs(doc.title) }));
  if (doc.parties.length > 0) body.push(new Paragraph({ children: [new TextRun({ text: `${LABELS.parties}: `, bold: true }), ...runs(doc.parties.join(', '))] }));
  if (context.revision_line) body.push(new Paragraph({ children: runs(context.revision_line) }));
  const numbering = new Numbering();
  for (const b of context.body) {
    if (b.kind === 'footnote' && notes.has(b.number)) footnotes[String(b.number)] = { children: [new Paragraph({ children: runs(b.text) })] };
    else body.push(...blockOf(b, runs, numbering));
  }
  const date = doc.revision?.date && context.date ? new Date(Date.UTC(context.date.year, context.date.month - 1, context.date.day)).toISOString().replace(/\.\d+Z$/u, 'Z') : fixedDate();
  const word = new Document({
    title: doc.title,
    subject: doc.parties.length > 0 ? joinSwedish(doc.parties) : undefined,
    creator: 'overens',
    lastModifiedBy: 'overens',
    description: context.revision_line || undefined,
    keywords: [doc.region, ...doc.parties].filter(Boolean).join('; ') || undefined,
    customProperties: customProperties(doc),
    // Space after each paragraph (6 pt), as a printed agreement sets it.
    styles: { default: { document: { paragraph: { spacing: { after: 120 } } } } },
    footnotes,
    numbering: { config: numbering.config() },
    sections: [
      {
        properties: { page: PAGES[context.paper] },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: context.running.header, size: 16, bold: doc.mark !== null })] })] }) },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${LABELS.page} `, PageNumber.CURRENT], size: 16 })] })] }) },
        children: body,
      },
    ],
  });
  return reproducible(await Packer.toBuffer(word), date);
}

function customProperties(doc: RenderDocument): Array<{ name: string; value: string }> {
  const r = doc.revision;
  const out = [{ name: 'overens.id', value: doc.id }];
  if (r) out.push({ name: 'overens.revision', value: r.label }, { name: 'overens.status', value: r.status });
  if (r?.date) out.push({ name: 'overens.date', value: r.date });
  if (doc.mark) out.push({ name: 'overens.mark', value: doc.mark });
  return out;
}

type Runs = (text: string, bold?: boolean) => ParagraphChild[];

/**
 * Word numbering for ordered lists: one numbering per delimiter and first
 * number (Word starts a numbering where its level says), and one instance per
 * list, so each list counts from its own first marker ("2." for a principle
 * stated as the second item of a list that paragraphs interrupt).
 */
class Numbering {
  private readonly used = new Map<string, { delimiter: string; start: number }>();
  private instance = 0;

  /** The numbering of a list of items whose first number is `start`. */
  of(delimiter: string, start: number): { reference: string; level: number; instance: number } {
    const reference = `ordered${delimiter}${start}`;
    this.used.set(reference, { delimiter, start });
    return { reference, level: 0, instance: ++this.instance };
  }

  config() {
    return [...this.used]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([reference, { delimiter, start }]) => ({ reference, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: `%1${delimiter}`, start, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] }));
  }
}

/** The Word paragraphs (or table) of one block of the render view. */
function blockOf(b: RenderBlock, runs: Runs, numbering: Numbering): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[Math.min(6, Math.max(1, b.level - 1)) - 1]!, children: runs(b.text) })];
    case 'paragraph':
      return [new Paragraph({ children: runs(b.text, b.emphasis) })];
    case 'list': {
      const delimiter = b.items[0]?.marker?.endsWith(')') ? ')' : '.';
      const out: Paragraph[] = [];
      let current: ReturnType<Numbering['of']> | undefined;
      b.items.forEach((item, k) => {
        // A number that does not follow on from the one before starts a list of its own, so Word shows it as written.
        const expected = k === 0 ? undefined : (b.items[k - 1]!.number ?? 0) + 1;
        if (b.ordered && (current === undefined || (item.number !== undefined && item.number !== expected))) current = numbering.of(delimiter, item.number ?? b.start + k);
        out.push(new Paragraph({ children: runs(item.label ? `${item.label} ${item.text}` : item.text), ...(b.ordered && current ? { numbering: current } : { bullet: { level: 0 } }) }));
      });
      return out;
    }
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.grid.map((row, k) => new TableRow({ tableHeader: k === 0, children: row.map((cell) => new TableCell({ children: [new Paragraph({ children: runs(cell, k === 0) })] })) })),
        }),
      ];
    case 'footnote':
      return b.display === '' ? [] : [new Paragraph({ children: runs(b.display) })];
  }
}

