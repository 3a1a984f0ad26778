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
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { OverensError } from '../errors.js';
import type { DocxNote } from '../read.js';

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

/** Comments and pending tracked changes, in document order. */
async function readNotes(zip: JSZip): Promise<DocxNote[]> {
  const notes: DocxNote[] = [];
  const comments = await zip.file('word/comments.xml')?.async('string');
  if (comments) {
    const list = parseXml(comments).getElementsByTagNameNS(W, 'comment');
    for (let i = 0; i < list.length; i++) {
      const c = list.item(i)!;
      notes.push({ kind: 'comment', author: c.getAttributeNS(W, 'author') ?? '', date: c.getAttributeNS(W, 'date') || null, text: textOf(c, ['t']) });
    }
  }
  const body = await zip.file('word/document.xml')?.async('string');
  if (body) {
    const doc = parseXml(body);
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
  const markdown = String(
    await unified()
      .use(rehypeParse, { fragment: true })
      .use(rehypeRemark)
      .use(remarkGfm)
      .use(remarkStringify, { bullet: '-', emphasis: '_', listItemIndent: 'one' })
      .process(html),
  );
  return { markdown, notes: await readNotes(zip) };
}
