import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyHeading, loadProfile, matchBody, matchPrinciple } from '../src/parse/profile.js';
import { parse } from '../src/parse/index.js';
import { OverensError } from '../src/errors.js';

const profile = loadProfile();

describe('the heading lexicon', () => {
  it.each([
    ['Vision', 'vision'],
    ['Syfte', 'purpose'],
    ['Mål', 'goals'],
    ['ÅTAGANDEN', 'commitments'],
    ['Åtaganden', 'commitments'],
    ['Stödstruktur för överenskommelsen', 'bodiesContainer'],
    ['Stödstruktur för överenskommlsen', 'bodiesContainer'],
    ['Samverkansorganisation', 'bodiesContainer'],
    ['Förtroendepersonsorganisation', 'bodiesContainer'],
    ['Tjänstepersonsorganisation', 'bodiesContainer'],
    ['Utvecklingsområden och handlingsplan', 'areasContainer'],
    ['Samverkansområden', 'areasContainer'],
    ['Överenskommelsens sju principer', 'principlesContainer'],
    ['Figur 1: Den regionala utvecklingsstrategins inriktningar', 'figure'],
    ['Innehållsförteckning', 'toc'],
  ])('classifies %j as %s', (text, kind) => expect(classifyHeading(profile, text)).toBe(kind));

  it.each(['Ett gemensamt ansvar och åtagande', 'Målgrupper', 'Visionens bakgrund', 'Civilsamhället'])('does not classify %j', (text) =>
    expect(classifyHeading(profile, text)).toBeNull(),
  );

  it('reads principle numbers and titles as written', () => {
    expect(matchPrinciple(profile, '1. Självtändighet och oberoende')).toEqual({ number: 1, title: 'Självtändighet och oberoende' });
    expect(matchPrinciple(profile, ' 3. Långsiktighet ')).toEqual({ number: 3, title: 'Långsiktighet' });
    expect(matchPrinciple(profile, 'Princip 2: Kvalitet')).toEqual({ number: 2, title: 'Kvalitet' });
    expect(matchPrinciple(profile, 'Agenda 2030 - uppmuntrar')).toBeNull();
  });

  it('names body kinds', () => {
    expect(matchBody(profile, 'Ledningsgrupp')).toBe('ledningsgrupp');
    expect(matchBody(profile, 'Primärkommunala delegationens arbetsutskott')).toBe('delegation');
    expect(matchBody(profile, 'Kommunchefsnätverk')).toBe('natverk');
    expect(matchBody(profile, 'Mötesplatser')).toBe('motesplats');
    expect(matchBody(profile, 'Inledning')).toBeNull();
  });

  it('takes a new region wording from a YAML profile, without code changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'overens-profile-'));
    const extra = join(dir, 'extra.yaml');
    writeFileSync(extra, "vision:\n  - '^vår gemensamma framtid$'\ncommitments:\n  - '^det här lovar vi$'\n");
    const text = 'Vår gemensamma framtid\n\nEtt starkt län.\n\nVåra principer\n\n1. Dialog\n\nText.\n\nDet här lovar vi\n\n- Att lyssna.\n';
    expect((await parse(text)).vision).toBeNull();
    const model = await parse(text, { profiles: [extra] });
    expect(model.vision?.text).toBe('Ett starkt län.');
    expect(model.principles[0]?.commitments.map((c) => c.text)).toEqual(['Att lyssna.']);
  });

  it('takes more layout word lists from a YAML profile: a spelling kept apart is not joined', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'overens-profile-'));
    const extra = join(dir, 'layout.yaml');
    writeFileSync(extra, "layout:\n  keepApart: ['samverkans struktur']\n");
    const text = 'En samverkans struktur för länet.\n\nSamverkansstruktur och arbetssätt är viktiga.\n';
    const joined = await parse(text, { format: 'pdf-text' });
    const kept = await parse(text, { format: 'pdf-text', profiles: [extra] });
    expect(joined.normalisations.map((n) => n.to)).toEqual(['samverkansstruktur']);
    expect(kept.normalisations.filter((n) => n.step === 'split-word')).toEqual([]);
    // The built-in entries are still there.
    expect(loadProfile([extra]).layout.keepApart).toEqual(expect.arrayContaining(['samverkans struktur', 'i dag']));
  });

  it('refuses a layout list that is not a list of strings, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'overens-profile-'));
    const bad = join(dir, 'bad-layout.yaml');
    writeFileSync(bad, 'layout:\n  keepApart: 3\n');
    expect(() => loadProfile([bad])).toThrowError(/layout\.keepApart: expected a list of strings/u);
  });

  it('names the file and the entry of a broken profile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'overens-profile-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, "vision:\n  - '(unclosed'\n");
    expect(() => loadProfile([bad])).toThrowError(OverensError);
    try {
      loadProfile([bad]);
    } catch (error) {
      expect((error as OverensError).params).toMatchObject({ file: bad });
      expect(String((error as OverensError).params.reason)).toMatch(/^vision\[0\]/);
    }
  });
});
