/**
 * Word-level comparison inside one matched element: Swedish tokens, a word
 * diff (jsdiff's array diff on tokens, never on a whole document), similarity,
 * and the spelling test.
 */
import { diffArrays } from '../vendor/diff.js';
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

/**
 * One piece of a text: a word, a punctuation mark, a web address, a footnote
 * marker or a run of whitespace. The pieces of a text, concatenated, give it
 * back byte for byte; two pieces are the same when their keys are (the key
 * drops layout: quote and dash styles, footnote marker syntax, "<...>" around
 * an address, and which whitespace).
 */
export interface Piece {
  key: string;
  raw: string;
  kind: 'word' | 'mark' | 'space';
}

// The kinds, in this order, are capture groups 1 to 4 (then any other character, a mark). They are
// not named: a named group gives every match a groups object, and a 10 MB text has millions of
// matches (the scan was a quarter slower with names).
const PIECE = new RegExp(
  [
    // 1: whitespace.
    String.raw`(\s+)`,
    // 2: an address stays one piece ("www.samforma.se", "https://www.mucf.se"); punctuation after it is not part of it.
    String.raw`(<(?:https?:\/\/|www\.)[^\s<>]+>|(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,;:!?)\]}"'”’»])`,
    // 3: a footnote marker.
    String.raw`(\^\[\d+\]|\[\^\d+\]|\[\d+\])`,
    // 4: letters and digits joined by inner hyphens or apostrophes ("EU-medel", "2023–2026"), with a hyphen
    // that suspends a compound ("planerings-").
    String.raw`([\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-–'’‘′][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*[-–]?)`,
    // Anything else: a mark.
    String.raw`[^]`,
  ].join('|'),
  'gu',
);

const MARK_KEY: Record<string, string> = { '”': '"', '“': '"', '„': '"', '″': '"', '’': "'", '‘': "'", '′': "'", '–': '-', '—': '-' };

/** Characters NFC can change: combining marks and what follows them in Unicode (Latin letters such as å, ä and ö never change). */
const MAY_COMPOSE = /[^\u0000-\u02ff]/u;

/** The dash and apostrophes a word may hold that its key writes as "-" and "'". */
const WORD_JOINERS = /[–’‘′]/u;

/** Each piece of a text (see `Piece`) as its kind, key and raw text, without making the piece. */
function scan(text: string, emit: (kind: Piece['kind'], key: string, raw: string) => void): void {
  // exec, by the groups' numbers (PIECE): a 10 MB text has millions of pieces.
  const re = new RegExp(PIECE.source, 'gu');
  // Most texts have no character NFC could change, and no dash or apostrophe inside a word: then no word needs those tests.
  const mayCompose = MAY_COMPOSE.test(text);
  const mayJoin = WORD_JOINERS.test(text);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const raw = m[0];
    if (m[1] !== undefined) emit('space', ' ', raw);
    else if (m[2] !== undefined) emit('word', raw.replace(/^<|>$/gu, ''), raw);
    else if (m[3] !== undefined) emit('mark', `[${raw.replace(/\D/gu, '')}]`, raw);
    else if (m[4] !== undefined) {
      const key = mayJoin && WORD_JOINERS.test(raw) ? raw.replace(/–/gu, '-').replace(/[’‘′]/gu, "'") : raw;
      emit('word', mayCompose && MAY_COMPOSE.test(key) ? key.normalize('NFC') : key, raw);
    } else emit('mark', MARK_KEY[raw] ?? raw, raw);
  }
}

/** The pieces of a text (see `Piece`). */
export function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  scan(text, (kind, key, raw) => out.push({ key, raw, kind }));
  return out;
}

/** The comparable tokens of a text: the keys of its pieces other than whitespace. */
export function tokens(text: string): string[] {
  return keysOf(pieces(text));
}

/** The keys of pieces other than whitespace. */
export function keysOf(list: Piece[]): string[] {
  const out: string[] = [];
  for (const p of list) if (p.kind !== 'space') out.push(p.key);
  return out;
}

const isWord = (t: string) => /[\p{L}\p{N}]/u.test(t);

