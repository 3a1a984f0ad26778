/**
 * The content-hash manifest a build keeps in its output folder: for every job
 * its key, the files it wrote (hash, size, modification time) and the data the
 * pages need; for every page the key of what it shows and its hash; for every
 * manifest its content hash and what it says (read again only when it changed);
 * for every input its size, time and hash. A job whose key is unchanged and whose
 * files are as written is not run again; a file is written only when its bytes
 * change; a file the build no longer makes is removed. Only files listed here
 * are ever removed.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync } from 'node:fs';
import { readRegularFileSync } from '../read-file.js';
import { join } from 'node:path';
import { OverensError } from '../errors.js';
import { STATE_FILE } from './paths.js';
import { isPlainSiteFile, isSitePath } from './site-files.js';
import type { JobData } from './types.js';
import type { Manifest } from '../manifest.js';

export interface FileRecord {
  hash: string;
  size: number;
  mtimeMs: number;
}

export interface JobRecord {
  key: string;
  outputs: Record<string, FileRecord>;
  data: JobData;
}

export interface PageRecord extends FileRecord {
  /** The hash of the job keys the page is made from. */
  key: string;
}

/** A source, manifest or configuration file as the build last read it. */
export interface InputRecord {
  size: number;
  mtimeMs: number;
  hash: string;
}

export interface ManifestRecord {
  /** The hash of the tool and the manifest's bytes. */
  key: string;
  manifest: Manifest;
}

export interface BuildState {
  format: 'overens-build';
  version: 1;
  jobs: Record<string, JobRecord>;
  pages: Record<string, PageRecord>;
  /** By manifest path, relative to the repository folder. */
  manifests: Record<string, ManifestRecord>;
  /** By path, relative to the repository folder: a file whose size and time are unchanged is not hashed again. */
  inputs: Record<string, InputRecord>;
}

export const emptyState = (): BuildState => ({ format: 'overens-build', version: 1, jobs: {}, pages: {}, manifests: {}, inputs: {} });

export const hashOf = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The largest state read (1,000 agreements keep about a few MB). */
const STATE_MAX_BYTES = 512 * 1024 * 1024;

/** The state of the last build into `out`, or an empty one. A folder that holds other files and no state is refused. */
export function readState(out: string): BuildState {
  const file = join(out, STATE_FILE);
  if (!existsSync(file)) return emptyState();
  try {
    const data = JSON.parse(readRegularFileSync(file, STATE_MAX_BYTES).toString('utf8')) as BuildState;
    const shaped = data.format === 'overens-build' && data.version === 1 && typeof data.jobs === 'object' && typeof data.pages === 'object' && typeof data.manifests === 'object' && typeof data.inputs === 'object';
    // A state is only read, never trusted: one naming a path that leaves the site (removed as stale) is no state.
    if (shaped && filesOf(data).every(isSitePath)) return data;
  } catch {
    // An unreadable state is no state: everything is built again.
  }
  return emptyState();
}

/** Whether a file is as the state recorded it (size and time; the hash when they differ). */
export function unchanged(out: string, path: string, record: FileRecord | undefined): boolean {
  if (!record) return false;
  let info;
  try {
    if (!isPlainSiteFile(out, path)) return false;
    info = lstatSync(join(out, path));
  } catch {
    return false;
  }
  if (!info.isFile() || info.size !== record.size) return false;
  if (info.mtimeMs === record.mtimeMs) return true;
  try {
    return hashOf(readRegularFileSync(join(out, path), Number.MAX_SAFE_INTEGER)) === record.hash;
  } catch {
    return false;
  }
}

/** Every file a state lists (outputs and pages). */
export function filesOf(state: BuildState): string[] {
  return [...Object.values(state.jobs).flatMap((j) => Object.keys(j.outputs)), ...Object.keys(state.pages)];
}

/** The output folder must be one a build made, or empty, or new: never a folder of other files. */
export function assertOutputFolder(out: string, shown: string, entries: string[]): void {
  if (entries.length > 0 && !entries.includes(STATE_FILE)) throw new OverensError('buildOutNotOurs', { dir: shown });
}
