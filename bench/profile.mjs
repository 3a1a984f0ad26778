/**
 * Where a process spent its time, from a V8 CPU profile (`node --cpu-prof`):
 * the functions with the most time of their own (self), and the functions of
 * overens (dist/) with the most time including what they called (total). For
 * `npm run bench -- --profile`, which profiles each diff and parse case once
 * and adds these tables to the results.
 */
import { readFileSync } from 'node:fs';

/** A function's name and place, shortened to its last two path parts ("diff/align.js:381"). */
const nameOf = (frame) => `${frame.functionName || '(anonymous)'} ${frame.url ? `${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}` : ''}`.trim();

/** Self and total milliseconds per function of a `.cpuprofile` file. */
export function profileTimes(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const sampled = new Map();
  profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const self = new Map();
  const total = new Map();
  let all = 0;
  for (const [id, micros] of sampled) {
    const ms = micros / 1000;
    all += ms;
    const name = nameOf(byId.get(id).callFrame);
    self.set(name, (self.get(name) ?? 0) + ms);
    // Each function once per sample, however often it recurs on the stack.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      const key = nameOf(node.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      // Ours: overens' own code, not the bundled libraries, and not the phase timer that wraps every phase.
      const url = node.callFrame.url;
      total.set(key, { ms: (total.get(key)?.ms ?? 0) + ms, ours: url.includes('/dist/') && !url.includes('/dist/vendor/') && !url.endsWith('/dist/phases.js') });
    }
  }
  return { all, self, total };
}

/** Markdown tables of a profile: the `n` functions with most self time, and the `n` of overens with most total time. */
export function profileTables(file, n = 15) {
  const { all, self, total } = profileTimes(file);
  const row = (name, ms) => `| ${name.replace(/\|/gu, '\\|')} | ${Math.round(ms)} ms | ${((100 * ms) / all).toFixed(1)}% |`;
  const top = (entries) => entries.sort((a, b) => b[1] - a[1]).slice(0, n);
  return [
    `Sampled: ${Math.round(all)} ms (profiling slows a run down).`,
    '',
    '| most time of its own | self | share |',
    '| --- | --- | --- |',
    ...top([...self]).map(([name, ms]) => row(name, ms)),
    '',
    '| overens functions, with what they call | total | share |',
    '| --- | --- | --- |',
    ...top([...total].filter(([, t]) => t.ours).map(([name, t]) => [name, t.ms])).map(([name, ms]) => row(name, ms)),
  ];
}
