/**
 * The shape of `overens build --format json` (TypeBox), published as
 * schema/build.schema.json by `npm run schema`; a test validates a build's
 * report against it.
 */
import { Type } from '../vendor/typebox.js';
import type { Static } from '@sinclair/typebox';

const Paths = (description: string) => Type.Array(Type.String(), { description });
const Count = (description: string) => Type.Integer({ minimum: 0, description });

export const BuildReportSchema = Type.Object(
  {
    out: Type.String({ description: 'The output folder, as given' }),
    index: Type.String({ description: 'The index page, relative to the working folder' }),
    seconds: Type.Number({ minimum: 0 }),
    agreements: Count('Agreements on the site'),
    broken: Count('Manifests that could not be used'),
    ran: Count('Jobs run'),
    upToDate: Count('Jobs whose outputs were up to date'),
    threads: Count('Threads the jobs ran on'),
    written: Paths('Files written, relative to the output folder'),
    removed: Paths('Files removed, relative to the output folder'),
    failed: Type.Array(Type.Object({ job: Type.String(), error: Type.String() }, { additionalProperties: false }), { description: 'Jobs that could not be done, with why' }),
    unusable: Type.Array(Type.Object({ manifest: Type.String(), error: Type.String() }, { additionalProperties: false }), { description: 'Manifests that could not be used, with why' }),
    errors: Count('Check errors'),
    warnings: Count('Check warnings'),
  },
  { additionalProperties: false },
);
export type BuildReportJson = Static<typeof BuildReportSchema>;

export function buildJsonSchema(): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'overens build report', ...BuildReportSchema }));
}
