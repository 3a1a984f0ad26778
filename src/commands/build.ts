/**
 * `overens build [DIR]`: the repository's main job. Builds the agreements under
 * DIR into a site (src/build/), shows progress, and ends with a summary: what
 * was built, where, how long it took, what failed. Exit 1 when the check finds
 * errors or a job failed, after everything else is built.
 */
import { stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { OverensError } from '../errors.js';
import { t } from '../i18n.js';
import type { CommandContext } from '../cli/context.js';
import { shownPath } from '../io.js';
import { showControls } from '../text.js';
import { findConfig } from '../check/config-file.js';
import { build } from '../build/index.js';
import { progressFor } from '../build/progress.js';
import { BUILD_FORMATS, type BuildFormat } from '../build/types.js';
import { INDEX_PAGE } from '../build/paths.js';
import type { BuildReportJson } from '../build/schema.js';

export interface BuildCommandOptions {
  dir: string;
  out: string;
  formats: BuildFormat[];
  jobs?: number;
  clean: boolean;
  /** Exit 0 when the check finds errors (what could not be built still exits 1). */
  exitZero?: boolean;
  format: 'text' | 'json';
}

/** "pdf,html" as formats, each known, in the order given, once. */
export function parseFormats(value: string): BuildFormat[] {
  const out: BuildFormat[] = [];
  for (const raw of value.split(',')) {
    const f = raw.trim().toLowerCase();
    if (f === '') continue;
    if (!(BUILD_FORMATS as readonly string[]).includes(f)) throw new OverensError('buildFormatUnknown', { format: raw.trim(), known: BUILD_FORMATS.join(', ') });
    if (!out.includes(f as BuildFormat)) out.push(f as BuildFormat);
  }
  return out;
}

export async function buildCommand(options: BuildCommandOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const started = performance.now();
  const dir = resolve(io.cwd, options.dir);
  const out = resolve(io.cwd, options.out);
  const info = await stat(dir).catch(() => null);
  if (!info) throw new OverensError('fileNotFound', { file: options.dir });
  if (!info.isDirectory()) throw new OverensError('buildNotAFolder', { dir: options.dir });
  // The output folder is never the repository or above it: --clean removes what it lists, but a site is never mixed with sources.
  if (out === dir || dir.startsWith(`${out}${sep}`)) throw new OverensError('buildOutHoldsSource', { dir: options.out });
  const configFile = findConfig(dir);
  // A broken configuration stops the build before anything is written.
  if (configFile !== null) (await import('../check/config.js')).resolveConfig(configFile);
  const progress = await progressFor(io, lang);
  let report;
  try {
    report = await build(
      { dir, out, dirShown: options.dir, outShown: options.out, formats: options.formats, ...(options.jobs !== undefined ? { jobs: options.jobs } : {}), clean: options.clean, config: configFile, lang },
      progress,
    );
  } finally {
    progress.stop();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const index = shownPath(io.cwd, join(out, INDEX_PAGE));
  if (options.format === 'json') {
    // Typed as the published schema says (schema/build.schema.json).
    const json: BuildReportJson = { out: options.out, index, seconds: Number(seconds), ...report };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const lines: string[] = [];
    const nothing = report.ran === 0 && report.written.length === 0 && report.removed.length === 0;
    lines.push(
      nothing
        ? t(lang, 'buildNothing', { out: options.out, jobs: report.upToDate })
        : t(lang, 'buildDone', { out: options.out, seconds, ran: report.ran, threads: report.threads, upToDate: report.upToDate, written: report.written.length, removed: report.removed.length }),
    );
    lines.push(t(lang, 'buildChecks', { errors: report.errors, warnings: report.warnings, agreements: report.agreements }));
    // On a terminal, control characters in a file name are shown, never acted on.
    const shown = io.stdout.isTTY === true ? showControls : (s: string) => s;
    const failures = [...report.unusable.map((u) => `  ${shown(u.manifest)}: ${shown(u.error)}`), ...report.failed.map((f) => `  ${f.job}: ${shown(f.error)}`)];
    if (failures.length > 0) lines.push(t(lang, 'buildFailedHeading'), ...failures);
    lines.push(t(lang, 'buildOpen', { page: index }));
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  if (report.failed.length > 0 || report.unusable.length > 0) return 1;
  return report.errors > 0 && options.exitZero !== true ? 1 : 0;
}
