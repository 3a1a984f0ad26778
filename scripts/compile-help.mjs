#!/usr/bin/env node
/**
 * Part of `npm run build`: `overens --help` as commander prints it to a pipe
 * (80 columns), in English and Swedish, in dist/compiled/help-<lang>.txt.
 * src/cli/fast.ts prints it without loading commander when the width is the
 * same; any other width is rendered by commander as before.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

mkdirSync('dist/compiled', { recursive: true });
const { LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, ...env } = process.env;
for (const [lang, locale] of [['en', 'C'], ['sv', 'sv_SE.UTF-8']]) {
  const r = spawnSync(process.execPath, ['bin/overens.js', '--help'], { env: { ...env, LANG: locale, OVERENS_NO_HELP_CACHE: '1' }, encoding: 'utf8' });
  if (r.status !== 0 || r.stdout === '') throw new Error(`overens --help (${lang}) failed: ${r.stderr}`);
  writeFileSync(`dist/compiled/help-${lang}.txt`, r.stdout);
}
