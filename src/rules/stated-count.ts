/** structure: a count the text states about the document's own parts ("sju principer", "tre mål") matches what the document has. */
import type { Rule } from '../check/types.js';
import { locate, textsOf } from '../check/text.js';

const NUMBERS: Record<string, number> = { en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10, elva: 11, tolv: 12 };
/** "sju principer", "tre mål", "sex övergripande principer", "fyra samverkansområden": the document's own parts, not "fyra tillfällen". */
const STATED = /\b(\d{1,2}|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv)[ \t]+(?:(?:övergripande|gemensamma|grundläggande|vägledande|långsiktiga|prioriterade)[ \t]+)?(principer|mål|samverkansområden|utvecklingsområden|åtaganden)\b/giu;
/**
 * A sentence speaks of this document's own parts when it points at the
 * document ("överenskommelsen", "denna", "vår", "nedan", "följande", a colon
 * before the list): "samtliga 17 mål" of Agenda 2030 does not.
 */
const SELF = /\b(?:överenskommelsen|överenskommelsens|avtalet|dokumentet|denna|detta|dessa|vår|våra|vårt|vi|nedan|följande|här)\b|:\s*$/iu;
const SENTENCES = /[^.!?]+[.!?]*/gu;

export const rule: Rule = {
  id: 'stated-count',
  category: 'structure',
  level: 'error',
  description: {
    en: 'A count the text states about the document\'s own parts ("sju principer", "tre mål", "sex samverkansområden") matches what the document has.',
    sv: 'Ett antal som texten anger om dokumentets egna delar ("sju principer", "tre mål", "sex samverkansområden") stämmer med vad dokumentet har.',
  },
  fromParse: ['principle-count'],
  examples: {
    bad: '# Överenskommelse\n\nÖverenskommelsen bygger på tre principer.\n\n## Principer\n\n### 1. Dialog\n\nText.\n\n### 2. Öppenhet\n\nText.\n',
    good: '# Överenskommelse\n\nÖverenskommelsen bygger på två principer.\n\n## Principer\n\n### 1. Dialog\n\nText.\n\n### 2. Öppenhet\n\nText.\n',
  },
  checkDocument({ model, lines, report }) {
    const have: Record<string, number> = { principer: model.principles.length, mål: model.goals.length, samverkansområden: model.developmentAreas.length, utvecklingsområden: model.developmentAreas.length };
    // The parser already compares a stated number of principles (its warning is this rule's): goals and areas here.
    for (const t of textsOf(model)) {
      for (const sentence of t.text.matchAll(SENTENCES)) {
      if (!SELF.test(sentence[0])) continue;
      for (const m of sentence[0].matchAll(STATED)) {
        const what = m[2]!.toLowerCase();
        if (what === 'principer' || what === 'åtaganden') continue;
        const stated = /\d/u.test(m[1]!) ? Number(m[1]) : NUMBERS[m[1]!.toLowerCase()]!;
        const count = have[what]!;
        // Nothing recognised is another rule's finding (required-sections), not a wrong count.
        if (count === 0 || stated === count) continue;
        report({ place: locate(lines, t.position, m[0]), element: t.id, message: { en: `the text says "${m[0]}" but the document has ${count}`, sv: `texten säger "${m[0]}" men dokumentet har ${count}` } });
      }
      }
    }
  },
};
