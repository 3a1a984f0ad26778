/**
 * Hunspell's answers kept between runs, one file per dictionary, so a document
 * whose words were asked before never builds the speller (building it reads
 * the 2.3 MB Swedish word list: about 0.3 s, a third of a small diff): whether
 * a word is known, and the suggestions for one that is not (the check's
 * spelling rule asks them, at 0.1-0.2 s a word).
 *
 * The file is `<cache>/spell-sv-<hash>.json`, the hash of the dictionary's and
 * hunspell-asm's versions (src/spell.ts), where `<cache>` is
 * OVERENS_CACHE_DIR, else $XDG_CACHE_HOME/overens, else ~/.cache/overens;
 * OVERENS_CACHE=off keeps nothing. The answers are the dictionary's own, so
 * output never depends on the cache. A file that cannot be read or written is
 * no cache: the run goes on without it.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { readRegularFileSync } from './read-file.js';

/** At most this many answers are kept (a few MB); past it, new answers are used but not kept. */
const MAX_ANSWERS = 400_000;
/** At most this many words' suggestions are kept (a few MB: about ten words each). */
const MAX_SUGGESTED = 50_000;
const MAX_FILE_BYTES = 32 * 1024 * 1024;

interface CacheFile {
  format: 'overens-spell';
  version: 1;
  known: string[];
  unknown: string[];
  /** Hunspell's suggestions for words it does not know, best first (a file from before they were kept has none). */
  suggested?: Record<string, string[]>;
}

/** What a cache file holds. */
interface Answers {
  known: Map<string, boolean>;
  suggested: Map<string, string[]>;
}

const noAnswers = (): Answers => ({ known: new Map(), suggested: new Map() });

/** The folder answers are kept in, or null when caching is off. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.OVERENS_CACHE === 'off') return null;
  if (env.OVERENS_CACHE_DIR) return env.OVERENS_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'overens');
  const home = env.HOME || homedir();
  return home ? join(home, '.cache', 'overens') : null;
}

function readAnswers(file: string): Answers {
  const answers = noAnswers();
  try {
    const data = JSON.parse(readRegularFileSync(file, MAX_FILE_BYTES).toString('utf8')) as CacheFile;
    if (data.format !== 'overens-spell' || data.version !== 1 || !Array.isArray(data.known) || !Array.isArray(data.unknown)) return answers;
    for (const w of data.known) if (typeof w === 'string') answers.known.set(w, true);
    for (const w of data.unknown) if (typeof w === 'string') answers.known.set(w, false);
    if (typeof data.suggested === 'object' && data.suggested !== null) {
      for (const [w, list] of Object.entries(data.suggested)) {
        if (Array.isArray(list) && list.every((x) => typeof x === 'string')) answers.suggested.set(w, list);
      }
    }
  } catch {
    // No file yet, or one that is not ours: no answers.
  }
  return answers;
}

export class AnswerCache {
  private readonly answers: Answers;
  private readonly added = noAnswers();
  private savedAt = performance.now();

  /** `file` null: answers are kept for this process only. */
  constructor(private readonly file: string | null) {
    this.answers = file ? readAnswers(file) : noAnswers();
  }

  static forDictionary(hash: string, env: NodeJS.ProcessEnv = process.env): AnswerCache {
    const folder = cacheFolder(env);
    return new AnswerCache(folder ? join(folder, `spell-sv-${hash.slice(0, 16)}.json`) : null);
  }

  get(word: string): boolean | undefined {
    return this.answers.known.get(word);
  }

  set(word: string, known: boolean): void {
    this.answers.known.set(word, known);
    if (this.file) this.added.known.set(word, known);
  }

  /** The suggestions kept for a word, if any. */
  suggestions(word: string): string[] | undefined {
    return this.answers.suggested.get(word);
  }

  setSuggestions(word: string, list: string[]): void {
    this.answers.suggested.set(word, list);
    if (this.file) this.added.suggested.set(word, list);
  }

  /** Save when the last save is at least `ms` ago (a worker saves after each task, but not the whole file every time). */
  saveIfDue(ms: number): void {
    if (performance.now() - this.savedAt >= ms) this.save();
  }

  /** Keep the new answers: merged with what another run may have kept meanwhile, written atomically. */
  save(): void {
    if (!this.file || this.added.known.size + this.added.suggested.size === 0) return;
    this.savedAt = performance.now();
    const merged = readAnswers(this.file);
    for (const [word, known] of this.added.known) {
      if (merged.known.size >= MAX_ANSWERS) break;
      merged.known.set(word, known);
    }
    for (const [word, list] of this.added.suggested) {
      if (merged.suggested.size >= MAX_SUGGESTED) break;
      merged.suggested.set(word, list);
    }
    this.added.known.clear();
    this.added.suggested.clear();
    const data: CacheFile = { format: 'overens-spell', version: 1, known: [], unknown: [], suggested: Object.fromEntries(merged.suggested) };
    for (const [word, known] of merged.known) (known ? data.known : data.unknown).push(word);
    const tmp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      writeFileSync(tmp, JSON.stringify(data), { flag: 'wx' });
      renameSync(tmp, this.file);
    } catch {
      // A cache that cannot be written is no cache (and its temporary file may not even be there).
      try {
        rmSync(tmp, { force: true });
      } catch {
        // Nothing was written.
      }
    }
  }
}
