/**
 * Bounded reads of the files a user names: only regular files (a FIFO, a
 * device or a socket could block or never end), checked on the opened file
 * itself so nothing can be swapped in between, and never more than a limit,
 * even if the file grows while it is read. Standard input is read only when
 * the user asks for it ("-"), under the same limit.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { OverensError } from './errors.js';

const MIB = 1024 * 1024;

/** A limit from the environment (a positive number), else its default: how a user raises one (docs/RELIABILITY.md). */
export function limitFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** A size in MB as a person reads it: "64", "0.5". */
export const mb = (bytes: number) => String(Number((bytes / MIB).toPrecision(3)));

/** A limit given in MB in the environment (or its default in MB), in bytes. */
export const mbFromEnv = (name: string, fallback: number) => Math.round(limitFromEnv(name, fallback) * MIB);

/** The largest input read: 64 MiB, or OVERENS_MAX_INPUT_MB. */
export const MAX_INPUT_BYTES = mbFromEnv('OVERENS_MAX_INPUT_MB', 64);

/** "65.2", or "> 64" where one decimal would not show the size is over the limit. */
function sizeInMb(bytes: number, limit: number): string {
  const shown = (bytes / MIB).toFixed(1);
  return Number(shown) > limit / MIB ? shown : `> ${mb(limit)}`;
}

export function tooLarge(file: string, bytes: number, limit = MAX_INPUT_BYTES): OverensError {
  return new OverensError('fileTooLarge', { file, size: sizeInMb(bytes, limit), limit: mb(limit) });
}

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function checkOpened(file: string, info: { isFile(): boolean; isDirectory(): boolean; size: number }, limit: number): void {
  if (info.isDirectory()) throw new OverensError('fileIsDirectory', { file });
  if (!info.isFile()) throw new OverensError('fileNotRegular', { file });
  if (info.size > limit) throw tooLarge(file, info.size, limit);
}

/** The bytes of a regular file, at most `limit` of them (else an error naming the file and the limit). */
export function readRegularFileSync(file: string, limit = MAX_INPUT_BYTES): Buffer {
  let fd: number;
  try {
    fd = openSync(file, FLAGS);
  } catch (error) {
    throw OverensError.fromFs(error, file);
  }
  try {
    checkOpened(file, fstatSync(fd), limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw tooLarge(file, total, limit);
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof OverensError) throw error;
    throw OverensError.fromFs(error, file);
  } finally {
    closeSync(fd);
  }
}

/** The same as a promise, for the library's async readers (a local file of at most 64 MiB is read at once). */
export async function readRegularFile(file: string, limit = MAX_INPUT_BYTES): Promise<Buffer> {
  return readRegularFileSync(file, limit);
}

/** Standard input (or another stream the user passed), at most `limit` bytes. */
export async function readStream(stream: NodeJS.ReadableStream, name: string, limit = MAX_INPUT_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += bytes.length;
    if (total > limit) throw tooLarge(name, total, limit);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}
