/**
 * Output files, written the way a careful user expects:
 * - a regular file is written atomically (a temporary file in the same folder,
 *   then rename), and an existing one is replaced only with `force`;
 * - a symlink is followed: the real file is written, atomically, beside itself;
 * - a character device or FIFO (/dev/null, /dev/stdout, a pipe) is written to
 *   directly, never replaced;
 * - a path ending in "/" or naming a folder is refused, as is a missing folder;
 * - an input is never overwritten, however it is named;
 * - a write error (ENOSPC on /dev/full) names the file.
 * A temporary file is removed if the process is stopped (Ctrl-C, SIGTERM,
 * SIGHUP) while it is written.
 */
import { randomBytes } from 'node:crypto';
import { realpathSync, rmSync } from 'node:fs';
import { lstat, readlink, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { OverensError } from './errors.js';

export interface WriteOptions {
  /** Replace an existing regular file. */
  force?: boolean;
}

const pending = new Set<string>();

/** Remove the temporary files of writes still in progress. */
export function removeTemporaryFiles(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}

const SIGNALS = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const;

/**
 * While a temporary file exists, a signal removes it before the process ends.
 * The handlers are there only then: a handler would otherwise keep Ctrl-C from
 * stopping a long synchronous parse, which never gives the event loop a turn.
 */
function guardSignals(): () => void {
  const handlers = SIGNALS.map(([signal, code]) => {
    const handler = () => {
      removeTemporaryFiles();
      process.exit(code);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}

/** The path a symlink chain ends at, also when that file does not exist yet. */
async function followLinks(path: string, depth = 0): Promise<string> {
  if (depth > 32) throw new OverensError('outputLinkLoop', { file: path });
  let info;
  try {
    info = await lstat(path);
  } catch {
    return path;
  }
  if (!info.isSymbolicLink()) return path;
  return followLinks(resolve(dirname(path), await readlink(path)), depth + 1);
}

/** A path as a user in `cwd` names it: relative when it is below, else as it is. */
export function shownPath(cwd: string, path: string): string {
  const here = relative(cwd, path);
  return here === '' || here.startsWith('..') ? path : here;
}

/** A path with every link resolved, or the path itself (absolute) when it does not exist yet. */
export function realPathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** A write error as one line naming the file. */
function writeError(error: unknown, file: string): OverensError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EISDIR') return OverensError.fromFs(error, file);
  return new OverensError('outputWriteFailed', { file, reason: code ?? (error as Error).message }, { cause: error });
}

export async function writeOutput(file: string, data: string | Uint8Array, inputs: string[] = [], options: WriteOptions = {}): Promise<void> {
  if (/[/\\]$/u.test(file)) throw new OverensError('outputIsFolder', { file });
  let info;
  try {
    info = await stat(file); // follows links, /dev/stdout's too
  } catch {
    info = null;
  }
  if (info?.isDirectory()) throw new OverensError('outputIsFolder', { file });
  if (info && (info.isCharacterDevice() || info.isFIFO() || info.isSocket())) {
    try {
      await writeFile(file, data, { flag: 'w' });
    } catch (error) {
      throw writeError(error, file);
    }
    return;
  }
  // A regular file, or none yet: write the file the links end at, beside itself.
  const target = await followLinks(resolve(file));
  const real = realPathOrSelf(target);
  const inputPaths = inputs.map(realPathOrSelf);
  if (inputPaths.includes(real)) throw new OverensError('outputIsInput', { file });
  if (info && !info.isFile()) throw new OverensError('outputNotAFile', { file });
  if (info && !options.force) throw new OverensError('outputExists', { file });
  const folder = dirname(target);
  try {
    if (!(await stat(folder)).isDirectory()) throw new OverensError('outputNoFolder', { file, folder });
  } catch (error) {
    if (error instanceof OverensError) throw error;
    throw new OverensError('outputNoFolder', { file, folder }, { cause: error });
  }
  await replaceAtomically(target, data, file);
}

/**
 * Write `target` atomically: a temporary file beside it, then a rename onto
 * the name itself (a link there is replaced, not followed). Errors name `file`;
 * the temporary file is removed on failure and on SIGINT or SIGTERM.
 */
export async function replaceAtomically(target: string, data: string | Uint8Array, file: string): Promise<void> {
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  pending.add(tmp);
  const unguard = guardSignals();
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw writeError(error, file);
  } finally {
    pending.delete(tmp);
    unguard();
  }
}
