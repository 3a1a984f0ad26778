#!/usr/bin/env node
/**
 * Part of `npm run build`: the bundled profiles (profiles/*.yaml) as JSON in
 * dist/compiled/, each with the SHA-1 of the YAML it was made from. At run
 * time src/yaml-file.ts uses the JSON only while the YAML is unchanged, so an
 * edited profile is never read stale.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { yamlHash } from '../dist/yaml-file.js';

mkdirSync('dist/compiled', { recursive: true });
for (const name of readdirSync('profiles').filter((f) => f.endsWith('.yaml'))) {
  const text = readFileSync(`profiles/${name}`);
  writeFileSync(`dist/compiled/${name.replace(/\.yaml$/u, '.json')}`, JSON.stringify({ sha1: yamlHash(text), data: parse(text.toString('utf8')) }));
}
