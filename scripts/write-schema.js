// Writes the published JSON Schemas from their TypeBox definitions:
// schema/agreement.schema.json (src/model.ts), schema/diff.schema.json (src/diff/model.ts),
// schema/check.schema.json (src/check/schema.ts) and schema/config.schema.json (src/check/config.ts, from the rules).
// Run `npm run schema` after changing either; a test fails when a file is stale.
import { writeFileSync } from 'node:fs';
import { agreementJsonSchema } from '../dist/model-schema.js';
import { diffJsonSchema } from '../dist/diff/model-schema.js';
import { checkJsonSchema } from '../dist/check/schema.js';
import { configJsonSchema } from '../dist/check/config.js';

for (const [name, schema] of [
  ['agreement.schema.json', agreementJsonSchema()],
  ['diff.schema.json', diffJsonSchema()],
  ['check.schema.json', checkJsonSchema()],
  ['config.schema.json', configJsonSchema()],
]) {
  const file = new URL(`../schema/${name}`, import.meta.url);
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file.pathname}`);
}
