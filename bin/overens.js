#!/usr/bin/env node
import { installProcessGuards } from '../dist/cli/process.js';
import { run } from '../dist/cli/run.js';

installProcessGuards(process.argv.slice(2));
process.exitCode = await run(process.argv.slice(2));
