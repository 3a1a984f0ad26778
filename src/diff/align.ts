/**
 * Structure-aligned diff of two agreement models. Elements are paired the way
 * a reader pairs them: vision with vision, principle with principle (by number,
 * then title, then text), commitment with commitment (inside the paired
 * principle first, then anywhere: a commitment that changed principle is one
 * move), body with body, section text with section text. Only paired elements
 * get a word diff, so the cost grows with the size of the changed elements,
 * never with the square of the document.
 */
import type { Agreement, Block, Node, Position } from '../model.js';
import type { Change, ChangeKind, Diff, ElementKind, MatchedBy, Summary } from './model.js';
import { DIFF_SCHEMA_VERSION } from './model.js';
import { comparable, dice, tokenDiff, tokens, wordBag, wordDiff, type Granularity, type WordBag } from './words.js';

/** One comparable piece of an agreement. */
export interface Unit {
  element: ElementKind;
  id: string;
  /** What the unit belongs to: "principle-3", "section/…", "goals". Moves are changes of parent. */
  parent: string;
  /** The reader's name for where it is, in Swedish. */
  path: string;
  text: string;
  position: Position;
  /** A key that pairs two units outright (principle number, body id), if any. */
  key?: string;
  /** Document order. */
  order: number;
  /** Comparable text, for exact matching. */
  exact: string;
}

interface Pair {
  old: Unit;
  new: Unit;
  matchedBy: MatchedBy;
  similarity: number;
}

const blockText = (b: Block): string[] =>
  b.type === 'paragraph' ? [b.text] : b.type === 'list' ? b.items.map((i) => `${i.marker ? `${i.marker} ` : ''}${i.text}`) : b.rows.map((r) => r.join(' | '));

const blockPositions = (b: Block): Position[] => (b.type === 'list' ? b.items.map((i) => i.position) : [b.position]);

/** The agreement as comparable units, in document order. */
export function units(model: Agreement): Unit[] {
  const out: Unit[] = [];
  const add = (u: Omit<Unit, 'order' | 'exact'>) => {
    const unit = u as Unit;
    unit.order = out.length;
    unit.exact = comparable(u.text).toLowerCase();
    out.push(unit);
  };
  const blocks = (list: Block[], element: ElementKind, parent: string, path: string) => {
    list.forEach((b) => {
      const texts = blockText(b);
      const positions = blockPositions(b);
      texts.forEach((text, k) => add({ element, id: texts.length > 1 ? `${b.id}/${k + 1}` : b.id, parent, path, text, position: positions[k] ?? b.position }));
    });
  };
  const placed = new Set<string>();
  const typed = (target: string) => {
    if (placed.has(target)) return;
    placed.add(target);
    // A vision only quoted inside a paragraph has no paragraphs of its own: compare its text.
    if (target === 'vision' && model.vision) {
      if (model.vision.paragraphs.length > 0) blocks(model.vision.paragraphs, 'vision', 'vision', 'Vision');
      else add({ element: 'vision', id: 'vision', parent: 'vision', path: 'Vision', text: model.vision.text, position: model.vision.position });
    }
    if (target === 'purpose' && model.purpose) blocks(model.purpose.paragraphs, 'purpose', 'purpose', 'Syfte');
    const goal = model.goals.find((g) => g.id === target);
    if (goal) {
      const n = model.goals.indexOf(goal) + 1;
      add({ element: 'goal', id: goal.id, parent: 'goals', path: `Mål ${n}`, text: goal.text, position: goal.position });
    }
    const elaboration = model.goals.find((g) => g.elaboration?.id === target)?.elaboration;
    if (elaboration) {
      const n = model.goals.findIndex((g) => g.elaboration === elaboration) + 1;
      blocks(elaboration.paragraphs, 'elaboration', `goal-elaboration:${comparable(elaboration.heading.text).toLowerCase()}`, `Mål ${n}, utveckling`);
    }
    const principle = model.principles.find((p) => p.id === target);
    if (principle) {
      const name = `Princip ${principle.number} ${principle.title}`;
      add({ element: 'principle', id: principle.id, parent: 'principles', path: name, text: principle.title, position: principle.heading.position, key: String(principle.number) });
      principle.paragraphs.forEach((b, k) => blocks([b], 'principle-text', principle.id, `${name} / Stycke ${k + 1}`));
      principle.commitments.forEach((c, k) =>
        add({ element: 'commitment', id: c.id, parent: principle.id, path: `${name} / Åtagande ${k + 1}`, text: c.text, position: c.position }),
      );
    }
    const body = model.bodies.find((b) => b.id === target);
    if (body) {
      add({ element: 'body', id: body.id, parent: 'bodies', path: body.name, text: body.heading.text, position: body.heading.position, key: body.id });
      blocks(body.description, 'text', body.id, body.name);
    }
    const area = model.developmentAreas.find((a) => a.id === target);
    if (area) {
      add({ element: 'area', id: area.id, parent: 'areas', path: `Utvecklingsområde ${area.title}`, text: area.heading?.text ?? area.title, position: area.position, key: area.id });
      blocks(area.paragraphs, 'text', area.id, `Utvecklingsområde ${area.title}`);
      area.items.forEach((i) => add({ element: 'area-item', id: i.id, parent: area.id, path: `Utvecklingsområde ${area.title}`, text: i.text, position: i.position }));
    }
  };
  const walk = (nodes: Node[], parent: string, path: string) => {
    for (const node of nodes) {
      if (node.type === 'ref') typed(node.target);
      else if (node.type === 'section') {
        const heading = node.heading ? comparable(node.heading.text) : '';
        const key = heading ? `section:${heading.toLowerCase()}` : node.id;
        if (node.heading) add({ element: 'heading', id: node.id, parent, path: heading, text: node.heading.text, position: node.heading.position });
        walk(node.content, key, heading || path);
      } else blocks([node], 'text', parent, path);
    }
  };
  walk(model.sections, 'document', 'Inledning');
  // Typed elements the section tree does not refer to (none today) still count.
  for (const id of ['vision', 'purpose', ...model.goals.flatMap((g) => [g.id, g.elaboration?.id ?? '']), ...model.principles.map((p) => p.id), ...model.bodies.map((b) => b.id), ...model.developmentAreas.map((a) => a.id)]) {
    if (id) typed(id);
  }
  return out;
}

