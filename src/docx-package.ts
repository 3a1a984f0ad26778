/**
 * What the Word outputs (the rendered version and the tracked-changes diff)
 * share: heading styles by level, text as runs, and packages that are the same
 * bytes for the same input (fixed dates in the properties and the ZIP).
 */
import { JSZip } from './vendor/jszip.js';
import { FootnoteReferenceRun, HeadingLevel, Tab, type ParagraphChild } from 'docx';

/** Word's heading styles, level 1 to 6. */
export const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

export interface RunOptions {
  /** Footnote numbers laid out as Word footnotes: a marker of one of them becomes a reference. */
  notes: ReadonlySet<number>;
  /** Footnote markers, the number in group 1 or 2 (global). */
  markers: RegExp;
  bold: boolean;
  /** A run of text from its children (text and tabs) and format: plain, inserted or deleted. */
  make(children: Array<string | Tab>, format: { break?: number; bold?: boolean }): ParagraphChild;
}

/**
 * Runs for a text: each line break a Word line break, a tab Word's tab element
 * (never a tab character inside the text), and a marker of a footnote in
 * `notes` a reference to that Word footnote.
 */
export function wordRuns(text: string, o: RunOptions): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  text.split('\n').forEach((line, i) => {
    const parts: Array<string | number> = [];
    let at = 0;
    if (o.notes.size > 0) {
      for (const m of line.matchAll(o.markers)) {
        const n = Number(m[1] ?? m[2]);
        if (!o.notes.has(n)) continue;
        parts.push(line.slice(at, m.index), n);
        at = m.index + m[0].length;
      }
    }
    parts.push(line.slice(at));
    parts.forEach((part, k) => {
      if (typeof part === 'number') {
        out.push(new FootnoteReferenceRun(part));
        return;
      }
      const first = i > 0 && k === 0;
      if (part === '' && !first) return;
      const children = part.split('\t').flatMap((piece, n) => (n === 0 ? [piece] : [new Tab(), piece])).filter((c) => c !== '');
      out.push(o.make(children, { ...(first ? { break: 1 } : {}), ...(o.bold ? { bold: true } : {}) }));
    });
  });
  return out;
}

/**
 * The date a Word document is stamped with when its revision has none: the
 * environment's SOURCE_DATE_EPOCH (reproducible builds), else a fixed date, so
 * the same input always gives the same bytes.
 */
export function fixedDate(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const date = Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH !== '' ? new Date(epoch * 1000) : new Date(Date.UTC(2000, 0, 1));
  return date.toISOString().replace(/\.\d+Z$/u, 'Z');
}

/** The package with the document's created and modified times and every file's time set to `date`. */
export async function reproducible(buffer: Buffer, date: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const out = new JSZip();
  const when = new Date(date);
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    let data: string | Uint8Array = await entry.async('uint8array');
    if (name === 'docProps/core.xml') data = Buffer.from(data).toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/gu, `$1${date}`);
    out.file(name, data, { date: when, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
