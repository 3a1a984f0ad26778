/**
 * Segmenter for Markdown: remark-parse (with GFM and front matter) into mdast,
 * then mdast into the same flat block list the text segmenter produces.
 *
 * Guarantee: every word of the Markdown source (outside markup: tags, link
 * syntax, emphasis marks) ends up in exactly one block or in `frontMatter`.
 */
import { unified, remarkParse, remarkGfm, remarkFrontmatter } from '../../vendor/markdown.js';
import type { Nodes, PhrasingContent, RootContent, ListItem as MdListItem } from 'mdast';
import type { Position } from '../../model.js';
import type { SegBlock, SegListItem, Segmented } from './types.js';
import { stripTags } from '../../text.js';
import { FOOTNOTE } from './rules.js';
import { frontMatterFence, plainRuns, track } from './plain-runs.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

function positionAt(node: Nodes, lineOf: (line: number) => number): Position {
  const p = node.position!;
  return {
    start: { line: lineOf(p.start.line), column: p.start.column },
    end: { line: lineOf(p.end.line), column: p.end.column },
  };
}

/**
 * Above this size a document is parsed piece by piece: micromark keeps one
 * event list per document and its edit map grows faster than the document
 * (a 10 MB file took a minute; 16 KB pieces measured 20% faster than 64 KB). Pieces are cut before a heading, or failing
 * that at a blank line before a plain paragraph, never inside a fenced code
 * block, an HTML block that runs across blank lines (a comment, `<pre>`, ...),
 * a list or a table, so every piece parses as it would in place.
 */
export const CHUNK_SIZE = 16 * 1024;

