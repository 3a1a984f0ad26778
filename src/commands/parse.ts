/** `overens parse FILE`: one document to its model (json, yaml) or a human summary. */
import { yamlLibrary } from '../yaml-file.js';
import { parseBytesWithSource, parseFileWithSource } from '../parse/index.js';
import { readStream } from '../read-file.js';
import { coverage } from '../coverage.js';
import { recognition } from '../recognition.js';
import { t } from '../i18n.js';
import { summarise, formatDiagnostic } from '../summary.js';
import { withVisibleControls } from '../text.js';
import { phase, startPhase } from '../phases.js';
import { renderSummary } from '../reporters/summary.js';
import { writeOutput } from '../io.js';
import type { Agreement, Position, SourceFormat } from '../model.js';
import { styleFor, type CommandContext } from '../cli/context.js';
import { findings } from './findings.js';
import { PARSE_FORMATS, SOURCE_FORMATS, checkFormat } from '../cli/formats.js';

export { PARSE_FORMATS, SOURCE_FORMATS, checkFormat };
export type ParseFormat = (typeof PARSE_FORMATS)[number];

export interface ParseCommandOptions {
  file: string;
  format?: ParseFormat;
  from?: SourceFormat;
  strict: boolean;
  /** List every layout normalisation and artifact with its source position. */
  explain?: boolean;
  profiles: string[];
  output?: string;
  /** Replace an existing output file. */
  force?: boolean;
}

export async function parseCommand(options: ParseCommandOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const toTerminal = options.output === undefined && io.stdout.isTTY === true;
  const format: ParseFormat = options.format ?? (toTerminal ? 'summary' : 'json');
  const parseOptions = { lang, profiles: options.profiles, ...(options.from ? { format: options.from } : {}) };
  // "-" is standard input, under the same size limit as a file.
  const { model, source } =
    options.file === '-' && io.stdin
      ? await parseBytesWithSource(await readStream(io.stdin, '<stdin>'), '<stdin>', parseOptions)
      : await parseFileWithSource(options.file, parseOptions);
  // How much of the text the structure covers: for the summary and --strict only (a quarter of a 1 MB parse).
  let covered: ReturnType<typeof coverage> | undefined;
  const cov = () => (covered ??= phase('coverage', () => coverage(source.text, model)));

  const done = startPhase('format');
  let text: string;
  if (format === 'json') text = `${JSON.stringify(model, null, 2)}\n`;
  else if (format === 'yaml') text = yamlLibrary().stringify(model, { lineWidth: 0 });
  // A summary is for reading: control characters in the text (an ESC sequence) are shown, never sent to a terminal.
  else text = renderSummary(withVisibleControls(summarise(model, cov())), lang, options.output === undefined ? styleFor(io.stdout, io.env) : undefined);
  done();

  if (options.output !== undefined) await writeOutput(options.output, text, [options.file], { force: options.force === true });
  else io.stdout.write(text);
  // The explanation goes with a summary; beside JSON or YAML it goes to stderr so the data stays clean.
  if (options.explain) (format === 'summary' && options.output === undefined ? io.stdout : io.stderr).write(explain(model));

  if (!options.strict) return 0;
  const r = recognition(model);
  io.stderr.write(`${t(lang, 'strictRecognition', { file: options.file, percent: r.percent, words: r.typedWords + r.genericWords })}\n`);
  const found = findings(model, cov());
  for (const d of found) io.stderr.write(`${formatDiagnostic(d)}\n`);
  return found.length > 0 ? 1 : 0;
}

/** One line per normalisation and artifact, in source order: `file:line:col: what (why)`. */
export function explain(model: Agreement): string {
  const file = model.meta.source.path;
  const at = (p: Position) => `${file}:${p.start.line}:${p.start.column}`;
  const rows: Array<[Position, string]> = [
    ...model.normalisations.map((n): [Position, string] => [
      n.position,
      n.from === '' && n.to === '' ? `${n.step} (${n.reason})` : `${n.step}: ${JSON.stringify(n.from)} -> ${JSON.stringify(n.to)} (${n.reason})`,
    ]),
    ...model.artifacts.map((a): [Position, string] => [a.position, `removed ${a.kind}: ${JSON.stringify(a.text.replace(/\s+/gu, ' '))} (${a.reason})`]),
  ];
  rows.sort(([a], [b]) => a.start.line - b.start.line || a.start.column - b.start.column);
  return rows.map(([p, what]) => `${at(p)}: ${what}\n`).join('');
}
