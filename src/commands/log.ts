/** `overens log AGREEMENT [--element ID]`: the history of an agreement across its revisions. */
import type { CommandContext } from '../cli/context.js';
import { OverensError } from '../errors.js';
import { writeOutput } from '../io.js';
import { discoverManifests, revisionPath } from '../manifest.js';
import { parseFile } from '../parse/index.js';
import { loadSwedishSpeller } from '../spell.js';
import { followElement, historyOf } from '../history/index.js';
import { renderLogHtml, renderLogJson, renderLogText } from '../reporters/log.js';
import { relative } from 'node:path';

export const LOG_FORMATS = ['text', 'json', 'html'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogCommandOptions {
  agreement: string;
  element?: string;
  /** The revision label whose ids --element names (default: the latest revision that has the id). */
  in?: string;
  format: LogFormat;
  dir: string;
  output?: string;
  force?: boolean;
}

export async function logCommand(options: LogCommandOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const manifests = await discoverManifests(options.dir);
  const manifest = manifests.find((m) => m.id === options.agreement);
  if (!manifest) throw new OverensError('diffNoAgreement', { agreement: options.agreement, dir: options.dir, known: manifests.map((m) => m.id).join(', ') });
  const files = manifest.revisions.map((r) => {
    const path = revisionPath(manifest, r);
    const here = relative(io.cwd, path);
    return here.startsWith('..') ? path : here;
  });
  const models = await Promise.all(files.map((f) => parseFile(f, { lang })));
  const history = historyOf(manifest.id, models, await loadSwedishSpeller());
  history.title = manifest.title;
  if (options.in !== undefined && !manifest.revisions.some((r) => r.label === options.in)) throw new OverensError('diffNoRevision', { agreement: manifest.id, label: options.in, known: manifest.revisions.map((r) => r.label).join(', ') });
  const timeline = options.element !== undefined ? followElement(history, models, options.element, options.in) : null;
  const text = options.format === 'json' ? renderLogJson(history, timeline) : options.format === 'html' ? renderLogHtml(history, timeline, lang) : renderLogText(history, timeline, lang);
  if (options.output !== undefined) await writeOutput(options.output, text, files, { force: options.force === true });
  else io.stdout.write(text);
  // An element asked for that no revision has: say so in the output, and exit 1.
  return timeline && !timeline.foundIn ? 1 : 0;
}
