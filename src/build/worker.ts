/**
 * A worker of `overens build`'s pool: runs one job (check an agreement, render
 * its current text in one format, compare two rounds) and returns the files it
 * made and the data the site's pages need. A document that cannot be read
 * fails its job with one line, never the build.
 */
import { readRegularFileSync } from '../read-file.js';
import { MAX_YAML_BYTES } from '../yaml-file.js';
import type { Agreement } from '../model.js';
import type { Source } from '../parse/source.js';
import { parseFileWithSource } from '../parse/index.js';
import { OverensError } from '../errors.js';
import { check, checkManifest } from '../check/index.js';
import { resolveConfig } from '../check/config.js';
import { loadManifest } from '../manifest.js';
import { render } from '../render/index.js';
import { loadSwedishSpeller, saveSpellerAnswers } from '../spell.js';
import { diffAgreements } from '../diff/align.js';
import { countChanges } from '../diff/count.js';
import { renderDiff } from '../reporters/diff.js';
import { roundLines } from '../history/phrases.js';
import { scopeLine, summaryLine } from '../reporters/diff-common.js';
import { sayInBoth, type CheckData, type CheckedRevision, type Job, type JobResult, type JobRevision, type Output, type Said, type SiteFinding } from './types.js';
import { agreementPage, diffFile, manifestPage, renderedFile, sourcePage } from './paths.js';
import { sourcePageHtml } from './site/source-page.js';

/** The last few documents parsed by this worker: a revision is read by several jobs. */
const parsed = new Map<string, Promise<{ model: Agreement; source: Source }>>();
const KEEP = 8;

async function parseRevision(r: JobRevision): Promise<{ model: Agreement; source: Source }> {
  const key = `${r.path}\0${r.hash}`;
  let entry = parsed.get(key);
  if (!entry) {
    entry = parseFileWithSource(r.path, { lang: 'sv' }).then(({ model, source }) => {
      // The site names files from the repository folder, whatever folder the build ran in.
      model.meta.source.path = r.shown;
      return { model, source };
    });
    parsed.set(key, entry);
    if (parsed.size > KEEP) parsed.delete(parsed.keys().next().value!);
    entry.catch(() => parsed.delete(key));
  }
  return entry;
}

/**
 * One line saying why a job failed: a user's error as its message, anything
 * else as what it is; files named as the site names them (from the repository
 * folder), never by the absolute path the job read them at.
 */
export function failure(error: unknown, job: Job): Said {
  return sayInBoth((lang) => {
    let line = error instanceof OverensError ? error.messageIn(lang) : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    for (const [path, shown] of [[job.manifest, job.manifestShown], ...job.revisions.map((r) => [r.path, r.shown])] as const) line = line.replaceAll(path, shown);
    return line;
  });
}

async function checkJob(job: Job): Promise<Omit<JobResult, 'ms'>> {
  const config = resolveConfig(job.config ?? null);
  const outputs: Output[] = [];
  const findings: SiteFinding[] = [];
  const revisions: CheckedRevision[] = [];
  const title = { id: job.agreement, title: job.agreement };
  const site = (file: string, href: string, list: ReturnType<typeof checkManifest>) =>
    list.map((f): SiteFinding => ({ file, ruleId: f.ruleId, severity: f.severity, message: f.message, line: f.place.start.line, column: f.place.start.column, href: `${href}#L${f.place.start.line}` }));
  const manifestText = readRegularFileSync(job.manifest, MAX_YAML_BYTES).toString('utf8');
  const manifest = await loadManifest(job.manifest);
  title.title = manifest.title;
  const mPage = manifestPage(job.agreement);
  const mFindings = site(job.manifestShown, mPage, checkManifest(manifest, manifestText, { config, lang: 'sv' }));
  findings.push(...mFindings);
  outputs.push({ path: mPage, data: sourcePageHtml({ path: mPage, agreement: title, file: job.manifestShown, text: manifestText, findings: mFindings }) });
  for (const r of job.revisions) {
    // A missing source is the manifest rule's finding.
    if (r.hash === 'missing') {
      revisions.push({ label: r.label, file: r.shown, page: null, errors: 0, warnings: 0, error: 'filen finns inte' });
      continue;
    }
    try {
      const { model, source } = await parseRevision(r);
      const path = sourcePage(job.agreement, r.label);
      const list = site(r.shown, path, await check(model, { config, sourceText: source.text, kind: r.kind, lang: 'sv' }));
      findings.push(...list);
      outputs.push({ path, data: sourcePageHtml({ path, agreement: title, file: r.shown, label: r.label, text: source.text, findings: list }) });
      revisions.push({ label: r.label, file: r.shown, page: path, errors: count(list, 'error'), warnings: count(list, 'warning') });
    } catch (error) {
      const message = failure(error, job).sv;
      findings.push({ file: r.shown, ruleId: 'parse', severity: 'error', message, line: 1, column: 1, href: `${agreementPage(job.agreement)}#check` });
      revisions.push({ label: r.label, file: r.shown, page: null, errors: 1, warnings: 0, error: message });
    }
  }
  const data: CheckData = { kind: 'check', revisions, manifest: { file: job.manifestShown, page: mPage, errors: count(mFindings, 'error'), warnings: count(mFindings, 'warning') }, findings };
  return { outputs, data };
}

const count = (list: SiteFinding[], severity: string) => list.filter((f) => f.severity === severity).length;

async function renderJob(job: Job): Promise<Omit<JobResult, 'ms'>> {
  const r = job.revisions[0]!;
  const format = job.format!;
  const { model } = await parseRevision(r);
  const file = renderedFile(job.agreement, r.label, format);
  return { outputs: [{ path: file, data: await render(model, { format }) }], data: { kind: 'render', label: r.label, format, file } };
}

async function diffJob(job: Job): Promise<Omit<JobResult, 'ms'>> {
  const [a, b] = job.revisions as [JobRevision, JobRevision];
  const [old, now, speller] = await Promise.all([parseRevision(a), parseRevision(b), loadSwedishSpeller()]);
  const diff = diffAgreements(old.model, now.model, { speller });
  const { renderDiffDocx } = await import('../reporters/diff-docx.js');
  const html = diffFile(job.agreement, a.label, b.label, 'html');
  const docx = diffFile(job.agreement, a.label, b.label, 'docx');
  const summary = countChanges(diff.changes);
  return {
    outputs: [
      { path: html, data: renderDiff(diff, 'html') },
      { path: docx, data: await renderDiffDocx(diff, old.model, now.model) },
    ],
    data: { kind: 'diff', old: a.label, new: b.label, summary, total: diff.changes.length, summaryText: summaryLine(diff), lines: roundLines(diff.changes, 'sv'), html, docx, scope: scopeLine(diff) || null },
  };
}

/** Several jobs in order (an agreement's, sharing the parsed revisions), for the pool. */
export async function runJobs(jobs: Job[]): Promise<JobResult[]> {
  const results: JobResult[] = [];
  for (const job of jobs) results.push(await runJob(job));
  return results;
}

export default async function runJob(job: Job): Promise<JobResult> {
  const started = performance.now();
  let result: Omit<JobResult, 'ms'>;
  try {
    result = job.kind === 'check' ? await checkJob(job) : job.kind === 'render' ? await renderJob(job) : await diffJob(job);
  } catch (error) {
    result = { outputs: [], data: { kind: 'failed', job: job.kind, error: failure(error, job) } };
  }
  saveSpellerAnswers();
  return { ...result, ms: performance.now() - started };
}
