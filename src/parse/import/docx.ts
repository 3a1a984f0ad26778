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
import type { Readable } from 'node:stream';
import { JSZip } from '../../vendor/jszip.js';
import { DOMParser } from '@xmldom/xmldom';
import { unified } from '../../vendor/markdown.js';
import { rehypeParse } from '../../vendor/html.js';
import type { Element as HastElement, ElementContent, Root } from 'hast';
import { hastHandlers as defaultHandlers } from '../../vendor/html.js';
import type { FootnoteDefinition, BlockContent, DefinitionContent } from 'mdast';
import { OverensError } from '../../errors.js';
import { limitFromEnv, mb, mbFromEnv } from '../../read-file.js';
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

/**
 * The number each list of the document starts at, one per run of consecutive
 * list paragraphs in document order (null for a bulleted list). Word counts on
 * across interruptions within one numbering and may restart it (startOverride);
 * mammoth drops both and starts every ordered list at 1.
 */
async function listStarts(zip: JSZip, doc: Document | null): Promise<Array<number | null>> {
  const xml = await zip.file('word/numbering.xml')?.async('string');
  if (!xml || !doc) return [];
  const numbering = parseXml(xml);
  const attr = (el: Element | null | undefined, name: string) => el?.getAttributeNS(W, name) ?? null;
  const child = (el: Element, name: string) => el.getElementsByTagNameNS(W, name).item(0);
  const levels = new Map<string, Map<string, { start: number; format: string }>>();
  const abstracts = numbering.getElementsByTagNameNS(W, 'abstractNum');
  for (let i = 0; i < abstracts.length; i++) {
    const a = abstracts.item(i)!;
    const lv = new Map<string, { start: number; format: string }>();
    const lvls = a.getElementsByTagNameNS(W, 'lvl');
    for (let j = 0; j < lvls.length; j++) {
      const l = lvls.item(j)!;
      lv.set(attr(l, 'ilvl') ?? '0', { start: Number(attr(child(l, 'start'), 'val') ?? 1), format: attr(child(l, 'numFmt'), 'val') ?? 'decimal' });
    }
    levels.set(attr(a, 'abstractNumId') ?? '', lv);
  }
  const nums = new Map<string, { abstract: string; overrides: Map<string, number> }>();
  const numList = numbering.getElementsByTagNameNS(W, 'num');
  for (let i = 0; i < numList.length; i++) {
    const n = numList.item(i)!;
    const overrides = new Map<string, number>();
    const os = n.getElementsByTagNameNS(W, 'lvlOverride');
    for (let j = 0; j < os.length; j++) {
      const start = attr(child(os.item(j)!, 'startOverride'), 'val');
      if (start !== null) overrides.set(attr(os.item(j), 'ilvl') ?? '0', Number(start));
    }
    nums.set(attr(n, 'numId') ?? '', { abstract: attr(child(n, 'abstractNumId'), 'val') ?? '', overrides });
  }
  const counters = new Map<string, number>();
  const runs: Array<number | null> = [];
  /** The numbering of the run of list paragraphs under way (a change of numbering starts a new list, as mammoth does). */
  let run: string | null = null;
  const paragraphs = doc.getElementsByTagNameNS(W, 'p');
  for (let i = 0; i < paragraphs.length; i++) {
    const numPr = paragraphs.item(i)!.getElementsByTagNameNS(W, 'numPr').item(0);
    const numId = attr(numPr ? child(numPr, 'numId') : null, 'val');
    if (!numPr || numId === null || numId === '0') {
      run = null;
      continue;
    }
    const ilvl = attr(child(numPr, 'ilvl'), 'val') ?? '0';
    const num = nums.get(numId);
    const level = num ? levels.get(num.abstract)?.get(ilvl) : undefined;
    const key = `${numId}\u0000${ilvl}`;
    const value = counters.has(key) ? counters.get(key)! + 1 : (num?.overrides.get(ilvl) ?? level?.start ?? 1);
    counters.set(key, value);
    if (run !== numId && ilvl === '0') runs.push(level && level.format !== 'bullet' && level.format !== 'none' ? value : null);
    if (ilvl === '0') run = numId;
  }
  return runs;
}

