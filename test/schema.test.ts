import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { agreementJsonSchema } from '../src/model-schema.js';
import { parseFile } from '../src/parse/index.js';
import { agreementFiles, ROOT } from './helpers/seeds.js';

const published = JSON.parse(readFileSync(join(ROOT, 'schema/agreement.schema.json'), 'utf8'));

describe('schema/agreement.schema.json', () => {
  it('is the one generated from src/model-schema.ts (run `npm run schema` after changing the model)', () => {
    expect(published).toEqual(agreementJsonSchema());
  });

  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  const validate = ajv.compile(published);

  it.each(agreementFiles())('validates the model of %s', async (file) => {
    const model = JSON.parse(JSON.stringify(await parseFile(join(ROOT, file))));
    const ok = validate(model);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a model with a wrong field', async () => {
    const model = JSON.parse(JSON.stringify(await parseFile(join(ROOT, agreementFiles()[0]!))));
    model.principles.push({ id: 'principle-9', number: 'nio' });
    expect(validate(model)).toBe(false);
  });
});
