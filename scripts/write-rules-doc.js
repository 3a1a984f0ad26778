// Writes docs/rules.md from the rules (src/rules/*.ts, built to dist/). Run `npm run docs:rules`
// after changing a rule; a test fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { rulesMarkdown } from '../dist/check/docs.js';

const file = new URL('../docs/rules.md', import.meta.url);
writeFileSync(file, rulesMarkdown());
console.log(`wrote ${file.pathname}`);
