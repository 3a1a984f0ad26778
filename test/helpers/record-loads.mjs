// Preloaded with `node --import`: records the address of every module the
// process loads, one per line, in the file OVERENS_RECORD_LOADS names: ES
// modules as they load (through a loader hook), CommonJS modules (which
// require() loads past the hook) at the process's end, from require's cache.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.OVERENS_RECORD_LOADS;
register('./record-loads-hooks.mjs', import.meta.url, { data: { file } });
const required = createRequire(import.meta.url).cache;
process.once('exit', () => {
  if (file) appendFileSync(file, Object.keys(required).map((path) => `${pathToFileURL(path).href}\n`).join(''));
});
