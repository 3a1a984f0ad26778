/**
 * Word-level comparison inside one matched element: Swedish tokens, a word
 * diff (jsdiff's array diff on tokens, never on a whole document), similarity,
 * and the spelling test.
 */
import { diffArrays } from 'diff';
import type { WordOp } from './model.js';
import { squash } from '../text.js';

const LAYOUT_MARKS = /[\^[<”“„″’‘′–—]/u;

/**
 * Text as it is compared: whitespace, quote and dash styles and footnote
 * marker syntax are layout, not wording ("^[1]" and "[1]", "<https://...>" and
 * "https://...", ” and ").
 */
export function comparable(text: string): string {
  // Most texts have none of these: skip the replacements then.
  if (!LAYOUT_MARKS.test(text)) return squash(text);
  return squash(
    text
      .replace(/\^\[(\d+)\]|\[\^(\d+)\]/gu, (_, a: string | undefined, b: string | undefined) => `[${a ?? b}]`)
      .replace(/<((?:https?:\/\/|www\.)[^>\s]+)>/gu, '$1')
      .replace(/[”“„″]/gu, '"')
      .replace(/[’‘′]/gu, "'")
      .replace(/[–—]/gu, '-'),
  );
}

/** Words (letters and digits, joined by inner hyphens: "hälso-", "2023-2026", "EU-medel") and single punctuation marks. */
const TOKEN = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*-?|[^\s\p{L}\p{N}]/gu;

export function tokens(text: string): string[] {
  return comparable(text).match(TOKEN) ?? [];
}

const isWord = (t: string) => /[\p{L}\p{N}]/u.test(t);

/** Tokens back to text: a space between words, none before closing or after opening punctuation. */
export function detokenize(list: string[]): string {
  let out = '';
  for (const t of list) {
    if (out === '' || /^[.,;:!?)\]}%”"']$/u.test(t) || /[([{“"]$/u.test(out)) out += t;
    else out += ` ${t}`;
  }
  return out;
}

/** The lower-cased words of a token list with their counts. */
export interface WordBag {
  bag: Map<string, number>;
  size: number;
}

export function wordBag(list: string[]): WordBag {
  const bag = new Map<string, number>();
  let size = 0;
  for (const t of list) {
    if (!isWord(t)) continue;
    const w = t.toLowerCase();
    bag.set(w, (bag.get(w) ?? 0) + 1);
    size++;
  }
  return { bag, size };
}

/** Dice similarity of two word bags, 0..1 (1 for two empty ones). */
export function dice(x: WordBag, y: WordBag): number {
  if (x.size + y.size === 0) return 1;
  const [small, large] = x.bag.size < y.bag.size ? [x.bag, y.bag] : [y.bag, x.bag];
  let common = 0;
  for (const [w, n] of small) common += Math.min(n, large.get(w) ?? 0);
  return (2 * common) / (x.size + y.size);
}

/**
 * Similarity of two short texts (a heading, a title) where a word also matches
 * a word spelled within edit distance 2 (both at least 4 letters): the word
 * bags of "Innehållsförteckning" and "Innehållsförteckningen" share nothing.
 */
export function closeSimilarity(x: WordBag, y: WordBag): number {
  if (x.size + y.size === 0) return 1;
  const left = [...x.bag].flatMap(([w, n]) => Array<string>(n).fill(w));
  const right = [...y.bag].flatMap(([w, n]) => Array<string>(n).fill(w));
  let common = 0;
  for (const w of left) {
    const i = right.findIndex((v) => v === w || (w.length >= 4 && v.length >= 4 && editDistance(w, v, 2) <= 2));
    if (i === -1) continue;
    right.splice(i, 1);
    common++;
  }
  return (2 * common) / (x.size + y.size);
}

/** Dice similarity of the two word multisets, 0..1 (1 for two empty texts). */
export function similarity(a: string[], b: string[]): number {
  return dice(wordBag(a), wordBag(b));
}

/** Optimal string alignment distance (edit distance with transpositions), capped. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

export interface WordDiff {
  words: WordOp[];
  /** Every change is one word replaced by a word within edit distance 2. */
  spelling: boolean;
  /** With `spelling`: each old word and the word that replaced it. */
  pairs: Array<[string, string]>;
  changed: boolean;
}

/** Sentences as tokens, for a coarser diff (`--sentence`). */
export function sentences(text: string): string[] {
  return comparable(text).split(/(?<=[.!?:;])\s+(?=\S)/u).filter(Boolean);
}

