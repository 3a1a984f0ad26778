import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse/index.js';
import { coverage } from '../src/coverage.js';

const TEXT_AGREEMENT = `Överenskommelse om samverkan

mellan Region Exempel, Kommunen och civilsamhället

Bakgrund

Parterna vill samverka.

Vision

Ett län där alla får plats.

Syfte

Överenskommelsen syftar till samverkan.

Mål

- Stärka dialogen.
- Öka kunskapen.

En utveckling av målens innebörd;

Stärka dialogen

Dialogen ska bli bättre.

Våra principer

1. Dialog

Dialog är grunden.

ÅTAGANDEN

- Parterna ska mötas.
- Parterna ska lyssna.

2. Kvalitet

Kvalitet är viktigt.

ÅTAGANDEN

- Parterna ska följa upp.

Stödstruktur

Ledningsgrupp

Ledningsgruppen består av 6 ledamöter och 2 ersättare.

Nätverk för samverkan

Nätverket består av 15 representanter.

Utvecklingsområden

- Dialog
- Kunskap
`;

const textModel = await parse(TEXT_AGREEMENT, { path: 'exempel.txt' });

describe('recognising a plain-text agreement', () => {
  const model = textModel;

  it('reads title and parties from the title block', () => {
    expect(model.meta.title).toBe('Överenskommelse om samverkan');
    expect(model.meta.parties).toEqual(['Region Exempel', 'Kommunen', 'civilsamhället']);
  });

  it('reads vision, purpose, goals and their elaboration', () => {
    expect(model.vision?.text).toBe('Ett län där alla får plats.');
    expect(model.purpose?.text).toBe('Överenskommelsen syftar till samverkan.');
    expect(model.goals.map((g) => g.text)).toEqual(['Stärka dialogen.', 'Öka kunskapen.']);
    expect(model.goals[0]?.elaboration?.paragraphs.map((p) => p.type === 'paragraph' && p.text)).toEqual(['Dialogen ska bli bättre.']);
    expect(model.goals[1]?.elaboration).toBeUndefined();
  });

  it('reads numbered principles with their commitments and stable ids', () => {
    expect(model.principles.map((p) => [p.id, p.title, p.commitments.length])).toEqual([
      ['principle-1', 'Dialog', 2],
      ['principle-2', 'Kvalitet', 1],
    ]);
    expect(model.principles[0]?.commitments[1]).toMatchObject({ id: 'principle-1/commitment-2', text: 'Parterna ska lyssna.' });
    expect(model.principles[0]?.commitments[1]?.position.start).toEqual({ line: 37, column: 1 });
  });

  it('reads bodies with kind and stated composition, and list-item development areas', () => {
    expect(model.bodies.map((b) => [b.id, b.kind, b.composition?.text])).toEqual([
      ['body/ledningsgrupp', 'ledningsgrupp', '6 ledamöter och 2 ersättare'],
      ['body/natverk-for-samverkan', 'natverk', '15 representanter'],
    ]);
    expect(model.bodies[0]?.composition?.parts).toEqual([
      { count: 6, unit: 'ledamöter' },
      { count: 2, unit: 'ersättare' },
    ]);
    expect(model.developmentAreas.map((a) => a.title)).toEqual(['Dialog', 'Kunskap']);
  });

  it('keeps the rest in generic sections, with refs where typed elements stood', () => {
    const ids = model.sections.map((n) => (n.type === 'ref' ? `->${n.target}` : n.type === 'section' ? n.id : n.type));
    expect(ids).toEqual([
      'section/overenskommelse-om-samverkan',
      'section/bakgrund',
      '->vision',
      '->purpose',
      'section/mal',
      'section/vara-principer',
      'section/stodstruktur',
      'section/utvecklingsomraden',
    ]);
    expect(model.warnings).toEqual([]);
    expect(coverage(TEXT_AGREEMENT, model).percent).toBe(100);
  });
});

const md = `---
title: Exempel
---
# Överenskommelse

## Samverkansområden

Inledande text.

### Figur 1: Inriktningar

- En sammanhållen region

#### Område ett

Beskrivning.

- Punkt A
- Punkt B

### Område två

- Punkt C

## Organisation för samverkan

### *Delegationen för hälsa (DH)*

Delegationen utgörs av X ledamöter.

### **Figur 2: Organisationen**

*Bildtext.*

## Avslutning

Slut.
`;
const mdModel = await parse(md, { path: 'exempel.md' });

