/**
 * What `overens build` is made of: jobs (check an agreement, render its
 * current text in one format, compare two of its rounds), each with a content
 * key, run in a pool of workers; their results feed the site's pages.
 */
import type { Finding } from '../check/types.js';
import type { Summary } from '../diff/model.js';
import type { RenderFormat } from '../render/index.js';
import type { Lang } from '../i18n.js';

/** A line said in each language: the site shows the Swedish, the summary the user's. */
export type Said = Record<Lang, string>;

/** The line in each language. */
export const sayInBoth = (line: (lang: Lang) => string): Said => ({ sv: line('sv'), en: line('en') });

/** The formats a site holds of an agreement's current text. */
export const BUILD_FORMATS = ['pdf', 'html', 'docx', 'md'] as const satisfies readonly RenderFormat[];
export type BuildFormat = (typeof BUILD_FORMATS)[number];

export type JobKind = 'check' | 'render' | 'diff';

/** One revision of an agreement as a job sees it. */
export interface JobRevision {
  label: string;
  /** Absolute path of the source file. */
  path: string;
  /** The path shown in the site and in findings: relative to the repository folder, with "/". */
  shown: string;
  /** `section` for a revision of one section, else the manifest's kind. */
  kind: string;
  /** The file's content hash ("missing" when there is none). */
  hash: string;
}

export interface Job {
  /** "check <agreement>", "render <agreement> pdf", "diff <agreement> <old>..<new>". */
  id: string;
  kind: JobKind;
  agreement: string;
  /** Absolute path of the manifest, and how it is shown. */
  manifest: string;
  manifestShown: string;
  revisions: JobRevision[];
  format?: BuildFormat;
  /** The check configuration file (absolute), or null for the defaults. */
  config?: string | null;
  /** Hash of everything the job's outputs depend on. */
  key: string;
}

/** A file a job writes, relative to the output folder (with "/"). */
export interface Output {
  path: string;
  data: string | Uint8Array;
}

/** A finding as the site shows it: with the page and line it links to. */
export interface SiteFinding extends Pick<Finding, 'file' | 'ruleId' | 'severity' | 'message'> {
  line: number;
  column: number;
  /** The source page and anchor, relative to the output folder. */
  href: string;
}

export interface CheckedRevision {
  label: string;
  file: string;
  /** The source page, relative to the output folder, or null when the file could not be read. */
  page: string | null;
  errors: number;
  warnings: number;
  /** Why the file could not be read, when it could not. */
  error?: string;
}

export interface CheckData {
  kind: 'check';
  revisions: CheckedRevision[];
  manifest: { file: string; page: string; errors: number; warnings: number };
  findings: SiteFinding[];
}

export interface RenderData {
  kind: 'render';
  label: string;
  format: BuildFormat;
  file: string;
}

export interface DiffData {
  kind: 'diff';
  old: string;
  new: string;
  summary: Summary;
  total: number;
  /** "7 ändrade (6 stavning), 2 flyttade" or "inga ändringar". */
  summaryText: string;
  /** The round in words ("Princip 4 Dialog: 1 åtagande ändrat"), Swedish. */
  lines: string[];
  html: string;
  docx: string;
  /** "Jämför bara avsnittet ”…”", or null when the whole agreements are compared. */
  scope: string | null;
}

/** What a job failed with (one line in each language), in place of its data. */
export interface FailedData {
  kind: 'failed';
  job: JobKind;
  error: Said;
}

export type JobData = CheckData | RenderData | DiffData | FailedData;

export interface JobResult {
  outputs: Output[];
  data: JobData;
  /** How long the job ran, in its thread. */
  ms: number;
}
