// Writes the published JSON Schemas from their TypeBox definitions:
// schema/agreement.schema.json (src/model-schema.ts), schema/diff.schema.json (src/diff/model-schema.ts),
// schema/check.schema.json (src/check/schema.ts), schema/log.schema.json (src/history/schema.ts),
// schema/build.schema.json (src/build/schema.ts) and schema/config.schema.json (src/check/config.ts, from the rules).
// Run `npm run schema` after changing either; a test fails when a file is stale.
import { writeFileSync } from 'node:fs';
import { agreementJsonSchema } from '../dist/model-schema.js';
import { diffJsonSchema } from '../dist/diff/model-schema.js';
import { checkJsonSchema } from '../dist/check/schema.js';
import { logJsonSchema } from '../dist/history/schema.js';
import { buildJsonSchema } from '../dist/build/schema.js';
import { configJsonSchema } from '../dist/check/config.js';

for (const [name, schema] of [
  ['agreement.schema.json', agreementJsonSchema()],
  ['diff.schema.json', diffJsonSchema()],
  ['check.schema.json', checkJsonSchema()],
  ['log.schema.json', logJsonSchema()],
  ['build.schema.json', buildJsonSchema()],
  ['config.schema.json', configJsonSchema()],
]) {
  const file = new URL(`../schema/${name}`, import.meta.url);
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file.pathname}`);
}