const tokenCache = new WeakMap<Unit, string[]>();

/** The unit's comparable tokens, computed when first needed (most units pair by exact text and never need them). */
function tokensOf(u: Unit): string[] {
  let t = tokenCache.get(u);
  if (!t) {
    t = tokens(u.text);
    tokenCache.set(u, t);
  }
  return t;
}

const bags = new WeakMap<Unit, WordBag>();

/** The unit's word bag, computed once. */
function bagOf(u: Unit): WordBag {
  let b = bags.get(u);
  if (!b) {
    b = wordBag(tokensOf(u));
    bags.set(u, b);
  }
  return b;
}

const unitSimilarity = (a: Unit, b: Unit): number => dice(bagOf(a), bagOf(b));

/** Greedy best-first pairing of two unit lists by similarity, over candidate pairs from a token index. */
function pairBySimilarity(olds: Unit[], news: Unit[], threshold: number, matchedBy: MatchedBy): Pair[] {
  if (olds.length === 0 || news.length === 0) return [];
  // Candidates share a word; rare words first, so each new unit looks at a bounded number of old ones.
  const index = new Map<string, Unit[]>();
  for (const u of olds) for (const w of bagOf(u).bag.keys()) (index.get(w) ?? index.set(w, []).get(w)!).push(u);
  const candidates: Array<{ o: Unit; n: Unit; s: number }> = [];
  for (const n of news) {
    const words = [...bagOf(n).bag.keys()].filter((w) => index.has(w)).sort((a, b) => index.get(a)!.length - index.get(b)!.length);
    const seen = new Set<Unit>();
    for (const w of words.slice(0, 4)) for (const o of index.get(w)!.slice(0, 32)) seen.add(o);
    for (const o of seen) {
      const s = unitSimilarity(o, n);
      if (s >= threshold) candidates.push({ o, n, s });
    }
  }
  candidates.sort((a, b) => b.s - a.s || Math.abs(a.o.order - a.n.order) - Math.abs(b.o.order - b.n.order));
  const usedOld = new Set<Unit>();
  const usedNew = new Set<Unit>();
  const pairs: Pair[] = [];
  for (const c of candidates) {
    if (usedOld.has(c.o) || usedNew.has(c.n)) continue;
    usedOld.add(c.o);
    usedNew.add(c.n);
    pairs.push({ old: c.o, new: c.n, matchedBy, similarity: c.s });
  }
  return pairs;
}

