/**
 * The speller's answers kept between runs (src/spell-cache.ts): the output is
 * the same with the cache cold, warm, broken or off, and a warm cache spares
 * building the speller (the run's phases show no spelling work).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswerCache, cacheFolder } from '../src/spell-cache.js';
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

