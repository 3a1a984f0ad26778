/**
 * Where a run's time goes, for the benchmark (bench/run.mjs): with
 * OVERENS_PHASES=<file>, each phase's own time (read, normalise, segment,
 * recognise, align, word diff, format, …) is added up and written to the file
 * as JSON when the process ends. A phase inside another counts only for the
 * inner one, so the times add up to the run. Off, a phase costs one check.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.OVERENS_PHASES;
const totals = new Map<string, number>();
const open: Array<{ name: string; start: number; inner: number }> = [];

if (file) {
  process.once('exit', () => {
    const ms: Record<string, number> = {};
    for (const [name, t] of totals) ms[name] = Math.round(t * 10) / 10;
    // What no phase covers: starting Node, loading modules, writing (performance.now() counts from the process's start).
    const covered = [...totals.values()].reduce((a, b) => a + b, 0);
    ms.other = Math.round((performance.now() - covered) * 10) / 10;
    try {
      writeFileSync(file, `${JSON.stringify(ms)}\n`);
    } catch {
      // A benchmark's side file: nothing to tell the user.
    }
  });
}

function enter(name: string): void {
  open.push({ name, start: performance.now(), inner: 0 });
}

function leave(): void {
  const p = open.pop()!;
  const elapsed = performance.now() - p.start;
  totals.set(p.name, (totals.get(p.name) ?? 0) + elapsed - p.inner);
  const outer = open[open.length - 1];
  if (outer) outer.inner += elapsed;
}

/** Run `fn` as the phase `name`. */
export function phase<T>(name: string, fn: () => T): T {
  if (!file) return fn();
  enter(name);
  try {
    return fn();
  } finally {
    leave();
  }
}

const nothing = () => undefined;

/** Start the phase `name` for a stretch of synchronous code; call what it returns at its end. */
export function startPhase(name: string): () => void {
  if (!file) return nothing;
  enter(name);
  return leave;
}
