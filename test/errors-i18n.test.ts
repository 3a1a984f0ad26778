import { describe, expect, it } from 'vitest';
import { OverensError } from '../src/errors.js';
import { catalogsForTest, messageKeys, resolveLang, t } from '../src/i18n.js';

const fsError = (code: string) => Object.assign(new Error(code), { code });

describe('OverensError.fromFs', () => {
  it.each([
    ['ENOENT', 'fileNotFound'],
    ['EACCES', 'fileNoPermission'],
    ['EPERM', 'fileNoPermission'],
    ['EISDIR', 'fileIsDirectory'],
  ])('maps %s to %s', (code, key) => {
    const e = OverensError.fromFs(fsError(code), 'a.txt');
    expect(e.key).toBe(key);
    expect(e.params).toEqual({ file: 'a.txt' });
  });

  it('rethrows errors that are not the user’s doing', () => {
    expect(() => OverensError.fromFs(fsError('EIO'), 'a.txt')).toThrowError('EIO');
  });
});

describe('the message catalog', () => {
  it('has every key in both languages, with the same parameters', () => {
    for (const key of messageKeys) {
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(catalogsForTest.sv[key], key).toBeTruthy();
      expect(params(catalogsForTest.sv[key]), key).toEqual(params(catalogsForTest.en[key]));
    }
  });

  it('fills parameters', () => {
    expect(t('sv', 'fileNotFound', { file: 'x.md' })).toBe('x.md: filen finns inte');
  });

  it('agrees a word with its number, in both languages', () => {
    const done = (lang: 'en' | 'sv', n: number) => t(lang, 'buildDone', { out: 'site', seconds: '1.0', ran: n, threads: n, upToDate: n, written: n, removed: n });
    expect(done('en', 1)).toBe('Built site in 1.0 s: 1 job on 1 thread, 1 up to date; 1 file written, 1 removed.');
    expect(done('en', 2)).toBe('Built site in 1.0 s: 2 jobs on 2 threads, 2 up to date; 2 files written, 2 removed.');
    expect(done('sv', 1)).toBe('Byggde site på 1.0 s: 1 jobb på 1 tråd, 1 redan aktuellt; 1 fil skriven, 1 borttagen.');
    expect(done('sv', 0)).toBe('Byggde site på 1.0 s: 0 jobb på 0 trådar, 0 redan aktuella; 0 filer skrivna, 0 borttagna.');
  });

  it('names in a plural form only parameters the message is given', () => {
    for (const lang of ['en', 'sv'] as const) {
      for (const key of messageKeys) {
        const text = catalogsForTest[lang][key];
        const named = new Set([...catalogsForTest.en[key].matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
        for (const m of text.matchAll(/\{(\w+)\|/g)) expect(named.has(m[1]), `${lang} ${key}: ${m[1]}`).toBe(true);
      }
    }
  });

  it('picks the language from --lang, then LC_ALL, LC_MESSAGES, LANG', () => {
    expect(resolveLang('sv', {})).toBe('sv');
    expect(resolveLang(undefined, { LANG: 'sv_SE.UTF-8' })).toBe('sv');
    expect(resolveLang(undefined, { LANG: 'sv_SE.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(resolveLang(undefined, { LC_MESSAGES: 'sv_FI' })).toBe('sv');
    expect(resolveLang(undefined, {})).toBe('en');
  });
});

describe('OverensError in a program', () => {
  it('has the sentence a user reads as its message, in the locale language, with the key and parameters as fields', async () => {
    const saved = { LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES, LANG: process.env.LANG };
    try {
      Object.assign(process.env, { LC_ALL: '', LC_MESSAGES: '', LANG: 'C' });
      const e = new OverensError('fileNotFound', { file: '/nonexist.md' });
      expect(e.message).toBe('/nonexist.md: no such file');
      expect([e.key, e.params]).toEqual(['fileNotFound', { file: '/nonexist.md' }]);
      expect(e.messageIn('sv')).toMatch(/^\/nonexist\.md: /u);
      expect(e.messageIn('sv')).not.toBe(e.message);
      process.env.LANG = 'sv_SE.UTF-8';
      expect(new OverensError('fileNotFound', { file: '/nonexist.md' }).message).toBe(e.messageIn('sv'));
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it('coverage says how to call it when given only a model', async () => {
    const { coverage } = await import('../src/coverage.js');
    const { parse } = await import('../src/parse/index.js');
    const model = await parse('# A\n\nText.\n', { format: 'markdown' });
    expect(() => (coverage as unknown as (m: unknown) => unknown)(model)).toThrow(/coverage\(sourceText, model\): give the source text/u);
    expect(coverage('# A\n\nText.\n', model).percent).toBe(100);
  });
});
