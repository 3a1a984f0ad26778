/**
 * The diff's types and version (declared with TypeBox in model-schema.ts,
 * which also gives the published JSON Schema; imported from here so that
 * computing a diff does not load TypeBox).
 */

/** Bumped when the JSON shape changes incompatibly. */
export const DIFF_SCHEMA_VERSION = 1;

export type * from './model-schema.js';
