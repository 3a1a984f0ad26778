/**
 * The report view: what a process leader's report on a dialogue process
 * holds, read from the recognised section tree. Nothing is moved and nothing
 * invented: every part points (by id and position) to text that stays in
 * `sections`, and a document without phases, events, a time plan or an
 * assessment gets `report: null`.
 *
 * - phases: list items naming a phase ("Förfas inleds. Parter identifieras ...");
 * - events: items of lists that are mostly dated ("-13 okt Dag om Ö"), each
 *   assigned to the phase whose label a timeline diagram put under it;
 * - the time plan: tables under a heading the profile names ("tidsplan");
 * - principles the report lists (a lead-in ending "principer ...:" and a list);
 * - the assessment sections (styrkor, möjligheter, svagheter, hot, resurser, behov).
 * Footnotes (with the bilagor they cite) are read for every document.
 */
import type { Agreement, Footnote, ListedPrinciples, Node, Phase, Position, ProcessEvent, Report, TimePlanPeriod } from '../model.js';
import type { Profile } from './profile.js';
import { headingKey } from './profile.js';
import { slugify, squash } from '../text.js';

type Flat =
  | { kind: 'heading'; text: string; section: string; position: Position }
  | { kind: 'paragraph'; text: string; id: string; footnote: boolean; position: Position }
  | { kind: 'list'; id: string; items: Array<{ text: string; marker?: string; position: Position }>; position: Position }
  | { kind: 'table'; id: string; rows: string[][]; position: Position; section: string | null };

/** The section tree in document order, headings as their own entries. */
function flatten(nodes: Node[], out: Flat[] = [], section: string | null = null): Flat[] {
  for (const node of nodes) {
    if (node.type === 'section') {
      if (node.heading) out.push({ kind: 'heading', text: node.heading.text, section: node.id, position: node.heading.position });
      flatten(node.content, out, node.id);
    } else if (node.type === 'paragraph') {
      out.push({ kind: 'paragraph', text: node.text, id: node.id, footnote: node.role === 'footnote', position: node.position });
    } else if (node.type === 'list') {
      out.push({ kind: 'list', id: node.id, items: node.items, position: node.position });
    } else if (node.type === 'table') {
      out.push({ kind: 'table', id: node.id, rows: node.rows, position: node.position, section });
    }
  }
  return out;
}

const nameKey = (text: string) => text.replace(/[\s-]+/gu, '').toLowerCase();
const lastSentence = (text: string) => text.split(/(?<=[.!?”])\s+(?=\p{Lu})/u).pop() ?? text;
const words = (text: string) => squash(text).split(' ').filter(Boolean).length;

