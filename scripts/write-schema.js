// Writes the published JSON Schemas from their TypeBox definitions:
// schema/agreement.schema.json (src/model.ts) and schema/diff.schema.json (src/diff/model.ts).
// Run `npm run schema` after changing either; a test fails when a file is stale.
import { writeFileSync } from 'node:fs';
import { agreementJsonSchema } from '../dist/model.js';
import { diffJsonSchema } from '../dist/diff/model.js';

for (const [name, schema] of [
  ['agreement.schema.json', agreementJsonSchema()],
  ['diff.schema.json', diffJsonSchema()],
]) {
  const file = new URL(`../schema/${name}`, import.meta.url);
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file.pathname}`);
}