/** Pair units with equal keys, then equal text, in order. */
function pairExact(olds: Unit[], news: Unit[], by: (u: Unit) => string | undefined, matchedBy: MatchedBy): Pair[] {
  const pool = new Map<string, { list: Unit[]; next: number }>();
  for (const o of olds) {
    const k = by(o);
    if (k !== undefined) (pool.get(k) ?? pool.set(k, { list: [], next: 0 }).get(k)!).list.push(o);
  }
  const pairs: Pair[] = [];
  for (const n of news) {
    const k = by(n);
    const entry = k === undefined ? undefined : pool.get(k);
    if (!entry || entry.next === entry.list.length) continue;
    const o = entry.list[entry.next++]!;
    pairs.push({ old: o, new: n, matchedBy, similarity: o.exact === n.exact ? 1 : unitSimilarity(o, n) });
  }
  return pairs;
}

/** Positions (in the pair list) of the pairs whose relative order is kept: a longest increasing subsequence of old order. */
function keptInOrder(pairs: Pair[]): Set<Pair> {
  const sorted = [...pairs].sort((a, b) => a.new.order - b.new.order);
  const tails: number[] = [];
  const prev: number[] = [];
  const tailIdx: number[] = [];
  sorted.forEach((p, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < p.old.order) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = p.old.order;
    tailIdx[lo] = i;
    prev[i] = lo > 0 ? tailIdx[lo - 1]! : -1;
  });
  const kept = new Set<Pair>();
  for (let i = tails.length ? tailIdx[tails.length - 1]! : -1; i >= 0; i = prev[i]!) kept.add(sorted[i]!);
  return kept;
}

export interface DiffOptions {
  /** Leave spelling-only modifications out. */
  ignoreSpelling?: boolean;
  /** Mark changes word by word (default) or sentence by sentence. */
  granularity?: Granularity;
}

interface Alignment {
  A: Unit[];
  B: Unit[];
  pairs: Pair[];
  runs: Array<{ kind: 'split' | 'merged'; one: Unit; many: Unit[]; oldSide: boolean }>;
  usedOld: Set<Unit>;
  usedNew: Set<Unit>;
  sameParent: (o: Unit, n: Unit) => boolean;
}

/** Every pair of old and new element ids the alignment made, changed or not. */
export function pairedIds(oldModel: Agreement, newModel: Agreement): Map<string, string> {
  return new Map(align(oldModel, newModel).pairs.map((p) => [p.old.id, p.new.id]));
}