/**
 * Whether a piece counts as a word (`isWord` of its key), from its kind where
 * that tells: a word piece (a word or an address) always holds a letter or a
 * digit, whitespace never; only a mark (a footnote marker, punctuation) needs
 * its key looked at.
 */
const countsAsWord = (kind: Piece['kind'], key: string) => kind === 'word' || (kind === 'mark' && isWord(key));

/** The lower-cased words of a token list with their counts. */
export interface WordBag {
  bag: Map<string, number>;
  size: number;
}

/** Add `n` of a word, lower-cased, to a bag being made. */
function addWord(into: WordBag, word: string, n = 1): void {
  const w = word.toLowerCase();
  into.bag.set(w, (into.bag.get(w) ?? 0) + n);
  into.size += n;
}

export function wordBag(list: string[]): WordBag {
  const out: WordBag = { bag: new Map(), size: 0 };
  for (const t of list) if (isWord(t)) addWord(out, t);
  return out;
}

/** Add the words of a text, as `wordBag` of its tokens counts them, to a bag being made, without making its pieces. */
function addText(into: WordBag, text: string): void {
  scan(text, (kind, key) => {
    if (countsAsWord(kind, key)) addWord(into, key);
  });
}

/** The word bag of a text, the same as `wordBag(tokens(text))`, without making its pieces. */
export function textBag(text: string): WordBag {
  const out: WordBag = { bag: new Map(), size: 0 };
  addText(out, text);
  return out;
}

/**
 * The word bag of many texts together, the same as `wordBag` of all their
 * keys, without keeping their pieces (a whole document's). A text whose bag is
 * in `bagged` (by text) adds that bag instead of being scanned again.
 */
function textsBag(texts: Iterable<string>, bagged: ReadonlyMap<string, WordBag>): WordBag {
  const out: WordBag = { bag: new Map(), size: 0 };
  for (const text of texts) {
    const known = bagged.get(text);
    if (known) for (const [w, n] of known.bag) addWord(out, w, n);
    else addText(out, text);
  }
  return out;
}

/** How many words `textsBag` counts in a text, without keeping them. */
function wordCount(text: string): number {
  let n = 0;
  scan(text, (kind, key) => {
    if (countsAsWord(kind, key)) n++;
  });
  return n;
}

/**
 * Dice similarity of two whole documents' words (as `dice` of their
 * `textsBag`s). A text found on both sides adds the same words to both bags,
 * so it is only counted; only the texts of one side are bagged word by word.
 * `bagged` holds bags already made, by text (the alignment's).
 */
export function sharedWords(olds: string[], news: string[], bagged: ReadonlyMap<string, WordBag> = new Map()): number {
  const left = new Map<string, number>();
  for (const text of olds) left.set(text, (left.get(text) ?? 0) + 1);
  const onlyNew: string[] = [];
  let both = 0;
  for (const text of news) {
    const n = left.get(text);
    if (n) {
      left.set(text, n - 1);
      both += bagged.get(text)?.size ?? wordCount(text);
    } else onlyNew.push(text);
  }
  const onlyOld: string[] = [];
  for (const [text, n] of left) for (let i = 0; i < n; i++) onlyOld.push(text);
  const x = textsBag(onlyOld, bagged);
  const y = textsBag(onlyNew, bagged);
  if (2 * both + x.size + y.size === 0) return 1;
  return (2 * (both + commonWords(x, y))) / (2 * both + x.size + y.size);
}

/** How many words two bags share, counted as often as both have them. */
function commonWords(x: WordBag, y: WordBag): number {
  const [small, large] = x.bag.size < y.bag.size ? [x.bag, y.bag] : [y.bag, x.bag];
  let common = 0;
  for (const [w, n] of small) common += Math.min(n, large.get(w) ?? 0);
  return common;
}