export function recogniseReport(sections: Node[], profile: Profile): Report | null {
  const rules = profile.report;
  const flat = flatten(sections);
  const phases: Phase[] = [];
  const events: ProcessEvent[] = [];
  const listedPrinciples: ListedPrinciples[] = [];
  const phaseByKey = new Map<string, Phase>();
  const addPhase = (name: string, description: string | null, from: Phase['from'], position: Position): Phase => {
    const existing = phaseByKey.get(nameKey(name));
    if (existing) return existing;
    const phase: Phase = { id: `phase/${slugify(name)}`, name, description, from, position };
    phases.push(phase);
    phaseByKey.set(nameKey(name), phase);
    return phase;
  };

  // Phases first: a diagram label later in the text refers to them by name.
  for (const f of flat) {
    if (f.kind !== 'list') continue;
    const named = f.items.map((item) => ({ item, m: rules.phase.exec(squash(item.text)) })).filter((x) => x.m !== null);
    if (named.length < 2) continue;
    for (const { item, m } of named) addPhase(m![1]!, m![2]!.trim() || null, 'list', item.position);
  }

  let pending: ProcessEvent[] = [];
  const isLabel = (f: Flat | undefined): f is Extract<Flat, { kind: 'heading' | 'paragraph' }> =>
    f !== undefined && (f.kind === 'heading' || f.kind === 'paragraph') && words(f.text) <= 3 && squash(f.text).length <= 40;
  for (let i = 0; i < flat.length; i++) {
    const f = flat[i]!;
    if (f.kind === 'list') {
      const dated = f.items.filter((item) => rules.event.test(squash(item.text)));
      // A timeline diagram's column: short items, at least one of them dated.
      if (dated.length > 0 && f.items.every((item) => squash(item.text).length <= 60)) {
        for (const item of f.items) {
          const m = rules.event.exec(squash(item.text));
          const years = m ? [m[1], m[2]].filter((y): y is string => y !== undefined).map((y) => 2000 + Number(y)) : [];
          const rest = m ? m[m.length - 1]! : squash(item.text);
          const when = m ? squash(item.text).slice(0, squash(item.text).length - rest.length).replace(/[\s,;]+$/u, '') : null;
          const event: ProcessEvent = { id: `event-${events.length + 1}`, when, years, text: rest, phase: null, position: item.position };
          events.push(event);
          pending.push(event);
        }
        continue;
      }
      // A lead-in sentence and the principles it lists.
      // The sentence before the list (a footnote set between them does not count).
      let back = i - 1;
      while (back >= 0 && flat[back]!.kind === 'paragraph' && (flat[back] as { footnote: boolean }).footnote) back--;
      const prev = flat[back];
      if (prev?.kind === 'paragraph' && rules.listedPrinciplesLeadIn.some((re) => re.test(lastSentence(squash(prev.text))))) {
        listedPrinciples.push({
          id: `listed-principles-${listedPrinciples.length + 1}`,
          leadIn: lastSentence(squash(prev.text)),
          items: f.items.map((item) => squash(item.text)),
          list: f.id,
          position: { start: prev.position.start, end: f.position.end },
        });
      }
      pending = [];
      continue;
    }
    if (pending.length > 0 && isLabel(f)) {
      // The label a timeline diagram set under a column of events ("1:a" joins the label after it).
      let label = squash(f.text);
      let position = f.position;
      const next = flat[i + 1];
      if (rules.ordinal.test(label) && isLabel(next)) {
        label = `${label} ${squash(next.text)}`;
        position = { start: position.start, end: next.position.end };
        i++;
      }
      if (!/\d/u.test(label.replace(rules.ordinal, '')) || rules.ordinal.test(label.split(' ')[0]!)) {
        const phase = addPhase(label, null, 'diagram', position);
        for (const event of pending) event.phase = phase.id;
      }
      pending = [];
      continue;
    }
    pending = [];
  }

  const assessment: Report['assessment'] = [];
  for (const f of flat) {
    if (f.kind !== 'heading') continue;
    const hit = rules.assessment.find((a) => a.pattern.test(headingKey(f.text)));
    if (hit) assessment.push({ kind: hit.kind, heading: squash(f.text), section: f.section, position: f.position });
  }

  let timePlan: Report['timePlan'] = null;
  const planAt = flat.findIndex((f) => f.kind === 'heading' && rules.timePlan.some((re) => re.test(headingKey(f.text))));
  if (planAt !== -1) {
    const heading = flat[planAt] as Extract<Flat, { kind: 'heading' }>;
    const periods: TimePlanPeriod[] = [];
    let label: string | null = null;
    for (const f of flat.slice(planAt + 1)) {
      if (f.kind === 'heading' && f.section !== heading.section && !/\d{4}/u.test(f.text) && periods.length > 0) break;
      if (f.kind === 'heading') label = squash(f.text);
      if (f.kind !== 'table') continue;
      const [header = [], ...rows] = f.rows;
      const name = label ?? '';
      const year = /\b(\d{4})\b/u.exec(name);
      periods.push({
        label: name,
        year: year ? Number(year[1]) : null,
        columns: header.slice(1),
        rows: rows.map(([first = '', ...cells]) => ({ label: first, cells })),
        table: f.id,
        position: f.position,
      });
    }
    if (periods.length > 0) {
      timePlan = { heading: squash(heading.text), section: heading.section, periods, position: { start: heading.position.start, end: periods[periods.length - 1]!.position.end } };
    }
  }

  if (phases.length === 0 && events.length === 0 && timePlan === null && assessment.length === 0) return null;
  return { phases, events, timePlan, listedPrinciples, assessment };
}

/** "[1]", "^[1]", "[^1]"; or a superscript number extraction glued to a word ("Open Space8", "området6."). */
/** The parts of the model whose blocks may hold footnote bodies or markers. */
export type TypedParts = Pick<Agreement, 'sections' | 'vision' | 'purpose' | 'goals' | 'principles' | 'bodies' | 'developmentAreas'>;

