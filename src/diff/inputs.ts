/**
 * What `overens diff` compares: files (any supported format), git revisions
 * ("HEAD~1:agreements/x.md"), or revision labels of an agreement manifest
 * ("norrbotten-civilsamhalle word-draft layout-proof").
 */
import { spawnSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import type { Agreement } from '../model.js';
import { parse, parseFile, type ParseOptions } from '../parse/index.js';
import { findAgreement, revisionByLabel, revisionPath } from '../manifest.js';
import { diffAgreements, type DiffOptions } from './align.js';
import type { Diff } from './model.js';
import { OverensError } from '../errors.js';
import { MAX_INPUT_BYTES, tooLarge as tooLargeError } from '../read-file.js';

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Parse one side given as a file path or a git revision (REV:PATH). */
export async function loadSide(spec: string, options: Omit<ParseOptions, 'path'>, cwd = process.cwd()): Promise<Agreement> {
  if (await exists(spec)) return parseFile(spec, options);
  const git = /^([^:-][^:]*):(.+)$/u.exec(spec);
  if (git) {
    // One byte over the input limit is enough to know the revision is too large. The spec goes
    // after --end-of-options, and one that starts with "-" is never a revision: no option reaches git.
    const r = spawnSync('git', ['show', '--end-of-options', spec], { cwd, maxBuffer: MAX_INPUT_BYTES + 1 });
    const tooLarge = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOBUFS' || (r.stdout?.length ?? 0) > MAX_INPUT_BYTES;
    if (tooLarge) throw tooLargeError(spec, MAX_INPUT_BYTES + 1);
    if (r.status === 0) {
      // The format comes from the file's name; the revision is shown as written, with its commit.
      const model = await parse(r.stdout, { ...options, path: git[2]! });
      model.meta.source.path = spec;
      const commit = spawnSync('git', ['rev-parse', '--short', '--verify', '--end-of-options', `${git[1]!}^{commit}`], { cwd, encoding: 'utf8' });
      const label = commit.status === 0 ? commit.stdout.trim() : git[1]!;
      model.meta.revision = { label, status: 'unknown' };
      return model;
    }
    if (r.error === undefined) {
      const reason = r.stderr.toString('utf8').trim().split('\n')[0] ?? '';
      throw new OverensError('diffGitRevision', { spec, reason });
    }
  }
  throw new OverensError('fileNotFound', { file: spec });
}

/** The two source files of an agreement's revisions, by manifest id and labels. */
export async function manifestSides(dir: string, agreement: string, oldLabel: string, newLabel: string): Promise<[string, string]> {
  const manifest = await findAgreement(dir, agreement);
  const path = (label: string) => revisionPath(manifest, revisionByLabel(manifest, label));
  return [path(oldLabel), path(newLabel)];
}

/**
 * The diff of two revisions given as files (any supported format) or git
 * revisions ("HEAD~1:agreements/x.md"): both parsed, then compared.
 */
export async function diffFiles(oldSpec: string, newSpec: string, options: DiffOptions & Omit<ParseOptions, 'path'> & { cwd?: string } = {}): Promise<Diff> {
  const { ignoreSpelling, speller, granularity, scope, cwd, ...parseOptions } = options;
  const [oldModel, newModel] = await Promise.all([loadSide(oldSpec, parseOptions, cwd), loadSide(newSpec, parseOptions, cwd)]);
  return diffAgreements(oldModel, newModel, {
    ...(ignoreSpelling !== undefined ? { ignoreSpelling } : {}),
    ...(speller !== undefined ? { speller } : {}),
    ...(granularity !== undefined ? { granularity } : {}),
    ...(scope !== undefined ? { scope } : {}),
  });
}
