/**
 * The jobs of a build: for every agreement manifest under the repository
 * folder, one check job, one render job per format for the latest revision
 * that covers the whole agreement, and one diff job per pair of consecutive
 * revisions. Each job's key hashes what its outputs depend on (the tool
 * version and code, the manifest, the source files, the templates, the configuration),
 * so an unchanged job is known without running it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { readRegularFileSync } from '../read-file.js';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadManifest, manifestFiles, revisionPath, type Manifest } from '../manifest.js';
import { OverensError } from '../errors.js';
import { t } from '../i18n.js';
import { VERSION } from '../version.js';
import { sayInBoth, type BuildFormat, type Job, type JobRevision, type Said } from './types.js';
import { hashOf as sha, type InputRecord, type ManifestRecord } from './state.js';

/** The bundled templates (as src/render/templates.ts finds them; not imported here, so a build with nothing to do loads no template engine). */
const DEFAULT_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

/** Bumped when the site's layout or a job's outputs change shape, so every output is rebuilt. */
export const SITE_VERSION = 2;

/** An agreement of the site: its manifest and its jobs, or why its manifest could not be read. */
export interface PlannedAgreement {
  manifestShown: string;
  manifest: Manifest | null;
  /** Why the manifest could not be used (one line in each language). */
  error?: Said;
  jobs: Job[];
}

export interface Plan {
  agreements: PlannedAgreement[];
  jobs: Job[];
}

export interface PlanOptions {
  /** The repository folder (absolute). */
  dir: string;
  formats: readonly BuildFormat[];
  config: string | null;
  /** The inputs' hashes by path (relative to the folder) as the last build saw them, and where to put this one's. */
  inputs?: { old: Record<string, InputRecord>; next: Record<string, InputRecord> };
}

/**
 * A file's content hash; "missing" when there is no file, "unreadable" when
 * it is not a regular file or is too large (its job reads it and says why).
 */
function fileHash(path: string): string {
  try {
    return sha(readRegularFileSync(path));
  } catch (error) {
    return error instanceof OverensError && error.key === 'fileNotFound' ? 'missing' : 'unreadable';
  }
}

const isHash = (hash: string) => hash !== 'missing' && hash !== 'unreadable';

/** A file's hash, taken from `old` when its size and time are as recorded there; `next` gets the record. */
function cachedHash(dir: string, path: string, inputs: PlanOptions['inputs']): string {
  if (!inputs) return fileHash(path);
  const shown = shownIn(dir, path);
  let info;
  try {
    info = statSync(path);
  } catch {
    return 'missing';
  }
  const before = inputs.old[shown];
  const hash = before && before.size === info.size && before.mtimeMs === info.mtimeMs ? before.hash : fileHash(path);
  inputs.next[shown] = { size: info.size, mtimeMs: info.mtimeMs, hash };
  return hash;
}

/** The hash of every file under a folder, by relative path. */
function folderHash(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else parts.push(`${relative(dir, full)}\0${sha(readFileSync(full))}`);
    }
  };
  walk(dir);
  return sha(parts.join('\0'));
}

/** The path as the site shows it: relative to the repository folder, with "/". */
export const shownIn = (dir: string, path: string) => relative(dir, path).split(sep).join('/');

/** The tool itself: its version and the hash of its code, so a changed tool rebuilds everything. */
let toolHash: string | undefined;
export const tool = () => (toolHash ??= sha(`${VERSION}\0${folderHash(fileURLToPath(new URL('..', import.meta.url)))}`));

