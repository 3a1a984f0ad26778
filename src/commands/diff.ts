/** `overens diff OLD NEW`: two revisions compared by structure, in text, JSON, Markdown or a summary table. */
import { t } from '../i18n.js';
import type { CommandContext } from '../cli/context.js';
import { OverensError } from '../errors.js';
import { loadSwedishSpeller } from '../spell.js';
import { diffAgreements } from '../diff/align.js';
import { loadSide, manifestSides } from '../diff/inputs.js';
import { shownPath, writeOutput } from '../io.js';
import { renderDiff } from '../reporters/diff.js';
import { withVisibleControls } from '../text.js';
import { phase } from '../phases.js';

export const DIFF_FORMATS = ['text', 'json', 'md', 'stat', 'html', 'docx'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffCommandOptions {
  /** Two sides (files or REV:PATH), or an agreement id and two revision labels. */
  args: string[];
  format: DiffFormat;
  output?: string;
  /** Replace an existing output file. */
  force?: boolean;
  exitCode: boolean;
  ignoreSpelling: boolean;
  granularity: 'word' | 'sentence';
  profiles: string[];
  dir: string;
  /** Compare only this section (else a manifest's scope). */
  scope?: string;
}

/** Below this share of common words, two sides are hardly revisions of one text. */
const UNRELATED = 0.5;

export async function diffCommand(options: DiffCommandOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  // Revisions named by label are shown by their path from here, as build shows them.
  const fromHere = (path: string) => shownPath(io.cwd, path);
  const [oldSpec, newSpec] = options.args.length === 3 ? (await manifestSides(options.dir, options.args[0]!, options.args[1]!, options.args[2]!)).map(fromHere) : [options.args[0]!, options.args[1]!];
  const parseOptions = { lang, profiles: options.profiles };
  const [oldModel, newModel, speller] = await Promise.all([loadSide(oldSpec, parseOptions, io.cwd), loadSide(newSpec, parseOptions, io.cwd), loadSwedishSpeller()]);
  const diff = diffAgreements(oldModel, newModel, { ignoreSpelling: options.ignoreSpelling, granularity: options.granularity, speller, ...(options.scope !== undefined ? { scope: options.scope } : {}) });
  const inputs = [oldSpec, newSpec];
  // A side without the scoped section is compared whole: say so.
  for (const [side, spec] of [['old', oldSpec], ['new', newSpec]] as const) {
    if (diff.scope && !diff.scope.found[side]) io.stderr.write(`overens: ${t(lang, 'diffScopeMissing', { file: spec, section: diff.scope.section })}\n`);
  }
  // Two different agreements give a diff of everything: say so, whatever the format.
  if (diff.shared < UNRELATED) io.stderr.write(`overens: ${t(lang, 'diffUnrelated', { old: oldSpec, new: newSpec, percent: Math.round(diff.shared * 100) })}\n`);
  const colour = options.output === undefined && io.stdout.isTTY === true && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
  if (options.format === 'docx') {
    const { renderDiffDocx } = await import('../reporters/diff-docx.js');
    const bytes = await renderDiffDocx(diff, oldModel, newModel);
    if (options.output === undefined && io.stdout.isTTY) throw new OverensError('diffDocxToTerminal', {});
    if (options.output !== undefined) await writeOutput(options.output, bytes, inputs, { force: options.force === true });
    else io.stdout.write(bytes);
    return options.exitCode && diff.changes.length > 0 ? 1 : 0;
  }
  // On a terminal, control characters in the text are shown, never acted on; a file or pipe gets the text exactly.
  const terminal = options.output === undefined && io.stdout.isTTY === true;
  const format = options.format;
  const text = phase('format', () => renderDiff(terminal ? withVisibleControls(diff) : diff, format, { colour }));
  if (options.output !== undefined) await writeOutput(options.output, text, inputs, { force: options.force === true });
  else io.stdout.write(text);
  return options.exitCode && diff.changes.length > 0 ? 1 : 0;
}
