/**
 * Agreement manifests: `agreements/<region>/<agreement>/manifest.yaml` names an
 * agreement, its parties and its revisions in order (one per consultation
 * round or layout stage), each pointing at a source file beside the manifest.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Static } from '@sinclair/typebox';
import { readYamlFile } from './yaml-file.js';
import type { ManifestRevision, ManifestSchema } from './manifest-schema.js';
import { OverensError } from './errors.js';
import { realPathOrSelf } from './io.js';

export const MANIFEST_NAME = 'manifest.yaml';

export type { ManifestRevision } from './manifest-schema.js';

export interface Manifest extends Static<typeof ManifestSchema> {
  /** Absolute path of the manifest file. */
  file: string;
}

export async function loadManifest(file: string): Promise<Manifest> {
  const data = readYamlFile(file, 'manifestInvalid');
  // The schema (TypeBox) is loaded with the first manifest, not with every command.
  const [{ Value }, { ManifestSchema }] = await Promise.all([import('./vendor/typebox.js'), import('./manifest-schema.js')]);
  if (!Value.Check(ManifestSchema, data)) {
    const first = [...Value.Errors(ManifestSchema, data)][0];
    const where = first?.path ? first.path.replace(/^\//u, '').replaceAll('/', '.') : '(top level)';
    throw new OverensError('manifestInvalid', { file, reason: `${where}: ${first?.message ?? 'does not match the manifest schema'}` });
  }
  const labels = new Set<string>();
  for (const r of data.revisions) {
    if (labels.has(r.label)) throw new OverensError('manifestInvalid', { file, reason: `revisions: label "${r.label}" appears twice` });
    labels.add(r.label);
  }
  return { ...data, file: resolve(file) };
}

/** Where a revision's source would be, read as written (absolute). */
function sourcePath(manifest: Manifest, revision: ManifestRevision): string {
  return resolve(dirname(resolve(manifest.file)), revision.source);
}

/**
 * Where a revision's source is: inside the agreement's folder, always. A
 * source that leaves it (`../`, an absolute path, a symlink pointing out) is
 * refused by name, so a manifest from a pull request cannot read other files.
 */
export function revisionPath(manifest: Manifest, revision: ManifestRevision): string {
  const path = sourcePath(manifest, revision);
  const folder = dirname(resolve(manifest.file));
  const inside = (root: string, p: string) => p.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
  if (!inside(folder, path) || !inside(realPathOrSelf(folder), realPathOrSelf(path))) throw new OverensError('manifestSourceOutside', { file: manifest.file, source: revision.source });
  return path;
}

/** The manifest of an agreement by its id, under a directory; an unknown id names the known ones. */
export async function findAgreement(dir: string, id: string): Promise<Manifest> {
  const manifests = await discoverManifests(dir);
  const manifest = manifests.find((m) => m.id === id);
  if (!manifest) throw new OverensError('diffNoAgreement', { agreement: id, dir, known: manifests.map((m) => m.id).join(', ') });
  return manifest;
}

/** A revision of an agreement by its label; an unknown label names the known ones. */
export function revisionByLabel(manifest: Manifest, label: string): ManifestRevision {
  const revision = manifest.revisions.find((r) => r.label === label);
  if (!revision) throw new OverensError('diffNoRevision', { agreement: manifest.id, label, known: manifest.revisions.map((r) => r.label).join(', ') });
  return revision;
}

/** Every manifest under a directory, sorted by path. */
export async function discoverManifests(dir: string): Promise<Manifest[]> {
  return Promise.all((await manifestFiles(dir)).map(loadManifest));
}

/** The paths of every manifest under a directory, sorted, not yet read. */
export async function manifestFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (error) {
      throw OverensError.fromFs(error, d);
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.name === MANIFEST_NAME) found.push(full);
    }
  };
  await walk(dir);
  return found.sort();
}

/** The manifest and revision that list this file, looking in its folder and up to three above. */
export async function findRevision(file: string): Promise<{ manifest: Manifest; revision: ManifestRevision } | null> {
  const target = resolve(file);
  let dir = dirname(target);
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, MANIFEST_NAME);
    let manifest: Manifest | null = null;
    try {
      manifest = await loadManifest(candidate);
    } catch (error) {
      if (!(error instanceof OverensError && error.key === 'fileNotFound')) throw error;
    }
    if (manifest) {
      // The user named this file: its manifest entry only adds labels, so a lexical match is enough.
      const revision = manifest.revisions.find((r) => sourcePath(manifest, r) === target);
      if (revision) return { manifest, revision };
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}
