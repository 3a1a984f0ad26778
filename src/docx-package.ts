/** Word packages that are the same bytes for the same input: fixed dates in the properties and the ZIP. */
import JSZip from 'jszip';

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
