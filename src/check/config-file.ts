/** Where `.overens.yaml` is: found upward from a folder. Apart from config.ts, so finding it loads no rule. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_NAME = '.overens.yaml';

/** The configuration file for a working folder: .overens.yaml here or in a folder above, or null. */
export function findConfig(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, CONFIG_NAME);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}
