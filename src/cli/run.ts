/**
 * The command line: turns argv into typed options, calls one command, and maps
 * errors to exit codes (0 ok, 1 findings, 2 could not run). `bin/overens.js`
 * only calls `run`. Nothing here calls process.exit.
 */
import { VERSION } from '../version.js';
import { OverensError } from '../errors.js';
import { showControls } from '../text.js';
import { resolveLang, t, type Lang } from '../i18n.js';
import type { CommandContext, Io } from './context.js';
import { PARSE_FORMATS, SOURCE_FORMATS, checkFormat } from './formats.js';
import type { ParseCommandOptions } from '../commands/parse.js';
import type { DiffCommandOptions } from '../commands/diff.js';
import type { RenderCommandOptions } from '../commands/render.js';
import type { CheckCommandOptions } from '../commands/check.js';
import type { LogCommandOptions } from '../commands/log.js';


/** `--lang` is needed before the program is built, since help text depends on it. */
export function langFromArgv(argv: string[], env: NodeJS.ProcessEnv): Lang {
  let explicit: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--lang') explicit = argv[i + 1];
    else if (arg.startsWith('--lang=')) explicit = arg.slice('--lang='.length);
  });
  return resolveLang(explicit, env);
}

/** Commander's usage errors, in the user's language. */
function usageMessage(lang: Lang, commanderMessage: string): string {
  const detail = /'([^']+)'/u.exec(commanderMessage)?.[1] ?? commanderMessage.replace(/^error:\s*/u, '').trim();
  const pick = (key: Parameters<typeof t>[1]) => `${t(lang, key, { detail })} (overens --help)`;
  if (/unknown option/u.test(commanderMessage)) return pick('usageUnknownOption');
  if (/unknown command/u.test(commanderMessage)) return pick('usageUnknownCommand');
  if (/missing required argument/u.test(commanderMessage)) return pick('usageMissingArgument');
  if (/argument missing/u.test(commanderMessage)) return pick('usageOptionMissingValue');
  if (/too many arguments/u.test(commanderMessage)) return pick('usageTooManyArguments');
  return commanderMessage.replace(/^error:\s*/u, '').trim();
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** "-o -" and "-o /dev/stdout" are standard output (which may be a socket no path can open). */
const isStdout = (file: string) => file === '-' || file === '/dev/stdout' || file === '/dev/fd/1' || file === '/proc/self/fd/1';

/** What -o and --force ask of a command: a file to write (none for standard output), and whether it may replace one. */
function outputOf(opts: { output?: string; force?: boolean }): { output?: string; force?: boolean } {
  return { ...(opts.output !== undefined && !isStdout(opts.output) ? { output: opts.output } : {}), ...(opts.force === true ? { force: true } : {}) };
}