export function planBuild(options: PlanOptions, read: ReadManifests): Plan {
  const { dir } = options;
  const { files, manifests } = read;
  const templates = { html: folderHash(join(DEFAULT_TEMPLATES, 'html')), pdf: folderHash(join(DEFAULT_TEMPLATES, 'typst')) } as Partial<Record<BuildFormat, string>>;
  const configHash = options.config ? fileHash(options.config) : 'none';
  const hashes = new Map<string, string>();
  const inputHash = (path: string) => hashes.get(path) ?? hashes.set(path, cachedHash(dir, path, options.inputs)).get(path)!;
  const agreements: PlannedAgreement[] = [];
  const ids = new Map<string, string>();
  manifests.forEach((m, i) => {
    const manifestShown = shownIn(dir, files[i]!);
    if (m instanceof OverensError) {
      agreements.push({ manifestShown, manifest: null, error: sayInBoth((lang) => m.messageIn(lang).replace(`${files[i]!}: `, '')), jobs: [] });
      return;
    }
    const first = ids.get(m.id);
    if (first !== undefined) {
      agreements.push({ manifestShown, manifest: null, error: sayInBoth((lang) => t(lang, 'buildDuplicateId', { id: m.id, first })), jobs: [] });
      return;
    }
    ids.set(m.id, manifestShown);
    let revisions: JobRevision[];
    try {
      revisions = m.revisions.map((r) => {
        const path = revisionPath(m, r);
        return { label: r.label, path, shown: shownIn(dir, path), kind: r.scope !== undefined ? 'section' : (m.kind ?? 'agreement'), hash: inputHash(path) };
      });
    } catch (error) {
      if (!(error instanceof OverensError)) throw error;
      agreements.push({ manifestShown, manifest: null, error: sayInBoth((lang) => error.messageIn(lang).replace(`${m.file}: `, '')), jobs: [] });
      return;
    }
    const manifestHash = read.hashes[i]!;
    const key = (...parts: string[]) => sha(JSON.stringify([SITE_VERSION, tool(), manifestHash, ...parts]));
    const base = { agreement: m.id, manifest: m.file, manifestShown };
    const jobs: Job[] = [
      { ...base, id: `check ${m.id}`, kind: 'check', revisions, config: options.config, key: key('check', configHash, ...revisions.map((r) => r.hash)) },
    ];
    const latest = [...m.revisions].reverse().find((r) => r.scope === undefined);
    const current = revisions.find((r) => r.label === latest?.label);
    if (current) {
      for (const format of options.formats) {
        jobs.push({ ...base, id: `render ${m.id} ${format}`, kind: 'render', revisions: [current], format, key: key('render', format, templates[format] ?? '', current.hash) });
      }
    }
    for (let k = 1; k < revisions.length; k++) {
      const pair = [revisions[k - 1]!, revisions[k]!];
      jobs.push({ ...base, id: `diff ${m.id} ${pair[0]!.label}..${pair[1]!.label}`, kind: 'diff', revisions: pair, key: key('diff', ...pair.map((r) => r.hash)) });
    }
    agreements.push({ manifestShown, manifest: m, jobs });
  });
  return { agreements, jobs: agreements.flatMap((a) => a.jobs) };
}

/**
 * Every manifest under the folder, read; one that cannot be read is kept as
 * its error. A manifest whose bytes (and the tool) are as `cache` recorded is
 * taken from it, not parsed and validated again; `next` gets every one read.
 */
export interface ReadManifests {
  files: string[];
  manifests: Array<Manifest | OverensError>;
  /** Each manifest's content hash (part of its jobs' keys). */
  hashes: string[];
}

export async function readManifests(dir: string, cache: Record<string, ManifestRecord> = {}, next: Record<string, ManifestRecord> = {}): Promise<ReadManifests> {
  const files = await manifestFiles(dir);
  const hashes = files.map(fileHash);
  const manifests = await Promise.all(
    files.map(async (file, i) => {
      const shown = shownIn(dir, file);
      const key = !isHash(hashes[i]!) ? '' : sha(`${tool()}\0${hashes[i]!}`);
      const cached = cache[shown];
      if (key && cached?.key === key) {
        next[shown] = cached;
        return { ...cached.manifest, file };
      }
      try {
        const manifest = await loadManifest(file);
        // Kept without its absolute path: the state is published with the site.
        if (key) next[shown] = { key, manifest: { ...manifest, file: shown } };
        return manifest;
      } catch (error) {
        if (error instanceof OverensError) return error;
        throw error;
      }
    }),
  );
  return { files, manifests, hashes };
}
