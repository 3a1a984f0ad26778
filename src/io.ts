/** Output files: written atomically (temporary file in the same folder, then rename), never over an input. */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { OverensError } from './errors.js';

export async function writeFileAtomic(file: string, data: string | Uint8Array, inputs: string[] = []): Promise<void> {
  const target = resolve(file);
  if (inputs.some((input) => resolve(input) === target)) throw new OverensError('outputIsInput', { file });
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw OverensError.fromFs(error, file);
  }
}
