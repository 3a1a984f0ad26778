/** Helpers for the render tests: what a model says, and what an output lost of it. */
import type { Agreement } from '../../src/model.js';
import { genericTexts, modelTexts, sourceWordsOf, typedTexts } from '../../src/coverage.js';
import { isBulletGlyph } from '../../src/render/document.js';

/** A model without positions, source facts or heading depths: what two parses of one text share. */
export function comparableModel(model: Agreement): Record<string, unknown> {
  const { vision, purpose, goals, principles, partyCommitments, bodies, developmentAreas, footnotes, sections } = model;
  return JSON.parse(JSON.stringify({ vision, purpose, goals, principles, partyCommitments, bodies, developmentAreas, footnotes, sections }, (k, v) => (k === 'position' || k === 'depth' ? undefined : v)));
}

/**
 * The words of the agreement's text (typed elements and sections; not
 * artifacts) an output does not have, with how many are missing. A list
 * item's bullet ("o", "•") is the list's layout, not a word of the text.
 */
export function missingWords(model: Agreement, output: string): Array<[string, number]> {
  const bullets = sourceWordsOf(listMarkers(model).filter(isBulletGlyph).join(' '), 'text');
  const want = count(sourceWordsOf([...typedTexts(model), ...genericTexts(model)].join('\n'), 'text'));
  for (const b of bullets) want.set(b, (want.get(b) ?? 0) - 1);
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

/** Every list item's marker in a model's generic sections and typed elements. */
function listMarkers(model: Agreement): string[] {
  const out: string[] = [];
  JSON.stringify(model, (k, v: unknown) => {
    if (v && typeof v === 'object' && (v as { type?: string }).type === 'list') for (const item of (v as { items: Array<{ marker?: string }> }).items) if (item.marker) out.push(item.marker);
    return v;
  });
  return out;
}

/**
 * The words a model read back from a rendered PDF holds, as the PDF printed
 * them: where the PDF import joined two words it took for one split by lost
 * hyphenation ("Formulerings fas"), its recorded normalisation gives them back.
 */
export function wordsReadBack(back: Agreement): string {
  const out = [...modelTexts(back)];
  for (const n of back.normalisations) if (n.step === 'split-word') out.push(n.from);
  return out.join('\n');
}
