/**
 * Phase 1, read: bytes from disk to a decoded string, with the checks that
 * turn bad input into one clear error (missing, directory, binary, not UTF-8,
 * too large).
 *
 * Guarantee: the returned text is valid Unicode without a byte-order mark.
 */
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { SourceFormat } from './model.js';
import { OverensError } from './errors.js';

/** Inputs above this size are refused: agreements are tens of kilobytes, benchmarks up to ~10 MB. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface Source {
  path: string;
  text: string;
  format: SourceFormat;
  sha256: string;
}

const MARKDOWN_EXT = new Set(['.md', '.markdown', '.mdown', '.mkd']);

/** Decode UTF-8 bytes strictly; refuses binary data and invalid sequences. */
export function decode(bytes: Uint8Array, file: string): string {
  const nul = bytes.subarray(0, 64 * 1024).indexOf(0);
  if (nul !== -1) throw new OverensError('fileBinary', { file, offset: nul });
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return text;
  } catch {
    // Find the first bad byte for the message.
    let offset = 0;
    for (let lo = 0, hi = bytes.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
        lo = mid + 1;
        offset = mid;
      } catch {
        hi = mid;
      }
    }
    throw new OverensError('fileNotUtf8', { file, offset });
  }
}

/**
 * Detect the format from content first (Markdown headings, front matter,
 * Markdown emphasis or tables), then from the extension.
 */
export function detectFormat(text: string, file: string): SourceFormat {
  const sample = text.slice(0, 64 * 1024);
  if (/^---\n[\s\S]*?\n---\n/u.test(sample)) return 'markdown';
  if (/^#{1,6} \S/mu.test(sample)) return 'markdown';
  if (MARKDOWN_EXT.has(extname(file).toLowerCase())) return 'markdown';
  return 'text';
}

export async function readSource(file: string, format?: SourceFormat): Promise<Source> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    throw OverensError.fromFs(error, file);
  }
  if (info.isDirectory()) throw new OverensError('fileIsDirectory', { file });
  if (info.size > MAX_INPUT_BYTES) {
    throw new OverensError('fileTooLarge', {
      file,
      size: (info.size / 1024 / 1024).toFixed(1),
      limit: MAX_INPUT_BYTES / 1024 / 1024,
    });
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw OverensError.fromFs(error, file);
  }
  const text = decode(bytes, file);
  return {
    path: file,
    text,
    format: format ?? detectFormat(text, file),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
