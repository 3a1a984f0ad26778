/**
 * Structure-aligned diff of two agreement models. Elements are paired the way
 * a reader pairs them: vision with vision, principle with principle (by number,
 * then title, then text), commitment with commitment (inside the paired
 * principle first, then anywhere: a commitment that changed principle is one
 * move), body with body, section text with section text. Only paired elements
 * get a word diff, so the cost grows with the size of the changed elements,
 * never with the square of the document.
 */
import type { Agreement } from '../model.js';
import { flow, type UnitSpec } from '../flow.js';
import type { Change, ChangeKind, Diff, ElementKind, MatchedBy } from './model.js';
import { DIFF_SCHEMA_VERSION } from './model.js';
import { countChanges } from './count.js';
import { scopePair } from './scope.js';
import type { Speller } from '../spell.js';
import { phase } from '../phases.js';
import { closeSimilarity, comparable, dice, pieceDiff, pieces, sharedWords, textBag, wordDiff, type Granularity, type WordBag } from './words.js';

/** One comparable piece of an agreement, in document order. */
export interface Unit extends Omit<UnitSpec, 'key' | 'owns'> {
  key: string | undefined;
  owns: string | undefined;
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

/** The agreement as comparable units, in document order; footnote bodies last, wherever a layout put them. */
export function units(model: Agreement): Unit[] {
  const out: Unit[] = [];
  // Elements that carry a footnote marker, with its numbers: a PDF prints "beslutsprocessen1"
  // (a superscript) where the Word text has "beslutsprocessen^[1]". Written either way, it is one marker.
  const markers = new Map<string, Set<string>>();
  for (const f of model.footnotes) for (const id of f.markers) (markers.get(id) ?? markers.set(id, new Set()).get(id)!).add(String(f.number));
  const glued = (id: string, text: string) => {
    if (markers.size === 0 || !/\d/u.test(text)) return text;
    const slash = id.lastIndexOf('/');
    const numbers = markers.get(id) ?? (slash > 0 ? markers.get(id.slice(0, slash)) : undefined);
    return numbers ? text.replace(/(?<=\p{Ll}[.,]?)(\d{1,2})(?=[\s.,;:)”]|$)/gu, (n: string) => (numbers.has(n) ? `[${n}]` : n)) : text;
  };
  // Every unit is written as one literal with every field, so that all units share one hidden
  // class in V8: made by spreading the spec (`{ ...u, order, exact }`), each got a class of its
  // own, and every read of a unit's field in the alignment was a slow, megamorphic one.
  const add = (u: UnitSpec) =>
    out.push({
      element: u.element,
      id: u.id,
      parent: u.parent,
      path: u.path,
      text: u.text,
      position: u.position,
      key: u.key,
      owns: u.owns,
      order: out.length,
      exact: comparable(glued(u.id, u.text)).toLowerCase(),
    });
  const notes: UnitSpec[] = [];
  for (const b of flow(model)) {
    if (b.style === 'footnote') notes.push(b.unit!);
    else if (b.unit) add(b.unit);
  }
  // Footnote bodies stand where a layout put them (at a page's foot, or at the end): they are
  // compared one by one, by number, under one parent of their own, wherever they stand.
  notes.forEach(add);
  return out;
}

