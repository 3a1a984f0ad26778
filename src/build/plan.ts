/**
 * The jobs of a build: for every agreement manifest under the repository
 * folder, one check job, one render job per format for the latest revision
 * that covers the whole agreement, and one diff job per pair of consecutive
 * revisions. Each job's key hashes what its outputs depend on (the tool
 * version and code, the manifest, the source files, the templates, the configuration),
 * so an unchanged job is known without running it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadManifest, manifestFiles, revisionPath, type Manifest } from '../manifest.js';
import { OverensError } from '../errors.js';
import type { Lang } from '../i18n.js';
import { VERSION } from '../version.js';
import type { BuildFormat, Job, JobRevision } from './types.js';
import type { InputRecord, ManifestRecord } from './state.js';

/** The bundled templates (as src/render/templates.ts finds them; not imported here, so a build with nothing to do loads no template engine). */
const DEFAULT_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

/** Bumped when the site's layout or a job's outputs change shape, so every output is rebuilt. */
export const SITE_VERSION = 1;

/** An agreement of the site: its manifest and its jobs, or why its manifest could not be read. */
export interface PlannedAgreement {
  manifestShown: string;
  manifest: Manifest | null;
  /** Why the manifest could not be used (one line). */
  error?: string;
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
  lang: Lang;
  /** The inputs' hashes by path (relative to the folder) as the last build saw them, and where to put this one's. */
  inputs?: { old: Record<string, InputRecord>; next: Record<string, InputRecord> };
}

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A file's content hash, or "missing". */
function fileHash(path: string): string {
  try {
    return sha(readFileSync(path));
  } catch {
    return 'missing';
  }
}

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
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else h.update(`${relative(dir, full)}\0`).update(readFileSync(full)).update('\0');
    }
  };
  walk(dir);
  return h.digest('hex');
}

/** The path as the site shows it: relative to the repository folder, with "/". */
export const shownIn = (dir: string, path: string) => relative(dir, path).split(sep).join('/');

/** The tool itself: its version and the hash of its code, so a changed tool rebuilds everything. */
let toolHash: string | undefined;
export const tool = () => (toolHash ??= sha(`${VERSION}\0${folderHash(fileURLToPath(new URL('..', import.meta.url)))}`));

export function planBuild(options: PlanOptions, files: string[], manifests: Array<Manifest | OverensError>): Plan {
  const { dir } = options;
  const templates = { html: folderHash(join(DEFAULT_TEMPLATES, 'html')), pdf: folderHash(join(DEFAULT_TEMPLATES, 'typst')) } as Partial<Record<BuildFormat, string>>;
  const configHash = options.config ? fileHash(options.config) : 'none';
  const hashes = new Map<string, string>();
  const hashOf = (path: string) => hashes.get(path) ?? hashes.set(path, cachedHash(dir, path, options.inputs)).get(path)!;
  const agreements: PlannedAgreement[] = [];
  const ids = new Map<string, string>();
  manifests.forEach((m, i) => {
    const manifestShown = shownIn(dir, files[i]!);
    if (m instanceof OverensError) {
      agreements.push({ manifestShown, manifest: null, error: m.messageIn(options.lang).replace(`${files[i]!}: `, ''), jobs: [] });
      return;
    }
    const first = ids.get(m.id);
    if (first !== undefined) {
      agreements.push({ manifestShown, manifest: null, error: options.lang === 'sv' ? `id "${m.id}" används redan av ${first}` : `id "${m.id}" is already used by ${first}`, jobs: [] });
      return;
    }
    ids.set(m.id, manifestShown);
    let revisions: JobRevision[];
    try {
      revisions = m.revisions.map((r) => {
        const path = revisionPath(m, r);
        return { label: r.label, path, shown: shownIn(dir, path), kind: r.scope !== undefined ? 'section' : (m.kind ?? 'agreement'), hash: hashOf(path) };
      });
    } catch (error) {
      if (!(error instanceof OverensError)) throw error;
      agreements.push({ manifestShown, manifest: null, error: error.messageIn(options.lang), jobs: [] });
      return;
    }
    const manifestHash = hashOf(m.file);
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
    for (let i = 1; i < revisions.length; i++) {
      const pair = [revisions[i - 1]!, revisions[i]!];
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
export async function readManifests(dir: string, cache: Record<string, ManifestRecord> = {}, next: Record<string, ManifestRecord> = {}): Promise<{ files: string[]; manifests: Array<Manifest | OverensError> }> {
  const files = await manifestFiles(dir);
  const manifests = await Promise.all(
    files.map(async (file) => {
      const shown = shownIn(dir, file);
      let key: string;
      try {
        key = sha(`${tool()}\0${sha(readFileSync(file))}`);
      } catch {
        key = '';
      }
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
  return { files, manifests };
}
