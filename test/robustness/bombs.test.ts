/**
 * Issue 11, case 4: decompression and page bombs, made at test time. Each is
 * refused with exit 2 and one line naming the file and the limit, long
 * before it can exhaust the machine (docs/RELIABILITY.md lists the limits).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DOCX_LIMITS } from '../../src/parse/import/docx.js';
import { PDF_LIMITS } from '../../src/parse/import/pdf.js';
import { ROOT } from '../helpers/seeds.js';

const BIN = join(ROOT, 'bin/overens.js');

function parseCli(name: string, bytes: Uint8Array) {
  const file = join(mkdtempSync(join(tmpdir(), 'overens-bomb-')), name);
  writeFileSync(file, bytes);
  const r = spawnSync(process.execPath, [BIN, 'parse', file], { encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH, LANG: 'C' } });
  return { status: r.status, stderr: r.stderr, file };
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

async function docx(parts: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', TYPES);
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const paragraph = (text: string) => `<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`;

/** A PDF of `pages` empty pages, all sharing one content stream (Flate-compressed, if given). */
function pdf(pages: number, flate?: Buffer): Uint8Array {
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Count ${pages} /Kids [${Array.from({ length: pages }, (_, i) => `${i + 4} 0 R`).join(' ')}] >>`;
  objects[3] = flate ? `<< /Length ${flate.length} /Filter /FlateDecode >>\nstream\n${flate.toString('latin1')}\nendstream` : '<< /Length 0 >>\nstream\n\nendstream';
  for (let i = 0; i < pages; i++) objects[i + 4] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>';
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = out.length;
    out += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const refused = (r: { status: number | null; stderr: string }, reason: RegExp) => {
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(reason);
};

describe('4. decompression and page bombs', () => {
  it('a .docx whose document.xml inflates to 400 MiB (a few hundred KB on disk)', async () => {
    const bytes = await docx({ 'word/document.xml': paragraph(' '.repeat(400 * 1024 * 1024)) });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    refused(parseCli('bomb.docx', bytes), /bomb\.docx: refused, word\/document\.xml inflates past 64 MB/u);
  }, 180_000);

  it('a .docx whose parts together inflate past the total limit', async () => {
    const filler = ' '.repeat(60 * 1024 * 1024);
    const parts: Record<string, string> = { 'word/document.xml': paragraph('Text') };
    for (let i = 0; i < 5; i++) parts[`word/media/part${i}.xml`] = filler;
    refused(parseCli('many.docx', await docx(parts)), /many\.docx: refused, its parts inflate past 256 MB/u);
  }, 180_000);

  it('a .docx with more parts than any document has', async () => {
    const parts: Record<string, string> = { 'word/document.xml': paragraph('Text') };
    for (let i = 0; i <= DOCX_LIMITS.entries; i++) parts[`word/x/${i}.xml`] = '';
    refused(parseCli('parts.docx', await docx(parts)), new RegExp(`parts\\.docx: refused, ${DOCX_LIMITS.entries + 3} parts in the package`, 'u'));
  }, 180_000);

  it('a PDF with more pages than the limit, refused before its pages are read', () => {
    refused(parseCli('pages.pdf', pdf(PDF_LIMITS.pages + 1)), new RegExp(`pages\\.pdf: refused, ${PDF_LIMITS.pages + 1} pages, more than ${PDF_LIMITS.pages}`, 'u'));
  }, 180_000);

  it('a PDF of 1 MB whose content stream inflates to 1 GiB, refused before pdf.js reads it', () => {
    const bomb = pdf(1, deflateSync(Buffer.alloc(1024 * 1024 * 1024, 0x20), { level: 9 }));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    refused(parseCli('stream.pdf', bomb), /stream\.pdf: refused, its compressed streams inflate past 512 MB/u);
  }, 180_000);

  it('a PDF within the limits is still read', () => {
    const r = parseCli('empty.pdf', pdf(3));
    // Empty pages: no text layer, one line, exit 2 — read, not refused by a limit.
    expect(r.stderr).toMatch(/no text layer/u);
  });
});
