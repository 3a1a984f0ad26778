/**
 * `overens init [DIR]`: a new agreement repository from templates/init/: an
 * example agreement with its manifest, .overens.yaml, a README for editors
 * and a GitHub Actions workflow. It writes only new files: when any of them
 * exists, nothing is written.
 */
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandContext } from '../cli/context.js';
import { OverensError } from '../errors.js';
import { t } from '../i18n.js';
import { writeOutput } from '../io.js';

const TEMPLATE = fileURLToPath(new URL('../../templates/init', import.meta.url));

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push(full);
  }
  return out.sort();
}

export async function initCommand(options: { dir: string }, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const target = resolve(io.cwd, options.dir);
  const files = (await filesUnder(TEMPLATE)).map((f) => relative(TEMPLATE, f));
  for (const f of files) {
    const exists = await stat(join(target, f)).then(() => true, () => false);
    if (exists) throw new OverensError('initExists', { file: join(options.dir, f) });
  }
  for (const f of files) {
    await mkdir(dirname(join(target, f)), { recursive: true });
    await writeOutput(join(target, f), await readFile(join(TEMPLATE, f)), [], {});
  }
  io.stdout.write(`${t(lang, 'initDone', { count: files.length, dir: target })}\n`);
  for (const f of files) io.stdout.write(`  ${join(options.dir, f)}\n`);
  return 0;
}
