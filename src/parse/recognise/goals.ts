/**
 * Goals (mål): a list under a goals heading, or after a lead-in paragraph
 * ("Målen ska uppnås genom att:"), and the elaboration of each goal under a
 * later heading that repeats it.
 *
 * Lexicon: `goals`, `goalsLeadIn`, `goalElaborationIntro`.
 */
import type { Goal, Position } from '../../model.js';
import type { SegHeading, SegList, SegParagraph } from '../segment/types.js';
import { phraseKey } from '../../text.js';
import { copy, cover, heading, leadInTail, type RecogniseState } from './state.js';
import type { Recogniser } from './types.js';

/** The goal a heading repeats (the whole text, or at least 80% of it as a prefix). */
function goalFor(goals: Goal[], text: string): Goal | null {
  const key = phraseKey(text);
  if (key === '') return null;
  for (const goal of goals) {
    const g = phraseKey(goal.text);
    if (g === key) return goal;
    const [short, long] = g.length < key.length ? [g, key] : [key, g];
    if (long.startsWith(short) && short.length >= 0.8 * long.length) return goal;
  }
  return null;
}

function addGoals(s: RecogniseState, b: SegList): void {
  for (const item of b.items) {
    const goal: Goal = { id: `goal-${s.out.goals.length + 1}`, text: item.text, position: copy(item.position) };
    if (item.marker !== undefined) goal.marker = item.marker;
    s.out.goals.push(goal);
    s.placeRef(goal.id);
  }
}

/**
 * A goal's elaboration heading glued to its first paragraph (PDF layout): the
 * paragraph's first lines repeat a goal without an elaboration. Split them off.
 */
export function splitGluedElaboration(s: RecogniseState, b: SegParagraph): [SegHeading, SegParagraph] | null {
  if (s.ctx.kind !== 'goals' || s.out.goals.length === 0) return null;
  const lines = b.text.split('\n');
  for (let k = 1; k < lines.length; k++) {
    const head = lines.slice(0, k).join(' ');
    const goal = goalFor(s.out.goals, head);
    if (!goal || goal.elaboration || phraseKey(head) !== phraseKey(goal.text)) continue;
    const start = b.position.start;
    const headEnd = { line: start.line + k - 1, column: (k === 1 ? start.column : 1) + lines[k - 1]!.length };
    return [
      { type: 'heading', depth: null, text: lines.slice(0, k).join('\n'), position: { start: { ...start }, end: headEnd } },
      { ...b, text: lines.slice(k).join('\n'), position: { start: { line: start.line + k, column: 1 }, end: { ...b.position.end } } },
    ];
  }
  return null;
}

/** A heading repeating `goal` starts its elaboration: the text after it explains the goal. */
function elaborate(s: RecogniseState, goal: Goal, h: SegHeading): void {
  const id = `${goal.id}/elaboration`;
  goal.elaboration = { id, heading: heading(h), paragraphs: [], position: copy(h.position) };
  s.placeRef(id);
  if (s.ctx.kind === 'goals') s.ctx.elaborating = goal;
}

export function goals(): Recogniser {
  /** The last paragraph kept was a goals lead-in: the list right after it holds the goals. */
  let fromLeadIn = false;
  let goalsHeading: Position | null = null;
  return {
    name: 'goals',
    beforeBlock(_s, b) {
      if (b.type !== 'list') fromLeadIn = false;
    },
    claimHeading(s, h, kind) {
      const ctx = s.ctx;
      if (ctx.kind !== 'goals') return false;
      const goal = goalFor(s.out.goals, h.text);
      if (goal && !goal.elaboration) {
        elaborate(s, goal, h);
        return true;
      }
      if (kind === 'goalElaborationIntro') {
        const depth = h.depth ?? ctx.depth + 1;
        s.openSection(h, Math.max(depth, ctx.depth + 1));
        ctx.elaborating = null;
        return true;
      }
      return false;
    },
    startHeading(s, h, kind) {
      if (kind !== 'goals' || s.out.goals.length > 0) return false;
      const depth = h.depth ?? s.profile.depths.section;
      s.openSection(h, depth, 'goals');
      goalsHeading ??= copy(h.position);
      s.ctx = { kind: 'goals', depth, elaborating: null };
      return true;
    },
    paragraph(s, b) {
      // A heading that repeats a goal, wrapped over two lines and so read as a paragraph (PDF text).
      const goal = s.ctx.kind === 'goals' && !b.emphasis ? goalFor(s.out.goals, b.text) : null;
      if (goal && !goal.elaboration && phraseKey(b.text) === phraseKey(goal.text) && b.text.includes('\n')) {
        elaborate(s, goal, { type: 'heading', depth: null, text: b.text, position: b.position });
        return true;
      }
      const e = s.ctx.kind === 'goals' ? s.ctx.elaborating?.elaboration : undefined;
      if (!e) return false;
      e.paragraphs.push(s.paragraph(b, e.id));
      cover(e.position, b.position);
      return true;
    },
    list(s, b) {
      if (fromLeadIn) {
        fromLeadIn = false;
        addGoals(s, b);
        return true;
      }
      if (s.ctx.kind !== 'goals') return false;
      const e = s.ctx.elaborating?.elaboration;
      if (e) {
        e.paragraphs.push(s.list(b, e.id));
        cover(e.position, b.position);
        return true;
      }
      if (s.out.goals.length > 0) return false;
      addGoals(s, b);
      return true;
    },
    observe(s, _node, text) {
      if (s.out.goals.length === 0 && s.profile.goalsLeadIn.some((re) => re.test(leadInTail(text)))) fromLeadIn = true;
    },
    finish(s) {
      if (goalsHeading !== null && s.out.goals.length === 0) s.warn('untyped-goals', 'untypedGoals', goalsHeading);
    },
  };
}
