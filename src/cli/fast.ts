/**
 * What the command line answers before loading anything else: the version,
 * and the top-level help as `npm run build` rendered it with commander
 * (scripts/compile-help.mjs), in English and Swedish at commander's width for
 * a pipe or an 80-column terminal. Anything else, a help of another width
 * included, goes to run.ts and commander.
 */
import { readFileSync, writeSync } from 'node:fs';
import { resolveLang } from '../locale.js';
import { VERSION } from '../version.js';

/** Where the build puts the rendered help (`help-en.txt`, `help-sv.txt`). */
export const HELP_FOLDER = new URL('../compiled/', import.meta.url);

/** The help text rendered at build, when it is the one commander would print here. */
function renderedHelp(env: NodeJS.ProcessEnv): string | undefined {
  if (env.OVERENS_NO_HELP_CACHE) return undefined;
  // Commander's width: the terminal's columns, else 80.
  const width = process.stdout.isTTY ? process.stdout.columns : 80;
  if (width !== 80) return undefined;
  try {
    return readFileSync(new URL(`help-${resolveLang(undefined, env)}.txt`, HELP_FOLDER), 'utf8');
  } catch {
    return undefined;
  }
}

/** Answers `--version` or `--help` alone at once; false when the command line needs the full run. */
export function answerAtOnce(argv: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  if (argv.length !== 1) return false;
  const text = argv[0] === '--version' || argv[0] === '-V' ? `${VERSION}\n` : argv[0] === '--help' || argv[0] === '-h' ? renderedHelp(env) : undefined;
  if (text === undefined) return false;
  try {
    writeSync(1, text);
  } catch (error) {
    // A reader that went away (`overens --help | head -1`) is no error.
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
  }
  return true;
}