function align(oldModel: Agreement, newModel: Agreement): Alignment {
  const A = units(oldModel);
  const B = units(newModel);
  const pairs: Pair[] = [];
  const usedOld = new Set<Unit>();
  const usedNew = new Set<Unit>();
  const take = (list: Pair[]) => {
    for (const p of list) {
      if (usedOld.has(p.old) || usedNew.has(p.new)) continue;
      usedOld.add(p.old);
      usedNew.add(p.new);
      pairs.push(p);
    }
  };
  // Units by the pass that pairs them: principles, bodies and areas by themselves, the rest in groups of kinds.
  const groups: ElementKind[][] = [['principle'], ['body'], ['area'], ['vision'], ['purpose'], ['goal'], ['commitment'], ['principle-text', 'elaboration', 'text', 'heading', 'area-item']];
  const groupOf = new Map<ElementKind, number>(groups.flatMap((g, i) => g.map((e) => [e, i] as const)));
  const byGroup = (list: Unit[]) => {
    const out: Unit[][] = groups.map(() => []);
    for (const u of list) out[groupOf.get(u.element)!]!.push(u);
    return out;
  };
  const groupA = byGroup(A);
  const groupB = byGroup(B);
  const freeA = (g: ElementKind) => groupA[groupOf.get(g)!]!.filter((u) => !usedOld.has(u));
  const freeB = (g: ElementKind) => groupB[groupOf.get(g)!]!.filter((u) => !usedNew.has(u));

  // Principles: number and title, then title (renumbered), then number (retitled), then text.
  take(pairExact(freeA('principle'), freeB('principle'), (u) => `${u.key} ${u.exact}`, 'number'));
  take(pairExact(freeA('principle'), freeB('principle'), (u) => u.exact, 'title'));
  take(pairExact(freeA('principle'), freeB('principle'), (u) => u.key, 'number'));
  take(pairBySimilarity(freeA('principle'), freeB('principle'), 0.5, 'similarity'));
  const principleOf = new Map<string, string>(); // old principle id -> new principle id
  for (const p of pairs) if (p.old.element === 'principle') principleOf.set(p.old.id, p.new.id);
  // Bodies and areas by id, then by name.
  for (const el of ['body', 'area'] as const) {
    take(pairExact(freeA(el), freeB(el), (u) => u.key, 'id'));
    take(pairBySimilarity(freeA(el), freeB(el), 0.5, 'similarity'));
  }
  const parentOf = new Map<string, string>(principleOf);
  for (const p of pairs) if (p.old.element === 'body' || p.old.element === 'area') parentOf.set(p.old.id, p.new.id);
  const sameParent = (o: Unit, n: Unit) => (parentOf.get(o.parent) ?? o.parent) === n.parent;

  // Everything else: exact text in the same parent, then exact text anywhere (a move),
  // then similar text in the same parent, then similar text anywhere (moved and edited).
  const runs: Array<{ kind: 'split' | 'merged'; one: Unit; many: Unit[]; oldSide: boolean }> = [];
  // An unpaired text equal to a run of consecutive unpaired texts of the same parent on the other
  // side. Candidate runs start at a text the target begins with (an index on the first characters).
  const findRuns = (ones: Unit[], others: Unit[], kind: 'split' | 'merged', oldSide: boolean) => {
    const stripped = (u: Unit) => u.exact.replace(/\s+/gu, '');
    const byParent = new Map<string, Array<{ unit: Unit; text: string; taken: boolean }>>();
    const starts = new Map<string, Array<{ list: Array<{ unit: Unit; text: string; taken: boolean }>; at: number }>>();
    const PREFIX = 12;
    for (const u of others) {
      const k = oldSide ? u.parent : (parentOf.get(u.parent) ?? u.parent);
      const list = byParent.get(k) ?? byParent.set(k, []).get(k)!;
      const text = stripped(u);
      const key = `${k}\u0000${text.slice(0, PREFIX)}`;
      (starts.get(key) ?? starts.set(key, []).get(key)!).push({ list, at: list.length });
      list.push({ unit: u, text, taken: false });
    }
    for (const one of ones) {
      const k = oldSide ? (parentOf.get(one.parent) ?? one.parent) : one.parent;
      const target = stripped(one);
      if (target.length < PREFIX) continue;
      search: for (const { list, at } of starts.get(`${k}\u0000${target.slice(0, PREFIX)}`) ?? []) {
        let joined = '';
        for (let j = at; j < list.length && !list[j]!.taken && joined.length < target.length; j++) {
          joined += list[j]!.text;
          if (!target.startsWith(joined)) break;
          if (j > at && joined === target) {
            const many = list.slice(at, j + 1);
            for (const m of many) m.taken = true;
            runs.push({ kind, one, many: many.map((m) => m.unit), oldSide });
            (oldSide ? usedOld : usedNew).add(one);
            for (const m of many) (oldSide ? usedNew : usedOld).add(m.unit);
            break search;
          }
        }
      }
    }
  };
  for (const [first] of groups.slice(3) as Array<[ElementKind]>) {
    take(pairExact(freeA(first), freeB(first), (u) => `${parentOf.get(u.parent) ?? u.parent}\u0000${u.exact}`, 'text'));
    take(pairExact(freeA(first), freeB(first), (u) => u.exact, 'text'));
    findRuns(freeB(first), freeA(first), 'merged', false);
    findRuns(freeA(first), freeB(first), 'split', true);
    const byParent = new Map<string, { o: Unit[]; n: Unit[] }>();
    for (const o of freeA(first)) {
      const k = parentOf.get(o.parent) ?? o.parent;
      (byParent.get(k) ?? byParent.set(k, { o: [], n: [] }).get(k)!).o.push(o);
    }
    for (const n of freeB(first)) byParent.get(n.parent)?.n.push(n);
    for (const { o, n } of byParent.values()) take(pairBySimilarity(o, n, 0.5, 'similarity'));
    take(pairBySimilarity(freeA(first), freeB(first), first === 'vision' || first === 'purpose' ? 0.3 : 0.6, 'similarity'));
  }

  return { A, B, pairs, runs, usedOld, usedNew, sameParent };
}

