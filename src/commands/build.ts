/**
 * `overens build [DIR]`: the main job on an agreements repository. For now it
 * parses every revision listed in the manifests and prints a summary of each.
 */
import { relative } from 'node:path';
import { discoverManifests, revisionPath } from '../manifest.js';
import { parseFileWithSource } from '../parse/index.js';
import { coverage } from '../coverage.js';
import { summarise, type Summary } from '../summary.js';
import { withVisibleControls } from '../text.js';
import { renderSummary } from '../reporters/summary.js';
import { stat } from 'node:fs/promises';
import { OverensError } from '../errors.js';
import { t } from '../i18n.js';
import { styleFor, type CommandContext } from '../cli/context.js';
import { findings } from './findings.js';

export interface BuildCommandOptions {
  dir: string;
  strict: boolean;
  format: 'text' | 'json';
}

export async function buildCommand(options: BuildCommandOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  // A folder of agreements: a file named here is a mistake the user can fix.
  const info = await stat(options.dir).catch(() => null);
  if (info && !info.isDirectory()) throw new OverensError('buildNotAFolder', { dir: options.dir });
  const manifests = await discoverManifests(options.dir);
  if (manifests.length === 0) throw new OverensError('noManifests', { dir: options.dir });
  const style = styleFor(io.stdout, io.env);
  const summaries: Array<Summary & { agreement: string; label: string }> = [];
  let warnings = 0;
  let findingCount = 0;
  for (const manifest of manifests) {
    for (const revision of manifest.revisions) {
      const file = relative(io.cwd, revisionPath(manifest, revision)) || revisionPath(manifest, revision);
      const { model, source } = await parseFileWithSource(file, { lang });
      const cov = coverage(source.text, model);
      const summary = { agreement: manifest.id, label: revision.label, ...summarise(model, cov) };
      summaries.push(summary);
      warnings += model.warnings.length;
      findingCount += findings(model, cov).length;
      if (options.format === 'text') {
        io.stdout.write(`${style.heading(t(lang, 'buildDocument', { agreement: manifest.id, label: revision.label }))}\n`);
        io.stdout.write(`${renderSummary(withVisibleControls(summary), lang, style)}\n`);
      }
    }
  }
  if (options.format === 'json') io.stdout.write(`${JSON.stringify(summaries, null, 2)}\n`);
  else io.stdout.write(`${t(lang, warnings === 1 ? 'buildTotalsOneWarning' : 'buildTotals', { documents: summaries.length, warnings })}\n`);
  return options.strict && findingCount > 0 ? 1 : 0;
}