export async function run(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), stdin: process.stdin }): Promise<number> {
  const lang = langFromArgv(argv, io.env);
  const langArg = argv.find((a, i) => a.startsWith('--lang=') || argv[i - 1] === '--lang');
  if (langArg !== undefined && !/^(?:--lang=)?(?:en|sv)$/u.test(langArg)) {
    io.stderr.write(`overens: ${t(lang, 'langUnknown', { lang: showControls(langArg.replace(/^--lang=/u, '')) })}\n`);
    return 2;
  }
  const { Command, CommanderError } = await import('../vendor/commander.js');
  const debug = argv.includes('--debug');
  const ctx: CommandContext = { io, lang, debug };
  let exitCode = 0;

  const program = new Command('overens')
    .description(t(lang, 'programDescription'))
    .version(VERSION, '-V, --version', t(lang, 'optVersion'))
    .helpOption('-h, --help', t(lang, 'optHelp'))
    .helpCommand('help [command]', t(lang, 'helpCommand'))
    .option('--lang <lang>', t(lang, 'optLang'))
    .option('--debug', t(lang, 'optDebug'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (message) => io.stderr.write(`overens: ${usageMessage(lang, message)}\n`),
    });

  program
    .command('parse')
    .description(t(lang, 'parseDescription'))
    .argument('<file>', t(lang, 'parseArgFile'))
    .option('-f, --format <format>', t(lang, 'parseOptFormat'))
    .option('--from <format>', t(lang, 'parseOptFrom'))
    .option('--explain', t(lang, 'parseOptExplain'))
    .option('--strict', t(lang, 'parseOptStrict'))
    .option('--profile <file>', t(lang, 'parseOptProfile'), collect)
    .option('-o, --output <file>', t(lang, 'parseOptOutput'))
    .option('--force', t(lang, 'optForce'))
    .helpOption('-h, --help', t(lang, 'optHelp'))
    .action(async (file: string, opts: { format?: string; from?: string; explain?: boolean; strict?: boolean; profile?: string[]; output?: string; force?: boolean }) => {
      const { parseCommand } = await import('../commands/parse.js');
      const options: ParseCommandOptions = { file, strict: opts.strict === true, explain: opts.explain === true, profiles: opts.profile ?? [] };
      const format = checkFormat(opts.format, PARSE_FORMATS);
      const from = checkFormat(opts.from, SOURCE_FORMATS);
      if (format) options.format = format;
      if (from) options.from = from;
      Object.assign(options, outputOf(opts));
      exitCode = await parseCommand(options, ctx);
    });

  program
    .command('build')
    .description(t(lang, 'buildDescription'))
    .argument('[dir]', t(lang, 'buildArgDir'))
    .option('--out <dir>', t(lang, 'buildOptOut'))
    .option('--formats <list>', t(lang, 'buildOptFormats'))
    .option('--jobs <n>', t(lang, 'buildOptJobs'))
    .option('--keep-going', t(lang, 'buildOptKeepGoing'))
    .option('--clean', t(lang, 'buildOptClean'))
    .option('--exit-zero', t(lang, 'buildOptExitZero'))
    .option('-f, --format <format>', t(lang, 'buildOptFormat'))
    .helpOption('-h, --help', t(lang, 'optHelp'))
    .addHelpText('after', `\n${t(lang, 'buildExamples')}`)
    .action(async (dir: string | undefined, opts: { out?: string; formats?: string; jobs?: string; clean?: boolean; exitZero?: boolean; format?: string }) => {
      const { buildCommand, parseFormats } = await import('../commands/build.js');
      const format = checkFormat(opts.format, ['text', 'json'] as const) ?? 'text';
      const formats = parseFormats(opts.formats ?? 'pdf,html,docx,md');
      let jobs: number | undefined;
      if (opts.jobs !== undefined) {
        jobs = Number(opts.jobs);
        if (!Number.isInteger(jobs) || jobs < 1) throw new OverensError('buildJobsInvalid', { value: opts.jobs });
      }
      exitCode = await buildCommand({ dir: dir ?? 'agreements', out: opts.out ?? 'site', formats, ...(jobs !== undefined ? { jobs } : {}), clean: opts.clean === true, exitZero: opts.exitZero === true, format }, ctx);
    });

  program
    .command('diff')
    .description(t(lang, 'diffDescription'))
    .argument('<old>', t(lang, 'diffArgOld'))
    .argument('<new>', t(lang, 'diffArgNew'))
    .argument('[label]', t(lang, 'diffArgLabel'))
    .option('-f, --format <format>', t(lang, 'diffOptFormat'))
    .option('--exit-code', t(lang, 'diffOptExitCode'))
    .option('--ignore-spelling', t(lang, 'diffOptIgnoreSpelling'))
    .option('--word', t(lang, 'diffOptWord'))
    .option('--sentence', t(lang, 'diffOptSentence'))
    .option('--scope <heading>', t(lang, 'diffOptScope'))
    .option('--dir <dir>', t(lang, 'diffOptDir'))
    .option('--profile <file>', t(lang, 'parseOptProfile'), collect)
    .option('-o, --output <file>', t(lang, 'parseOptOutput'))
    .option('--force', t(lang, 'optForce'))
    .helpOption('-h, --help', t(lang, 'optHelp'))
    .addHelpText('after', `\n${t(lang, 'diffExamples')}`)
    .action(
      async (
        oldSpec: string,
        newSpec: string,
        label: string | undefined,
        opts: { format?: string; exitCode?: boolean; ignoreSpelling?: boolean; word?: boolean; sentence?: boolean; scope?: string; dir?: string; profile?: string[]; output?: string; force?: boolean },
      ) => {
        const { diffCommand, DIFF_FORMATS } = await import('../commands/diff.js');
        const options: DiffCommandOptions = {
          args: label === undefined ? [oldSpec, newSpec] : [oldSpec, newSpec, label],
          format: checkFormat(opts.format, DIFF_FORMATS) ?? 'text',
          exitCode: opts.exitCode === true,
          ignoreSpelling: opts.ignoreSpelling === true,
          granularity: opts.sentence === true && opts.word !== true ? 'sentence' : 'word',
          profiles: opts.profile ?? [],
          dir: opts.dir ?? 'agreements',
        };
        Object.assign(options, outputOf(opts));
        if (opts.scope !== undefined) options.scope = opts.scope;
        exitCode = await diffCommand(options, ctx);
      },
    );

  program
    .command('render')
    .description(t(lang, 'renderDescription'))
    .argument('<input>', t(lang, 'renderArgInput'))
    .argument('[label]', t(lang, 'renderArgLabel'))
    .option('--to <format>', t(lang, 'renderOptTo'))
    .option('-o, --output <file>', t(lang, 'parseOptOutput'))
    .option('--template <dir>', t(lang, 'renderOptTemplate'))
    .option('--draft', t(lang, 'renderOptDraft'))
    .option('--final', t(lang, 'renderOptFinal'))
    .option('--paper <size>', t(lang, 'renderOptPaper'))
    .option('--dir <dir>', t(lang, 'renderOptDir'))
    .option('--profile <file>', t(lang, 'parseOptProfile'), collect)
    .option('--force', t(lang, 'optForce'))
    .helpOption('-h, --help', t(lang, 'optHelp'))
    .addHelpText('after', `\n${t(lang, 'renderExamples')}`)
    .action(
      async (
        input: string,
        label: string | undefined,
        opts: { to?: string; output?: string; template?: string; draft?: boolean; final?: boolean; paper?: string; dir?: string; profile?: string[]; force?: boolean },
      ) => {
        const { renderCommand } = await import('../commands/render.js');
        const { RENDER_FORMATS } = await import('../render/index.js');
        const options: RenderCommandOptions = { input, profiles: opts.profile ?? [], dir: opts.dir ?? 'agreements' };
        if (label !== undefined) options.label = label;
        const format = checkFormat(opts.to, RENDER_FORMATS);
        if (format) options.format = format;
        const paper = checkFormat(opts.paper?.toLowerCase(), ['a4', 'a5'] as const);
        if (paper) options.paper = paper;
        Object.assign(options, outputOf(opts));
        if (opts.template !== undefined) options.template = opts.template;
        if (opts.draft === true) options.draft = true;
        if (opts.final === true) options.final = true;
        exitCode = await renderCommand(options, ctx);
      },
    );

  program
    .command('check')
    .description(t(lang, 'checkDescription'))
    .argument('[paths...]', t(lang, 'checkArgPaths'))
    .option('-f, --format <format>', t(lang, 'checkOptFormat'))
    .option('--config <file>', t(lang, 'checkOptConfig'))
    .option('--max-warnings <n>', t(lang, 'checkOptMaxWarnings'))
    .option('--rule <id=level>', t(lang, 'checkOptRule'), collect)
    .option('--fix', t(lang, 'checkOptFix'))
    .option('-o, --output <file>', t(lang, 'parseOptOutput'))
    .option('--force', t(lang, 'optForce'))
    .helpOption('-h, --help', t(lang, 'optHelp'))
    .addHelpText('after', `\n${t(lang, 'checkExamples')}`)
    .action(async (paths: string[], opts: { format?: string; config?: string; maxWarnings?: string; rule?: string[]; fix?: boolean; output?: string; force?: boolean }) => {
      const { checkCommand, CHECK_FORMATS } = await import('../commands/check.js');
      const options: CheckCommandOptions = { paths, format: checkFormat(opts.format, CHECK_FORMATS) ?? 'text', rules: opts.rule ?? [], fix: opts.fix === true };
      if (opts.config !== undefined) options.config = opts.config;
      if (opts.maxWarnings !== undefined) {
        const n = Number(opts.maxWarnings);
        if (!Number.isInteger(n) || n < 0) throw new OverensError('checkMaxWarnings', { value: opts.maxWarnings });
        options.maxWarnings = n;
      }
      Object.assign(options, outputOf(opts));
      exitCode = await checkCommand(options, ctx);
    });

  program
    .command('log')
    .description(t(lang, 'logDescription'))
    .argument('<agreement>', t(lang, 'logArgAgreement'))
    .option('--element <id>', t(lang, 'logOptElement'))
    .option('--in <label>', t(lang, 'logOptIn'))
    .option('-f, --format <format>', t(lang, 'logOptFormat'))
    .option('--dir <dir>', t(lang, 'renderOptDir'))
    .option('-o, --output <file>', t(lang, 'parseOptOutput'))
    .option('--force', t(lang, 'optForce'))
    .helpOption('-h, --help', t(lang, 'optHelp'))
    .addHelpText('after', `\n${t(lang, 'logExamples')}`)
    .action(async (agreement: string, opts: { element?: string; in?: string; format?: string; dir?: string; output?: string; force?: boolean }) => {
      const { logCommand, LOG_FORMATS } = await import('../commands/log.js');
      const options: LogCommandOptions = { agreement, format: checkFormat(opts.format, LOG_FORMATS) ?? 'text', dir: opts.dir ?? 'agreements' };
      if (opts.element !== undefined) options.element = opts.element;
      if (opts.in !== undefined) options.in = opts.in;
      Object.assign(options, outputOf(opts));
      exitCode = await logCommand(options, ctx);
    });

  program
    .command('init')
    .description(t(lang, 'initDescription'))
    .argument('[dir]', t(lang, 'initArgDir'))
    .helpOption('-h, --help', t(lang, 'optHelp'))
    .action(async (dir: string | undefined) => {
      const { initCommand } = await import('../commands/init.js');
      exitCode = await initCommand({ dir: dir ?? '.' }, ctx);
    });

  // Subcommands are registered above; make their usage errors come back here too.
  for (const c of program.commands) c.exitOverride().configureOutput(program.configureOutput());
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage errors (already printed by commander) exit 2.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof OverensError) {
      io.stderr.write(`overens: ${showControls(error.messageIn(lang))}\n`);
      // --debug: where it was raised, and what caused it.
      if (debug) io.stderr.write(`${error.stack ?? ''}\n${error.cause instanceof Error && error.cause.stack ? `caused by: ${error.cause.stack}\n` : ''}`);
      return 2;
    }
    const err = error instanceof Error ? error : new Error(String(error));
    if (debug) io.stderr.write(`${err.stack ?? err.message}\n`);
    else io.stderr.write(`overens: ${t(lang, 'internalError', { message: err.message })}\n`);
    return 2;
  }
}
