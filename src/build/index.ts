/**
 * `build(options)`: an agreements repository into a site. Plans the jobs
 * (src/build/plan.ts), runs those whose key changed on a pool of worker
 * threads, writes their files as they finish, then the pages, removes what the
 * build no longer makes, and keeps the state for the next run. Outputs are
 * written atomically and only when their bytes change.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Lang } from '../i18n.js';
import { removeSiteFiles, writeSiteFile, type SiteFolder } from './site-files.js';
import { planBuild, readManifests, tool, type Plan } from './plan.js';
import { INDEX_PAGE, STATE_FILE, agreementPage } from './paths.js';
import { assertOutputFolder, emptyState, filesOf, hashOf, readState, unchanged, type BuildState, type FileRecord, type JobRecord } from './state.js';
import type { BuildFormat, Job, JobData, JobResult } from './types.js';
import { siteView } from './site/view.js';
import { indexPageHtml } from './site/index-page.js';
import { agreementPageHtml } from './site/agreement-page.js';
import { OverensError } from '../errors.js';

export interface BuildOptions {
  /** The repository folder and the output folder (absolute), and how the user named them. */
  dir: string;
  out: string;
  dirShown: string;
  outShown: string;
  formats: readonly BuildFormat[];
  /** At most this many threads (default: every core). */
  jobs?: number;
  /** Start over: remove what the last build made first. */
  clean?: boolean;
  /** The check configuration file, or null for the defaults. */
  config: string | null;
  lang: Lang;
}

export interface BuildEvents {
  /** The jobs that will run, and how many are up to date. */
  planned?(toRun: Job[], upToDate: number, threads: number): void;
  finished?(job: Job, data: JobData, ms: number): void;
}

export interface BuildReport {
  agreements: number;
  /** Manifests that could not be used. */
  broken: number;
  ran: number;
  upToDate: number;
  threads: number;
  /** Files written and removed, relative to the output folder. */
  written: string[];
  removed: string[];
  failed: Array<{ job: string; error: string }>;
  /** Manifests that could not be used, with why. */
  unusable: Array<{ manifest: string; error: string }>;
  errors: number;
  warnings: number;
}

export async function build(options: BuildOptions, events: BuildEvents = {}): Promise<BuildReport> {
  const { out } = options;
  await prepareOutput(options);
  const old = options.clean ? emptyState() : readState(out);
  const next = emptyState();
  const read = await readManifests(options.dir, old.manifests, next.manifests);
  if (read.files.length === 0) throw new OverensError('noManifests', { dir: options.dirShown });
  const plan = planBuild({ dir: options.dir, formats: options.formats, config: options.config, inputs: { old: old.inputs, next: next.inputs } }, read);
  const toRun: Job[] = [];
  for (const job of plan.jobs) {
    const before = old.jobs[job.id];
    if (before && before.key === job.key && Object.entries(before.outputs).every(([path, record]) => unchanged(out, path, record))) next.jobs[job.id] = before;
    else toRun.push(job);
  }
  const threads = Math.max(1, Math.min(options.jobs ?? availableParallelism(), availableParallelism(), toRun.length));
  events.planned?.(toRun, plan.jobs.length - toRun.length, threads);
  const written: string[] = [];
  const failed: BuildReport['failed'] = [];
  const done = async (job: Job, result: JobResult) => {
    const outputs: Record<string, FileRecord> = {};
    for (const o of result.outputs) outputs[o.path] = await writeIfChanged(options, o.path, o.data, old.jobs[job.id]?.outputs[o.path], written, job.revisions.map((r) => r.path));
    next.jobs[job.id] = { key: job.key, outputs, data: result.data };
    if (result.data.kind === 'failed') failed.push({ job: job.id, error: result.data.error[options.lang] });
    events.finished?.(job, result.data, result.ms);
  };
  await runJobs(toRun, threads, done);

  // The pages come from every job's data, run now or kept.
  const data = new Map<string, JobData>(plan.jobs.map((j) => [j.id, next.jobs[j.id]!.data]));
  const view = siteView(plan.agreements, data, options.dirShown);
  // A page is made again only when the keys of the jobs it shows changed (or its file did).
  const jobsOf = new Map(plan.agreements.flatMap((p) => (p.manifest ? [[p.manifest.id, p.jobs] as const] : [])));
  const pageKey = (jobs: readonly Job[], extra = '') => hashOf(JSON.stringify([tool(), options.dirShown, extra, ...jobs.map((j) => j.key)]));
  const pages: Array<{ path: string; key: string; html: () => string }> = [
    { path: INDEX_PAGE, key: pageKey(plan.jobs, JSON.stringify(view.broken)), html: () => indexPageHtml(view) },
    ...view.agreements.map((a) => ({ path: agreementPage(a.id), key: pageKey(jobsOf.get(a.id)!), html: () => agreementPageHtml(a) })),
  ];
  for (const { path, key, html } of pages) {
    const before = old.pages[path];
    next.pages[path] = before && before.key === key && unchanged(out, path, before) ? before : { ...(await writeIfChanged(options, path, html(), before, written, [])), key };
  }

  const removed = await removeStale(out, old, next);
  // The state in plan order, so the same build writes the same state.
  const ordered: BuildState = { ...next, jobs: Object.fromEntries(plan.jobs.map((j) => [j.id, next.jobs[j.id]!] as [string, JobRecord])) };
  const text = `${JSON.stringify(ordered, null, 1)}\n`;
  const stateUnchanged = !options.clean && unchanged(out, STATE_FILE, { hash: hashOf(text), size: Buffer.byteLength(text), mtimeMs: -1 });
  if (!stateUnchanged) await writeSiteFile(options, STATE_FILE, text, []);
  return report(plan, view, { ran: toRun.length, threads, written, removed, failed }, options.lang);
}

