/**
 * Import a PDF: unpdf (a serverless build of Mozilla's pdf.js) gives the text
 * items of each page with position and font size. They are put back into
 * lines (same baseline), columns (a second block of lines starting right of
 * the middle of the page is read after the first), and paragraphs (a vertical
 * gap larger than the line spacing). Lines set larger than the body text are
 * headings and stand alone. Page headers, footers and page numbers are kept as
 * lines of their own, so the layout normalisation moves them to artifacts.
 *
 * The result is PDF-extracted text, normalised like any `.pdf.txt` input.
 */
import { constants, inflateSync } from 'node:zlib';
import { getDocumentProxy } from 'unpdf';
import { OverensError } from '../../errors.js';
import { limitFromEnv, mb, mbFromEnv } from '../../read-file.js';

/** A text item of a page: pdf.js coordinates (origin bottom left), font size and weight. */
export interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  bold: boolean;
}

interface PdfLine {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  column: 0 | 1;
}

interface Row {
  /** Runs of items separated by wide gaps: table cells, or the two columns of a page. */
  segments: PdfLine[];
  y: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

function segmentText(items: Item[], bodySize: number): string {
  let text = '';
  let end = -Infinity;
  items.forEach((it, i) => {
    // A footnote number set small at the start of a line: "[1] " as the text formats write it.
    if (i === 0 && items.length > 1 && it.fontSize < bodySize * 0.8 && /^\d{1,3}$/u.test(it.str.trim())) {
      text = `[${it.str.trim()}] `;
      end = it.x + it.width;
      return;
    }
    // A superscript marker stays glued to its word; other gaps are spaces.
    const superscript = it.fontSize < bodySize * 0.8 && /^\d{1,3}$/u.test(it.str.trim());
    if (text !== '' && !superscript && it.x - end > it.fontSize * 0.15 && !/\s$/u.test(text) && !/^\s/u.test(it.str)) text += ' ';
    text += it.str;
    end = it.x + it.width;
  });
  return text.replace(/\s+/gu, ' ').trim();
}

/** Items on one baseline (a superscript rides on the line it belongs to), split at wide gaps. */
function toRows(items: Item[], pageWidth: number, bodySize: number): Row[] {
  const rows: Item[][] = [];
  for (const item of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.find((r) => Math.abs(r[0]!.y - item.y) <= Math.max(2, Math.max(item.fontSize, ...r.map((i) => i.fontSize)) * 0.45));
    if (row) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const runs: Item[][] = [];
    let end = -Infinity;
    for (const it of row) {
      if (runs.length === 0 || it.x - end > Math.max(it.fontSize, bodySize) * 3) runs.push([]);
      runs[runs.length - 1]!.push(it);
      end = it.x + it.width;
    }
    const body = row.filter((i) => i.fontSize >= bodySize * 0.8);
    const y = median((body.length > 0 ? body : row).map((i) => i.y));
    const segments = runs
      .map((run): PdfLine => ({
        text: segmentText(run, bodySize),
        x: run[0]!.x,
        y,
        size: Math.max(...run.map((i) => i.fontSize)),
        bold: run.every((i) => i.bold),
        column: run[0]!.x > pageWidth * 0.45 ? 1 : 0,
      }))
      .filter((l) => l.text !== '');
    return { segments, y };
  }).filter((r) => r.segments.length > 0);
}

/**
 * Lay the rows of one page out as text. A page whose right half holds a real
 * block of text has two columns, read one after the other; otherwise the
 * segments of a row are table cells, kept on one line three spaces apart.
 * Blank lines separate paragraphs (a vertical gap) and headings (larger type).
 */
function pageLines(rows: Row[]): PdfLine[] {
  const rightColumn = rows.filter((r) => r.segments.some((s) => s.column === 1 && s.text.length > 20));
  const twoColumns = rightColumn.length >= 5;
  return twoColumns
    ? [0, 1].flatMap((c) => rows.flatMap((r) => r.segments.filter((s) => s.column === c)))
    : rows.map((r) => ({ ...r.segments[0]!, text: r.segments.map((s) => s.text).join('   '), size: Math.max(...r.segments.map((s) => s.size)) }));
}

/** The document's line spacing: the median distance between consecutive lines of body text. */
function lineSpacing(pages: PdfLine[][], bodySize: number): number {
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const gap = lines[i - 1]!.y - lines[i]!.y;
      if (gap > 0 && gap < bodySize * 3 && lines[i]!.column === lines[i - 1]!.column) gaps.push(gap);
    }
  }
  return gaps.length > 0 ? median(gaps) : bodySize * 1.2;
}

