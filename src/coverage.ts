/**
 * The coverage guarantee: every word of the source appears in exactly one
 * place of the model (a typed element, a generic section, or an artifact).
 *
 * Words are runs of letters and digits. Markup is not text: for Markdown the
 * source words are counted after removing HTML tags. Derived fields (a
 * principle's `title`, a body's `name`, a vision, purpose, goal or principle
 * stated inside a paragraph) are not counted, only
 * the source text they were read from.
 */
import type { Agreement, Block, Node } from './model.js';
import { stripTags, words } from './text.js';

export interface WordCount {
  word: string;
  count: number;
}

export interface Coverage {
  /** Words in the source. */
  sourceWords: number;
  /** Source words found in the model (each counted at most as often as it occurs in the source). */
  coveredWords: number;
  /** coveredWords / sourceWords, in percent with one decimal. */
  percent: number;
  /** Words of the source the model lost, with how many occurrences are missing. */
  missing: WordCount[];
  /** Words the model holds more often than the source (duplicated or invented). */
  extra: WordCount[];
}

/** The words of a source text as the coverage check counts them. */
export function sourceWordsOf(text: string, format: Agreement['meta']['source']['format']): string[] {
  return words(format === 'markdown' || format === 'docx' || format === 'html' ? stripTags(text) : text);
}

function blockTexts(block: Block, out: string[]): void {
  if (block.type === 'paragraph') out.push(block.text);
  else if (block.type === 'list') for (const item of block.items) out.push(item.marker ?? '', item.text);
  else for (const row of block.rows) out.push(...row);
}

function nodeTexts(node: Node, out: string[]): void {
  if (node.type === 'ref') return;
  if (node.type === 'section') {
    if (node.heading) out.push(node.heading.text);
    for (const child of node.content) nodeTexts(child, out);
    return;
  }
  blockTexts(node, out);
}

/** The source texts the typed elements hold (vision, purpose, goals, principles, commitments, bodies, areas). */
export function typedTexts(model: Agreement): string[] {
  const out: string[] = [];
  for (const el of [model.vision, model.purpose]) {
    if (!el) continue;
    if (el.heading) out.push(el.heading.text);
    for (const p of el.paragraphs) out.push(p.text);
  }
  for (const goal of model.goals) {
    // A goal stated in a sentence of a paragraph: the paragraph holds its words.
    if (goal.quotedIn === undefined) out.push(goal.marker ?? '', goal.text);
    if (goal.elaboration) {
      out.push(goal.elaboration.heading.text);
      for (const b of goal.elaboration.paragraphs) blockTexts(b, out);
    }
  }
  for (const p of model.principles) {
    if (p.heading) out.push(p.heading.text);
    if (p.marker !== undefined) out.push(p.marker);
    for (const b of p.paragraphs) blockTexts(b, out);
    if (p.commitmentsHeading) out.push(p.commitmentsHeading.text);
    for (const c of p.commitments) out.push(c.marker ?? '', c.text);
  }
  for (const group of model.partyCommitments) {
    out.push(group.leadIn.text);
    for (const c of group.commitments) out.push(c.marker ?? '', c.text);
  }
  for (const body of model.bodies) {
    out.push(body.heading.text);
    for (const b of body.description) blockTexts(b, out);
  }
  for (const area of model.developmentAreas) {
    out.push(area.heading ? area.heading.text : area.title, area.marker ?? '');
    for (const p of area.paragraphs) out.push(p.text);
    for (const item of area.items) out.push(item.marker ?? '', item.text);
  }
  return out;
}

/** The source texts of the generic section tree. */
export function genericTexts(model: Agreement): string[] {
  const out: string[] = [];
  for (const node of model.sections) nodeTexts(node, out);
  return out;
}

/** Every source text the model holds, each once. */
export function modelTexts(model: Agreement): string[] {
  const out: string[] = [];
  if (model.meta.frontMatter !== undefined) out.push(model.meta.frontMatter);
  out.push(...typedTexts(model), ...genericTexts(model));
  for (const a of model.artifacts) if (!a.external) out.push(a.text);
  return out;
}

function countWords(list: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/**
 * How many of the source's words the model holds: the check that no word is
 * lost (or invented). `sourceText` is the text the model was parsed from, as
 * read (`parseFileWithSource` returns it as `source.text`; for `parse(text)`
 * it is that text); `model` is the parsed agreement.
 *
 *     const { model, source } = await parseFileWithSource('agreement.pdf');
 *     const { percent, missing } = coverage(source.text, model);
 */
export function coverage(sourceText: string, model: Agreement): Coverage {
  if (typeof sourceText !== 'string' || typeof model !== 'object' || model === null || !('meta' in model)) {
    throw new TypeError('coverage(sourceText, model): give the source text the model was parsed from (parseFileWithSource returns it as source.text) and the model');
  }
  const source = countWords(sourceWordsOf(sourceText, model.meta.source.format));
  // Markdown markup is not text: tags are dropped on both sides (the model may
  // hold a literal tag from inline code, which the source side cannot tell apart).
  const markdown = ['markdown', 'docx', 'html'].includes(model.meta.source.format);
  const held = countWords(modelTexts(model).flatMap((text) => words(markdown ? stripTags(text) : text)));
  // A layout normalisation joined words ("presen teras" -> "presenteras"): count
  // the words as the source wrote them.
  for (const n of model.normalisations) {
    for (const w of words(n.to)) held.set(w, (held.get(w) ?? 0) - 1);
    for (const w of words(n.from)) held.set(w, (held.get(w) ?? 0) + 1);
  }
  let total = 0;
  let covered = 0;
  const missing: WordCount[] = [];
  const extra: WordCount[] = [];
  for (const [word, count] of source) {
    total += count;
    const have = held.get(word) ?? 0;
    covered += Math.min(count, have);
    if (have < count) missing.push({ word, count: count - have });
  }
  for (const [word, count] of held) {
    const want = source.get(word) ?? 0;
    if (count > want) extra.push({ word, count: count - want });
  }
  const percent = total === 0 ? 100 : Math.floor((covered / total) * 1000) / 10;
  return { sourceWords: total, coveredWords: covered, percent, missing, extra };
}