/** The first index in 0..n at which `below(i)` is false (`below` holds for a prefix). */
function lowerBound(n: number, below: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const bags = new WeakMap<Unit, WordBag>();

/**
 * The unit's word bag, computed once, straight from its text: no unit's pieces
 * are kept (a large diff bags tens of thousands of units, and only the pairs
 * that changed need their pieces, once, for the word diff).
 */
function bagOf(u: Unit): WordBag {
  let b = bags.get(u);
  if (!b) {
    b = textBag(u.text);
    bags.set(u, b);
  }
  return b;
}

const unitSimilarity = (a: Unit, b: Unit): number => dice(bagOf(a), bagOf(b));

/** The word bags the alignment made, by the text they were made of. */
function baggedTexts(list: Unit[]): Map<string, WordBag> {
  const out = new Map<string, WordBag>();
  for (const u of list) {
    const b = bags.get(u);
    if (b) out.set(u.text, b);
  }
  return out;
}

/** A short text (a heading, a title) has at most this many words. */
const SHORT = 4;
/** Short texts of a gap are compared pair by pair only up to this many pairs. */
const SMALL_GAP = 64;

/**
 * Greedy best-first pairing of two unit lists by similarity, over candidate
 * pairs from a word index. Each new unit looks at a bounded number of old ones:
 * those sharing its four rarest words, and of each word's old units only the
 * nearest to where the new unit would stand in the old document (`expect`).
 * Repeated text (the same paragraph in every annex) therefore pairs with its
 * own copy, not the first one in the document.
 */
function pairBySimilarity(olds: Unit[], news: Unit[], threshold: number, expect: Expect): Pair[] {
  if (olds.length === 0 || news.length === 0) return [];
  // Old units in document order under each of their words.
  const index = new Map<string, Unit[]>();
  for (const u of olds) for (const w of bagOf(u).bag.keys()) (index.get(w) ?? index.set(w, []).get(w)!).push(u);
  const NEAR = 16;
  const candidates: Array<{ o: Unit; n: Unit; s: number }> = [];
  for (const n of news) {
    const words = [...bagOf(n).bag.keys()].filter((w) => index.has(w)).sort((a, b) => index.get(a)!.length - index.get(b)!.length);
    const expected = expect(n);
    const seen = new Set<Unit>();
    for (const w of words.slice(0, 4)) {
      const list = index.get(w)!;
      const lo = lowerBound(list.length, (k) => list[k]!.order < expected);
      for (let k = Math.max(0, lo - NEAR); k < Math.min(list.length, lo + NEAR); k++) seen.add(list[k]!);
    }
    for (const o of seen) {
      const s = unitSimilarity(o, n);
      if (s >= threshold) candidates.push({ o, n, s });
    }
  }
  // Best first; between equals, the nearest in place.
  const place = new Map(news.map((n) => [n, expect(n)]));
  const distance = (c: { o: Unit; n: Unit }) => Math.abs(c.o.order - place.get(c.n)!);
  candidates.sort((a, b) => b.s - a.s || distance(a) - distance(b));
  const usedOld = new Set<Unit>();
  const usedNew = new Set<Unit>();
  const pairs: Pair[] = [];
  for (const c of candidates) {
    if (usedOld.has(c.o) || usedNew.has(c.n)) continue;
    usedOld.add(c.o);
    usedNew.add(c.n);
    pairs.push({ old: c.o, new: c.n, matchedBy: 'similarity', similarity: c.s });
  }
  return pairs;
}

/** Where a new unit would stand among the old units: its order number there, maybe fractional. */
type Expect = (n: Unit) => number;

/**
 * Units of one list (in document order) taken one at a time, each time the
 * free one nearest to a place; skipping taken ones is near constant time
 * (two "next free" chains with path compression).
 */
class NearestFree {
  private readonly right: number[];
  private readonly left: number[];
  constructor(private readonly list: Unit[]) {
    this.right = list.map((_, i) => i);
    this.left = list.map((_, i) => i);
  }
  private find(chain: number[], i: number, end: number): number {
    let root = i;
    while (root !== end && chain[root] !== root) root = chain[root]!;
    while (i !== end && chain[i] !== root) {
      const next = chain[i]!;
      chain[i] = root;
      i = next;
    }
    return root;
  }
  /** The free unit nearest to `place` (an order number), taken; undefined when none is left. */
  take(place: number): Unit | undefined {
    const n = this.list.length;
    const at = lowerBound(n, (k) => this.list[k]!.order < place);
    const r = at < n ? this.find(this.right, at, n) : n;
    const l = at > 0 ? this.find(this.left, at - 1, -1) : -1;
    if (r === n && l === -1) return undefined;
    const i = r === n || (l !== -1 && place - this.list[l]!.order <= this.list[r]!.order - place) ? l : r;
    // Taken: the chains step over it.
    this.right[i] = i + 1 < n ? i + 1 : n;
    this.left[i] = i - 1;
    return this.list[i]!;
  }
}

/**
 * Pair units with equal keys. Plain: the k-th old with the k-th new. `unique`:
 * only keys found once on each side, and of those only the pairs that keep
 * document order (the anchors of a patience diff). `within`: only pairs it
 * allows, nothing else (say, in the same place between anchors). With
 * `expect`: repeated keys pair nearest first (by the distance between an old
 * unit and where the new one would stand), then what is left by nearest free
 * place, so a repeated paragraph pairs with its own copy even when another
 * copy was edited, moved or removed.
 */
function pairExact(
  olds: Unit[],
  news: Unit[],
  by: (u: Unit, side: 'old' | 'new') => string | undefined,
  matchedBy: MatchedBy,
  options: { unique?: boolean; expect?: Expect; within?: (o: Unit, n: Unit) => boolean } = {},
): Pair[] {
  const pool = new Map<string, Unit[]>();
  for (const o of olds) {
    const k = by(o, 'old');
    if (k !== undefined) (pool.get(k) ?? pool.set(k, []).get(k)!).push(o);
  }
  const pairs: Pair[] = [];
  const pair = (o: Unit, n: Unit) => pairs.push({ old: o, new: n, matchedBy, similarity: o.exact === n.exact ? 1 : unitSimilarity(o, n) });
  const keyed: Array<{ n: Unit; list: Unit[]; k: string }> = [];
  for (const n of news) {
    const k = by(n, 'new');
    const list = k === undefined ? undefined : pool.get(k);
    if (list) keyed.push({ n, list, k: k! });
  }
  if (options.unique) {
    const newCount = new Map<string, number>();
    for (const { k } of keyed) newCount.set(k, (newCount.get(k) ?? 0) + 1);
    for (const { n, list, k } of keyed) if (list.length === 1 && newCount.get(k) === 1) pair(list[0]!, n);
    // As in patience diff, only the unique pairs that keep document order are anchors.
    const kept = keptInOrder(pairs);
    return pairs.filter((p) => kept.has(p));
  }
  const expect = options.expect;
  if (!expect) {
    const next = new Map<Unit[], number>();
    for (const { n, list } of keyed) {
      const i = next.get(list) ?? 0;
      if (i < list.length) pair(list[i]!, n);
      next.set(list, i + 1);
    }
    return pairs;
  }
  // Nearest first, over each new unit's few nearest old ones.
  const NEAR = 8;
  const candidates: Array<{ o: Unit; n: Unit; d: number }> = [];
  for (const { n, list } of keyed) {
    const e = expect(n);
    const at = lowerBound(list.length, (i) => list[i]!.order < e);
    for (let i = Math.max(0, at - NEAR); i < Math.min(list.length, at + NEAR); i++) {
      const o = list[i]!;
      if (!options.within || options.within(o, n)) candidates.push({ o, n, d: Math.abs(o.order - e) });
    }
  }
  candidates.sort((a, b) => a.d - b.d || a.n.order - b.n.order);
  const usedOld = new Set<Unit>();
  const usedNew = new Set<Unit>();
  for (const { o, n } of candidates) {
    if (usedOld.has(o) || usedNew.has(n)) continue;
    usedOld.add(o);
    usedNew.add(n);
    pair(o, n);
  }
  // Whatever is left takes the nearest free old unit with its key (unless bound to a place).
  if (options.within) return pairs;
  const nearest = new Map<Unit[], NearestFree>();
  for (const { n, list } of keyed) {
    if (usedNew.has(n)) continue;
    let free = nearest.get(list);
    if (!free) {
      free = new NearestFree(list.filter((o) => !usedOld.has(o)));
      nearest.set(list, free);
    }
    const o = free.take(expect(n));
    if (o) pair(o, n);
  }
  return pairs;
}

const anchorCache = new WeakMap<Pair[], { length: number; anchors: Pair[] }>();

/** The pairs that keep document order, in it; kept until the list grows (pairs are only ever appended). */
function anchorsOf(pairs: Pair[]): Pair[] {
  const cached = anchorCache.get(pairs);
  if (cached?.length === pairs.length) return cached.anchors;
  const anchors = longestInOrder(pairs);
  anchorCache.set(pairs, { length: pairs.length, anchors });
  return anchors;
}

/** The gap (between two anchors, numbered from 0) an old or a new unit stands in. */
function gapOf(anchors: Pair[]): { old: (u: Unit) => number; new: (u: Unit) => number } {
  return {
    old: (u) => lowerBound(anchors.length, (i) => anchors[i]!.old.order < u.order),
    new: (u) => lowerBound(anchors.length, (i) => anchors[i]!.new.order < u.order),
  };
}

/** Whether an old and a new unit stand between the same two anchors. */
function sameGap(anchors: Pair[]): (o: Unit, n: Unit) => boolean {
  const gap = gapOf(anchors);
  return (o, n) => gap.old(o) === gap.new(n);
}

/** Where a new unit would stand among the old ones: interpolated between the anchors around it. */
function expectation(anchors: Pair[], ratio: number): Expect {
  return (n) => {
    const i = lowerBound(anchors.length, (k) => anchors[k]!.new.order < n.order);
    const before = anchors[i - 1];
    const after = anchors[i];
    if (before && after) return before.old.order + ((n.order - before.new.order) * (after.old.order - before.old.order)) / (after.new.order - before.new.order);
    if (before) return before.old.order + (n.order - before.new.order) * ratio;
    if (after) return after.old.order - (after.new.order - n.order) * ratio;
    return n.order * ratio;
  };
}

/** The pairs whose relative order is kept (see `longestInOrder`), as a set. */
function keptInOrder(pairs: Pair[]): Set<Pair> {
  return new Set(longestInOrder(pairs));
}

/**
 * Pairs in new document order. Each new unit is in one pair at most, so where
 * the pairs cover most of their span of new units they are placed by number
 * (linear time); otherwise sorted.
 */
function byNewOrder(pairs: Pair[]): Pair[] {
  const sorted = () => [...pairs].sort((a, b) => a.new.order - b.new.order);
  if (pairs.length < 64) return sorted();
  let low = Infinity;
  let high = -Infinity;
  for (const p of pairs) {
    if (p.new.order < low) low = p.new.order;
    if (p.new.order > high) high = p.new.order;
  }
  if (high - low + 1 > 4 * pairs.length) return sorted();
  const slots = new Array<Pair | undefined>(high - low + 1);
  for (const p of pairs) slots[p.new.order - low] = p;
  const out: Pair[] = [];
  for (const p of slots) if (p) out.push(p);
  return out;
}

/** The pairs whose relative order is kept, in new document order: a longest increasing subsequence of old order. */
function longestInOrder(pairs: Pair[]): Pair[] {
  const sorted = byNewOrder(pairs);
  const tails: number[] = [];
  const prev: number[] = [];
  const tailIdx: number[] = [];
  sorted.forEach((p, i) => {
    // lowerBound, written out: this runs for every pair, many times in a large diff.
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
  const kept: Pair[] = [];
  for (let i = tails.length ? tailIdx[tails.length - 1]! : -1; i >= 0; i = prev[i]!) kept.push(sorted[i]!);
  return kept.reverse();
}

/** A spelling fix: every old word unknown to the dictionary, every new one known (case as written, else lower case). */
function isFix(pairs: Array<[string, string]>, speller: Speller | undefined): boolean {
  if (!speller || pairs.length === 0) return false;
  const known = (w: string) => speller.isWord(w) || speller.isWord(w.toLowerCase());
  return pairs.every(([old, now]) => !known(old) && known(now));
}

export interface DiffOptions {
  /** Leave spelling fixes out (see `speller`): a change to a misspelling or between two real words stays. */
  ignoreSpelling?: boolean;
  /** Tells real words from misspellings, for spelling fixes; without it no change is a fix. */
  speller?: Speller;
  /** Mark changes word by word (default) or sentence by sentence. */
  granularity?: Granularity;
  /** Compare only the section with this heading (default: the scope a manifest gives either revision). */
  scope?: string;
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

/** The pairs each diff was made from, kept beside it (a diff read back from JSON has none). */
const pairsOfDiff = new WeakMap<Diff, Map<string, string>>();

/**
 * Every pair of old and new element ids the alignment made, changed or not:
 * those `diff` was made from, else aligned again.
 */
export function pairedIds(oldModel: Agreement, newModel: Agreement, diff?: Diff): Map<string, string> {
  return (diff && pairsOfDiff.get(diff)) ?? new Map(align(oldModel, newModel).pairs.map((p) => [p.old.id, p.new.id]));
}

function align(oldModel: Agreement, newModel: Agreement): Alignment {
  const A = units(oldModel);
  const B = units(newModel);
  const ratio = A.length / Math.max(1, B.length);
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
  const groups: ElementKind[][] = [['principle'], ['body'], ['area'], ['vision'], ['purpose'], ['goal'], ['commitment'], ['heading'], ['principle-text', 'elaboration', 'text', 'area-item']];
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

  // Pairs by a key: keys found once on each side that keep document order first (anchors), then
  // repeated keys by place: only in place (between the same two anchors on both sides) when
  // `inPlaceOnly`, else anywhere, nearest first.
  const byKey = (olds: () => Unit[], news: () => Unit[], key: (u: Unit, side: 'old' | 'new') => string | undefined, matchedBy: MatchedBy, inPlaceOnly = false) => {
    take(pairExact(olds(), news(), key, matchedBy, { unique: true }));
    const anchors = anchorsOf(pairs);
    take(pairExact(olds(), news(), key, matchedBy, { expect: expectation(anchors, ratio), ...(inPlaceOnly ? { within: sameGap(anchors) } : {}) }));
  };
  const free = (g: ElementKind) => [() => freeA(g), () => freeB(g)] as const;
  /** Where new units would stand among the old ones, judged by the pairs made so far. */
  const expecting = () => expectation(anchorsOf(pairs), ratio);

  // Principles: number and title, then title (renumbered), then number (retitled), then text.
  byKey(...free('principle'), (u) => `${u.key} ${u.exact}`, 'number');
  byKey(...free('principle'), (u) => u.exact, 'title');
  byKey(...free('principle'), (u) => u.key, 'number');
  take(pairBySimilarity(freeA('principle'), freeB('principle'), 0.5, expecting()));
  // Bodies and areas by name, then by id, then by similar name.
  for (const el of ['body', 'area'] as const) {
    byKey(...free(el), (u) => u.exact, 'title');
    byKey(...free(el), (u) => u.key, 'id');
    take(pairBySimilarity(freeA(el), freeB(el), 0.5, expecting()));
  }
  // What belongs to a paired principle, body, area or section belongs to its partner.
  const parentOf = new Map<string, string>();
  for (const p of pairs) parentOf.set(p.old.id, p.new.id);
  // Parents every revision shares keep their name; any other parent (a section, principle, body
  // or area) is the same only through a pairing: equal ids in two revisions are a coincidence.
  const SHARED = new Set(['footnotes', 'document', 'vision', 'purpose', 'goals', 'principles', 'bodies', 'areas']);
  const mapped = (parent: string) => parentOf.get(parent) ?? (SHARED.has(parent) || parent.startsWith('goal-elaboration:') ? parent : `\u0001${parent}`);
  const sameParent = (o: Unit, n: Unit) => mapped(o.parent) === n.parent;

  // Everything else: exact text in the same parent, then split and merged runs, then similar
  // text in place (between the same two pairs that keep document order), then exact text
  // anywhere (a move), then similar text in the same parent and anywhere (moved and edited).
  // In place comes before anywhere, as in a line diff: what stayed and changed is not a move.
  // Section headings go before the texts they head, so that a renamed section keeps its content.
  const runs: Array<{ kind: 'split' | 'merged'; one: Unit; many: Unit[]; oldSide: boolean }> = [];
  // An unpaired text equal to a run of consecutive unpaired texts of the same parent on the other
  // side. Candidate runs start at a text the target begins with (an index on the first characters).
  const findRuns = (ones: Unit[], others: Unit[], kind: 'split' | 'merged', oldSide: boolean) => {
    const stripped = (u: Unit) => u.exact.replace(/\s+/gu, '');
    const byParent = new Map<string, Array<{ unit: Unit; text: string; taken: boolean }>>();
    const starts = new Map<string, Array<{ list: Array<{ unit: Unit; text: string; taken: boolean }>; at: number }>>();
    const PREFIX = 12;
    for (const u of others) {
      const k = oldSide ? u.parent : mapped(u.parent);
      const list = byParent.get(k) ?? byParent.set(k, []).get(k)!;
      const text = stripped(u);
      const key = `${k}\u0000${text.slice(0, PREFIX)}`;
      (starts.get(key) ?? starts.set(key, []).get(key)!).push({ list, at: list.length });
      list.push({ unit: u, text, taken: false });
    }
    for (const one of ones) {
      const k = oldSide ? mapped(one.parent) : one.parent;
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
  // Pairs that keep document order are anchors; a free unit is compared with the free units
  // between the same two anchors on the other side (the bounded, order-keeping step of a diff).
  const inPlace = (olds: Unit[], news: Unit[]) => {
    const anchors = anchorsOf(pairs);
    const gap = gapOf(anchors);
    const gaps = new Map<number, { o: Unit[]; n: Unit[] }>();
    for (const o of olds) {
      const k = gap.old(o);
      (gaps.get(k) ?? gaps.set(k, { o: [], n: [] }).get(k)!).o.push(o);
    }
    for (const n of news) gaps.get(gap.new(n))?.n.push(n);
    const expect = expectation(anchors, ratio);
    for (const { o, n } of gaps.values()) {
      // In place means under the same parent too: text whose parent changed (a principle swapped
      // with another) has moved, and is paired by the passes after this one.
      const byParent = new Map<string, { o: Unit[]; n: Unit[] }>();
      for (const u of o) (byParent.get(mapped(u.parent)) ?? byParent.set(mapped(u.parent), { o: [], n: [] }).get(mapped(u.parent))!).o.push(u);
      for (const u of n) byParent.get(u.parent)?.n.push(u);
      for (const group of byParent.values()) take(pairBySimilarity(group.o, group.n, 0.5, expect));
      // Short texts left in a small gap (a heading with a spelling change shares no word with its
      // new form): compared with words spelled close counting as equal.
      const shortOld = o.filter((u) => !usedOld.has(u) && bagOf(u).size <= SHORT);
      const shortNew = n.filter((u) => !usedNew.has(u) && bagOf(u).size <= SHORT);
      if (shortOld.length * shortNew.length > SMALL_GAP) continue;
      const candidates = shortOld.flatMap((x) => shortNew.filter((y) => sameParent(x, y)).map((y) => ({ o: x, n: y, s: closeSimilarity(bagOf(x), bagOf(y)) }))).filter((c) => c.s >= 0.5);
      candidates.sort((a, b) => b.s - a.s || Math.abs(a.o.order - expect(a.n)) - Math.abs(b.o.order - expect(b.n)));
      take(candidates.map((c) => ({ old: c.o, new: c.n, matchedBy: 'similarity', similarity: c.s })));
    }
  };
  const passes = (first: ElementKind, olds: () => Unit[], news: () => Unit[]) => {
    // Text found once on each side first; repeated text then pairs by place between those.
    const inParent = (u: Unit, side: 'old' | 'new') => `${side === 'old' ? mapped(u.parent) : u.parent}\u0000${u.exact}`;
    byKey(olds, news, inParent, 'text', true);
    findRuns(news(), olds(), 'merged', false);
    findRuns(olds(), news(), 'split', true);
    inPlace(olds(), news());
    byKey(olds, news, inParent, 'text');
    byKey(olds, news, (u) => u.exact, 'text');
    const byParent = new Map<string, { o: Unit[]; n: Unit[] }>();
    for (const o of olds()) {
      const k = mapped(o.parent);
      (byParent.get(k) ?? byParent.set(k, { o: [], n: [] }).get(k)!).o.push(o);
    }
    for (const n of news()) byParent.get(n.parent)?.n.push(n);
    const expect = expecting();
    for (const { o, n } of byParent.values()) take(pairBySimilarity(o, n, 0.5, expect));
    take(pairBySimilarity(olds(), news(), first === 'vision' || first === 'purpose' ? 0.3 : 0.6, expecting()));
  };
  // Section headings pair level by level, so that a heading's own section is paired (and its
  // content keyed by it) before the headings inside it; then across levels.
  const depthOf = (list: Unit[]) => {
    const depth = new Map<string, number>();
    const out = new Map<Unit, number>();
    for (const u of list) {
      if (u.element !== 'heading') continue;
      const d = (depth.get(u.parent) ?? -1) + 1;
      out.set(u, d);
      if (u.owns !== undefined) depth.set(u.owns, d);
    }
    return out;
  };
  const depthA = depthOf(A);
  const depthB = depthOf(B);
  const headingPairs = () => {
    for (const p of pairs) if (p.old.owns !== undefined && p.new.owns !== undefined) parentOf.set(p.old.owns, p.new.owns);
  };
  for (const [first] of groups.slice(3) as Array<[ElementKind]>) {
    if (first !== 'heading') {
      passes(first, () => freeA(first), () => freeB(first));
      continue;
    }
    const deepest = Math.max(-1, ...depthA.values(), ...depthB.values());
    for (let d = 0; d <= deepest; d++) {
      passes(first, () => freeA(first).filter((u) => depthA.get(u) === d), () => freeB(first).filter((u) => depthB.get(u) === d));
      headingPairs();
    }
    passes(first, () => freeA(first), () => freeB(first));
    headingPairs();
  }

  // Text that changed kind (a goal that became a paragraph, a heading that became a body) is a
  // move of the same text, not a removal and an addition.
  byKey(
    () => A.filter((u) => !usedOld.has(u)),
    () => B.filter((u) => !usedNew.has(u)),
    (u) => u.exact,
    'text',
  );

  // A section whose heading found no partner pairs with the new section that holds most of its
  // content: its heading was rewritten, and what stands under it did not move.
  const openOld = new Map(groupA[groupOf.get('heading')!]!.filter((u) => !usedOld.has(u) && u.owns !== undefined).map((u) => [u.owns!, u]));
  const openNew = new Map(groupB[groupOf.get('heading')!]!.filter((u) => !usedNew.has(u) && u.owns !== undefined).map((u) => [u.owns!, u]));
  const votes = new Map<string, Map<string, number>>();
  const size = new Map<string, number>();
  for (const u of A) if (openOld.has(u.parent)) size.set(u.parent, (size.get(u.parent) ?? 0) + 1);
  for (const p of pairs) {
    if (!openOld.has(p.old.parent) || !openNew.has(p.new.parent)) continue;
    const v = votes.get(p.old.parent) ?? votes.set(p.old.parent, new Map()).get(p.old.parent)!;
    v.set(p.new.parent, (v.get(p.new.parent) ?? 0) + 1);
  }
  const byContent: Array<{ o: string; n: string; count: number }> = [];
  for (const [o, v] of votes) for (const [n, count] of v) if (count * 2 > size.get(o)!) byContent.push({ o, n, count });
  byContent.sort((a, b) => b.count - a.count);
  for (const { o, n } of byContent) {
    const old = openOld.get(o)!;
    const now = openNew.get(n)!;
    if (usedOld.has(old) || usedNew.has(now)) continue;
    take([{ old, new: now, matchedBy: 'content', similarity: unitSimilarity(old, now) }]);
    parentOf.set(o, n);
  }

  return { A, B, pairs, runs, usedOld, usedNew, sameParent };
}

/** The diff of two parsed revisions. */
export function diffAgreements(oldFull: Agreement, newFull: Agreement, options: DiffOptions = {}): Diff {
  return phase('align', () => alignAndDiff(oldFull, newFull, options));
}

function alignAndDiff(oldFull: Agreement, newFull: Agreement, options: DiffOptions): Diff {
  const { old: oldModel, new: newModel, scope } = scopePair(oldFull, newFull, options.scope);
  const { A, B, pairs, runs, usedOld, usedNew, sameParent } = align(oldModel, newModel);
  // Moves: another parent, or out of order among the pairs of one parent.
  const kept = new Set<Pair>();
  const pairsByParent = new Map<string, Pair[]>();
  for (const p of pairs) if (sameParent(p.old, p.new)) (pairsByParent.get(p.new.parent) ?? pairsByParent.set(p.new.parent, []).get(p.new.parent)!).push(p);
  for (const list of pairsByParent.values()) for (const p of keptInOrder(list)) kept.add(p);

  const changes: Array<Change & { order: number }> = [];
  const side = (u: Unit) => ({ text: u.text, position: u.position });
  const push = (kind: ChangeKind, p: { old: Unit | null; new: Unit | null; matchedBy: MatchedBy | null; similarity: number }, parts: string[] = []) => {
    const d = phase('word diff', () => (options.granularity === 'sentence' ? wordDiff(p.old?.text ?? '', p.new?.text ?? '', 'sentence') : pieceDiff(p.old ? pieces(p.old.text) : [], p.new ? pieces(p.new.text) : [])));
    const spelling = kind === 'modified' && options.granularity === 'sentence' ? phase('word diff', () => pieceDiff(pieces(p.old!.text), pieces(p.new!.text))) : d;
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
      spelling: kind === 'modified' && spelling.spelling,
      spellingFix: kind === 'modified' && spelling.spelling && isFix(spelling.pairs, options.speller),
      order: p.new ? p.new.order : p.old!.order - 0.5,
    });
  };
  for (const p of pairs) {
    const d = p.old.exact === p.new.exact;
    const renumbered = p.old.element === 'principle' && p.old.key !== p.new.key;
    const moved = !sameParent(p.old, p.new) || !kept.has(p);
    if (renumbered) push('renumbered', p);
    else if ((moved && p.old.element !== 'principle' && p.old.element !== 'body' && p.old.element !== 'area') || p.old.element !== p.new.element) push('moved', p);
    else if (!d) push('modified', p);
  }
  // A split or merge keeps every word (runs join to exactly the same text): a layout regrouped the
  // paragraphs, which is never a change. It is listed with the layout pieces.
  const regrouped: Diff['regrouped'] = runs.map((r) => ({
    kind: r.kind,
    path: r.one.path,
    oldIds: r.oldSide ? [r.one.id] : r.many.map((m) => m.id),
    newIds: r.oldSide ? r.many.map((m) => m.id) : [r.one.id],
  }));
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
    .filter((c) => !(options.ignoreSpelling && c.spellingFix))
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...c }) => c);
  const summary = countChanges(listed);
  const meta = (m: Agreement) => ({
    path: m.meta.source.path,
    format: m.meta.source.format,
    title: m.meta.title,
    revision: m.meta.revision?.label ?? null,
    date: m.meta.revision?.date ?? null,
  });
  const diff: Diff = {
    schemaVersion: DIFF_SCHEMA_VERSION,
    old: meta(oldModel),
    new: meta(newModel),
    changes: listed,
    scope,
    // Of the whole documents: their words counted as they are scanned, not every unit's pieces kept (most units never need them).
    shared: Math.round(sharedWords(A.map((u) => u.text), B.map((u) => u.text), baggedTexts([...A, ...B])) * 1000) / 1000,
    regrouped,
    artifacts: { old: oldModel.artifacts, new: newModel.artifacts },
    summary,
  };
  pairsOfDiff.set(diff, new Map(pairs.map((p) => [p.old.id, p.new.id])));
  return diff;
}