/**
 * A paragraph break is a gap wider than the document's own line spacing (by a
 * fifth of the type size at least): a PDF may set paragraphs apart by a few
 * points only.
 */
function pageText(lines: PdfLine[], bodySize: number, spacing: number): string[] {
  const out: string[] = [];
  let prev: PdfLine | null = null;
  /** The heading line just written: a heading wrapped onto a second line continues it. */
  let lastHeading: PdfLine | null = null;
  for (const line of lines) {
    const heading = line.size > bodySize * 1.15 || (line.bold && line.text.length <= 80);
    if (heading && lastHeading && Math.abs(line.size - lastHeading.size) < 0.5 && line.bold === lastHeading.bold && line.column === lastHeading.column) {
      const step = lastHeading.y - line.y;
      if (step > 0 && step <= line.size * 1.6 && /^\p{Ll}/u.test(line.text) && !/[.!?:;]$/u.test(out[out.length - 2] ?? '')) {
        // "Stärka civilsamhället som sektor och de unika roller de idéburna" / "organisationerna har i
        // samhället" in the same type, a line apart: one heading, on one line of the extracted text.
        out[out.length - 2] = `${out[out.length - 2]} ${line.text}`;
        lastHeading = line;
        continue;
      }
    }
    const gap = prev ? prev.y - line.y : 0;
    const newBlock = !prev || heading || gap < 0 || gap > Math.max(spacing * 1.15, spacing + line.size * 0.2) || line.column !== prev.column;
    if (newBlock && out.length > 0 && out[out.length - 1] !== '') out.push('');
    out.push(line.text);
    if (heading) out.push('');
    prev = heading ? null : line;
    lastHeading = heading ? line : null;
  }
  return out;
}

/**
 * Limits on a PDF, checked as it is read: a 17 MB file can hold 100,000
 * pages. A real agreement is far below them; docs/RELIABILITY.md says how to
 * raise them.
 */
export const PDF_LIMITS = {
  pages: limitFromEnv('OVERENS_PDF_MAX_PAGES', 2000),
  textBytes: mbFromEnv('OVERENS_PDF_MAX_TEXT_MB', 64),
  seconds: limitFromEnv('OVERENS_PDF_MAX_SECONDS', 120),
  /** What the Flate-compressed streams may inflate to, in all (a 1 MB file can hold a 2 GB stream). */
  inflatedBytes: mbFromEnv('OVERENS_PDF_MAX_INFLATED_MB', 512),
};

type Pdf = Awaited<ReturnType<typeof getDocumentProxy>>;

/**
 * Inflate every Flate-compressed stream once, counting, before pdf.js reads
 * any (pdf.js inflates a content stream whole, whatever its size). A stream
 * that cannot be inflated is left for pdf.js to judge.
 */
function checkStreams(bytes: Uint8Array, file: string): void {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const limit = PDF_LIMITS.inflatedBytes;
  let total = 0;
  const STREAM = /\/FlateDecode[^]*?>>\s*stream\r?\n/gu;
  for (let m = STREAM.exec(text); m; m = STREAM.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end === -1) break;
    // The dictionary must be this stream's own: no other object started between it and "stream".
    if (/\bendobj\b|\bobj\b/u.test(m[0].slice(m[0].indexOf('/FlateDecode')))) continue;
    try {
      total += inflateSync(bytes.subarray(start, end), { maxOutputLength: limit - total + 1, finishFlush: constants.Z_SYNC_FLUSH }).length;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') total = limit + 1;
      else continue;
    }
    if (total > limit) throw new OverensError('filePdfLimit', { file, what: `its compressed streams inflate past ${mb(limit)} MB` });
    STREAM.lastIndex = end;
  }
}

/** A page's text: the items in the text flow, and rotated text across the page (a watermark), held apart. */
interface PageText {
  items: Item[];
  rotated: string[];
}

/**
 * One page's text items, as unpdf's extractTextItems gives them, with two
 * readings of a tagged PDF:
 * - text set at an angle (a diagonal "UTKAST") is no line of the text flow:
 *   it is returned apart, to be kept as an artifact;
 * - a glyph drawn in a marked-content span of its own with no text (an empty
 *   ActualText, as Typst marks the hyphen it hyphenates a word with) at the end
 *   of a line that stops inside a word is that hyphen: the item gets its "-"
 *   back, and the layout's line-end hyphen step decides whether the word joins.
 */
