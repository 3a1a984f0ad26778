/** Reading the project's own YAML files (profiles, manifests) with one-line errors. */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { OverensError } from './errors.js';

type InvalidKey = 'profileInvalid' | 'manifestInvalid';

function parseYamlText(text: string, file: string, invalid: InvalidKey): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    throw new OverensError(invalid, { file, reason: (error as Error).message.split('\n')[0]! });
  }
}

export function readYamlFileSync(file: string, invalid: InvalidKey): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw OverensError.fromFs(error, file);
  }
  return parseYamlText(text, file, invalid);
}

export async function readYamlFile(file: string, invalid: InvalidKey): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw OverensError.fromFs(error, file);
  }
  return parseYamlText(text, file, invalid);
}
