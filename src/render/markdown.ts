/**
 * The canonical Markdown of an agreement: the render view as an mdast tree,
 * written by remark-stringify. It is the form an agreement repository can keep
 * its text in, so it is built to parse back to the same model: headings at
 * their levels, lists with the markers the source numbered them with, tables,
 * footnotes, and every character of agreement text escaped wherever Markdown
 * would read it as markup.
 */
import type { FootnoteDefinition, FootnoteReference, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { unified, remarkStringify, remarkGfm, remarkFrontmatter, mdastHandlers as defaultHandlers } from '../vendor/markdown.js';
import type { Handle } from 'mdast-util-to-markdown';
import type { Agreement } from '../model.js';
import { renderDocument, type DocumentOptions, type RenderBlock, type RenderDocument } from './document.js';

/** Markdown of a model. */
export function renderMarkdown(model: Agreement, options: DocumentOptions = {}): string {
  return markdownOf(renderDocument(model, options), model.meta.frontMatter);
}

/** Markdown of a render view; a source's own front matter comes first, as it was. */
export function markdownOf(doc: RenderDocument, frontMatter?: string): string {
  const root: Root = { type: 'root', children: [] };
  if (frontMatter !== undefined) root.children.push({ type: 'yaml', value: frontMatter });
  const notes = new Set(doc.blocks.flatMap((b) => (b.kind === 'footnote' ? [String(b.number)] : [])));
  const inline = (text: string) => phrasing(text, doc.markdownFootnotes ? notes : new Set());
  for (const block of doc.blocks) {
    // A footnote paragraph is written once, as the source wrote it, at its first note.
    if (block.kind === 'footnote' && !doc.markdownFootnotes && block.paragraph === undefined) continue;
    root.children.push(mdastOf(block, inline, doc.markdownFootnotes));
  }
  const out = unified()
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one', handlers: { list: listWithMarker } })
    .stringify(root);
  return out;
}

type Inline = (text: string) => PhrasingContent[];

function mdastOf(block: RenderBlock, inline: Inline, markdownFootnotes: boolean): RootContent {
  switch (block.kind) {
    case 'heading':
      return { type: 'heading', depth: Math.min(6, Math.max(1, block.level)) as Heading['depth'], children: inline(block.text) };
    case 'paragraph': {
      const children = inline(block.text);
      return { type: 'paragraph', children: block.emphasis ? [{ type: 'strong', children }] : children } satisfies Paragraph;
    }
    case 'list': {
      const items: ListItem[] = block.items.map((item) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: inline(item.text) }] }));
      const delimiter = block.items[0]?.marker?.endsWith(')') ? ')' : '.';
      return { type: 'list', ordered: block.ordered, start: block.start, spread: false, children: items, data: { delimiter } } as List;
    }
    case 'table': {
      const row = (cells: string[]): TableRow => ({ type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: inline(c.replace(/\n/gu, ' ')) })) });
      return { type: 'table', children: [row(block.header), ...block.rows.map(row)] } satisfies Table;
    }
    case 'footnote':
      if (markdownFootnotes) return { type: 'footnoteDefinition', identifier: String(block.number), label: String(block.number), children: [{ type: 'paragraph', children: inline(block.text) }] } satisfies FootnoteDefinition;
      return { type: 'paragraph', children: inline(block.paragraph ?? `${block.label}${block.text}`) };
  }
}

/**
 * Text as phrasing content: plain text nodes (remark-stringify escapes what
 * Markdown would read), soft line breaks kept, and "[^N]" a footnote
 * reference where the document has footnote N.
 */
function phrasing(text: string, notes: Set<string>): PhrasingContent[] {
  if (notes.size === 0) return [{ type: 'text', value: text }];
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const m of text.matchAll(/\[\^([^\]\s]+)\]/gu)) {
    if (!notes.has(m[1]!)) continue;
    if (m.index > last) out.push({ type: 'text', value: text.slice(last, m.index) });
    out.push({ type: 'footnoteReference', identifier: m[1]!, label: m[1]! } satisfies FootnoteReference);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  return out;
}

/** An ordered list keeps the delimiter its source used ("1)" or "1."). */
const listWithMarker: Handle = (node, parent, state, info) => {
  const delimiter = (node as List & { data?: { delimiter?: '.' | ')' } }).data?.delimiter;
  if (!(node as List).ordered || delimiter === undefined) return defaultHandlers.list(node as List, parent, state, info);
  const saved = state.options.bulletOrdered;
  state.options.bulletOrdered = delimiter;
  try {
    return defaultHandlers.list(node as List, parent, state, info);
  } finally {
    state.options.bulletOrdered = saved;
  }
};
