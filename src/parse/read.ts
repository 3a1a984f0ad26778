/**
 * Phase 1, read: bytes from disk to a decoded string, with the checks that
 * turn bad input into one clear error (missing, directory, binary, unknown
 * encoding, broken .docx or .pdf, too large). Word and PDF files are turned
 * into text here (src/import/).
 *
 * Guarantee: the returned text is valid Unicode without a byte-order mark.
 */
import { readRegularFileSync } from '../read-file.js';
import { phase } from '../phases.js';
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { SourceFormat } from '../model.js';
import { createRequire } from 'node:module';
import { OverensError } from '../errors.js';
import { hasPdfLayoutMarks, looksLikePdfText } from './layout/index.js';
import type { Source, TextEncoding } from './source.js';
import { looksLikeHtml } from './import/html-detect.js';

export type { DocxNote, Source, TextEncoding } from './source.js';

/** Inputs above this size are refused: agreements are tens of kilobytes, benchmarks up to ~10 MB. */
export { MAX_INPUT_BYTES } from '../read-file.js';

const MARKDOWN_EXT = new Set(['.md', '.markdown', '.mdown', '.mkd']);

/** The format a file's first bytes announce: a ZIP (Word) or a PDF. */
export function sniffBinary(bytes: Uint8Array): 'docx' | 'pdf' | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  if (Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  return null;
}

// C0 controls other than tab, line feed, form feed and carriage return, the C1
// range, and the replacement character (bytes Windows-1252 leaves undefined).
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFFFD]/u;

/**
 * UTF-16 written without a byte-order mark: text whose every other byte is
 * NUL (the high byte of Latin letters, digits and punctuation), with no NUL in
 * the other half. Windows tools write it; it is text, not binary.
 */
function utf16WithoutBom(buffer: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buffer.length, 64 * 1024) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buffer[i] === 0) evenNul++;
    if (buffer[i + 1] === 0) oddNul++;
  }
  const units = n / 2;
  if (oddNul >= units * 0.6 && evenNul === 0) return 'utf-16le';
  if (evenNul >= units * 0.6 && oddNul === 0) return 'utf-16be';
  return null;
}

/** iconv-lite, loaded for the files that need it (UTF-16 and legacy single-byte ones): 20 ms that UTF-8 never needs. */
const iconv = () => createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');

/**
 * Decode text bytes: UTF-8 (with or without BOM), UTF-16 with a BOM or
 * plainly so without one, else
 * Windows-1252 (a superset of ISO-8859-1's printable range, which is what
 * Swedish legacy files are). Binary data and bytes that decode to control
 * characters are refused.
 */
export function decode(bytes: Uint8Array, file: string): { text: string; encoding: TextEncoding } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: iconv().decode(buffer, 'utf-16le'), encoding: 'utf-16le' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { text: iconv().decode(buffer, 'utf-16be'), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(buffer);
  if (utf16) return { text: iconv().decode(buffer, utf16), encoding: utf16 };
  // Anywhere in the file, not only at its start: a NUL is never agreement text.
  const nul = buffer.indexOf(0);
  if (nul !== -1) throw new OverensError('fileBinary', { file, offset: nul });
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer), encoding: 'utf-8' };
  } catch {
    // UTF-8 with a damaged byte (it holds valid multi-byte sequences too) would
    // turn every å, ä and ö into two letters if read as Windows-1252: refuse it.
    if (/[\xC2-\xDF][\x80-\xBF]|[\xE0-\xEF][\x80-\xBF]{2}/u.test(buffer.toString('latin1'))) {
      const decoded = buffer.toString('utf8');
      const offset = Buffer.byteLength(decoded.slice(0, decoded.indexOf('\uFFFD')), 'utf8');
      throw new OverensError('fileNotUtf8', { file, offset });
    }
    // Not UTF-8: a legacy single-byte file. iconv-lite maps Windows-1252 correctly
    // (Node's TextDecoder does not for the 0x80-0x9F range).
    const text = iconv().decode(buffer, 'windows-1252');
    if (CONTROL.test(text)) throw new OverensError('fileUnknownEncoding', { file });
    return { text, encoding: 'windows-1252' };
  }
}

/**
 * Detect the format of decoded text from its content first (Markdown
 * headings, front matter; PDF-extraction wrapping and marks), then from the
 * extension.
 */
export function detectFormat(raw: string, file: string): SourceFormat {
  const text = raw.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const sample = text.slice(0, 64 * 1024);
  if (/^---\n[\s\S]*?\n---\n/u.test(sample)) return 'markdown';
  if (/^#{1,6} \S/mu.test(text)) return 'markdown';
  const wrapped = looksLikePdfText(text);
  // A PDF extraction saved under a Markdown name (no Markdown headings, extraction marks).
  if (wrapped && hasPdfLayoutMarks(text)) return 'pdf-text';
  // A Markdown name is believed when the text has Markdown structure; a ".md"
  // file of bare lines (Word text saved under that name) reads as plain text,
  // whose bare-line headings the text segmenter understands.
  if (MARKDOWN_EXT.has(extname(file).toLowerCase())) {
    const structured = /^\S.*\n(?:=+|-{3,})[ \t]*$/mu.test(sample) || /\*\*\S|__\S|\]\([^)\s]+\)|^\s*<\/?[a-z][^>]*>\s*$/mu.test(sample);
    return structured ? 'markdown' : 'text';
  }
  if (/\.pdf\.txt$/iu.test(file) || wrapped) return 'pdf-text';
  return 'text';
}

/** Read a file and turn it into text the parser can segment. Throws OverensError for input the user can fix. */
export async function readSource(file: string, format?: SourceFormat): Promise<Source> {
  return sourceFromBytes(phase('read', () => readRegularFileSync(file)), file, format);
}

/** Turn bytes (from a file or memory) into a Source. */
export async function sourceFromBytes(bytes: Uint8Array, file: string, format?: SourceFormat): Promise<Source> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const binary = format === 'docx' || format === 'pdf' ? format : format === undefined ? sniffBinary(bytes) : null;
  if (binary === 'docx') {
    const { docxToMarkdown } = await import('./import/docx.js');
    const { markdown, notes } = await docxToMarkdown(bytes, file);
    return { path: file, text: markdown, format: 'docx', sha256, notes };
  }
  if (binary === 'pdf') {
    const { pdfToText } = await import('./import/pdf.js');
    const { text, rotated } = await pdfToText(bytes, file);
    return { path: file, text, format: 'pdf', sha256, ...(rotated.length > 0 ? { removed: rotated.map((r) => ({ kind: 'watermark', text: r })) } : {}) };
  }
  const { text, encoding } = decode(bytes, file);
  return sourceFromText(text, file, format, sha256, encoding);
}

const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);

/** Turn decoded text into a Source: a web page is reduced to its main content as Markdown. */
export async function sourceFromText(text: string, file: string, format: SourceFormat | undefined, sha256: string, encoding?: TextEncoding): Promise<Source> {
  const html = format === 'html' || (format === undefined && (looksLikeHtml(text) || (HTML_EXT.has(extname(file).toLowerCase()) && /<\/?[a-z][^>]*>/iu.test(text))));
  const base = { path: file, sha256, ...(encoding !== undefined ? { encoding } : {}) };
  if (html) {
    const { htmlToMarkdown } = await import('./import/html.js');
    const { markdown, removed } = await htmlToMarkdown(text);
    return { ...base, text: markdown, format: 'html', removed };
  }
  return { ...base, text, format: format ?? detectFormat(text, file) };
}
