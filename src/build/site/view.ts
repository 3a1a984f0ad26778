/**
 * What the site's pages show of an agreement, gathered from its manifest and
 * the data of its jobs (run now, or kept from an earlier build).
 */
import type { ManifestRevision } from '../../manifest.js';
import type { PlannedAgreement } from '../plan.js';
import type { BuildFormat, CheckData, CheckedRevision, DiffData, JobData } from '../types.js';

export interface SiteFile {
  format: BuildFormat;
  file?: string;
  error?: string;
}

export interface SiteRevision extends Pick<ManifestRevision, 'label' | 'round' | 'date' | 'status' | 'scope' | 'note'> {
  check: CheckedRevision | null;
  /** The comparison with the revision before, or why it could not be made; null for the first. */
  diff: DiffData | { error: string } | null;
}

export interface SiteAgreement {
  id: string;
  title: string;
  region: string;
  kind: string;
  parties: string[];
  manifestShown: string;
  revisions: SiteRevision[];
  /** The revision the rendered files are of, and the files. */
  current: { label: string; files: SiteFile[] } | null;
  check: CheckData | null;
  /** Why the agreement's check could not run. */
  checkError?: string;
  errors: number;
  warnings: number;
}

/** A manifest that could not be used: shown with its reason. */
export interface BrokenAgreement {
  manifestShown: string;
  error: string;
}

export interface SiteView {
  agreements: SiteAgreement[];
  broken: BrokenAgreement[];
  /** The repository folder as the user named it. */
  source: string;
  /** Check errors (an unusable manifest counts as one) and warnings, over the whole site. */
  errors: number;
  warnings: number;
}

export function siteView(planned: PlannedAgreement[], data: Map<string, JobData>, source: string): SiteView {
  const agreements: SiteAgreement[] = [];
  const broken: BrokenAgreement[] = [];
  for (const p of planned) {
    const m = p.manifest;
    if (!m) {
      broken.push({ manifestShown: p.manifestShown, error: p.error?.sv ?? '' });
      continue;
    }
    const checkData = data.get(`check ${m.id}`);
    const check = checkData?.kind === 'check' ? checkData : null;
    const files: SiteFile[] = [];
    let currentLabel: string | null = null;
    for (const job of p.jobs.filter((j) => j.kind === 'render')) {
      currentLabel = job.revisions[0]!.label;
      const d = data.get(job.id);
      files.push(d?.kind === 'render' ? { format: job.format!, file: d.file } : { format: job.format!, error: d?.kind === 'failed' ? d.error.sv : 'inte byggd' });
    }
    const revisions = m.revisions.map((r, i): SiteRevision => {
      const before = m.revisions[i - 1];
      const d = before ? data.get(`diff ${m.id} ${before.label}..${r.label}`) : undefined;
      const diff = !before ? null : d?.kind === 'diff' ? d : { error: d?.kind === 'failed' ? d.error.sv : 'inte byggd' };
      return { label: r.label, round: r.round, date: r.date, status: r.status, scope: r.scope, note: r.note, check: check?.revisions.find((c) => c.label === r.label) ?? null, diff };
    });
    const findings = check?.findings ?? [];
    agreements.push({
      id: m.id,
      title: m.title,
      region: m.region,
      kind: m.kind ?? 'agreement',
      parties: m.parties,
      manifestShown: p.manifestShown,
      revisions,
      current: currentLabel === null ? null : { label: currentLabel, files },
      check,
      ...(checkData?.kind === 'failed' ? { checkError: checkData.error.sv } : {}),
      errors: findings.filter((f) => f.severity === 'error').length + (checkData?.kind === 'failed' ? 1 : 0),
      warnings: findings.filter((f) => f.severity === 'warning').length,
    });
  }
  const errors = agreements.reduce((n, a) => n + a.errors, 0) + broken.length;
  return { agreements, broken, source, errors, warnings: agreements.reduce((n, a) => n + a.warnings, 0) };
}
