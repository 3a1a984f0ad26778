/**
 * Every JSON output validates against its published schema: here log's and
 * build's (the model's, the diff's and the check's have their own tests).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { logJsonSchema } from '../src/history/schema.js';
import { buildJsonSchema } from '../src/build/schema.js';
import { cli } from './helpers/cli.js';
import { ROOT } from './helpers/seeds.js';
import { copyRepository } from './build/helpers.js';

const ajv = new Ajv2020.default({ allErrors: true, strict: false });
const published = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schema', name), 'utf8')) as Record<string, unknown>;
const valid = (schema: Record<string, unknown>, data: unknown) => {
  const validate = ajv.compile(schema);
  validate(data);
  return validate.errors ?? [];
};

describe('schema/log.schema.json', () => {
  it('is the one generated from src/history/schema.ts (run `npm run schema` after changing it)', () => {
    expect(published('log.schema.json')).toEqual(logJsonSchema());
  });

  it.each([
    ['norrbotten-civilsamhalle', []],
    ['norrbotten-civilsamhalle', ['--element', 'principle-4/commitment-2']],
    ['varmland-dialogprocess', []],
    ['vasterbotten-samverkan-2023-2026', ['--element', 'purpose']],
  ])('validates the log of %s %s', (id, extra) => {
    const r = cli(['log', id, '-f', 'json', ...extra]);
    expect(r.code === 0 || r.code === 1).toBe(true);
    const log = JSON.parse(r.stdout) as { rounds: unknown[]; element?: unknown };
    expect(log.rounds.length).toBeGreaterThan(0);
    if (extra.length > 0) expect(log.element).toBeDefined();
    expect(valid(published('log.schema.json'), log)).toEqual([]);
  });

  it('rejects a log with a change of an unknown kind', () => {
    const log = JSON.parse(cli(['log', 'norrbotten-civilsamhalle', '-f', 'json']).stdout) as { rounds: Array<{ changes: Array<{ kind: string }> }> };
    const round = log.rounds.find((r) => r.changes.length > 0)!;
    round.changes[0]!.kind = 'rewritten';
    expect(valid(published('log.schema.json'), log)).not.toEqual([]);
  });
});

describe('schema/build.schema.json', () => {
  it('is the one generated from src/build/schema.ts (run `npm run schema` after changing it)', () => {
    expect(published('build.schema.json')).toEqual(buildJsonSchema());
  });

  it('validates the report of a build, first and second run, and rejects one with a field too many', () => {
    const repo = copyRepository();
    for (let run = 0; run < 2; run++) {
      const r = cli(['build', 'agreements', '--out', 'site', '--formats', 'md', '--exit-zero', '-f', 'json'], { cwd: repo });
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(valid(published('build.schema.json'), report)).toEqual([]);
      if (run === 1) expect(valid(published('build.schema.json'), { ...report, extra: 1 })).not.toEqual([]);
    }
  }, 180_000);
});
