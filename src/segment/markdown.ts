/**
 * Segmenter for Markdown: remark-parse (with GFM and front matter) into mdast,
 * then mdast into the same flat block list the text segmenter produces.
 *
 * Guarantee: every word of the Markdown source (outside markup: tags, link
 * syntax, emphasis marks) ends up in exactly one block or in `frontMatter`.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, PhrasingContent, RootContent, ListItem as MdListItem } from 'mdast';
import type { Position } from '../model.js';
import type { SegBlock, SegListItem, Segmented } from './types.js';
import { stripTags } from '../text.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

function positionAt(node: Nodes, lineOffset: number): Position {
  const p = node.position!;
  return {
    start: { line: p.start.line + lineOffset, column: p.start.column },
    end: { line: p.end.line + lineOffset, column: p.end.column },
  };
}

/**
 * Above this size a document is parsed piece by piece: micromark keeps one
 * event list per document and its edit map grows faster than the document
 * (a 10 MB file took a minute). Pieces are cut before a heading, or failing
 * that at a blank line before a plain paragraph, never inside a fenced code
 * block, a list or a table, so every piece parses as it would in place.
 */
export const CHUNK_SIZE = 64 * 1024;

export function chunkMarkdown(source: string, chunkSize = CHUNK_SIZE): Array<{ text: string; lineOffset: number }> {
  if (source.length <= chunkSize) return [{ text: source, lineOffset: 0 }];
  const lines = source.split('\n');
  const chunks: Array<{ text: string; lineOffset: number }> = [];
  let start = 0;
  let size = 0;
  let fence: string | null = null;
  // Front matter belongs to the first piece.
  let i = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) i = end + 1;
  }
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const f = /^\s{0,3}(`{3,}|~{3,})/u.exec(line);
    if (f) fence = fence === null ? f[1]![0]! : line.trimStart().startsWith(fence) ? null : fence;
    if (fence === null && size >= chunkSize && i > start) {
      const prev = lines[i - 1]!;
      const heading = /^#{1,6}\s/u.test(line) && prev.trim() === '';
      const paragraph = prev.trim() === '' && /^[\p{L}\p{N}]/u.test(line) && !/^\d{1,9}[.)]\s/u.test(line) && !/^\s*(?:[-*+]|\d{1,9}[.)])\s/u.test(lines[i - 2] ?? '') && !/^\s*\|/u.test(lines[i - 2] ?? '');
      if (heading || paragraph) {
        chunks.push({ text: lines.slice(start, i).join('\n'), lineOffset: start });
        start = i;
        size = 0;
      }
    }
    size += line.length + 1;
  }
  chunks.push({ text: lines.slice(start).join('\n'), lineOffset: start });
  return chunks;
}

/** Plain text of inline content; link targets are kept when the source spells them out. */
function inlineText(nodes: PhrasingContent[], source: string): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out += node.value;
        break;
      case 'html':
        out += stripTags(node.value);
        break;
      case 'break':
        out += '\n';
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
        out += inlineText(node.children, source);
        break;
      case 'link': {
        const label = inlineText(node.children, source);
        const raw = node.position ? source.slice(node.position.start.offset, node.position.end.offset) : '';
        out += raw.startsWith('[') ? `${label} (${node.url})` : label;
        break;
      }
      case 'linkReference':
        out += inlineText(node.children, source);
        break;
      case 'image':
        out += `${node.alt ?? ''} (${node.url})`;
        break;
      case 'imageReference':
        out += node.alt ?? '';
        break;
      case 'footnoteReference':
        out += `[^${node.label ?? node.identifier}]`;
        break;
      default:
        break;
    }
  }
  return out;
}

function isWhollyEmphasised(children: PhrasingContent[]): boolean {
  const meaningful = children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return meaningful.length === 1 && (meaningful[0]!.type === 'strong' || meaningful[0]!.type === 'emphasis');
}

/** The marker of an ordered list item as written ("1." or "1)"). */
function orderedMarker(item: MdListItem, source: string): string | undefined {
  const offset = item.position?.start.offset;
  if (offset === undefined) return undefined;
  return /^\d{1,9}[.)]/u.exec(source.slice(offset, offset + 12))?.[0];
}

/** Text of a list item: its paragraphs and any nested list items, one per line. */
function listItemText(item: MdListItem, source: string): string {
  const parts: string[] = [];
  const visit = (nodes: RootContent[]) => {
    for (const child of nodes) {
      if (child.type === 'paragraph' || child.type === 'heading') parts.push(inlineText(child.children, source));
      else if (child.type === 'list') {
        for (const sub of child.children) {
          const marker = child.ordered ? orderedMarker(sub, source) : undefined;
          const before = parts.length;
          visit(sub.children);
          if (marker && parts.length > before) parts[before] = `${marker} ${parts[before]}`;
        }
      }
      else if (child.type === 'code' || child.type === 'html') parts.push(child.type === 'html' ? stripTags(child.value) : child.value);
      else if ('children' in child) visit(child.children as RootContent[]);
    }
  };
  visit(item.children);
  return parts.join('\n');
}

export function segmentMarkdown(text: string, chunkSize = CHUNK_SIZE): Segmented {
  const blocks: SegBlock[] = [];
  let frontMatter: string | undefined;
  for (const chunk of chunkMarkdown(text, chunkSize)) {
    const fm = segmentChunk(chunk.text, chunk.lineOffset, blocks);
    if (fm !== undefined) frontMatter = fm;
  }
  return frontMatter === undefined ? { blocks } : { blocks, frontMatter };
}

/** Segment one piece of a Markdown document into `blocks`; returns its front matter, if any. */
function segmentChunk(source: string, lineOffset: number, blocks: SegBlock[]): string | undefined {
  const tree = processor.parse(source);
  let frontMatter: string | undefined;
  const position = (node: Nodes) => positionAt(node, lineOffset);

  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'yaml':
          frontMatter = node.value;
          break;
        case 'heading':
          blocks.push({ type: 'heading', depth: node.depth, text: inlineText(node.children, source).trim(), position: position(node) });
          break;
        case 'paragraph': {
          const text = inlineText(node.children, source).trim();
          if (text === '') break;
          const block: SegBlock = { type: 'paragraph', text, position: position(node) };
          if (isWhollyEmphasised(node.children)) block.emphasis = true;
          blocks.push(block);
          break;
        }
        case 'list': {
          const items: SegListItem[] = node.children.map((item, i) => {
            const out: SegListItem = { text: listItemText(item, source).trim(), position: position(item) };
            const marker = node.ordered ? orderedMarker(item, source) ?? `${(node.start ?? 1) + i}.` : undefined;
            if (marker !== undefined) out.marker = marker;
            return out;
          });
          blocks.push({ type: 'list', ordered: node.ordered === true, items, position: position(node) });
          break;
        }
        case 'table':
          blocks.push({
            type: 'table',
            rows: node.children.map((row) => row.children.map((cell) => inlineText(cell.children, source).trim())),
            position: position(node),
          });
          break;
        case 'blockquote':
          visit(node.children);
          break;
        case 'code':
          if (node.value.trim() !== '') blocks.push({ type: 'paragraph', text: node.value, position: position(node) });
          break;
        case 'html': {
          const text = stripTags(node.value).trim();
          if (text !== '') blocks.push({ type: 'paragraph', text, position: position(node) });
          break;
        }
        case 'footnoteDefinition': {
          const body = node.children
            .map((c) => (c.type === 'paragraph' ? inlineText(c.children, source) : ''))
            .join('\n');
          blocks.push({ type: 'paragraph', text: `[^${node.label ?? node.identifier}]: ${body}`.trim(), footnote: true, position: position(node) });
          break;
        }
        case 'definition':
          blocks.push({ type: 'paragraph', text: `[${node.label ?? node.identifier}]: ${node.url}`, position: position(node) });
          break;
        default:
          // thematicBreak and other markup without words.
          break;
      }
    }
  };
  visit(tree.children);
  return frontMatter;
}
