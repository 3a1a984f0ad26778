/** The report view on small hand-written documents. */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse/index.js';
import { coverage } from '../src/coverage.js';

const REPORT = `Rapport om dialogprocessen

Bakgrund

Processen har pågått länge.

En tidsaxel kan se ut så här:

- Förfas inleds. Parter identifieras.
- Samlingsfas. Parterna samlas.
- Formuleringsfas. Texten skrivs.

Modell

- -21 jan Första mötet
- -21 maj-juni remiss

Förfas

- -22 Beslut i styrelsen

Signering

Överenskommelsen bygger på tre principer om samverkan:

- Dialog
- Mångfald
- Öppenhet

Styrkor

Engagemanget är stort.

Hot

Tiden är kort.
`;

describe('a process report', async () => {
  const model = await parse(REPORT, { path: 'rapport.txt' });
  const report = model.report!;

  it('finds the phases a list names, with their descriptions', () => {
    expect(report.phases.map((p) => [p.name, p.description, p.from])).toEqual([
      ['Förfas', 'inleds. Parter identifieras.', 'list'],
      ['Samlingsfas', 'Parterna samlas.', 'list'],
      ['Formuleringsfas', 'Texten skrivs.', 'list'],
      ['Signering', null, 'diagram'],
    ]);
  });

  it('puts dated events under the label that follows their column', () => {
    expect(report.events.map((e) => [e.when, e.years, e.text, e.phase])).toEqual([
      ['-21 jan', [2021], 'Första mötet', 'phase/forfas'],
      ['-21 maj-juni', [2021], 'remiss', 'phase/forfas'],
      ['-22', [2022], 'Beslut i styrelsen', 'phase/signering'],
    ]);
  });

  it('finds listed principles and the assessment sections', () => {
    expect(report.listedPrinciples.map((l) => [l.leadIn, l.items])).toEqual([['Överenskommelsen bygger på tre principer om samverkan:', ['Dialog', 'Mångfald', 'Öppenhet']]]);
    expect(report.assessment.map((a) => a.kind)).toEqual(['strengths', 'threats']);
  });

  it('is not warned about for lacking agreement structure', () => {
    expect(model.warnings.map((w) => w.ruleId)).not.toContain('unknown-shape');
  });

  it('is a view: every word stays in sections once', () => {
    expect(coverage(REPORT, model)).toMatchObject({ percent: 100, missing: [], extra: [] });
  });
});

describe('an agreement', () => {
  it('has no report', async () => {
    const model = await parse('Överenskommelse\n\nVision\n\nEtt bra län.\n\nPrinciper\n\n1. Dialog\n\nÅTAGANDEN\n\n- Att lyssna.\n');
    expect(model.report).toBeNull();
  });
});
