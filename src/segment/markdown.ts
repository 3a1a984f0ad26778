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

function position(node: Nodes): Position {
  const p = node.position!;
  return {
    start: { line: p.start.line, column: p.start.column },
    end: { line: p.end.line, column: p.end.column },
  };
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

export function segmentMarkdown(source: string): Segmented {
  const tree = processor.parse(source);
  const blocks: SegBlock[] = [];
  let frontMatter: string | undefined;

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
  return frontMatter === undefined ? { blocks } : { blocks, frontMatter };
}
