/** Reading the project's own YAML files (profiles, manifests) with one-line errors. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRegularFileSync } from './read-file.js';
import { OverensError } from './errors.js';

type InvalidKey = 'profileInvalid' | 'manifestInvalid' | 'configInvalid';

/** Profiles and manifests are small: a megabyte is far more than any needs. */
export const MAX_YAML_BYTES = 1024 * 1024;

/** The bundled profiles, and where `npm run build` puts them as JSON (scripts/compile-yaml.mjs). */
const PROFILES = fileURLToPath(new URL('../profiles', import.meta.url));
const COMPILED = fileURLToPath(new URL('./compiled', import.meta.url));

/** A YAML file's SHA-1, as the compiled copy records it. */
export const yamlHash = (text: string | Buffer) => createHash('sha1').update(text).digest('hex');

/**
 * A bundled profile as `npm run build` compiled it, when its text is still
 * the one compiled (parsing the YAML takes 20-40 ms on every run; the JSON
 * under 1 ms). Anything else is parsed.
 */
function compiled(file: string, text: Buffer): unknown {
  if (dirname(resolve(file)) !== PROFILES) return undefined;
  try {
    const data = JSON.parse(readRegularFileSync(`${COMPILED}/${basename(file, '.yaml')}.json`, MAX_YAML_BYTES * 8).toString('utf8')) as { sha1: string; data: unknown };
    return data.sha1 === yamlHash(text) ? data.data : undefined;
  } catch {
    return undefined;
  }
}

let yaml: typeof import('yaml') | undefined;

/**
 * The yaml library, loaded when first needed (a command that reads or writes
 * no YAML does not load it): the one-file bundle `npm run build` makes
 * (scripts/bundle-vendor.mjs; the package is 72 modules, 50 ms to load, the
 * bundle under 20 ms). Run from the sources, as the tests do, there is no
 * bundle beside this file and the package itself is loaded.
 */
export function yamlLibrary(): typeof import('yaml') {
  if (yaml) return yaml;
  const require = createRequire(import.meta.url);
  try {
    yaml = require('./vendor/yaml.cjs') as typeof import('yaml');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND' || existsSync(new URL('./vendor/yaml.cjs', import.meta.url))) throw error;
    yaml = require('yaml') as typeof import('yaml');
  }
  return yaml;
}

/** Read and parse a small YAML file; a missing file or bad YAML becomes an OverensError naming the file. */
export function readYamlFile(file: string, invalid: InvalidKey): unknown {
  const bytes = readRegularFileSync(file, MAX_YAML_BYTES);
  const ready = compiled(file, bytes);
  if (ready !== undefined) return ready;
  const { parse } = yamlLibrary();
  try {
    return parse(bytes.toString('utf8'));
  } catch (error) {
    throw new OverensError(invalid, { file, reason: (error as Error).message.split('\n')[0]! });
  }
}
