/** `overens render INPUT [LABEL]`: a publishable version of an agreement (pdf, html, docx, md, typst). */
import { stat } from 'node:fs/promises';
import type { CommandContext } from '../cli/context.js';
import { OverensError } from '../errors.js';
import { t } from '../i18n.js';
import { shownPath, writeOutput } from '../io.js';
import { discoverManifests, revisionByLabel, revisionPath } from '../manifest.js';
import { parseBytesWithSource, parseFile } from '../parse/index.js';
import { readStream } from '../read-file.js';
import { formatOfFile, isBinaryFormat, render, type RenderFormat } from '../render/index.js';
import type { Paper } from '../render/context.js';

export interface RenderCommandOptions {
  /** A file, or an agreement id (with an optional revision label). */
  input: string;
  label?: string;
  format?: RenderFormat;
  output?: string;
  force?: boolean;
  template?: string;
  draft?: boolean;
  final?: boolean;
  paper?: Paper;
  profiles: string[];
  dir: string;
}

export async function renderCommand(options: RenderCommandOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  if (options.draft && options.final) throw new OverensError('renderDraftAndFinal', {});
  // "-" is standard input, under the same size limit as a file.
  const stdin = options.input === '-' && options.label === undefined && io.stdin !== undefined;
  const file = stdin ? '<stdin>' : await inputFile(options, io.cwd);
  const format = options.format ?? (options.output !== undefined ? formatOfFile(options.output) : undefined);
  if (!format) throw new OverensError('renderNoFormat', {});
  if (options.output === undefined && isBinaryFormat(format) && io.stdout.isTTY) throw new OverensError('renderBinaryToTerminal', { format });
  // Word and Markdown have no templates, Markdown no paper: say so rather than ignore it.
  if (options.template !== undefined && (format === 'docx' || format === 'md')) io.stderr.write(`overens: ${t(lang, 'renderTemplateUnused', { format })}\n`);
  if (options.paper !== undefined && format === 'md') io.stderr.write(`overens: ${t(lang, 'renderPaperUnused', {})}\n`);
  const model = stdin ? (await parseBytesWithSource(await readStream(io.stdin!, file), file, { lang, profiles: options.profiles })).model : await parseFile(file, { lang, profiles: options.profiles });
  const draft = options.draft ? true : options.final ? false : undefined;
  const out = await render(model, {
    format,
    ...(draft !== undefined ? { draft } : {}),
    ...(options.template !== undefined ? { template: options.template } : {}),
    ...(options.paper !== undefined ? { paper: options.paper } : {}),
  });
  if (options.output !== undefined) await writeOutput(options.output, out, stdin ? [] : [file], { force: options.force === true });
  else io.stdout.write(out);
  return 0;
}

/** The file to render: the input itself, or a revision of an agreement named by id. */
async function inputFile(options: RenderCommandOptions, cwd: string): Promise<string> {
  const isFile = await stat(options.input).then(
    () => true,
    () => false,
  );
  if (isFile && options.label === undefined) return options.input;
  const manifests = await discoverManifests(options.dir).catch((error: unknown) => {
    // No manifests folder: the input was meant as a file.
    if (options.label === undefined) throw new OverensError('fileNotFound', { file: options.input });
    throw error;
  });
  const manifest = manifests.find((m) => m.id === options.input);
  if (!manifest) {
    if (options.label === undefined) throw new OverensError('fileNotFound', { file: options.input });
    throw new OverensError('diffNoAgreement', { agreement: options.input, dir: options.dir, known: manifests.map((m) => m.id).join(', ') });
  }
  // Without a label: the latest revision that covers the whole agreement (revisions are listed oldest first).
  const revision = options.label !== undefined ? revisionByLabel(manifest, options.label) : [...manifest.revisions].reverse().find((r) => r.scope === undefined);
  if (!revision) throw new OverensError('renderNoWholeRevision', { agreement: manifest.id, known: manifest.revisions.map((r) => r.label).join(', ') });
  return shownPath(cwd, revisionPath(manifest, revision));
}
