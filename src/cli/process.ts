/**
 * What the process does around a command: a reader that goes away (`| head`)
 * ends the run quietly with exit 0, as `git log | head` does; Ctrl-C or
 * SIGTERM during a write removes the half-written file (src/io.ts); anything thrown outside a
 * command is one line on standard error, never a dependency's source, with
 * the stack only under --debug.
 */
import { removeTemporaryFiles } from '../io.js';
import { t } from '../i18n.js';
import { langFromArgv } from './run.js';

// Ctrl-C and SIGTERM keep their default (the process ends at once, even in the middle of a long
// synchronous parse); while an output file is being written, src/io.ts removes its temporary file first.

export function installProcessGuards(argv: string[]): void {
  const debug = argv.includes('--debug');
  const lang = langFromArgv(argv, process.env);
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') {
        removeTemporaryFiles();
        process.exit(0);
      }
      fatal(error);
    });
  }
  const fatal = (error: unknown) => {
    removeTemporaryFiles();
    const err = error instanceof Error ? error : new Error(String(error));
    try {
      process.stderr.write(debug ? `${err.stack ?? err.message}\n` : `overens: ${t(lang, 'internalError', { message: err.message.split('\n')[0]! })}\n`);
    } catch {
      // standard error is gone too
    }
    process.exit(2);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
}