/** Dice similarity of two word bags, 0..1 (1 for two empty ones). */
export function dice(x: WordBag, y: WordBag): number {
  if (x.size + y.size === 0) return 1;
  return (2 * commonWords(x, y)) / (x.size + y.size);
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

export type Granularity = 'word' | 'sentence';

/** A text as sentences and the whitespace between them, for a coarser diff (`--sentence`). */
function sentencePieces(text: string): Piece[] {
  return text
    .split(/(?<=[.!?:;])(\s+)(?=\S)|^(\s+)|(\s+)$/u)
    .filter((s): s is string => s !== undefined && s !== '')
    .map((raw) => (/^\s+$/u.test(raw) ? { key: ' ', raw, kind: 'space' as const } : { key: comparable(raw), raw, kind: 'word' as const }));
}

/**
 * The word diff of two texts, exact: the `equal` and `delete` texts in order
 * give the old text back byte for byte (an `equal` op's `old` where the two
 * sides differ only in layout), the `equal` and `insert` texts the new one.
 * When more than half of the words changed, the text is shown replaced as a
 * unit (one delete, one insert) instead of confetti; so is each sentence of
 * which more than half changed.
 */
export function wordDiff(oldText: string, newText: string, granularity: Granularity = 'word'): WordDiff {
  if (granularity === 'sentence') {
    const words = finish(pairOps(sentencePieces(oldText), sentencePieces(newText)));
    return { words, spelling: false, pairs: [], changed: words.some((w) => w.op !== 'equal') };
  }
  return pieceDiff(pieces(oldText), pieces(newText));
}

/** One piece of each side, or of one side, in diff order. */
interface PieceOp {
  op: WordOp['op'];
  old?: Piece;
  new?: Piece;
}

/** jsdiff's array diff of two piece lists, compared by key, as piece ops. */
function pairOps(a: Piece[], b: Piece[]): PieceOp[] {
  const out: PieceOp[] = [];
  let i = 0;
  let j = 0;
  for (const part of diffArrays(a, b, { comparator: (x, y) => x.key === y.key })) {
    const n = part.count ?? part.value.length;
    for (let k = 0; k < n; k++) {
      if (part.added) out.push({ op: 'insert', new: b[j++] });
      else if (part.removed) out.push({ op: 'delete', old: a[i++] });
      else out.push({ op: 'equal', old: a[i++], new: b[j++] });
    }
  }
  return out;
}

const isSpace = (p: PieceOp) => (p.old ?? p.new)!.kind === 'space';

/**
 * Piece ops grouped by sentence (a sentence ends at an unchanged ".", "!" or
 * "?"): a sentence of which more than half the words changed is deleted and
 * inserted whole, keeping the unchanged whitespace at its two ends outside.
 */
function sentenceWise(ops: PieceOp[]): PieceOp[] {
  const out: PieceOp[] = [];
  let start = 0;
  for (let i = 0; i <= ops.length; i++) {
    const end = i === ops.length || (ops[i]!.op === 'equal' && /^[.!?]$/u.test(ops[i]!.new!.key));
    if (!end) continue;
    const sentence = ops.slice(start, i + 1);
    start = i + 1;
    let changed = 0;
    let size = 0;
    for (const p of sentence) {
      if (isSpace(p)) continue;
      if (p.op === 'equal') size += 2;
      else {
        size++;
        changed++;
      }
    }
    if (changed === 0 || changed <= size / 2) {
      out.push(...sentence);
      continue;
    }
    let from = 0;
    let to = sentence.length;
    while (from < to && sentence[from]!.op === 'equal' && isSpace(sentence[from]!)) out.push(sentence[from++]!);
    const tail: PieceOp[] = [];
    while (to > from && sentence[to - 1]!.op === 'equal' && isSpace(sentence[to - 1]!)) tail.unshift(sentence[--to]!);
    const middle = sentence.slice(from, to);
    for (const p of middle) if (p.old) out.push({ op: 'delete', old: p.old });
    for (const p of middle) if (p.new) out.push({ op: 'insert', new: p.new });
    out.push(...tail);
  }
  return out;
}

/**
 * Piece ops as word ops: each stretch of changes one delete then one insert;
 * a change of whitespace alone is layout, kept as an equal op with its old
 * form; unchanged whitespace between two changes joins them.
 */
function finish(ops: PieceOp[]): WordOp[] {
  // Stretches: equal ops, and runs of changes between them.
  type Stretch = { equal: true; text: string; old: string } | { equal: false; del: string; ins: string };
  const stretches: Stretch[] = [];
  for (const p of ops) {
    const last = stretches[stretches.length - 1];
    if (p.op === 'equal') {
      if (last?.equal) {
        last.text += p.new!.raw;
        last.old += p.old!.raw;
      } else stretches.push({ equal: true, text: p.new!.raw, old: p.old!.raw });
    } else {
      const run = last && !last.equal ? last : (stretches[stretches.push({ equal: false, del: '', ins: '' }) - 1] as Stretch & { equal: false });
      if (p.op === 'delete') run.del += p.old!.raw;
      else run.ins += p.new!.raw;
    }
  }
  const merged: Stretch[] = [];
  for (const s of stretches) {
    const prev = merged[merged.length - 1];
    const before = merged[merged.length - 2];
    if (!s.equal && /^\s*$/u.test(s.del) && /^\s*$/u.test(s.ins)) {
      // Whitespace alone changed: layout.
      if (prev?.equal) {
        prev.text += s.ins;
        prev.old += s.del;
      } else merged.push({ equal: true, text: s.ins, old: s.del });
    } else if (prev?.equal && prev.text === prev.old && /^\s+$/u.test(prev.text) && before && !before.equal && !s.equal) {
      // Change, one unchanged space, change: one change.
      before.del += prev.text + s.del;
      before.ins += prev.text + s.ins;
      merged.pop();
    } else if (s.equal && prev?.equal) {
      prev.text += s.text;
      prev.old += s.old;
    } else merged.push(s.equal ? s : { ...s });
  }
  const out: WordOp[] = [];
  for (const s of merged) {
    if (s.equal) out.push(s.text === s.old ? { op: 'equal', text: s.text } : { op: 'equal', text: s.text, old: s.old });
    else {
      if (s.del) out.push({ op: 'delete', text: s.del });
      if (s.ins) out.push({ op: 'insert', text: s.ins });
    }
  }
  return out;
}

/** The word diff of two piece lists (from `pieces`). */
export function pieceDiff(a: Piece[], b: Piece[]): WordDiff {
  const ops = pairOps(a, b);
  // Runs of changed words between unchanged words (whitespace does not end a run); spelling only
  // when each run is one word for one close word.
  let changed = false;
  let spelling = true;
  const pairs: Array<[string, string]> = [];
  let changedWords = 0;
  let run: { del: Piece[]; ins: Piece[] } = { del: [], ins: [] };
  const close = () => {
    if (run.del.length + run.ins.length === 0) return;
    changed = true;
    changedWords += run.del.length + run.ins.length;
    const [d] = run.del;
    const [n] = run.ins;
    if (run.del.length !== 1 || run.ins.length !== 1 || !isWord(d!.key) || editDistance(d!.key.toLowerCase(), n!.key.toLowerCase()) > 2) spelling = false;
    else pairs.push([d!.key, n!.key]);
    run = { del: [], ins: [] };
  };
  for (const p of ops) {
    if (isSpace(p)) continue;
    if (p.op === 'equal') close();
    else if (p.op === 'delete') run.del.push(p.old!);
    else run.ins.push(p.new!);
  }
  close();
  spelling &&= changed;
  const wordsA = a.filter((p) => p.kind !== 'space').length;
  const wordsB = b.filter((p) => p.kind !== 'space').length;
  // A spelling fix is never shown as a rewrite, however short the text ("Bakgrund" -> "Bakgrunden").
  if (changed && !spelling && changedWords > (wordsA + wordsB) / 2) {
    const words = finish([...a.map((p): PieceOp => ({ op: 'delete', old: p })), ...b.map((p): PieceOp => ({ op: 'insert', new: p }))]);
    return { words, spelling: false, pairs: [], changed };
  }
  // Whitespace-only differences leave `changed` false: they are layout.
  return { words: finish(sentenceWise(ops)), spelling, pairs: spelling ? pairs : [], changed };
}

/** The old text of word ops: equal (as it stood) and deleted texts. */
export function oldTextOf(words: WordOp[]): string {
  return words.map((w) => (w.op === 'insert' ? '' : w.op === 'equal' ? (w.old ?? w.text) : w.text)).join('');
}

/** The new text of word ops: equal and inserted texts. */
export function newTextOf(words: WordOp[]): string {
  return words.map((w) => (w.op === 'delete' ? '' : w.text)).join('');
}