/** The output folder exists, and is one a build made (or was empty); with --clean, what the last build made is removed. */
async function prepareOutput(options: BuildOptions): Promise<void> {
  const { out } = options;
  let entries: string[] = [];
  try {
    entries = await readdir(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') throw new OverensError('buildOutNotAFolder', { dir: options.outShown });
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw OverensError.fromFs(error, options.outShown);
  }
  assertOutputFolder(out, options.outShown, entries);
  if (options.clean) {
    const last = readState(out);
    await removeSiteFiles(out, [...filesOf(last), STATE_FILE]);
  }
  await mkdir(out, { recursive: true });
}

/** Writes a file unless it already holds these bytes; returns its record. */
async function writeIfChanged(site: SiteFolder, path: string, data: string | Uint8Array, before: FileRecord | undefined, written: string[], inputs: string[]): Promise<FileRecord> {
  const { out } = site;
  const hash = hashOf(data);
  const full = join(out, path);
  if (before && before.hash === hash && unchanged(out, path, before)) return before;
  await writeSiteFile(site, path, data, inputs);
  written.push(path);
  const info = statSync(full);
  return { hash, size: info.size, mtimeMs: info.mtimeMs };
}

/** Files the last build made that this one does not: removed, with folders left empty. */
async function removeStale(out: string, old: BuildState, next: BuildState): Promise<string[]> {
  const keep = new Set(filesOf(next));
  const stale = filesOf(old).filter((f) => !keep.has(f));
  return removeSiteFiles(out, stale);
}


/**
 * Runs the jobs, on a pool of worker threads when there is more than one to
 * share them. With many agreements to build, an agreement's jobs go to one
 * worker together, so each revision is parsed once; with few, every job is a
 * task of its own, so an agreement's formats are made in parallel.
 */
async function runJobs(jobs: Job[], threads: number, done: (job: Job, result: JobResult) => Promise<void>): Promise<void> {
  if (jobs.length === 0) return;
  // Writes happen one at a time, in the order jobs finish.
  let writing = Promise.resolve();
  const finish = (job: Job, result: JobResult) => (writing = writing.then(() => done(job, result)));
  if (threads < 2) {
    const { default: runJob } = await import('./worker.js');
    for (const job of jobs) await finish(job, await runJob(job));
    return;
  }
  const byAgreement = new Map<string, Job[]>();
  for (const job of jobs) byAgreement.set(job.agreement, [...(byAgreement.get(job.agreement) ?? []), job]);
  const tasks = byAgreement.size >= threads * GROUP_FROM ? [...byAgreement.values()] : jobs.map((j) => [j]);
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename: new URL('./worker.js', import.meta.url).href, name: 'runJobs', maxThreads: threads, minThreads: threads });
  try {
    await Promise.all(
      tasks.map(async (task) => {
        const results = (await pool.run(task)) as JobResult[];
        await Promise.all(task.map((job, i) => finish(job, results[i]!)));
      }),
    );
    await writing;
  } finally {
    await pool.destroy();
  }
}

/** Agreements per thread from which an agreement's jobs are one task. */
const GROUP_FROM = 4;

function report(plan: Plan, view: ReturnType<typeof siteView>, run: Pick<BuildReport, 'ran' | 'threads' | 'written' | 'removed' | 'failed'>, lang: Lang): BuildReport {
  return {
    agreements: view.agreements.length,
    broken: view.broken.length,
    upToDate: plan.jobs.length - run.ran,
    ...run,
    unusable: plan.agreements.flatMap((a) => (a.manifest ? [] : [{ manifest: a.manifestShown, error: a.error?.[lang] ?? '' }])),
    errors: view.errors,
    warnings: view.warnings,
  };
}
