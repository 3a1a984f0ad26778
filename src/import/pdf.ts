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
import { extractTextItems, getDocumentProxy } from 'unpdf';
import { OverensError } from '../errors.js';

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

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** Items on one baseline, split where a wide gap separates two columns. */
function toLines(items: Item[], pageWidth: number): PdfLine[] {
  const rows: Item[][] = [];
  for (const item of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.find((r) => Math.abs(r[0]!.y - item.y) <= Math.max(2, item.fontSize * 0.3));
    if (row) row.push(item);
    else rows.push([item]);
  }
  const lines: PdfLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let current: Item[] = [];
    const flush = () => {
      if (current.length === 0) return;
      let text = '';
      let end = -Infinity;
      for (const it of current) {
        if (text !== '' && it.x - end > it.fontSize * 0.15 && !/\s$/u.test(text) && !/^\s/u.test(it.str)) text += ' ';
        text += it.str;
        end = it.x + it.width;
      }
      const first = current[0]!;
      lines.push({
        text: text.trim(),
        x: first.x,
        y: first.y,
        size: Math.max(...current.map((i) => i.fontSize)),
        bold: current.every((i) => i.bold),
        column: first.x > pageWidth * 0.45 ? 1 : 0,
      });
      current = [];
    };
    let end = -Infinity;
    for (const it of row) {
      if (current.length > 0 && it.x - end > it.fontSize * 3) flush();
      current.push(it);
      end = it.x + it.width;
    }
    flush();
  }
  return lines.filter((l) => l.text !== '');
}

/** Lay the lines of one page out as text: columns in order, blank lines between paragraphs. */
function pageText(lines: PdfLine[], bodySize: number): string[] {
  const rightColumn = lines.filter((l) => l.column === 1);
  // Two columns only when the right one holds a real block of text, not a stray label.
  const twoColumns = rightColumn.length >= 5;
  const ordered = twoColumns
    ? [...lines.filter((l) => l.column === 0), ...rightColumn]
    : [...lines].sort((a, b) => b.y - a.y || a.x - b.x);
  const out: string[] = [];
  let prev: PdfLine | null = null;
  for (const line of ordered) {
    const heading = line.size > bodySize * 1.15 || (line.bold && line.text.length <= 80);
    const gap = prev ? prev.y - line.y : 0;
    const newBlock = !prev || heading || prev.size > bodySize * 1.15 || gap < 0 || gap > line.size * 1.8 || line.column !== prev.column;
    if (newBlock && out.length > 0 && out[out.length - 1] !== '') out.push('');
    out.push(line.text);
    if (heading) out.push('');
    prev = heading ? null : line;
  }
  return out;
}

/** Extract the text of a PDF as PDF-extracted text (pages separated by blank lines). */
export async function pdfToText(bytes: Uint8Array, file: string): Promise<string> {
  let pages: Awaited<ReturnType<typeof extractTextItems>>;
  try {
    // pdf.js takes ownership of the buffer it is given: pass a copy.
    pages = await extractTextItems(await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }));
  } catch (error) {
    throw new OverensError('fileBadPdf', { file, reason: (error as Error).message.split('\n')[0] ?? 'unreadable' });
  }
  const perPage = pages.items.map((items) =>
    items.map((i) => ({ str: i.str, x: i.x, y: i.y, width: i.width, fontSize: i.fontSize, bold: /bold|black|heavy/iu.test(i.fontFamily) })),
  );
  const text = textFromItems(perPage);
  if (text === '') throw new OverensError('filePdfNoText', { file });
  return text;
}

/** Lay out the text items of each page as PDF-extracted text ('' when there is none). */
export function textFromItems(pages: Item[][]): string {
  const perPage = pages.map((items) => items.filter((i) => i.str.trim() !== ''));
  const all = perPage.flat();
  if (all.length === 0) return '';
  const bodySize = median(all.map((i) => i.fontSize));
  const pageWidth = Math.max(...all.map((i) => i.x + i.width));
  const text: string[] = [];
  for (const items of perPage) {
    const lines = pageText(toLines(items, pageWidth), bodySize);
    if (lines.length === 0) continue;
    if (text.length > 0) text.push('');
    text.push(...lines);
  }
  return `${text.join('\n')}\n`;
}
