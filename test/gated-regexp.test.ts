import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GatedRegExp, lexiconRegExp, mayMatch, requiredLiteral } from '../src/parse/gated-regexp.js';
import { loadProfile } from '../src/parse/profile.js';

describe('requiredLiteral', () => {
  it('takes the longest word every match must contain, from the top level only', () => {
    expect(requiredLiteral('\\ben vision\\s*[:;]\\s*(x)')).toBe('en vision');
    expect(requiredLiteral('^(\\S.{0,100}?)\\s+åtar\\s+sig\\s+(?:att|följande)\\s*:?$')).toBe('åtar');
    expect(requiredLiteral('^mål(?:et|en)? är att\\b')).toBe('är att');
  });

  it('finds none where a word is optional, inside a group or an alternative, or made of escapes', () => {
    expect(requiredLiteral('^vision$|^syfte$')).toBeNull();
    expect(requiredLiteral('^(?:vision|syfte)$')).toBeNull();
    expect(requiredLiteral('visions?')).toBe('vision');
    expect(requiredLiteral('ab?c')).toBeNull();
    expect(requiredLiteral('\\p{Lu}\\d+')).toBeNull();
    expect(requiredLiteral('[åäö]+')).toBeNull();
  });
});

describe('GatedRegExp', () => {
  it('matches exactly what the plain pattern matches, for every lexicon pattern and random Swedish text', () => {
    const profile = loadProfile();
    const sources = [
      ...profile.visionQuote,
      ...profile.sentences.vision,
      ...profile.sentences.purpose,
      ...profile.sentences.goal,
      ...profile.goalsLeadIn,
      ...profile.principlesLeadIn,
      ...profile.principleCount,
      ...profile.partyCommitments,
      ...profile.areasLeadIn,
      ...profile.bodyHeading,
    ].map((re) => re.source);
    expect(sources.filter((s) => lexiconRegExp(s) instanceof GatedRegExp).length).toBeGreaterThan(5);
    const word = fc.constantFrom('Visionen', 'vision', 'en', 'EN VISION', 'är', 'att', 'Målet', 'mål', 'överenskommelsen', 'Överenskommelsen', 'åtar', 'ÅTAR', 'sig', 'sex', 'principer', ':', ';', '"', 'Syftet', 'med', 'har', 'fyra', 'mål:', 'områden', 'prioriterade', 'Styrgruppen', '\n');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 14 }), fc.constantFrom(...sources), (words, source) => {
        const text = words.join(' ');
        expect(lexiconRegExp(source).exec(text)?.[0]).toBe(new RegExp(source, 'iu').exec(text)?.[0]);
      }),
      { numRuns: 3000 },
    );
  });

  it('gates case-insensitively, with the pattern\'s own case folding', () => {
    const re = lexiconRegExp('\\ben vision\\s*:');
    expect(re).toBeInstanceOf(GatedRegExp);
    expect(re.test('I policyn finns också EN VISION: ...')).toBe(true);
    expect(re.test('En Vision :')).toBe(true);
    expect(re.test('en visio:')).toBe(false);
  });

  it('may be asked of a text before its white space is squashed: the words of the required literal may stand on two lines', () => {
    const re = lexiconRegExp('\\ben vision\\s*:');
    expect(mayMatch(re, 'I policyn finns också en\nvision: I Örebro ...')).toBe(true);
    expect(mayMatch(re, 'I policyn finns också en\n\nannan text')).toBe(false);
    expect(mayMatch(new RegExp('x'), 'y')).toBe(true);
  });
});
