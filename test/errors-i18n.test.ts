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

  it('picks the language from --lang, then LC_ALL, LC_MESSAGES, LANG', () => {
    expect(resolveLang('sv', {})).toBe('sv');
    expect(resolveLang(undefined, { LANG: 'sv_SE.UTF-8' })).toBe('sv');
    expect(resolveLang(undefined, { LANG: 'sv_SE.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(resolveLang(undefined, { LC_MESSAGES: 'sv_FI' })).toBe('sv');
    expect(resolveLang(undefined, {})).toBe('en');
  });
});
