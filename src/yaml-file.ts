/** Reading the project's own YAML files (profiles, manifests) with one-line errors. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { OverensError } from './errors.js';

type InvalidKey = 'profileInvalid' | 'manifestInvalid';

/** Read and parse a small YAML file; a missing file or bad YAML becomes an OverensError naming the file. */
export function readYamlFile(file: string, invalid: InvalidKey): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw OverensError.fromFs(error, file);
  }
  try {
    return parseYaml(text);
  } catch (error) {
    throw new OverensError(invalid, { file, reason: (error as Error).message.split('\n')[0]! });
  }
}
