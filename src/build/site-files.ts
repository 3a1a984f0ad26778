/**
 * The files of a site, kept inside its output folder whatever is found there.
 * A path the state names must be relative and plain (no "..", no absolute
 * path); every folder on the way to a file must be a real folder, since a
 * link there could lead out; a file is written onto its own name (a link
 * there is replaced, never followed) and removed as the entry itself.
 */
import { lstat, mkdir, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OverensError } from '../errors.js';
import { realPathOrSelf, replaceAtomically } from '../io.js';

/** A path a site may hold: relative, "/"-separated, with no empty, "." or ".." part, no backslash and no NUL. */
export function isSitePath(path: string): boolean {
  return path !== '' && !/[\\\0]/u.test(path) && path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** Whether every folder on the way to `path` is a real folder under `out`; with `create`, missing ones are made. */
async function foldersInside(out: string, path: string, create: boolean): Promise<boolean> {
  let folder = out;
  for (const part of path.split('/').slice(0, -1)) {
    folder = join(folder, part);
    try {
      // lstat: a link to a folder is not a folder here.
      if (!(await lstat(folder)).isDirectory()) return false;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !create) return false;
      // Another job may make the same folder at the same time.
      await mkdir(folder).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw OverensError.fromFs(e, folder);
      });
      if (!(await lstat(folder)).isDirectory()) return false;
    }
  }
  return true;
}

/** The output folder (absolute) and how the user named it. */
export interface SiteFolder {
  out: string;
  outShown: string;
}

/**
 * Write a site file atomically at `out/path`, never through a link and never
 * over an input. A link or a file where a folder should be is refused by name.
 */
export async function writeSiteFile(site: SiteFolder, path: string, data: string | Uint8Array, inputs: string[]): Promise<void> {
  const { out } = site;
  const target = join(out, path);
  const shown = join(site.outShown, path);
  if (!isSitePath(path) || !(await foldersInside(out, path, true))) throw new OverensError('buildSiteEntry', { file: shown });
  const real = join(realPathOrSelf(dirname(target)), basename(target));
  if (inputs.map(realPathOrSelf).includes(real)) throw new OverensError('outputIsInput', { file: shown });
  await replaceAtomically(target, data, shown);
}

/**
 * Remove site files (the entries themselves), then the folders they leave
 * empty; a path that would leave the site is left alone. Returns the paths removed.
 */
export async function removeSiteFiles(out: string, files: string[]): Promise<string[]> {
  const inside: string[] = [];
  for (const file of files) {
    if (!isSitePath(file) || !(await foldersInside(out, file, false))) continue;
    inside.push(file);
    await unlink(join(out, file)).catch(() => undefined);
  }
  const folders = [...new Set(inside.map((f) => dirname(f)).filter((d) => d !== '.'))].sort((a, b) => b.length - a.length);
  for (const folder of folders) {
    for (let d = folder; d !== '.'; d = dirname(d)) await rmdir(join(out, d)).catch(() => undefined);
  }
  return inside;
}

/** Whether `out/path` is the file itself, with no link on the way (so reading it reads the site). */
export function isPlainSiteFile(out: string, path: string): boolean {
  return isSitePath(path) && realPathOrSelf(join(out, path)) === join(realPathOrSelf(out), path);
}
