#!/usr/bin/env node
import { answerAtOnce } from '../dist/cli/fast.js';

// --version and --help alone are answered before anything else loads.
if (!answerAtOnce(process.argv.slice(2))) {
  const [{ installProcessGuards }, { run }] = await Promise.all([import('../dist/cli/process.js'), import('../dist/cli/run.js')]);
  installProcessGuards(process.argv.slice(2));
  process.exitCode = await run(process.argv.slice(2));
}