export function chunkMarkdown(source: string, chunkSize = CHUNK_SIZE): Array<{ text: string; lineOffset: number }> {
  if (source.length <= chunkSize) return [{ text: source, lineOffset: 0 }];
  const lines = source.split('\n');
  const chunks: Array<{ text: string; lineOffset: number }> = [];
  let start = 0;
  let size = 0;
  // A fenced code block or an HTML block of kinds 1-5 under way: it runs across blank lines, no cut inside it.
  let open: RegExp | null = null;
  // Front matter belongs to the first piece.
  const fence = frontMatterFence(lines);
  let i = fence > 0 ? fence + 1 : 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (open === null && size >= chunkSize && i > start) {
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
    // Only a fence or a tag opens anything: most lines need no closer look.
    if (open !== null || line.includes('`') || line.includes('~') || line.includes('<')) open = track(open, line);
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

export interface SegmentMarkdownOptions {
  /** Size above which a document is parsed piece by piece (default CHUNK_SIZE). */
  chunkSize?: number;
  /** Take plain runs (see plain-runs.ts) without remark (default true); false parses everything with remark. */
  plainRuns?: boolean;
}

/** Longer runs of one emphasis mark are never emphasis, and the Markdown parser's time grows with their square. */
const MAX_DELIMITER_RUN = 32;
const LONG_RUN = new RegExp(`(?<!\\\\)([*_])\\1{${MAX_DELIMITER_RUN},}`, 'gu');

/**
 * Runs of more than 32 "*" or "_" escaped, so the parser reads them as the
 * characters they are, in linear time (a 200,000-mark run took hours); with
 * the lines where that happened. Their characters stay in the text; columns
 * after a run on its line shift by its length.
 */
export function defuseDelimiterRuns(text: string): { text: string; lines: number[] } {
  if (!/([*_])\1{32}/u.test(text)) return { text, lines: [] };
  const lines: number[] = [];
  const out = text.split('\n').map((line, i) => {
    // A line of marks alone is a thematic break, read in linear time: it stays one.
    if (!LONG_RUN.test(line) || /^ {0,3}([*_])(?:[ \t]*\1){2,}[ \t]*$/u.test(line)) return line;
    LONG_RUN.lastIndex = 0;
    lines.push(i + 1);
    return line.replace(LONG_RUN, (run) => run.replace(/[*_]/gu, '\\$&'));
  });
  return { text: out.join('\n'), lines };
}

export function segmentMarkdown(source: string, options: SegmentMarkdownOptions = {}): Segmented {
  const { chunkSize = CHUNK_SIZE, plainRuns: fast = true } = options;
  const { text, lines: defused } = defuseDelimiterRuns(source);
  const blocks: SegBlock[] = [];
  let frontMatter: string | undefined;
  const runs = fast ? plainRuns(text) : null;
  const plain = runs?.plain ?? new Map<number, SegBlock[]>();
  const chunks = chunkMarkdown(runs?.masked ?? text, chunkSize);
  // Link reference definitions apply document-wide; each piece gets them appended.
  const definitions = chunks.length > 1 ? referenceDefinitions(text) : '';
  for (const chunk of chunks) {
    const lineOf = runs ? (line: number) => runs.lineMap[line - 1 + chunk.lineOffset]! : (line: number) => line + chunk.lineOffset;
    const fm = segmentChunk(chunk.text, lineOf, blocks, { plain, definitions, first: chunk.lineOffset === 0 });
    if (fm !== undefined) frontMatter = fm;
  }
  return { blocks, ...(frontMatter === undefined ? {} : { frontMatter }), ...(defused.length > 0 ? { defused } : {}) };
}

/**
 * Single-line link reference definitions (`[label]: url`) outside fenced code.
 * A definition cannot interrupt a paragraph: only a line after a blank line,
 * the start, a heading or another definition can be one ("Text⏎[k]: url" is
 * paragraph text).
 */
function referenceDefinitions(text: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  let canStart = true;
  for (const line of text.split('\n')) {
    const f = /^\s{0,3}(`{3,}|~{3,})/u.exec(line);
    if (f) {
      fence = fence === null ? f[1]![0]! : line.trimStart().startsWith(fence) ? null : fence;
      canStart = fence === null;
      continue;
    }
    const definition = fence === null && canStart && /^ {0,3}\[(?!\^)[^\]]+\]:\s*\S/u.test(line);
    if (definition) out.push(line);
    canStart = definition || line.trim() === '' || /^ {0,3}#{1,6}(?:\s|$)/u.test(line);
  }
  return out.join('\n');
}

/** Segment one piece of a Markdown document into `blocks`; returns its front matter, if any. */
function segmentChunk(
  source: string,
  lineOf: (line: number) => number,
  blocks: SegBlock[],
  { plain, definitions, first }: { plain: Map<number, SegBlock[]>; definitions: string; first: boolean },
): string | undefined {
  // Definitions from elsewhere in the document stand before the piece (a piece may end in an
  // unclosed fence, which would swallow them), or after it for the first piece, whose front
  // matter must come first (a first piece never ends in an open fence: pieces are not cut there).
  const before = definitions !== '' && !first;
  const prefix = before ? definitions.split('\n').length + 1 : 0;
  const ownLines = definitions === '' || before ? Infinity : source.split('\n').length;
  const parsed = definitions === '' ? source : before ? `${definitions}\n\n${source}` : `${source}\n\n${definitions}\n`;
  const tree = processor.parse(parsed);
  let frontMatter: string | undefined;
  const position = (node: Nodes) => positionAt(node, (line) => lineOf(line - prefix));
  const borrowed = (node: Nodes) => node.position!.start.line <= prefix || node.position!.start.line > ownLines;

  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'yaml':
          frontMatter = node.value;
          break;
        case 'heading':
          blocks.push({ type: 'heading', depth: node.depth, text: inlineText(node.children, parsed).trim(), position: position(node) });
          break;
        case 'paragraph': {
          const text = inlineText(node.children, parsed).trim();
          if (text === '') break;
          const block: SegBlock = { type: 'paragraph', text, position: position(node) };
          if (isWhollyEmphasised(node.children)) block.emphasis = true;
          // A footnote body kept as text ("[1] …", "^[1] …"), as a plain-text source writes it.
          if (FOOTNOTE.test(text)) block.footnote = true;
          blocks.push(block);
          break;
        }
        case 'list': {
          const items: SegListItem[] = node.children.map((item, i) => {
            const out: SegListItem = { text: listItemText(item, parsed).trim(), position: position(item) };
            // An item over several lines ("- Dialog" and its description on the next): where its first line ends.
            const lineEnd = out.text.indexOf('\n');
            if (lineEnd > 0) out.firstLine = lineEnd;
            const marker = node.ordered ? orderedMarker(item, parsed) ?? `${(node.start ?? 1) + i}.` : undefined;
            if (marker !== undefined) out.marker = marker;
            return out;
          });
          blocks.push({ type: 'list', ordered: node.ordered === true, items, position: position(node) });
          break;
        }
        case 'table':
          blocks.push({
            type: 'table',
            rows: node.children.map((row) => row.children.map((cell) => inlineText(cell.children, parsed).trim())),
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
            .map((c) => (c.type === 'paragraph' ? inlineText(c.children, parsed) : ''))
            .join('\n');
          blocks.push({ type: 'paragraph', text: `[^${node.label ?? node.identifier}]: ${body}`.trim(), footnote: true, position: position(node) });
          break;
        }
        case 'definition':
          if (borrowed(node)) break;
          blocks.push({ type: 'paragraph', text: `[${node.label ?? node.identifier}]: ${node.url}`, position: position(node) });
          break;
        case 'thematicBreak': {
          // Masked plain runs stand here.
          const runs = plain.get(lineOf(node.position!.start.line));
          for (const run of runs ?? []) blocks.push(run);
          break;
        }
        default:
          // Other markup without words.
          break;
      }
    }
  };
  visit(tree.children);
  return frontMatter;
}