describe('recognising Markdown', () => {
  const model = mdModel;

  it('takes areas from sub-headings, skipping figures', () => {
    expect(model.developmentAreas.map((a) => [a.title, a.items.map((i) => i.text)])).toEqual([
      ['Område ett', ['Punkt A', 'Punkt B']],
      ['Område två', ['Punkt C']],
    ]);
  });

  it('takes bodies from sub-headings, with abbreviation and placeholder composition', () => {
    expect(model.bodies).toHaveLength(1);
    expect(model.bodies[0]).toMatchObject({ id: 'body/dh', name: 'Delegationen för hälsa', abbreviation: 'DH', kind: 'delegation' });
    expect(model.bodies[0]?.composition).toEqual({ text: 'X ledamöter', parts: [{ count: null, placeholder: 'X', unit: 'ledamöter' }] });
  });

  it('invents nothing: no principles, no vision, no goals', () => {
    expect(model.principles).toEqual([]);
    expect(model.vision).toBeNull();
    expect(model.goals).toEqual([]);
  });

  it('keeps front matter and covers every word', () => {
    expect(model.meta.frontMatter).toBe('title: Exempel');
    expect(coverage(md, model)).toMatchObject({ percent: 100, missing: [], extra: [] });
  });
});

describe('PDF layout shapes', () => {
  it('splits a goal elaboration heading glued to its paragraph (over two lines)', async () => {
    const text = 'Mål\n\n- Stärka samspelet med lokalsamhälle och omvärld.\n\nEn utveckling av målens innebörd;\n\nStärka samspelet med\nlokalsamhälle och omvärld\nI en utvecklad samverkan tas värdena tillvara.\n';
    const model = await parse(text, { format: 'pdf-text' });
    const e = model.goals[0]?.elaboration;
    expect(e?.heading.text).toBe('Stärka samspelet med\nlokalsamhälle och omvärld');
    expect(e?.heading.position).toMatchObject({ start: { line: 7 }, end: { line: 8 } });
    expect(e?.paragraphs.map((p) => ('text' in p ? p.text : ''))).toEqual(['I en utvecklad samverkan tas värdena tillvara.']);
    expect(coverage(text, model).percent).toBe(100);
  });
});

describe('shapes the profile does not know', () => {
  it('keeps every word in generic sections and says so', async () => {
    const text = 'Protokoll\n\nMötet öppnades.\n\nBeslut\n\n- Att godkänna dagordningen.\n';
    const model = await parse(text);
    expect(model.warnings.map((w) => w.ruleId)).toEqual(['unknown-shape']);
    expect(coverage(text, model).percent).toBe(100);
  });

  it('warns about commitments outside a principle and keeps them', async () => {
    const text = 'Inledning\n\nText.\n\nÅTAGANDEN\n\n- Något lovat.\n';
    const model = await parse(text);
    expect(model.warnings.map((w) => [w.ruleId, w.place.start.line])).toContainEqual(['untyped-commitments', 5]);
    expect(coverage(text, model).percent).toBe(100);
  });

  it('warns about a goals heading without goals', async () => {
    const model = await parse('Titel\n\nMål\n\nVi vill mycket.\n');
    expect(model.goals).toEqual([]);
    expect(model.warnings.map((w) => [w.ruleId, w.place.start.line])).toEqual([['unknown-shape', 1], ['untyped-goals', 3]]); // in source order
  });

  it('does not read numbered headings as principles without a principles heading or commitments', async () => {
    const model = await parse('# Rapport\n\n## 1. Bakgrund\n\nText.\n\n## 2. Analys\n\nMer text.\n', { path: 'r.md' });
    expect(model.principles).toEqual([]);
  });

  it('orders principles by number and warns about duplicates', async () => {
    const text = 'Principer\n\n2. Två\n\nÅTAGANDEN\n\n- B.\n\n1. Ett\n\nÅTAGANDEN\n\n- A.\n\n1. Ett igen\n\nÅTAGANDEN\n\n- C.\n';
    const model = await parse(text);
    expect(model.principles.map((p) => p.id)).toEqual(['principle-1', 'principle-1-2', 'principle-2']);
    expect(model.warnings.map((w) => w.ruleId)).toEqual(['duplicate-principle']);
  });
});

describe('commitments by party', () => {
  it('reads "X åtar sig:" with "att ..." items, and "X förbinder sig att:", as each party\'s commitments', async () => {
    const text = 'Lokal överenskommelse\n\nKommunen åtar sig:\n\n- att bjuda in till en årlig dialogkonferens\n- att informera om överenskommelsen\n\nFöreningarna förbinder sig att:\n\n- verka för öppenhet\n';
    const model = await parse(text, { path: 'x.txt' });
    expect(model.partyCommitments.map((g) => [g.party, g.commitments.map((c) => c.text)])).toEqual([
      ['Kommunen', ['att bjuda in till en årlig dialogkonferens', 'att informera om överenskommelsen']],
      ['Föreningarna', ['verka för öppenhet']],
    ]);
    const c = coverage(text, model);
    expect({ missing: c.missing, extra: c.extra }).toEqual({ missing: [], extra: [] });
  });

  it('takes no sentence that merely mentions a commitment as a lead-in', async () => {
    const model = await parse('Avtal\n\nKommunen åtar sig att bjuda in föreningarna varje år.\n\n- en punkt\n', { path: 'x.txt' });
    expect(model.partyCommitments).toEqual([]);
  });
});

