/**
 * What the process does around a command: a reader that goes away (`| head`)
 * ends the run quietly with exit 0, as `git log | head` does; Ctrl-C or
 * SIGTERM removes half-written output files first; anything thrown outside a
 * command is one line on standard error, never a dependency's source, with
 * the stack only under --debug.
 */
import { removeTemporaryFiles } from '../io.js';

export function installProcessGuards(argv: string[]): void {
  const debug = argv.includes('--debug');
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
      process.stderr.write(debug ? `${err.stack ?? err.message}\n` : `overens: internal error: ${err.message.split('\n')[0]} (run with --debug for the stack trace)\n`);
    } catch {
      // standard error is gone too
    }
    process.exit(2);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.on(signal, () => {
      removeTemporaryFiles();
      process.exit(code);
    });
  }
}
