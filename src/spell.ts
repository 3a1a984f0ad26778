/**
 * The Swedish word list, used to decide whether a split or hyphenated word in
 * PDF-extracted text should be joined, whether a change is a spelling fix, and
 * by the check's spelling rule. Hunspell (compiled to WebAssembly by
 * hunspell-asm) with the LibreOffice Swedish dictionary from dictionary-sv:
 * it understands Swedish compounding and inflection, which a plain word list
 * (or nspell, which accepts every word with this dictionary) does not.
 *
 * Building the speller reads the whole word list (about 0.3 s), so it is built
 * only when a word is asked that no earlier run asked: the answers, and the
 * suggestions for unknown words, are kept between runs (src/spell-cache.ts),
 * by the versions of the dictionary and of hunspell-asm. Until then not even
 * hunspell-asm is loaded (its runtime, with the WebAssembly inside, is a
 * 0.8 MB script: about 45 ms of every run); when it is needed, it is loaded
 * and instantiated synchronously, in the middle of whatever asked.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hunspell, HunspellFactory } from 'hunspell-asm';
import { AnswerCache } from './spell-cache.js';
import { phase } from './phases.js';

export interface Speller {
  /** True when the word is Swedish as the dictionary knows it (case as written). */
  isWord(word: string): boolean;
  /** Hunspell's suggestions for a word it does not know, best first (empty for a known word). */
  suggest(word: string): string[];
}

const require = createRequire(import.meta.url);

/** The folder of the dictionary package (its main file, index.js, stands at its top). */
const dictionaryFolder = () => dirname(require.resolve('dictionary-sv'));

/** What the answers depend on: the dictionary's and hunspell-asm's versions. */
function answersKey(): string {
  const version = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  const key = `dictionary-sv@${version(join(dictionaryFolder(), 'package.json'))} hunspell-asm@${version(require.resolve('hunspell-asm/package.json'))}`;
  return createHash('sha1').update(key).digest('hex');
}

/** The WebAssembly runtime hunspell-asm builds with emscripten (MODULARIZE=1, the binary inside as a data: URL). */
type Runtime = (overrides: {
  instantiateWasm: (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) => WebAssembly.Exports;
  onRuntimeInitialized: () => void;
}) => object;
const RUNTIME = 'hunspell-asm/dist/cjs/lib/node/hunspell.js';

/**
 * Hunspell with the Swedish dictionary, built synchronously. hunspell-asm's own
 * `loadModule` compiles its WebAssembly asynchronously, which a word asked in
 * the middle of a layout step cannot wait for; its runtime takes the instance
 * from `instantiateWasm` instead, made here with the synchronous
 * `WebAssembly.Module` (Node allows it at any size), and `hunspellLoader` makes
 * the same factory `loadModule` would.
 */
function buildHunspell(): Hunspell {
  const runtime = require(RUNTIME) as Runtime;
  const { hunspellLoader } = require('hunspell-asm/dist/cjs/hunspellLoader.js') as { hunspellLoader: (module: object) => HunspellFactory };
  const binary = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/u.exec(readFileSync(require.resolve(RUNTIME), 'utf8'))?.[1];
  if (binary === undefined) throw new Error(`${RUNTIME}: no WebAssembly binary inside`);
  let initialised = false;
  const module = runtime({
    instantiateWasm: (imports, receive) => {
      const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(binary, 'base64')), imports);
      receive(instance);
      return instance.exports;
    },
    onRuntimeInitialized: () => {
      initialised = true;
    },
  });
  if (!initialised) throw new Error(`${RUNTIME}: the runtime did not start`);
  const factory = hunspellLoader(module);
  const folder = dictionaryFolder();
  return factory.create(factory.mountBuffer(readFileSync(join(folder, 'index.aff')), 'sv.aff'), factory.mountBuffer(readFileSync(join(folder, 'index.dic')), 'sv.dic'));
}

let loading: Promise<Speller> | null = null;
let answers: AnswerCache | null = null;

/** The speller, once per process: the answers kept are read now, Hunspell is built at the first word no run has asked before. */
export function loadSwedishSpeller(): Promise<Speller> {
  loading ??= (async () => {
    const cache = AnswerCache.forDictionary(answersKey());
    answers = cache;
    // At the end of the process; a worker thread also saves after each task (saveSpellerAnswers), since a pool may end it without an exit event.
    process.once('exit', () => cache.save());
    let engine: Hunspell | undefined;
    const hunspell = () => (engine ??= phase('spell', buildHunspell));
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
        let list = cache.suggestions(word);
        if (list === undefined) {
          list = phase('spell', () => hunspell().suggest(word));
          cache.setSuggestions(word, list);
        }
        return list;
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
