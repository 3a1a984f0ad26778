/** The shape of a manifest (TypeBox), loaded with the first manifest read (src/manifest.ts). */
import { Type } from './vendor/typebox.js';
import type { Static } from '@sinclair/typebox';
import { RevisionStatus } from './model-schema.js';

export const ManifestRevision = Type.Object(
  {
    label: Type.String({ minLength: 1, pattern: '^[a-z0-9][a-z0-9-]*$', description: 'Short name used on the command line, e.g. "remiss-1"' }),
    round: Type.Optional(Type.Integer({ minimum: 1 })),
    date: Type.Optional(Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' })),
    status: RevisionStatus,
    source: Type.String({ minLength: 1, description: 'Source file, relative to the manifest' }),
    scope: Type.Optional(Type.String()),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type ManifestRevision = Static<typeof ManifestRevision>;

export const ManifestSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, pattern: '^[a-z0-9][a-z0-9-]*$' }),
    title: Type.String({ minLength: 1 }),
    region: Type.String({ minLength: 1 }),
    kind: Type.Optional(Type.Union([Type.Literal('agreement'), Type.Literal('report')])),
    parties: Type.Array(Type.String({ minLength: 1 })),
    revisions: Type.Array(ManifestRevision, { minItems: 1 }),
  },
  { additionalProperties: false },
);
