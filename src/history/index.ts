/**
 * The history of an agreement across its revisions (`overens log`): each round
 * compared with the one before it (the diff, with a manifest's scope), and an
 * element followed from round to round through the diff's alignment, so it
 * keeps its identity when it is renumbered or moved.
 */
import type { Agreement, Revision } from '../model.js';
import { diffAgreements, pairedIds, units } from '../diff/align.js';
import { countChanges } from '../diff/count.js';
import type { Change, Diff, Summary } from '../diff/model.js';
import type { Speller } from '../spell.js';

export interface Round {
  label: string;
  revision: Revision | null;
  source: string;
  /** The comparison with the round before (null for the first). */
  diff: Diff | null;
  summary: Summary | null;
}

export interface History {
  agreement: string;
  title: string | null;
  rounds: Round[];
}

/** Every round of an agreement, each compared with the one before. */
export function historyOf(agreement: string, models: Agreement[], speller?: Speller): History {
  const rounds: Round[] = models.map((m, i) => {
    const diff = i === 0 ? null : diffAgreements(models[i - 1]!, m, speller ? { speller } : {});
    return { label: m.meta.revision?.label ?? m.meta.source.path, revision: m.meta.revision, source: m.meta.source.path, diff, summary: diff ? countChanges(diff.changes) : null };
  });
  return { agreement, title: models.at(-1)?.meta.title ?? null, rounds };
}

export const EVENT_KINDS = ['appeared', 'modified', 'moved', 'renumbered', 'split', 'merged', 'removed', 'unchanged', 'absent', 'outside'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface ElementEvent {
  round: string;
  /** The element's id in this round (ids are numbered per revision), or null when it is not there. */
  id: string | null;
  kind: EventKind;
  /** The change of this round, for modified, moved, renumbered, split, merged and removed. */
  change: Change | null;
}

export interface ElementTimeline {
  /** The id asked for, and the round whose id space it was found in. */
  id: string;
  foundIn: string | null;
  events: ElementEvent[];
}

/**
 * The ids each round's element has, following the alignment from the round
 * whose ids `id` is read in: `round` (a label), else the latest round that has it.
 */
export function followElement(history: History, models: Agreement[], id: string, round?: string): ElementTimeline {
  const n = models.length;
  const ids = (m: Agreement) => new Set(unitIds(m));
  const found = round !== undefined ? [history.rounds.findIndex((r) => r.label === round)].find((i) => i >= 0 && ids(models[i]!).has(id)) : [...models.keys()].reverse().find((i) => ids(models[i]!).has(id));
  const events: ElementEvent[] = [];
  if (found === undefined) return { id, foundIn: null, events };
  // Pairs of each round with the one before: old id -> new id.
  const forward = models.map((m, i) => (i === 0 ? new Map<string, string>() : pairedIds(models[i - 1]!, m, history.rounds[i]!.diff!)));
  const chain: Array<string | null> = Array<string | null>(n).fill(null);
  chain[found] = id;
  for (let i = found; i > 0; i--) {
    const here = chain[i];
    if (here === null) break;
    chain[i - 1] = [...forward[i]!].find(([, to]) => to === here)?.[0] ?? null;
  }
  // A round that covers one section (a manifest scope) neither pairs nor removes what lies outside it: the element is carried as it was.
  const outside = new Set<number>();
  for (let i = found + 1; i < n; i++) {
    const before = chain[i - 1];
    if (before === null) continue;
    const next = forward[i]!.get(before);
    if (next !== undefined) chain[i] = next;
    else if (history.rounds[i]!.diff?.scope && !history.rounds[i]!.diff!.changes.some((c) => c.oldId === before)) {
      chain[i] = before;
      outside.add(i);
    }
  }
  for (let i = 0; i < n; i++) {
    const round = history.rounds[i]!;
    const here = chain[i] ?? null;
    const before = i > 0 ? chain[i - 1] ?? null : null;
    const changes = round.diff?.changes ?? [];
    const change = outside.has(i) ? null : here !== null ? changes.find((c) => c.newId === here) ?? null : before !== null ? changes.find((c) => c.oldId === before) ?? null : null;
    let kind: EventKind;
    if (outside.has(i)) kind = 'outside';
    else if (here === null) kind = before !== null ? 'removed' : 'absent';
    else if (i === 0 || before === null) kind = 'appeared';
    else kind = change ? (change.kind as EventKind) : 'unchanged';
    events.push({ round: round.label, id: outside.has(i) ? null : here, kind, change });
  }
  return { id, foundIn: history.rounds[found]!.label, events };
}

/** Every comparable unit's id of a model (what the diff pairs). */
const unitIds = (m: Agreement): string[] => units(m).map((u) => u.id);
