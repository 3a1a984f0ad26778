/**
 * The speller's answers kept between runs (src/spell-cache.ts): the output is
 * the same with the cache cold, warm, broken or off, and a warm cache spares
 * building the speller (the run's phases show no spelling work, and
 * hunspell-asm is not even loaded). The speller built on demand, synchronously,
 * answers as hunspell-asm's own asynchronous loader does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswerCache, cacheFolder } from '../src/spell-cache.js';
import { loadSwedishSpeller } from '../src/spell.js';
import { cli } from './helpers/cli.js';
import { ROOT } from './helpers/seeds.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'overens-spell-'));
const DRAFT = join(ROOT, 'agreements/norrbotten/samverkan-civilsamhallet/norrbotten-word-draft.txt');
const PROOF = join(ROOT, 'agreements/norrbotten/samverkan-civilsamhallet/norrbotten-layout-proof.pdf.txt');

describe('where the answers are kept', () => {
  it('OVERENS_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache; OVERENS_CACHE=off keeps none', () => {
    expect(cacheFolder({ OVERENS_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/c');
    expect(cacheFolder({ XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/x/overens');
    expect(cacheFolder({ HOME: '/h' })).toBe('/h/.cache/overens');
    expect(cacheFolder({ OVERENS_CACHE: 'off', OVERENS_CACHE_DIR: '/c' })).toBeNull();
  });
});

describe('AnswerCache', () => {
  it('keeps answers across instances, merged with what another run kept meanwhile', () => {
    const file = join(fresh(), 'sub', 'spell.json');
    const a = new AnswerCache(file);
    const b = new AnswerCache(file);
    a.set('samverkan', true);
    b.set('samverkn', false);
    a.save();
    b.save();
    const c = new AnswerCache(file);
    expect([c.get('samverkan'), c.get('samverkn'), c.get('annat')]).toEqual([true, false, undefined]);
  });

  it("keeps hunspell's suggestions too, merged; a file from before they were kept still gives its answers", () => {
    const file = join(fresh(), 'spell.json');
    const a = new AnswerCache(file);
    const b = new AnswerCache(file);
    a.setSuggestions('samverkn', ['samverkan', 'samverka']);
    b.setSuggestions('kvalitét', ['kvalitet']);
    b.set('kvalitét', false);
    a.save();
    b.save();
    const c = new AnswerCache(file);
    expect([c.suggestions('samverkn'), c.suggestions('kvalitét'), c.suggestions('annat'), c.get('kvalitét')]).toEqual([['samverkan', 'samverka'], ['kvalitet'], undefined, false]);
    // Without suggestions, or with a broken entry among them: the rest is read.
    writeFileSync(file, JSON.stringify({ format: 'overens-spell', version: 1, known: ['ord'], unknown: ['ordd'], suggested: { ordd: ['ord'], trasig: 'ord', blandad: ['ok', 7] } }));
    const d = new AnswerCache(file);
    expect([d.get('ord'), d.get('ordd'), d.suggestions('ordd'), d.suggestions('trasig'), d.suggestions('blandad')]).toEqual([true, false, ['ord'], undefined, undefined]);
    writeFileSync(file, JSON.stringify({ format: 'overens-spell', version: 1, known: ['ord'], unknown: [] }));
    expect(new AnswerCache(file).get('ord')).toBe(true);
  });

  it('a file that is not ours, or cannot be written, is no cache, never an error', () => {
    const dir = fresh();
    const file = join(dir, 'spell.json');
    writeFileSync(file, '{"format":"something-else","known":["x"]}');
    expect(new AnswerCache(file).get('x')).toBeUndefined();
    writeFileSync(file, 'not json');
    const broken = new AnswerCache(file);
    broken.set('ord', true);
    expect(() => broken.save()).not.toThrow();
    expect(new AnswerCache(file).get('ord')).toBe(true);
    // A file where the folder should be (root may write anywhere, so not a read-only folder): the save fails, quietly.
    const locked = join(dir, 'locked');
    writeFileSync(locked, '');
    const cache = new AnswerCache(join(locked, 'spell.json'));
    cache.set('ord', true);
    expect(() => cache.save()).not.toThrow();
    expect(cache.get('ord')).toBe(true);
  });
});

describe('a diff with the cache cold, warm, broken and off', () => {
  it('gives the same bytes, and a warm cache builds no speller', () => {
    const cacheDir = fresh();
    const run = (env: NodeJS.ProcessEnv) => {
      const phases = join(fresh(), 'phases.json');
      const r = cli(['diff', DRAFT, PROOF, '-f', 'json'], { env: { ...env, OVERENS_PHASES: phases } });
      expect(r.code).toBe(0);
      return { out: r.stdout, phases: JSON.parse(readFileSync(phases, 'utf8')) as Record<string, number> };
    };
    const cold = run({ OVERENS_CACHE_DIR: cacheDir });
    expect(cold.phases.spell).toBeGreaterThan(0);
    const [file] = readdirSync(cacheDir);
    expect(file).toMatch(/^spell-sv-[0-9a-f]{16}\.json$/u);
    const warm = run({ OVERENS_CACHE_DIR: cacheDir });
    expect(warm.phases.spell).toBeUndefined();
    expect(warm.out).toBe(cold.out);
    writeFileSync(join(cacheDir, file!), '{"format":"overens-spell","version":1,"known":7}');
    expect(run({ OVERENS_CACHE_DIR: cacheDir }).out).toBe(cold.out);
    const off = fresh();
    expect(run({ OVERENS_CACHE: 'off', OVERENS_CACHE_DIR: off }).out).toBe(cold.out);
    expect(readdirSync(off)).toEqual([]);
  });

  it('every phase of the run is named, and their times are numbers', () => {
    const phases = join(fresh(), 'phases.json');
    expect(cli(['diff', DRAFT, PROOF, '-f', 'json'], { env: { OVERENS_PHASES: phases, OVERENS_CACHE: 'off' } }).code).toBe(0);
    const ms = JSON.parse(readFileSync(phases, 'utf8')) as Record<string, number>;
    for (const name of ['read', 'normalise', 'segment', 'recognise', 'align', 'word diff', 'format', 'other']) expect(ms[name], name).toBeGreaterThanOrEqual(0);
    expect(existsSync(phases)).toBe(true);
  });
});

describe('hunspell, loaded only for a word no run has asked', () => {
  /** The modules a diff of the draft against its proof loads, with the cache in `cacheDir`. */
  const loads = (cacheDir: string) => {
    const record = join(fresh(), 'loads.txt');
    const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test/helpers/record-loads.mjs'), join(ROOT, 'bin/overens.js'), 'diff', DRAFT, PROOF, '-f', 'stat'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', OVERENS_CACHE_DIR: cacheDir, OVERENS_RECORD_LOADS: record },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return readFileSync(record, 'utf8').trim().split('\n');
  };

  it('a cold cache builds it; a warm one loads neither hunspell-asm nor the dictionary', () => {
    const cacheDir = fresh();
    const hunspell = (list: string[]) => list.filter((u) => /\/node_modules\/(?:hunspell-asm|emscripten-wasm-loader|dictionary-sv)\//u.test(u));
    expect(hunspell(loads(cacheDir))).toContainEqual(expect.stringMatching(/hunspell-asm\/dist\/cjs\/lib\/node\/hunspell\.js$/u));
    expect(hunspell(loads(cacheDir))).toEqual([]);
  });

  it("a check whose misspellings were suggested before loads no hunspell, and reports the same", () => {
    const cacheDir = fresh();
    const check = () => {
      const record = join(fresh(), 'loads.txt');
      const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test/helpers/record-loads.mjs'), join(ROOT, 'bin/overens.js'), 'check', DRAFT, '-f', 'json'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', OVERENS_CACHE_DIR: cacheDir, OVERENS_RECORD_LOADS: record },
        encoding: 'utf8',
      });
      // Warnings only: exit 0.
      expect(r.status).toBe(0);
      return { out: r.stdout, hunspell: readFileSync(record, 'utf8').split('\n').filter((u) => u.includes('/node_modules/hunspell-asm/')) };
    };
    const cold = check();
    // Not vacuous: the draft has misspellings, reported with suggestions.
    const findings = (JSON.parse(cold.out) as { findings: Array<{ ruleId: string; suggestions?: string[] }> }).findings;
    expect(findings.filter((f) => f.ruleId === 'spelling' && (f.suggestions ?? []).length > 0).length).toBeGreaterThan(2);
    expect(cold.hunspell).not.toEqual([]);
    const warm = check();
    expect(warm.hunspell).toEqual([]);
    expect(warm.out).toBe(cold.out);
  });

  it('answers as hunspell-asm built by its own loader, words and suggestions', async () => {
    const [{ loadModule }, { default: dictionary }] = await Promise.all([import('hunspell-asm'), import('dictionary-sv')]);
    const factory = await loadModule({ timeout: 600_000 });
    const reference = factory.create(factory.mountBuffer(dictionary.aff, 'ref.aff'), factory.mountBuffer(dictionary.dic, 'ref.dic'));
    // Nothing kept: every word goes to the speller built on demand.
    const before = process.env.OVERENS_CACHE;
    process.env.OVERENS_CACHE = 'off';
    const speller = await loadSwedishSpeller();
    if (before === undefined) delete process.env.OVERENS_CACHE;
    else process.env.OVERENS_CACHE = before;
    const words = ['samverkan', 'Samverkan', 'samverkn', 'civilsamhället', 'civilsamhällets', 'idéburna', 'Idéburna', 'överenskommelsen', 'utvecklingsprocesser', 'utvecklings', 'beslutsprocessen', 'jämbördig', 'länsstyrelsen', 'Länsstyrelsen', 'Norrbotten', 'EU-medel', 'hälso-', '2023', 'och', 'xyzzy', 'kvalitet', 'kvalitét', 'Regionfullmäktige'];
    expect(words.map((w) => speller.isWord(w))).toEqual(words.map((w) => reference.spell(w)));
    expect(words.filter((w) => speller.isWord(w)).length).toBeGreaterThan(10);
    expect(words.filter((w) => !speller.isWord(w)).length).toBeGreaterThan(2);
    for (const w of ['samverkn', 'kvalitét', 'civilsamhälet']) expect(speller.suggest(w), w).toEqual(reference.suggest(w));
    expect(speller.suggest('samverkn')).toContain('samverkan');
  });
});
