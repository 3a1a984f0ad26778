/** Helpers for the render tests: what a model says, and what an output lost of it. */
import type { Agreement } from '../../src/model.js';
import { genericTexts, sourceWordsOf, typedTexts } from '../../src/coverage.js';

/** A model without positions, source facts or heading depths: what two parses of one text share. */
export function comparableModel(model: Agreement): Record<string, unknown> {
  const { vision, purpose, goals, principles, partyCommitments, bodies, developmentAreas, footnotes, sections } = model;
  return JSON.parse(JSON.stringify({ vision, purpose, goals, principles, partyCommitments, bodies, developmentAreas, footnotes, sections }, (k, v) => (k === 'position' || k === 'depth' ? undefined : v)));
}

/** The words of the agreement's text (typed elements and sections; not artifacts) an output does not have, with how many are missing. */
export function missingWords(model: Agreement, output: string): Array<[string, number]> {
  const want = count(sourceWordsOf([...typedTexts(model), ...genericTexts(model)].join('\n'), 'text'));
  const have = count(sourceWordsOf(output, 'text'));
  const out: Array<[string, number]> = [];
  for (const [word, n] of want) if ((have.get(word) ?? 0) < n) out.push([word, n - (have.get(word) ?? 0)]);
  return out;
}

function count(words: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Agreement text that is markup in one format or another: it must come out as these characters in every format. */
export const HOSTILE = ['<script>alert(1)</script>', '{{ x }}', '{% raw %}', '#set page(width: 1cm)', '*bold*', ']]>', '$x$', '`code`', '[länk](http://x.se)', '\\n', '@ref', '<b>fet</b>', '| a | b |'];
