/**
 * The shape of `overens log --format json` (TypeBox), published as
 * schema/log.schema.json by `npm run schema`; a test validates the log of
 * every bundled agreement against it.
 */
import { Type } from '../vendor/typebox.js';
import type { Static } from '@sinclair/typebox';
import { Revision } from '../model-schema.js';
import { Change, ChangeKind, ElementKind, Summary } from '../diff/model-schema.js';
import { EVENT_KINDS } from './index.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const LogChange = Type.Object(
  {
    kind: ChangeKind,
    element: ElementKind,
    id: Type.String(),
    oldId: Nullable(Type.String()),
    newId: Nullable(Type.String()),
    path: Type.String(),
    oldPath: Nullable(Type.String()),
  },
  { additionalProperties: false, description: 'One change of a round, without its text (overens diff gives the words)' },
);

export const LogRound = Type.Object(
  {
    label: Type.String({ description: 'The revision label, or the source path when no manifest names it' }),
    revision: Nullable(Revision),
    source: Type.String(),
    summary: Nullable(Summary),
    changes: Type.Array(LogChange),
  },
  { additionalProperties: false, description: 'A revision, with what changed since the one before (nothing for the first)' },
);

export const EventKind = Type.Union(EVENT_KINDS.map((k) => Type.Literal(k)));

export const LogElement = Type.Object(
  {
    id: Type.String(),
    foundIn: Nullable(Type.String()),
    events: Type.Array(
      Type.Object(
        {
          round: Type.String(),
          id: Nullable(Type.String()),
          kind: EventKind,
          change: Nullable(Change),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, description: 'One element followed from round to round (--element)' },
);

export const LogSchema = Type.Object(
  {
    agreement: Type.String(),
    title: Nullable(Type.String()),
    rounds: Type.Array(LogRound),
    element: Type.Optional(LogElement),
  },
  { additionalProperties: false },
);
export type Log = Static<typeof LogSchema>;

export function logJsonSchema(): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'overens log', ...LogSchema }));
}
