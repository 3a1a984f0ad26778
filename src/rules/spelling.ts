/**
 * spelling: Swedish words the dictionary (hunspell with dictionary-sv, which
 * knows Swedish compounding and inflection) and the project's word list do
 * not know, with up to three suggestions. Not checked: names (a capitalised
 * word inside a sentence, or one the document writes so somewhere), words
 * with capitals inside ("LiV") or digits, abbreviations, web and e-mail
 * addresses.
 */
import type { Rule } from '../check/types.js';
import { locate, textsOf } from '../check/text.js';

const ADDRESS = /(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+|\b[\w-]+\.(?:se|nu|com|org|eu)(?:\/\S*)?/giu;
/** A word: letters, with inner hyphens ("icke-diskriminering"); a suspended part ("hälso-") is not a word of its own. */
const WORD = /(?<![\p{L}\d-])\p{L}+(?:-\p{L}+)*(?![\p{L}\d]|-(?:\s|$))/gu;
/** What ends a sentence or opens one (a heading, a list item and a cell start one too). */
const OPENS = /(?:^|[.!?:;•"“”]\s*|\n\s*)$/u;
/** Swedish abbreviations written without their full stop (months in a time plan, "ev", "fl"). */
const ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dec', 'ev', 'fl', 'bl', 'dvs', 'resp', 'mfl', 'osv', 'ca', 'st', 'kl', 'tel', 'nr', 'jfr', 'ff', 'mm', 'pga', 'tex', 'inkl', 'exkl', 'enl', 'förb', 'reg', 'adm', 'avd', 'ordf', 'sekr']);
/** The parts a compound joins with ("förtroendeperson|s|organisation"). */
const LINKS = ['', 's', 'e', 'a', 'u', 'o'];
const MIN_PART = 3;

/** Hunspell's suggestions take about 0.15 s a word: each word once per process (a repository repeats its slips). */
const SUGGESTIONS = new Map<string, string[]>();
function suggestionsFor(speller: { suggest(word: string): string[] }, word: string): string[] {
  let list = SUGGESTIONS.get(word);
  if (!list) {
    list = speller.suggest(word).slice(0, 3);
    SUGGESTIONS.set(word, list);
  }
  return list;
}

export const rule: Rule = {
  id: 'spelling',
  category: 'spelling',
  level: 'warning',
  description: {
    en: 'Every word is Swedish as the dictionary (hunspell, dictionary-sv) or the project\'s word list (`words` in .overens.yaml) knows it; names, abbreviations and addresses are not checked.',
    sv: 'Varje ord är svenska som ordlistan (hunspell, dictionary-sv) eller projektets ordlista (`words` i .overens.yaml) känner det; namn, förkortningar och adresser kontrolleras inte.',
  },
  examples: {
    bad: '# Principer\n\n## 1. Självtändighet och oberoende\n\nParterna respekterar varandra.\n',
    good: '# Principer\n\n## 1. Självständighet och oberoende\n\nParterna respekterar varandra.\n',
  },
  checkDocument({ model, lines, speller, words, report }) {
    const texts = textsOf(model);
    // Names: capitalised words the document writes inside a sentence somewhere.
    const names = new Set<string>();
    for (const t of texts) {
      const text = t.text.replace(ADDRESS, ' ');
      const found = [...text.matchAll(WORD)];
      found.forEach((m, k) => {
        if (!/^\p{Lu}/u.test(m[0])) return;
        if (!OPENS.test(text.slice(0, m.index))) names.add(m[0]);
        // A first name and a surname ("Apostolis Papakostas"), wherever the sentence starts: both names.
        const next = found[k + 1];
        if (next && /^\p{Lu}\p{Ll}/u.test(next[0]) && /^\p{Lu}\p{Ll}/u.test(m[0]) && text.slice(m.index + m[0].length, next.index) === ' ') {
          names.add(m[0]);
          names.add(next[0]);
        }
      });
    }
    const dictionary = (w: string) => words.has(w.toLowerCase()) || speller.isWord(w) || speller.isWord(w.toLowerCase());
    /**
     * Swedish joins words without limit, further than the dictionary's
     * compounding rules go: a word made of two known words (the first with a
     * linking -s, -e, -a, -u or -o, or none; each part recognised the same way)
     * is Swedish. Not when the same parts with a linking -s make a known word:
     * "skogbranden" is "skogsbranden" misspelt.
     */
    const memo = new Map<string, boolean>();
    const compound = (w: string, depth: number): boolean => {
      const lower = w.toLowerCase();
      const cached = memo.get(`${depth}|${lower}`);
      if (cached !== undefined) return cached;
      let ok = false;
      for (let i = MIN_PART; !ok && i <= lower.length - MIN_PART; i++) {
        const right = lower.slice(i);
        const rightKnown = speller.isWord(right) || (depth > 0 && compound(right, depth - 1));
        if (!rightKnown) continue;
        for (const link of LINKS) {
          const left = lower.slice(0, i);
          if (!left.endsWith(link) || left.length - link.length < MIN_PART) continue;
          const stem = left.slice(0, left.length - link.length);
          if (!(speller.isWord(stem) || (depth > 0 && compound(stem, depth - 1)))) continue;
          if (link === '' && !stem.endsWith('s') && speller.isWord(`${stem}s${right}`)) continue;
          ok = true;
          break;
        }
      }
      memo.set(`${depth}|${lower}`, ok);
      return ok;
    };
    const known = (w: string) => dictionary(w) || ABBREVIATIONS.has(w.toLowerCase()) || compound(w, 0);
    for (const t of texts) {
      const text = t.text.replace(ADDRESS, (a) => ' '.repeat(a.length));
      // A word that stands twice in an element is found at its second place the second time.
      const after = new Map<string, { line: number; column: number }>();
      for (const m of text.matchAll(WORD)) {
        const w = m[0];
        // Words with capitals inside, names, single letters, and a suspended compound missing its space (another rule's) are not checked.
        if (/\p{Lu}/u.test(w.slice(1)) || names.has(w) || w.length < 2 || /-(?:och|eller|samt|till)$/u.test(w)) continue;
        if (known(w) || (w.includes('-') && w.split('-').every(known))) continue;
        // Each place once; a word misspelt the same way many times is reported at each place.
        const place = locate(lines, t.position, w, after.get(w), true);
        after.set(w, { line: place.end.line, column: place.end.column });
        const suggestions = suggestionsFor(speller, w);
        report({
          place,
          element: t.id,
          suggestions,
          message: {
            en: `"${w}" is not in the Swedish dictionary or the project's word list${suggestions.length ? ` (did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?)` : ''}`,
            sv: `"${w}" finns inte i den svenska ordlistan eller projektets ordlista${suggestions.length ? ` (menade du ${suggestions.map((s) => `"${s}"`).join(', ')}?)` : ''}`,
          },
        });
      }
    }
  },
};
