/** `overens log AGREEMENT [--element ID]`: the history of an agreement across its revisions. */
import type { CommandContext } from '../cli/context.js';
import { shownPath, writeOutput } from '../io.js';
import { findAgreement, revisionByLabel, revisionPath } from '../manifest.js';
import { parseFile } from '../parse/index.js';
import { loadSwedishSpeller } from '../spell.js';
import { followElement, historyOf } from '../history/index.js';
import { renderLogHtml, renderLogJson, renderLogText } from '../reporters/log.js';
import { withVisibleControls } from '../text.js';

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
  const manifest = await findAgreement(options.dir, options.agreement);
  const files = manifest.revisions.map((r) => shownPath(io.cwd, revisionPath(manifest, r)));
  const models = await Promise.all(files.map((f) => parseFile(f, { lang })));
  const history = historyOf(manifest.id, models, await loadSwedishSpeller());
  if (options.in !== undefined) revisionByLabel(manifest, options.in);
  const followed = options.element !== undefined ? followElement(history, models, options.element, options.in) : null;
  // On a terminal, control characters in the text are shown, never acted on; a file or pipe gets the text exactly.
  const terminal = options.output === undefined && io.stdout.isTTY === true;
  const [h, timeline] = terminal ? withVisibleControls([history, followed] as const) : ([history, followed] as const);
  const text = options.format === 'json' ? renderLogJson(h, timeline) : options.format === 'html' ? renderLogHtml(h, timeline, lang) : renderLogText(h, timeline, lang);
  if (options.output !== undefined) await writeOutput(options.output, text, files, { force: options.force === true });
  else io.stdout.write(text);
  // An element asked for that no revision has: say so in the output, and exit 1.
  return timeline && !timeline.foundIn ? 1 : 0;
}
