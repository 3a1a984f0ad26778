/**
 * The Swedish word list, used to decide whether a split or hyphenated word in
 * PDF-extracted text should be joined. Hunspell (compiled to WebAssembly by
 * hunspell-asm) with the LibreOffice Swedish dictionary from dictionary-sv:
 * it understands Swedish compounding and inflection, which a plain word list
 * (or nspell, which accepts every word with this dictionary) does not.
 */
import { loadModule } from 'hunspell-asm';

export interface Speller {
  /** True when the word is Swedish as the dictionary knows it (case as written). */
  isWord(word: string): boolean;
  /** Hunspell's suggestions for a word it does not know, best first (empty for a known word). */
  suggest(word: string): string[];
}

let loading: Promise<Speller> | null = null;

/** Load the Swedish dictionary once per process (about 0.3 s). */
export function loadSwedishSpeller(): Promise<Speller> {
  loading ??= (async () => {
    const [{ default: dictionary }, factory] = await Promise.all([import('dictionary-sv'), loadModule()]);
    const hunspell = factory.create(factory.mountBuffer(dictionary.aff, 'sv.aff'), factory.mountBuffer(dictionary.dic, 'sv.dic'));
    const cache = new Map<string, boolean>();
    return {
      isWord(word: string): boolean {
        let known = cache.get(word);
        if (known === undefined) {
          known = hunspell.spell(word);
          cache.set(word, known);
        }
        return known;
      },
      suggest(word: string): string[] {
        return hunspell.suggest(word);
      },
    };
  })();
  return loading;
}