/** The diff of two parsed revisions. */
export function diffAgreements(oldModel: Agreement, newModel: Agreement, options: DiffOptions = {}): Diff {
  const { A, B, pairs, runs, usedOld, usedNew, sameParent } = align(oldModel, newModel);
  // Moves: another parent, or out of order among the pairs of one parent.
  const kept = new Set<Pair>();
  const pairsByParent = new Map<string, Pair[]>();
  for (const p of pairs) if (sameParent(p.old, p.new)) (pairsByParent.get(p.new.parent) ?? pairsByParent.set(p.new.parent, []).get(p.new.parent)!).push(p);
  for (const list of pairsByParent.values()) for (const p of keptInOrder(list)) kept.add(p);

  const changes: Array<Change & { order: number }> = [];
  const side = (u: Unit) => ({ text: u.text, position: u.position });
  const push = (kind: ChangeKind, p: { old: Unit | null; new: Unit | null; matchedBy: MatchedBy | null; similarity: number }, parts: string[] = []) => {
    const d = options.granularity === 'sentence' ? wordDiff(p.old?.text ?? '', p.new?.text ?? '', 'sentence') : tokenDiff(p.old ? tokensOf(p.old) : [], p.new ? tokensOf(p.new) : []);
    const u = (p.new ?? p.old)!;
    changes.push({
      kind,
      element: u.element,
      id: u.id,
      oldId: p.old?.id ?? null,
      newId: p.new?.id ?? null,
      path: u.path,
      oldPath: kind === 'moved' && p.old ? p.old.path : null,
      matchedBy: p.matchedBy,
      similarity: Math.round(p.similarity * 1000) / 1000,
      old: p.old ? side(p.old) : null,
      new: p.new ? side(p.new) : null,
      parts,
      words: d.words,
      spelling: kind === 'modified' && (options.granularity === 'sentence' ? tokenDiff(tokensOf(p.old!), tokensOf(p.new!)).spelling : d.spelling),
      order: p.new ? p.new.order : p.old!.order - 0.5,
    });
  };
  for (const p of pairs) {
    const d = p.old.exact === p.new.exact;
    const renumbered = p.old.element === 'principle' && p.old.key !== p.new.key;
    const moved = !sameParent(p.old, p.new) || !kept.has(p);
    if (renumbered) push('renumbered', p);
    else if (moved && p.old.element !== 'principle' && p.old.element !== 'body' && p.old.element !== 'area') push('moved', p);
    else if (!d) push('modified', p);
  }
  for (const r of runs) {
    const many = {
      text: r.many.map((m) => m.text).join('\n\n'),
      position: { start: r.many[0]!.position.start, end: r.many[r.many.length - 1]!.position.end },
    };
    const one = r.one;
    const oldUnit = r.oldSide ? one : { ...r.many[0]!, ...many };
    const newUnit = r.oldSide ? { ...r.many[0]!, ...many } : one;
    push(r.kind, { old: oldUnit, new: newUnit, matchedBy: 'text', similarity: 1 }, r.many.map((m) => m.id));
  }
  // A removed piece of a paired principle or body is named after that element as it is now.
  const newPath = new Map<string, string>();
  for (const p of pairs) if (p.old.element === 'principle' || p.old.element === 'body' || p.old.element === 'area') newPath.set(p.old.path, p.new.path);
  for (const o of A) {
    if (usedOld.has(o)) continue;
    const [head, ...tail] = o.path.split(' / ');
    const renamed = newPath.get(head!);
    push('removed', { old: renamed && renamed !== head ? { ...o, path: [renamed, ...tail].join(' / ') } : o, new: null, matchedBy: null, similarity: 0 });
  }
  for (const n of B) if (!usedNew.has(n)) push('added', { old: null, new: n, matchedBy: null, similarity: 0 });

  const listed = changes
    .filter((c) => !(options.ignoreSpelling && c.spelling))
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...c }) => c);
  const summary: Summary = { added: 0, removed: 0, modified: 0, moved: 0, renumbered: 0, split: 0, merged: 0, spelling: 0 };
  for (const c of listed) {
    summary[c.kind as ChangeKind]++;
    if (c.spelling) summary.spelling++;
  }
  const meta = (m: Agreement) => ({
    path: m.meta.source.path,
    format: m.meta.source.format,
    title: m.meta.title,
    revision: m.meta.revision?.label ?? null,
    date: m.meta.revision?.date ?? null,
  });
  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    old: meta(oldModel),
    new: meta(newModel),
    changes: listed,
    artifacts: { old: oldModel.artifacts, new: newModel.artifacts },
    summary,
  };
}
