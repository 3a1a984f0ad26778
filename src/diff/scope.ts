/**
 * Scoped revisions: a manifest entry with `scope: <section heading>` is a
 * revision of that section only. Its diff compares the section against the
 * same section of the other side, never the whole agreement against a part
 * ("129 borttagna").
 */
import type { Agreement, Node, Section } from '../model.js';
import { closeSimilarity, tokens, wordBag } from './words.js';

/** How close a heading must be to the scope to be its section: a spelling slip in the heading still finds it. */
const SAME_HEADING = 0.8;

function findSection(nodes: Node[], scope: string): Section | null {
  const want = wordBag(tokens(scope.toLocaleLowerCase('sv')));
  let best: { section: Section; score: number } | null = null;
  const walk = (list: Node[]) => {
    for (const n of list) {
      if (n.type !== 'section') continue;
      if (n.heading) {
        const score = closeSimilarity(want, wordBag(tokens(n.heading.text.toLocaleLowerCase('sv'))));
        if (score >= SAME_HEADING && (!best || score > best.score)) best = { section: n, score };
      }
      walk(n.content);
    }
  };
  walk(nodes);
  return (best as { section: Section } | null)?.section ?? null;
}

/** The typed elements a section refers to, at any depth. */
function refsIn(section: Section): Set<string> {
  const out = new Set<string>();
  const walk = (list: Node[]) => {
    for (const n of list) {
      if (n.type === 'ref') out.add(n.target);
      else if (n.type === 'section') walk(n.content);
    }
  };
  walk(section.content);
  return out;
}

/**
 * The part of an agreement under the section the scope names, as an
 * agreement of its own (only the typed elements that section refers to), or
 * null when no section heading is the scope.
 */
export function scopeModel(model: Agreement, scope: string): Agreement | null {
  const section = findSection(model.sections, scope);
  if (!section) return null;
  const refs = refsIn(section);
  // A goal outside the scope whose elaboration stands inside it is left out with it (the leftover
  // typed elements of a model are compared too, so nothing outside the section may stay).
  const goals = model.goals.filter((g) => refs.has(g.id)).map((g) => (g.elaboration && !refs.has(g.elaboration.id) ? { ...g, elaboration: undefined } : g));
  return {
    ...model,
    vision: model.vision && refs.has('vision') ? model.vision : null,
    purpose: model.purpose && refs.has('purpose') ? model.purpose : null,
    goals,
    principles: model.principles.filter((p) => refs.has(p.id)),
    partyCommitments: model.partyCommitments.filter((g) => refs.has(g.id)),
    bodies: model.bodies.filter((b) => refs.has(b.id)),
    developmentAreas: model.developmentAreas.filter((a) => refs.has(a.id)),
    footnotes: model.footnotes.filter((f) => f.position.start.line >= section.position.start.line && f.position.start.line <= section.position.end.line),
    sections: [section],
  };
}

export interface ScopedPair {
  old: Agreement;
  new: Agreement;
  /** The section compared, and whether each side has it (a side without it is compared whole). */
  scope: { section: string; found: { old: boolean; new: boolean } } | null;
}

/**
 * The two sides as they are compared: the section named by `scope`, else by
 * the new revision's manifest entry, else by the old one's; whole when none
 * names a scope.
 */
export function scopePair(oldModel: Agreement, newModel: Agreement, scope?: string): ScopedPair {
  const section = scope ?? newModel.meta.revision?.scope ?? oldModel.meta.revision?.scope;
  if (section === undefined) return { old: oldModel, new: newModel, scope: null };
  const old = scopeModel(oldModel, section);
  const now = scopeModel(newModel, section);
  return { old: old ?? oldModel, new: now ?? newModel, scope: { section, found: { old: old !== null, new: now !== null } } };
}
