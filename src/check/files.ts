/**
 * Checks many documents, on every core: with more than a few files, a pool of
 * worker threads (piscina) parses and checks them in parallel, each worker
 * loading the dictionary once. The findings come back in the order of the files.
 */
import { availableParallelism } from 'node:os';
import type { Lang } from '../i18n.js';
import { OverensError } from '../errors.js';
import type { ResolvedConfig } from './config.js';
import type { Finding } from './types.js';
import type { CheckOutcome } from './worker.js';

export interface CheckTask {
  /** The path as it is shown (relative to the working folder when below it). */
  file: string;
  kind: string;
  config: ResolvedConfig;
  lang: Lang;
}

/** Below this many files, starting workers costs more than it saves. */
const POOL_FROM = 8;

export async function checkFiles(tasks: CheckTask[]): Promise<Finding[][]> {
  const threads = Math.min(availableParallelism(), tasks.length);
  let outcomes: CheckOutcome[];
  if (tasks.length < POOL_FROM || threads < 2) {
    const { default: checkOne } = await import('./worker.js');
    outcomes = [];
    for (const task of tasks) outcomes.push(await checkOne(task));
  } else {
    const { Piscina } = await import('piscina');
    const pool = new Piscina({ filename: new URL('./worker.js', import.meta.url).href, maxThreads: threads, minThreads: threads });
    try {
      outcomes = await Promise.all(tasks.map((task) => pool.run(task) as Promise<CheckOutcome>));
    } finally {
      await pool.destroy();
    }
  }
  // The first document that could not be read stops the run, as it would in one thread.
  return outcomes.map((o) => {
    if ('error' in o) throw new OverensError(o.error.key, o.error.params);
    return o.findings;
  });
}
