// Writes schema/agreement.schema.json from the model definition (src/model.ts).
// Run `npm run schema` after changing the model; a test fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { agreementJsonSchema } from '../dist/model.js';

const file = new URL('../schema/agreement.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(agreementJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