/** Blocks and texts of the typed elements (they are refs in the section tree), each under its element id. */
function typedBlocks(m: TypedParts): Flat[] {
  const out: Flat[] = [];
  const texts = (id: string, list: Array<{ text: string; position: Position }>) => {
    for (const x of list) out.push({ kind: 'heading', text: x.text, section: id, position: x.position });
  };
  const blocks = (nodes: Node[]) => flatten(nodes, out);
  for (const el of [m.vision, m.purpose]) if (el) blocks(el.paragraphs);
  for (const g of m.goals) {
    texts(g.id, [g]);
    if (g.elaboration) blocks(g.elaboration.paragraphs);
  }
  for (const p of m.principles) {
    blocks(p.paragraphs);
    for (const c of p.commitments) texts(c.id, [c]);
  }
  for (const b of m.bodies) blocks(b.description);
  for (const a of m.developmentAreas) {
    blocks(a.paragraphs);
    for (const i of a.items) texts(i.id, [i]);
  }
  return out;
}

const MARKER = /\^?\[\^?(\d{1,3})\](?!:)|(?<=\p{Ll}[.,]?)(\d{1,2})(?=[\s.,;:)”]|$)/gu;

/** The bodies of a footnote paragraph: a new one at each line that starts with a bracketed number. */
function footnoteParts(text: string, position: Position): Array<{ text: string; position: Position }> {
  const lines = text.split('\n');
  const starts = lines.map((l, i) => (i === 0 || /^\^?\[\^?\d+\]/u.test(l.trim()) ? i : -1)).filter((i) => i !== -1);
  if (starts.length === 1) return [{ text, position }];
  return starts.map((from, k) => {
    const to = k + 1 < starts.length ? starts[k + 1]! : lines.length;
    const last = lines[to - 1]!;
    return {
      text: lines.slice(from, to).join('\n'),
      position: {
        start: { line: position.start.line + from, column: from === 0 ? position.start.column : 1 },
        end: to === lines.length ? { ...position.end } : { line: position.start.line + to - 1, column: 1 + last.length },
      },
    };
  });
}

/**
 * Footnote bodies and the elements that carry their markers. A body is a
 * paragraph marked as a footnote ("[1] https://...", "^[1] ...", "[^1]: ...")
 * or one that starts with a number and a reference the profile knows
 * ("1https://...", "5 Bilaga 2 ..."); a marker is "[1]", "^[1]" or "[^1]" in
 * any other text, or a footnote's number glued to the end of a word, as PDF
 * extraction leaves a superscript.
 */
export function recogniseFootnotes(model: TypedParts, profile: Profile): Footnote[] {
  const rules = profile.report;
  const flat = [...flatten(model.sections), ...typedBlocks(model)];
  const footnotes: Footnote[] = [];
  const seen = new Map<number, number>();
  const bodies = new Set<Flat>();
  for (const f of flat) {
    if (f.kind !== 'paragraph' && f.kind !== 'heading') continue;
    // A footnote paragraph may hold several bodies, one per line that starts with its number ("[1] ...⏎[2] ...").
    const parts = f.kind === 'paragraph' && f.footnote ? footnoteParts(f.text, f.position) : [{ text: f.text, position: f.position }];
    for (const part of parts) {
      const text = squash(part.text);
      const bracketed = f.kind === 'paragraph' && f.footnote ? /^\^?\[\^?(\d+)\]:?\s*([\s\S]*)$/u.exec(text) : null;
      const m = bracketed ?? rules.footnote.exec(text);
      if (!m) continue;
      bodies.add(f);
      const number = Number(m[1]);
      const count = (seen.get(number) ?? 0) + 1;
      seen.set(number, count);
      const attachments = [...m[2]!.matchAll(rules.attachment)].map((a) => ({ number: Number(a[1]), title: squash(a[2]!).replace(/[\s,]+$/u, '') }));
      footnotes.push({ id: count === 1 ? `footnote-${number}` : `footnote-${number}-${count}`, number, text: m[2]!.trim(), attachments, markers: [], position: part.position });
    }
  }
  // A marker belongs to the first footnote with its number.
  const byNumber = new Map<number, { note: Footnote; marked: Set<string> }>();
  for (const note of footnotes) if (!byNumber.has(note.number)) byNumber.set(note.number, { note, marked: new Set() });
  if (byNumber.size === 0) return footnotes;
  for (const f of flat) {
    if (bodies.has(f) || f.kind === 'table') continue;
    const texts = f.kind === 'list' ? f.items.map((i) => i.text) : [f.text];
    const id = f.kind === 'heading' ? f.section : f.id;
    for (const text of texts) {
      // Every marker has a digit: most texts have none, and MARKER's look-behind tries every letter.
      if (!/\d/u.test(text)) continue;
      for (const m of text.matchAll(MARKER)) {
        const entry = byNumber.get(Number(m[1] ?? m[2]));
        if (entry && !entry.marked.has(id)) {
          entry.marked.add(id);
          entry.note.markers.push(id);
        }
      }
    }
  }
  return footnotes;
}