async function pageItems(pdf: Pdf, number: number): Promise<PageText> {
  const page = await pdf.getPage(number);
  const content = await page.getTextContent({ includeMarkedContent: true });
  const styles = content.styles as Record<string, { fontFamily?: string }>;
  const items: Item[] = [];
  const rotated: string[] = [];
  // Marked content: whether the span open now has had any text item, and whether an empty one just closed after a word.
  const spans: boolean[] = [];
  let hyphenAfter: Item | undefined;
  for (const item of content.items) {
    if (!('str' in item)) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') spans.push(false);
      else if (item.type === 'endMarkedContent') {
        const hadText = spans.pop() ?? true;
        const last = items[items.length - 1];
        if (!hadText && last && /\p{L}$/u.test(last.str)) hyphenAfter = last;
      }
      continue;
    }
    if (item.str == null) continue;
    if (spans.length > 0) spans[spans.length - 1] = true;
    const [a, b, c, d, e, f] = item.transform as number[];
    if (item.str.trim() !== '' && (Math.abs(b!) > Math.abs(a!) * 0.05 || Math.abs(c!) > Math.abs(d!) * 0.05)) {
      rotated.push(item.str);
      continue;
    }
    if (item.str === '') continue;
    // The hyphen stood at the line end when the text goes on lower down, on a line of its own starting with a small letter.
    if (hyphenAfter && f! < hyphenAfter.y - 1 && /^\p{Ll}/u.test(item.str)) hyphenAfter.str += '-';
    hyphenAfter = undefined;
    items.push({ str: item.str, x: e!, y: f!, width: item.width, fontSize: Math.hypot(c!, d!), bold: /bold|black|heavy/iu.test(styles[item.fontName]?.fontFamily ?? '') });
  }
  page.cleanup();
  return { items, rotated };
}

/** The text items of every page, one page at a time, within the limits. */
async function readPages(pdf: Pdf, file: string): Promise<PageText[]> {
  if (pdf.numPages > PDF_LIMITS.pages) throw new OverensError('filePdfLimit', { file, what: `${pdf.numPages} pages, more than ${PDF_LIMITS.pages}` });
  const started = Date.now();
  const pages: PageText[] = [];
  let text = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pageItems(pdf, n);
    for (const i of page.items) text += i.str.length;
    if (text > PDF_LIMITS.textBytes) throw new OverensError('filePdfLimit', { file, what: `more than ${mb(PDF_LIMITS.textBytes)} MB of text by page ${n}` });
    if (Date.now() - started > PDF_LIMITS.seconds * 1000) throw new OverensError('filePdfLimit', { file, what: `reading took more than ${PDF_LIMITS.seconds} s, at page ${n} of ${pdf.numPages}` });
    pages.push(page);
  }
  return pages;
}

/** Extract the text of a PDF as PDF-extracted text (pages separated by blank lines), and the rotated text held apart. */
export async function pdfToText(bytes: Uint8Array, file: string): Promise<{ text: string; rotated: string[] }> {
  checkStreams(bytes, file);
  let pdf: Pdf;
  try {
    // pdf.js takes ownership of the buffer it is given: pass a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    throw new OverensError('fileBadPdf', { file, reason: (error as Error).message.split('\n')[0] ?? 'unreadable' });
  }
  let perPage: PageText[];
  try {
    perPage = await readPages(pdf, file);
  } catch (error) {
    if (error instanceof OverensError) throw error;
    throw new OverensError('fileBadPdf', { file, reason: (error as Error).message.split('\n')[0] ?? 'unreadable' });
  } finally {
    await pdf.destroy();
  }
  const text = textFromItems(perPage.map((p) => p.items));
  if (text === '') throw new OverensError('filePdfNoText', { file });
  // A watermark repeats on every page: kept once per distinct text.
  return { text, rotated: [...new Set(perPage.flatMap((p) => p.rotated.map((r) => r.trim())))] };
}

/** Lay out the text items of each page as PDF-extracted text ('' when there is none). */
export function textFromItems(pages: Item[][]): string {
  const perPage = pages.map((items) => items.filter((i) => i.str.trim() !== ''));
  const all = perPage.flat();
  if (all.length === 0) return '';
  const bodySize = median(all.map((i) => i.fontSize));
  const pageWidth = Math.max(...all.map((i) => i.x + i.width));
  const pageLinesList = perPage.map((items) => pageLines(toRows(items, pageWidth, bodySize)));
  const spacing = lineSpacing(pageLinesList, bodySize);
  const text: string[] = [];
  for (const pl of pageLinesList) {
    const lines = pageText(pl, bodySize, spacing);
    if (lines.length === 0) continue;
    if (text.length > 0) text.push('');
    text.push(...lines);
  }
  return `${text.join('\n')}\n`;
}
