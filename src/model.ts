/**
 * The agreement model's types and version. The types are declared once, with
 * TypeBox, in model-schema.ts, which also gives the published JSON Schema;
 * this module holds only what the rest of the code needs, so a command that
 * validates nothing never loads TypeBox (about 150 ms of every start).
 *
 * Swedish terms are explained in docs/glossary.md.
 */

/** Bumped when the JSON shape changes incompatibly. */
export const MODEL_SCHEMA_VERSION = 1;

export type * from './model-schema.js';