/** Give mammoth's top-level ordered lists the numbers Word shows, when its lists and the document's runs agree one to one. */
function numberLists(tree: Root, starts: Array<number | null>): void {
  // mammoth's footnotes and endnotes are an ordered list of its own at the end: not a list of the document.
  const notes = (el: HastElement) => el.children.some((li) => li.type === 'element' && /^(?:foot|end)note-/u.test(String(li.properties['id'] ?? '')));
  const lists = tree.children.filter((c): c is HastElement => c.type === 'element' && (c.tagName === 'ol' || c.tagName === 'ul') && !notes(c));
  if (lists.length !== starts.length) return;
  lists.forEach((list, i) => {
    const start = starts[i];
    if (list.tagName === 'ol' && start !== null && start !== undefined && start !== 1) list.properties['start'] = start;
  });
}

/**
 * Why a package could not be read, in one line: a library's TypeError on odd
 * XML ("Cannot read properties of null") says nothing to a user.
 */
function reasonOf(error: unknown): string {
  if (error instanceof TypeError || error instanceof RangeError) return "its parts are not what Word writes";
  return String((error as Error)?.message ?? error).split('\n')[0]!.trim() || 'unreadable';
}

/**
 * Limits on what a .docx package may inflate to, checked by inflating each
 * part with a running count before anything else reads it (a 400 KB file can
 * inflate to gigabytes). A real agreement is far below them.
 */
export const DOCX_LIMITS = {
  entries: limitFromEnv('OVERENS_DOCX_MAX_PARTS', 5000),
  partBytes: mbFromEnv('OVERENS_DOCX_MAX_PART_MB', 64),
  totalBytes: mbFromEnv('OVERENS_DOCX_MAX_TOTAL_MB', 256),
};

/** Inflate every part once, counting, and stop at the first limit passed. */
async function checkInflatedSize(zip: JSZip, file: string): Promise<void> {
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > DOCX_LIMITS.entries) throw new OverensError('fileDocxLimit', { file, what: `${entries.length} parts in the package, more than ${DOCX_LIMITS.entries}` });
  let total = 0;
  for (const entry of entries) {
    let part = 0;
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer') as Readable;
      stream
        .on('data', (chunk: Buffer) => {
          part += chunk.length;
          total += chunk.length;
          const over = part > DOCX_LIMITS.partBytes ? `${entry.name} inflates past ${mb(DOCX_LIMITS.partBytes)} MB` : total > DOCX_LIMITS.totalBytes ? `its parts inflate past ${mb(DOCX_LIMITS.totalBytes)} MB` : null;
          if (over) {
            stream.pause();
            stream.removeAllListeners('data');
            reject(new OverensError('fileDocxLimit', { file, what: over }));
          }
        })
        .on('error', (error: Error) => reject(new OverensError('fileBadDocx', { file, reason: reasonOf(error) })))
        .on('end', () => resolve());
    });
  }
}

/** Convert .docx bytes to Markdown text plus the document's comments and tracked changes. */
export async function docxToMarkdown(bytes: Uint8Array, file: string): Promise<{ markdown: string; notes: DocxNote[] }> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (error) {
    throw new OverensError('fileBadDocx', { file, reason: reasonOf(error) });
  }
  if (!zip.file('word/document.xml')) throw new OverensError('fileBadDocx', { file, reason: 'no word/document.xml in the package' });
  await checkInflatedSize(zip, file);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, includeDefaultStyleMap: true })).value;
    // Word bookmarks come out as empty anchors (<a id="..."></a>); they hold no text.
    html = html.replace(/<a id="[^"]*"><\/a>/gu, '');
  } catch (error) {
    throw new OverensError('fileBadDocx', { file, reason: reasonOf(error) });
  }
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  const body = await zip.file('word/document.xml')?.async('string');
  numberLists(tree, await listStarts(zip, body ? parseXml(body) : null));
  const markdown = await hastToMarkdown(tree, footnoteHandlers());
  return { markdown, notes: await readNotes(zip) };
}
