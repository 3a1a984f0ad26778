// Preloaded with `node --import`: records the address of every ES module the
// process loads, one per line, in the file OVERENS_RECORD_LOADS names.
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url, { data: { file: process.env.OVERENS_RECORD_LOADS } });
