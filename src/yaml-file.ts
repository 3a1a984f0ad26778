/** Reading the project's own YAML files (profiles, manifests) with one-line errors. */
import { readRegularFileSync } from './read-file.js';
import { parse as parseYaml } from 'yaml';
import { OverensError } from './errors.js';

type InvalidKey = 'profileInvalid' | 'manifestInvalid' | 'configInvalid';

/** Profiles and manifests are small: a megabyte is far more than any needs. */
export const MAX_YAML_BYTES = 1024 * 1024;

/** Read and parse a small YAML file; a missing file or bad YAML becomes an OverensError naming the file. */
export function readYamlFile(file: string, invalid: InvalidKey): unknown {
  const text = readRegularFileSync(file, MAX_YAML_BYTES).toString('utf8');
  try {
    return parseYaml(text);
  } catch (error) {
    throw new OverensError(invalid, { file, reason: (error as Error).message.split('\n')[0]! });
  }
}
