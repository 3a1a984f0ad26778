/** The JSON output of `overens check` (schema/check.schema.json, written by `npm run schema`). */
import { Type } from '../vendor/typebox.js';
import type { Static } from '@sinclair/typebox';
import { Diagnostic, Position } from '../model-schema.js';

export const CHECK_SCHEMA_VERSION = 1;

export const FindingSchema = Type.Composite([
  Diagnostic,
  Type.Object({
    suggestions: Type.Optional(Type.Array(Type.String(), { description: 'Up to three replacements (spelling, abbreviations)' })),
    fix: Type.Optional(Type.Object({ range: Position, from: Type.String(), text: Type.String() }, { additionalProperties: false, description: 'A safe fix: replace `from` at `range` with `text` (check --fix applies it)' })),
  }),
], { additionalProperties: false });

export const CheckResultSchema = Type.Object(
  {
    schemaVersion: Type.Literal(CHECK_SCHEMA_VERSION),
    files: Type.Array(Type.String(), { description: 'Every file checked, findings or not' }),
    summary: Type.Object({ error: Type.Integer(), warning: Type.Integer(), info: Type.Integer(), files: Type.Integer() }, { additionalProperties: false }),
    findings: Type.Array(FindingSchema),
  },
  { additionalProperties: false },
);
export type CheckResult = Static<typeof CheckResultSchema>;

export function checkJsonSchema(): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'overens check result', ...CheckResultSchema }));
}
