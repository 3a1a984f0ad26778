/** What a command needs from the outside world, injectable for tests. */
import { Chalk } from 'chalk';
import type { Lang } from '../i18n.js';
import type { Style } from '../reporters/summary.js';

export interface Io {
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Standard input, read only when the user names it "-". */
  stdin?: NodeJS.ReadableStream;
}

export interface CommandContext {
  io: Io;
  lang: Lang;
  debug: boolean;
}

/** Colour only on a terminal, and never when NO_COLOR is set (chalk 5 does not read it). */
export function styleFor(stream: Io['stdout'], env: NodeJS.ProcessEnv): Style {
  const off = (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || !stream.isTTY || env.TERM === 'dumb';
  const chalk = new Chalk({ level: off ? 0 : 1 });
  return { heading: chalk.bold, label: chalk.cyan, warning: chalk.yellow, dim: chalk.dim };
}
