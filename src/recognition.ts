/**
 * The recognition measure, beside coverage: how much of the text the parser
 * understood as agreement structure. Coverage says no word was lost; this says
 * where the words went: into typed elements (vision, purpose, goals,
 * principles, commitments, bodies, areas), or only into generic sections.
 *
 * A statement recognised inside a paragraph ("Visionen är att ...") counts its
 * sentence as typed and the rest of the paragraph as generic.
 */
import type { Agreement } from './model.js';
import { genericTexts, typedTexts } from './coverage.js';
import { stripTags, words } from './text.js';

export interface Recognition {
  /** Words held by typed elements, including statements recognised inside paragraphs. */
  typedWords: number;
  /** Words only in generic sections. */
  genericWords: number;
  /** typedWords / (typedWords + genericWords), in percent with one decimal; 0 for an empty text. */
  percent: number;
  /** How many elements of each kind were recognised. */
  elements: { vision: number; purpose: number; goals: number; principles: number; commitments: number; bodies: number; areas: number };
}

/** Texts of elements the parser found inside a paragraph: their words are counted typed, not generic. */
function statedInParagraphs(model: Agreement): string[] {
  const out: string[] = [];
  if (model.vision?.quotedIn) out.push(model.vision.text);
  if (model.purpose?.quotedIn) out.push(model.purpose.text);
  for (const g of model.goals) if (g.quotedIn) out.push(g.text);
  for (const p of model.principles) if (p.quotedIn) out.push(p.title);
  return out;
}

export function recognition(model: Agreement): Recognition {
  const markdown = ['markdown', 'docx', 'html'].includes(model.meta.source.format);
  const count = (texts: string[]) => texts.reduce((n, text) => n + words(markdown ? stripTags(text) : text).length, 0);
  const stated = count(statedInParagraphs(model));
  const typedWords = count(typedTexts(model)) + stated;
  const genericWords = Math.max(0, count(genericTexts(model)) - stated);
  const total = typedWords + genericWords;
  const commitments = model.principles.reduce((n, p) => n + p.commitments.length, 0) + model.partyCommitments.reduce((n, g) => n + g.commitments.length, 0);
  return {
    typedWords,
    genericWords,
    percent: total === 0 ? 0 : Math.floor((typedWords / total) * 1000) / 10,
    elements: {
      vision: model.vision ? 1 : 0,
      purpose: model.purpose ? 1 : 0,
      goals: model.goals.length,
      principles: model.principles.length,
      commitments,
      bodies: model.bodies.length,
      areas: model.developmentAreas.length,
    },
  };
}
