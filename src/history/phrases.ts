/**
 * A round's changes as a process leader says them, grouped by where they are:
 * "Princip 4 Dialog: 1 åtagande ändrat, 1 tillagt" (or in English).
 */
import type { Change } from '../diff/model.js';
import type { Lang } from '../i18n.js';

type Gender = 'en' | 'ett';
const NOUNS: Record<string, { sv: [string, string, Gender]; en: [string, string] }> = {
  commitment: { sv: ['åtagande', 'åtaganden', 'ett'], en: ['commitment', 'commitments'] },
  goal: { sv: ['mål', 'mål', 'ett'], en: ['goal', 'goals'] },
  principle: { sv: ['princip', 'principer', 'en'], en: ['principle', 'principles'] },
  'principle-text': { sv: ['stycke', 'stycken', 'ett'], en: ['paragraph', 'paragraphs'] },
  text: { sv: ['stycke', 'stycken', 'ett'], en: ['paragraph', 'paragraphs'] },
  elaboration: { sv: ['stycke', 'stycken', 'ett'], en: ['paragraph', 'paragraphs'] },
  heading: { sv: ['rubrik', 'rubriker', 'en'], en: ['heading', 'headings'] },
  body: { sv: ['organ', 'organ', 'ett'], en: ['body', 'bodies'] },
  area: { sv: ['område', 'områden', 'ett'], en: ['area', 'areas'] },
  'area-item': { sv: ['punkt', 'punkter', 'en'], en: ['item', 'items'] },
  vision: { sv: ['vision', 'visioner', 'en'], en: ['vision', 'visions'] },
  purpose: { sv: ['syfte', 'syften', 'ett'], en: ['purpose', 'purposes'] },
};
/** Swedish participles: en-word singular, ett-word singular, plural. */
const VERBS: Record<string, { sv: [string, string, string]; en: string }> = {
  modified: { sv: ['ändrad', 'ändrat', 'ändrade'], en: 'modified' },
  added: { sv: ['tillagd', 'tillagt', 'tillagda'], en: 'added' },
  removed: { sv: ['borttagen', 'borttaget', 'borttagna'], en: 'removed' },
  moved: { sv: ['flyttad', 'flyttat', 'flyttade'], en: 'moved' },
  renumbered: { sv: ['omnumrerad', 'omnumrerat', 'omnumrerade'], en: 'renumbered' },
  split: { sv: ['delad', 'delat', 'delade'], en: 'split' },
  merged: { sv: ['sammanslagen', 'sammanslaget', 'sammanslagna'], en: 'merged' },
};

/** "1 åtagande ändrat", "2 åtaganden tillagda"; the noun said once per element kind: "1 åtagande ändrat, 1 tillagt". */
function phrase(element: string, counts: Map<string, number>, lang: Lang): string {
  const noun = NOUNS[element] ?? NOUNS.text!;
  const parts = [...counts].map(([kind, n], k) => {
    const verb = VERBS[kind]!;
    const word = lang === 'sv' ? verb.sv[n > 1 ? 2 : noun.sv[2] === 'en' ? 0 : 1] : verb.en;
    const name = lang === 'sv' ? noun.sv[n > 1 ? 1 : 0] : noun.en[n > 1 ? 1 : 0];
    return k === 0 ? `${n} ${name} ${word}` : `${n} ${word}`;
  });
  return parts.join(', ');
}

/** The changes of a round by place (the first part of their path), each place with its phrases. */
export function roundLines(changes: readonly Change[], lang: Lang): string[] {
  const byPlace = new Map<string, Map<string, Map<string, number>>>();
  for (const c of changes) {
    const place = c.path.split(' / ')[0]!;
    const elements = byPlace.get(place) ?? byPlace.set(place, new Map()).get(place)!;
    const kinds = elements.get(c.element) ?? elements.set(c.element, new Map()).get(c.element)!;
    kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  }
  return [...byPlace].map(([place, elements]) => `${place}: ${[...elements].map(([element, kinds]) => phrase(element, kinds, lang)).join('; ')}`);
}
