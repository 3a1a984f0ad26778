/**
 * The Swedish word list, used to decide whether a split or hyphenated word in
 * PDF-extracted text should be joined, whether a change is a spelling fix, and
 * by the check's spelling rule. Hunspell (compiled to WebAssembly by
 * hunspell-asm) with the LibreOffice Swedish dictionary from dictionary-sv:
 * it understands Swedish compounding and inflection, which a plain word list
 * (or nspell, which accepts every word with this dictionary) does not.
 *
 * Building the speller reads the whole word list (about 0.3 s), so it is built
 * only when a word is asked that no earlier run asked: the answers are kept
 * between runs (src/spell-cache.ts).
 */
import { createHash } from 'node:crypto';
import type { Hunspell } from 'hunspell-asm';
import { AnswerCache } from './spell-cache.js';
import { phase } from './phases.js';

export interface Speller {
  /** True when the word is Swedish as the dictionary knows it (case as written). */
  isWord(word: string): boolean;
  /** Hunspell's suggestions for a word it does not know, best first (empty for a known word). */
  suggest(word: string): string[];
}

/**
 * How long the WebAssembly runtime may take to start. The runtime's own limit
 * (3 s) passes while the process is busy parsing a large document, and the
 * speller then fails to load although nothing is wrong.
 */
const RUNTIME_TIMEOUT_MS = 10 * 60_000;

let loading: Promise<Speller> | null = null;
let answers: AnswerCache | null = null;

/** Load the Swedish dictionary once per process; the speller itself is built at the first word no run has asked before. */
export function loadSwedishSpeller(): Promise<Speller> {
  loading ??= (async () => {
    const [{ default: dictionary }, { loadModule }] = await Promise.all([import('dictionary-sv'), import('hunspell-asm')]);
    const factory = await loadModule({ timeout: RUNTIME_TIMEOUT_MS });
    const cache = AnswerCache.forDictionary(createHash('sha1').update(dictionary.aff).update(dictionary.dic).digest('hex'));
    answers = cache;
    // At the end of the process; a worker thread also saves after each task (saveSpellerAnswers), since a pool may end it without an exit event.
    process.once('exit', () => cache.save());
    let engine: Hunspell | undefined;
    const hunspell = () => (engine ??= factory.create(factory.mountBuffer(dictionary.aff, 'sv.aff'), factory.mountBuffer(dictionary.dic, 'sv.dic')));
    return {
      isWord(word: string): boolean {
        let known = cache.get(word);
        if (known === undefined) {
          known = phase('spell', () => hunspell().spell(word));
          cache.set(word, known);
        }
        return known;
      },
      suggest(word: string): string[] {
        return hunspell().suggest(word);
      },
    };
  })();
  return loading;
}

/**
 * Keep the answers this process learnt, at most every 2 s: worker threads call
 * it after each task (the main thread's also saves at exit).
 */
export function saveSpellerAnswers(): void {
  answers?.saveIfDue(2000);
}