export type Granularity = 'word' | 'sentence';

/**
 * The word diff of two texts. When more than half of the tokens changed, the
 * text is shown replaced as a unit (one delete, one insert) instead of
 * confetti; so is each sentence of which more than half changed.
 */
export function wordDiff(oldText: string, newText: string, granularity: Granularity = 'word'): WordDiff {
  if (granularity === 'sentence') return sentenceDiff(oldText, newText);
  return tokenDiff(tokens(oldText), tokens(newText));
}

/** The word diff of two token lists (from `tokens`). */
/**
 * Word operations from jsdiff's parts, sentence by sentence: a sentence of
 * which more than half the tokens changed is shown deleted and inserted whole.
 * Sentences end at an unchanged ".", "!" or "?".
 */
function sentenceWise(parts: ReturnType<typeof diffArrays<string>>): WordOp[] {
  type Op = WordOp['op'];
  const tokenOps: Array<{ op: Op; token: string }> = parts.flatMap((part) =>
    part.value.map((token) => ({ op: (part.added ? 'insert' : part.removed ? 'delete' : 'equal') as Op, token })),
  );
  const out: Array<{ op: Op; tokens: string[] }> = [];
  const emit = (op: Op, tokens: string[]) => {
    if (tokens.length === 0) return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.tokens.push(...tokens);
    else out.push({ op, tokens: [...tokens] });
  };
  let start = 0;
  for (let i = 0; i <= tokenOps.length; i++) {
    const end = i === tokenOps.length || (tokenOps[i]!.op === 'equal' && /^[.!?]$/u.test(tokenOps[i]!.token));
    if (!end) continue;
    const sentence = tokenOps.slice(start, i + 1);
    start = i + 1;
    const changed = sentence.filter((t) => t.op !== 'equal').length;
    const size = sentence.reduce((n, t) => n + (t.op === 'equal' ? 2 : 1), 0);
    if (changed > 0 && changed > size / 2) {
      emit('delete', sentence.filter((t) => t.op !== 'insert').map((t) => t.token));
      emit('insert', sentence.filter((t) => t.op !== 'delete').map((t) => t.token));
    } else for (const t of sentence) emit(t.op, [t.token]);
  }
  return out.map((o) => ({ op: o.op, text: detokenize(o.tokens) }));
}

export function tokenDiff(a: string[], b: string[]): WordDiff {
  const parts = diffArrays(a, b);
  const ops = sentenceWise(parts);
  const changed = ops.some((o) => o.op !== 'equal');
  // Runs of changed parts between equal ones; spelling only when each run is one word for one close word.
  let spelling = changed;
  const pairs: Array<[string, string]> = [];
  let changedTokens = 0;
  for (let i = 0; i < parts.length; ) {
    if (!parts[i]!.added && !parts[i]!.removed) {
      i++;
      continue;
    }
    const run: typeof parts = [];
    while (i < parts.length && (parts[i]!.added || parts[i]!.removed)) run.push(parts[i++]!);
    changedTokens += run.reduce((n, p) => n + p.value.length, 0);
    const del = run.find((p) => p.removed);
    const ins = run.find((p) => p.added);
    const oneForOne = run.length === 2 && del?.value.length === 1 && ins?.value.length === 1;
    if (!oneForOne || !isWord(del.value[0]!) || editDistance(del.value[0]!.toLowerCase(), ins.value[0]!.toLowerCase()) > 2) spelling = false;
    else pairs.push([del.value[0]!, ins!.value[0]!]);
  }
  // A spelling fix is never shown as a rewrite, however short the text ("Bakgrund" -> "Bakgrunden").
  if (changed && !spelling && changedTokens > (a.length + b.length) / 2) {
    const whole: WordOp[] = [];
    if (a.length) whole.push({ op: 'delete', text: detokenize(a) });
    if (b.length) whole.push({ op: 'insert', text: detokenize(b) });
    return { words: whole, spelling: false, pairs: [], changed };
  }
  return { words: ops, spelling, pairs: spelling ? pairs : [], changed };
}

/** The diff with whole sentences as units: a changed sentence is deleted and inserted whole. */
function sentenceDiff(oldText: string, newText: string): WordDiff {
  const parts = diffArrays(sentences(oldText), sentences(newText));
  const words: WordOp[] = parts.map((p) => ({ op: p.added ? 'insert' : p.removed ? 'delete' : 'equal', text: p.value.join(' ') }));
  return { words, spelling: false, pairs: [], changed: words.some((w) => w.op !== 'equal') };
}
