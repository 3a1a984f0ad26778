/** Run the built `overens` binary as a user would, capturing output and exit code. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './seeds.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', ...options.env };
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/overens.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
