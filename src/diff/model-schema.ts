/**
 * The diff between two revisions of an agreement, declared once with TypeBox:
 * the TypeScript types and the published JSON Schema (schema/diff.schema.json)
 * come from here. The rest of the code imports the types from model.ts, so
 * computing a diff does not load TypeBox.
 */
import { Type } from '../vendor/typebox.js';
import type { Static } from '@sinclair/typebox';
import { Artifact, Position } from '../model-schema.js';
import { DIFF_SCHEMA_VERSION } from './model.js';

export const ChangeKind = Type.Union(
  [Type.Literal('added'), Type.Literal('removed'), Type.Literal('modified'), Type.Literal('moved'), Type.Literal('renumbered'), Type.Literal('split'), Type.Literal('merged')],
  {
    description:
      'added/removed: only in one revision; modified: same place, text changed; moved: another parent or place (text may also have changed); renumbered: a principle with a new number; split/merged: one element became several consecutive ones, or several one',
  },
);
export type ChangeKind = Static<typeof ChangeKind>;

export const MatchedBy = Type.Union([Type.Literal('id'), Type.Literal('number'), Type.Literal('title'), Type.Literal('text'), Type.Literal('similarity'), Type.Literal('content')], {
  description: 'How the two sides were paired: same id, same number, same title, same text, similar text, or (a section heading) the same content under it',
});
export type MatchedBy = Static<typeof MatchedBy>;

export const WordOp = Type.Object(
  {
    op: Type.Union([Type.Literal('equal'), Type.Literal('insert'), Type.Literal('delete')]),
    text: Type.String({ description: 'The exact text, whitespace included; for equal, as it stands in the new revision' }),
    old: Type.Optional(
      Type.String({ description: 'Equal only: the text as it stood in the old revision, where it differs in layout alone (whitespace, quote or dash style, footnote marker syntax)' }),
    ),
  },
  {
    additionalProperties: false,
    description: 'In order, the equal (old form) and delete texts give the old element text byte for byte; the equal and insert texts give the new one',
  },
);
export type WordOp = Static<typeof WordOp>;

export const Side = Type.Object({ text: Type.String(), position: Position }, { additionalProperties: false });
export type Side = Static<typeof Side>;

export const ElementKind = Type.Union(
  [Type.Literal('vision'), Type.Literal('purpose'), Type.Literal('goal'), Type.Literal('elaboration'), Type.Literal('principle'), Type.Literal('principle-text'), Type.Literal('commitment'), Type.Literal('body'), Type.Literal('area'), Type.Literal('area-item'), Type.Literal('heading'), Type.Literal('text')],
);
export type ElementKind = Static<typeof ElementKind>;

export const Change = Type.Object(
  {
    kind: ChangeKind,
    element: ElementKind,
    id: Type.String({ description: 'The element id in the new revision, else in the old' }),
    oldId: Type.Union([Type.String(), Type.Null()]),
    newId: Type.Union([Type.String(), Type.Null()]),
    path: Type.String({ description: 'Where, in Swedish as a reader names it: "Princip 4 Dialog / Åtagande 4"' }),
    oldPath: Type.Union([Type.String(), Type.Null()], { description: 'Where it stood before, for a move' }),
    matchedBy: Type.Union([MatchedBy, Type.Null()]),
    similarity: Type.Number({ minimum: 0, maximum: 1 }),
    old: Type.Union([Side, Type.Null()]),
    new: Type.Union([Side, Type.Null()]),
    parts: Type.Array(Type.String(), { description: 'For split and merged: the ids of the several elements on the other side' }),
    words: Type.Array(WordOp, { description: 'Word-level diff of old against new text; whole-sentence replacement when most of it changed' }),
    spelling: Type.Boolean({ description: 'Only spelling: every changed word is within edit distance 2 of its counterpart' }),
    spellingFix: Type.Boolean({
      description: 'A spelling fix: spelling only, and every old word is unknown to the Swedish dictionary while its new word is known. A change to a misspelling, or between two real words ("parterna" -> "partnerna"), is never a fix',
    }),
  },
  { additionalProperties: false },
);
export type Change = Static<typeof Change>;

const RevisionMeta = Type.Object(
  {
    path: Type.String(),
    format: Type.String(),
    title: Type.Union([Type.String(), Type.Null()]),
    revision: Type.Union([Type.String(), Type.Null()], { description: 'The manifest label, if any' }),
    date: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);

export const Summary = Type.Object(
  {
    added: Type.Integer(),
    removed: Type.Integer(),
    modified: Type.Integer(),
    moved: Type.Integer(),
    renumbered: Type.Integer(),
    split: Type.Integer(),
    merged: Type.Integer(),
    spelling: Type.Integer({ description: 'Of the modified, how many are spelling only' }),
    spellingFixes: Type.Integer({ description: 'Of those, how many are fixes (what --ignore-spelling leaves out)' }),
  },
  { additionalProperties: false },
);
export type Summary = Static<typeof Summary>;

export const DiffSchema = Type.Object(
  {
    schemaVersion: Type.Literal(DIFF_SCHEMA_VERSION),
    old: RevisionMeta,
    new: RevisionMeta,
    changes: Type.Array(Change, { description: 'In the order of the new revision; removals where they stood' }),
    scope: Type.Union(
      [
        Type.Object(
          {
            section: Type.String({ description: 'The heading of the section compared' }),
            found: Type.Object({ old: Type.Boolean(), new: Type.Boolean() }, { additionalProperties: false, description: 'Whether each side has that section; a side without it is compared whole' }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      { description: 'A scoped revision (manifest `scope:`, or --scope) is compared against that section of the other side only; null when the whole agreements are compared' },
    ),
    shared: Type.Number({
      minimum: 0,
      maximum: 1,
      description: 'How much of their words the two revisions share (Dice over word counts). Below 0.5 they are hardly revisions of one text, and the CLI says so',
    }),
    regrouped: Type.Array(
      Type.Object(
        {
          kind: Type.Union([Type.Literal('split'), Type.Literal('merged')]),
          path: Type.String({ description: 'Where, as a reader names it' }),
          oldIds: Type.Array(Type.String()),
          newIds: Type.Array(Type.String()),
        },
        { additionalProperties: false },
      ),
      { description: 'Paragraphs split or merged with exactly the same words (a layout regrouped them): listed with the layout, never shown as changes' },
    ),
    artifacts: Type.Object(
      { old: Type.Array(Artifact), new: Type.Array(Artifact) },
      { additionalProperties: false, description: 'Layout pieces and reviewer comments found in each revision: never shown as changes' },
    ),
    summary: Summary,
  },
  { additionalProperties: false },
);
export type Diff = Static<typeof DiffSchema>;

export function diffJsonSchema(): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'overens revision diff', ...DiffSchema }),
  );
}
