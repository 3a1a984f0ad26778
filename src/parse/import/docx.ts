/**
 * Import a Word document (.docx): mammoth turns the document body into HTML
 * (Word heading styles become <h1>..<h6>, lists, tables, footnotes), then
 * rehype-parse + rehype-remark + remark-stringify turn that HTML into Markdown,
 * which the Markdown segmenter reads like any other Markdown file.
 *
 * Comments and unaccepted tracked changes are not part of the text: they are
 * read from the package XML (word/comments.xml, <w:ins>/<w:del> in
 * word/document.xml) and returned as notes, which become annotation artifacts
 * and warnings.
 */
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Element as HastElement, ElementContent } from 'hast';
import { defaultHandlers } from 'hast-util-to-mdast';
import type { FootnoteDefinition, BlockContent, DefinitionContent } from 'mdast';
import { OverensError } from '../../errors.js';
import type { DocxNote } from '../source.js';
import { hastToMarkdown, type Handlers } from './html-markdown.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Paragraph styles LibreOffice and Word use besides the built-in Heading N. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

function textOf(node: Element, tags: string[]): string {
  const parts: string[] = [];
  for (const tag of tags) {
    const list = node.getElementsByTagNameNS(W, tag);
    for (let i = 0; i < list.length; i++) parts.push(list.item(i)?.textContent ?? '');
  }
  return parts.join('').replace(/\s+/gu, ' ').trim();
}

function parseXml(xml: string): Document {
  return new DOMParser({ errorHandler: () => undefined }).parseFromString(xml, 'text/xml') as unknown as Document;
}

/** The text each comment is anchored to (between its range start and end), by comment id. */
function commentAnchors(doc: Document): Map<string, string> {
  const anchors = new Map<string, string>();
  const open = new Set<string>();
  const walk = (node: Node): void => {
    if (node.nodeType === 1) {
      const el = node as Element;
      const id = el.getAttributeNS(W, 'id') ?? '';
      if (el.namespaceURI === W && el.localName === 'commentRangeStart') open.add(id);
      else if (el.namespaceURI === W && el.localName === 'commentRangeEnd') open.delete(id);
      else if (el.namespaceURI === W && el.localName === 't') for (const o of open) anchors.set(o, (anchors.get(o) ?? '') + (el.textContent ?? ''));
    }
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(doc as unknown as Node);
  return anchors;
}

/** Comments and pending tracked changes, in document order. */
async function readNotes(zip: JSZip): Promise<DocxNote[]> {
  const notes: DocxNote[] = [];
  const body = await zip.file('word/document.xml')?.async('string');
  const doc = body ? parseXml(body) : null;
  const anchors = doc ? commentAnchors(doc) : new Map<string, string>();
  const comments = await zip.file('word/comments.xml')?.async('string');
  if (comments) {
    const list = parseXml(comments).getElementsByTagNameNS(W, 'comment');
    for (let i = 0; i < list.length; i++) {
      const c = list.item(i)!;
      const anchor = anchors.get(c.getAttributeNS(W, 'id') ?? '');
      const note: DocxNote = { kind: 'comment', author: c.getAttributeNS(W, 'author') ?? '', date: c.getAttributeNS(W, 'date') || null, text: textOf(c, ['t']) };
      if (anchor) note.anchor = anchor.replace(/\s+/gu, ' ').trim();
      notes.push(note);
    }
  }
  if (doc) {
    for (const [tag, kind, textTag] of [
      ['ins', 'insertion', 't'],
      ['del', 'deletion', 'delText'],
    ] as const) {
      const list = doc.getElementsByTagNameNS(W, tag);
      for (let i = 0; i < list.length; i++) {
        const el = list.item(i)!;
        const text = textOf(el, [textTag]);
        if (text) notes.push({ kind, author: el.getAttributeNS(W, 'author') ?? '', date: el.getAttributeNS(W, 'date') || null, text });
      }
    }
  }
  return notes;
}


function textContent(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textContent).join('');
  return '';
}

const footnoteLink = (node: ElementContent): node is HastElement =>
  node.type === 'element' && node.tagName === 'a' && /^#footnote-\d/u.test(String(node.properties['href'] ?? ''));

/**
 * mammoth writes a Word footnote as <sup><a href="#footnote-21">[1]</a></sup>
 * and the notes as a final <ol> of <li id="footnote-21">; these handlers turn
 * them into Markdown footnotes ([^1] and [^1]: ...), which the Markdown
 * segmenter reads as footnote bodies.
 */
function footnoteHandlers(): Handlers {
  const labels = new Map<string, string>();
  return {
    sup(state, node) {
      const link = node.children.find(footnoteLink);
      if (!link) return state.all(node);
      const label = textContent(link).replace(/[[\]\s]/gu, '');
      labels.set(String(link.properties['href']).slice(1), label);
      return { type: 'footnoteReference', identifier: label, label };
    },
    ol(state, node) {
      const items = node.children.filter((c): c is HastElement => c.type === 'element' && c.tagName === 'li');
      const isNotes = items.length > 0 && items.every((li) => labels.has(String(li.properties['id'] ?? '')));
      if (!isNotes) return defaultHandlers.ol(state, node);
      return items.map((li): FootnoteDefinition => {
        const label = labels.get(String(li.properties['id']))!;
        // Drop the back link (↑) mammoth adds.
        const body = { ...li, children: li.children.map((c) => (c.type === 'element' ? { ...c, children: c.children.filter((x) => !(x.type === 'element' && x.tagName === 'a')) } : c)) };
        return { type: 'footnoteDefinition', identifier: label, label, children: state.toFlow(state.all(body)) as Array<BlockContent | DefinitionContent> };
      });
    },
  };
}

/** Convert .docx bytes to Markdown text plus the document's comments and tracked changes. */
export async function docxToMarkdown(bytes: Uint8Array, file: string): Promise<{ markdown: string; notes: DocxNote[] }> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (error) {
    throw new OverensError('fileBadDocx', { file, reason: (error as Error).message });
  }
  if (!zip.file('word/document.xml')) throw new OverensError('fileBadDocx', { file, reason: 'no word/document.xml in the package' });
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, includeDefaultStyleMap: true })).value;
    // Word bookmarks come out as empty anchors (<a id="..."></a>); they hold no text.
    html = html.replace(/<a id="[^"]*"><\/a>/gu, '');
  } catch (error) {
    throw new OverensError('fileBadDocx', { file, reason: (error as Error).message });
  }
  const markdown = await hastToMarkdown(unified().use(rehypeParse, { fragment: true }).parse(html), footnoteHandlers());
  return { markdown, notes: await readNotes(zip) };
}
