/**
 * What a build shows while it runs, on standard error: on a terminal a live
 * bar with the job that finished last (cli-progress); piped, or under CI, one
 * plain line per job.
 */
import type { Io } from '../cli/context.js';
import { t, type Lang } from '../i18n.js';
import type { BuildEvents } from './index.js';
import type { Job, JobData } from './types.js';
import { showControls } from '../text.js';

export interface Progress extends BuildEvents {
  /** Clears the live display (before the summary is printed). */
  stop(): void;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

export async function progressFor(io: Io, lang: Lang): Promise<Progress> {
  const live = io.stderr.isTTY === true && !io.env.CI && io.env.TERM !== 'dumb';
  // On a terminal, control characters in a file name are shown, never acted on.
  const shown = io.stderr.isTTY === true ? showControls : (s: string) => s;
  const line = (job: Job, data: JobData, ms: number) =>
    data.kind === 'failed' ? t(lang, 'buildJobFailed', { job: job.id, error: shown(data.error[lang]) }) : t(lang, 'buildJobDone', { job: job.id, seconds: seconds(ms) });
  if (!live) {
    return {
      planned: (toRun, upToDate, threads) => {
        if (toRun.length > 0) io.stderr.write(`${t(lang, 'buildPlanned', { jobs: toRun.length, threads, upToDate })}\n`);
      },
      finished: (job, data, ms) => io.stderr.write(`${line(job, data, ms)}\n`),
      stop: () => undefined,
    };
  }
  const { default: cliProgress } = await import('cli-progress');
  const bars = new cliProgress.MultiBar(
    { stream: io.stderr as unknown as NodeJS.WritableStream, format: ' {bar} {value}/{total}  {job}', hideCursor: true, clearOnComplete: true, barsize: 24 },
    cliProgress.Presets.shades_classic,
  );
  let bar: ReturnType<typeof bars.create> | null = null;
  return {
    planned: (toRun) => {
      if (toRun.length > 0) bar = bars.create(toRun.length, 0, { job: '' });
    },
    finished: (job, data, ms) => {
      // A failure stays on the screen above the bar.
      if (data.kind === 'failed') bars.log(`${line(job, data, ms)}\n`);
      bar?.increment(1, { job: job.id });
    },
    stop: () => bars.stop(),
  };
}
