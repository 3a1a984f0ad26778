/**
 * The acceptance checks on the real seed documents in agreements/.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile, parseFileWithSource } from '../src/parse/index.js';
import { coverage } from '../src/coverage.js';
import { outline } from '../src/outline.js';
import { agreementFiles, ROOT, SEED } from './helpers/seeds.js';

describe('the Norrbotten Word draft', async () => {
  const model = await parseFile(join(ROOT, SEED.norrbottenDraft));

  it('has the vision and the purpose sentence', () => {
    expect(model.vision?.text).toBe('Tillsammans för ett livskraftigt Norrbotten.');
    expect(model.purpose?.text).toBe(
      'Överenskommelsen syftar till att skapa en mer formaliserad samverkan mellan Region Norrbotten, Länsstyrelsen Norrbotten och civilsamhället på regional nivå i Norrbotten.',
    );
  });

  it('has three goals, each with its elaboration', () => {
    expect(model.goals.map((g) => g.text.slice(0, 20))).toEqual(['Skapa en jämbördig d', 'Stärka civilsamhälle', 'Förbättra och öka sa']);
    for (const goal of model.goals) {
      expect(goal.elaboration?.paragraphs.length).toBe(1);
      expect(goal.elaboration?.heading.text.replace(/\.$/, '')).toBe(goal.text.replace(/\.$/, ''));
    }
    expect(model.goals[1]?.elaboration?.paragraphs[0]).toMatchObject({ text: expect.stringMatching(/^Civilsamhället med dess unika roller/) });
  });

  it('has seven principles titled as in the text, with 4, 4, 5, 4, 1, 3, 2 åtaganden', () => {
    expect(model.principles.map((p) => p.title)).toEqual([
      'Självtändighet och oberoende',
      'Kvalitet',
      'Långsiktighet',
      'Dialog',
      'Öppenhet och insyn',
      'Mångfald',
      'Innovation',
    ]);
    expect(model.principles.map((p) => p.commitments.length)).toEqual([4, 4, 5, 4, 1, 3, 2]);
    expect(model.principles.map((p) => p.id)).toEqual(['principle-1', 'principle-2', 'principle-3', 'principle-4', 'principle-5', 'principle-6', 'principle-7']);
    expect(model.principles[4]?.commitments[0]?.text).toMatch(/^Parterna ska var och en verka för öppen och tillgänglig information/);
  });

  it('has the bodies and the seven development areas', () => {
    expect(model.bodies.map((b) => [b.name, b.kind])).toEqual([
      ['Ledningsgrupp', 'ledningsgrupp'],
      ['Utvecklingsgrupp', 'utvecklingsgrupp'],
      ['Mötesplatser', 'motesplats'],
    ]);
    expect(model.developmentAreas.map((a) => a.title)).toEqual([
      'Överenskommelseprocessen',
      'Skapa, stärka dialog, mötesplatser',
      'Öka kunskap',
      'Information, kommunikation',
      'Intern förankring hos parterna',
      'Samverkansstruktur och arbetssätt',
      'Främja utveckling (tänka nytt, teman, kris, lokalsamhälle och omvärld)',
    ]);
  });

  it('takes meta from the text and the manifest', () => {
    expect(model.meta).toMatchObject({
      id: 'norrbotten-civilsamhalle',
      title: 'Regional överenskommelse om samverkan',
      region: 'Norrbotten',
      revision: { label: 'word-draft', status: 'draft' },
      source: { format: 'text' },
    });
    expect(model.meta.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(model.warnings).toEqual([]);
  });
});

describe('the Norrbotten layout proof (PDF-extracted text) against the Word draft', async () => {
  const draft = await parseFile(join(ROOT, SEED.norrbottenDraft));
  const proof = await parseFile(join(ROOT, SEED.norrbottenProof));
  const tokens = (text: string) => text.split(/\s+/u).filter(Boolean);
  /** Positions where two texts differ word by word (same length expected). */
  const differing = (a: string, b: string) => {
    const x = tokens(a);
    const y = tokens(b);
    if (x.length !== y.length) return Math.max(x.length, y.length);
    return x.filter((w, i) => w !== y[i]).length;
  };
  const agreementTexts = (m: typeof proof) => [
    ...m.goals.map((g) => g.text),
    ...m.principles.flatMap((p) => [p.title, ...p.paragraphs.map((b) => ('text' in b ? b.text : '')), ...p.commitments.map((c) => c.text)]),
    ...m.bodies.flatMap((b) => b.description.map((d) => ('text' in d ? d.text : ''))),
  ];

  it('has the same seven principles in order 1..7 with 4, 4, 5, 4, 1, 3, 2 åtaganden', () => {
    expect(proof.principles.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(proof.principles.map((p) => p.commitments.length)).toEqual(draft.principles.map((p) => p.commitments.length));
    expect(proof.principles.map((p) => p.commitments.length)).toEqual([4, 4, 5, 4, 1, 3, 2]);
  });

  it('records the page order the proof printed them in', () => {
    expect(proof.principles.map((p) => p.sourceOrder)).toEqual([1, 3, 2, 4, 5, 7, 6]);
    expect(draft.principles.map((p) => p.sourceOrder)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('has commitment texts equal word for word', () => {
    for (const [i, p] of draft.principles.entries()) {
      expect(proof.principles[i]!.commitments.map((c) => c.text)).toEqual(p.commitments.map((c) => c.text));
    }
  });

  it('differs from the draft in principle, goal and body text only by a handful of single words', () => {
    const pairs: Array<[string, string]> = [
      ...draft.goals.map((g, i): [string, string] => [g.text, proof.goals[i]!.text]),
      ...draft.goals.map((g, i): [string, string] => [
        (g.elaboration?.paragraphs[0] as { text: string }).text,
        (proof.goals[i]!.elaboration?.paragraphs[0] as { text: string } | undefined)?.text ?? '',
      ]),
      ...draft.principles.flatMap((p, i) => {
        const q = proof.principles[i]!;
        return [[p.title, q.title] as [string, string], ...p.paragraphs.map((b, k): [string, string] => [(b as { text: string }).text, (q.paragraphs[k] as { text: string }).text])];
      }),
      ...draft.bodies.flatMap((b, i) => b.description.map((d, k): [string, string] => [(d as { text: string }).text, (proof.bodies[i]!.description[k] as { text: string }).text])),
    ];
    const changed = pairs.map(([a, b]) => differing(a, b));
    expect(changed.every((n) => n <= 1)).toBe(true);
    const total = changed.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(5);
  });

  it('keeps no split word, line-end hyphen, bullet glyph or page number in agreement text', () => {
    const text = agreementTexts(proof).join('\n');
    for (const fragment of ['presen', 'teras', 'förutsätt', 'ningar', 'överenskom', 'melsen', 'möj', 'gänglig', 'mensamma', 'långsik', 'framväx']) {
      expect(tokens(text.replace(/[.,;:]/gu, ''))).not.toContain(fragment);
    }
    // A hyphen before a space is only a shared compound ending ("hälso- och").
    for (const m of text.matchAll(/\p{L}- (\p{L}+)/gu)) expect(['och', 'eller', 'samt']).toContain(m[1]);
    expect(text).not.toMatch(/[•\uF0B7]|(^|\n)4 5(\n|$)/u);
  });

  it('moves the reviewer comment to artifacts and warns, and keeps it out of the principles', () => {
    const note = proof.artifacts.find((a) => a.kind === 'annotation');
    expect(note?.text).toMatch(/^sofoqu01\nAnteckning\nBilden när de kollade/u);
    expect(proof.warnings.map((w) => [w.ruleId, w.element])).toContainEqual(['annotation', note!.id]);
    expect(agreementTexts(proof).join(' ')).not.toMatch(/sofoqu01|Anteckning|skissbild/u);
  });

  it('moves pull quotes, figure labels and the page number to artifacts with a reason', () => {
    const kinds = new Set(proof.artifacts.map((a) => a.kind));
    expect([...kinds].sort()).toEqual(['annotation', 'figure-label', 'page-number', 'pull-quote']);
    expect(proof.artifacts.filter((a) => a.kind === 'pull-quote').map((a) => a.text.split('\n')[0])).toContain('- Vi vet om varandra,');
    expect(proof.artifacts.every((a) => a.reason.length > 0)).toBe(true);
  });

  it('attaches the footnote to the heading that carries its marker, as in the draft', () => {
    for (const m of [draft, proof]) {
      expect(m.footnotes.map((f) => [f.id, f.markers])).toEqual([['footnote-1', ['section/europeisk-kod-for-ideburna-organisationers-medverkan-i-beslutsprocessen']]]);
      expect(m.footnotes[0]!.text).toMatch(/^<?https:\/\/www\.mucf\.se\/publikationer\/europeisk-kod-ideburna-organisationers-medverkan-i-beslutsprocessen-0>?$/u);
    }
  });

  it('records every join with its source line', () => {
    const joins = proof.normalisations.filter((n) => n.step === 'split-word' || n.step === 'line-end-hyphen');
    expect(joins).toContainEqual(expect.objectContaining({ step: 'split-word', from: 'presen teras', to: 'presenteras', position: expect.objectContaining({ start: { line: 65, column: expect.any(Number) } }) }));
    expect(joins).toContainEqual(expect.objectContaining({ step: 'line-end-hyphen', from: 'utvecklings-\nprocesser', to: 'utvecklingsprocesser' }));
    expect(joins.find((n) => n.from.startsWith('till gänglig'))?.to).toBe('tillgänglig,');
  });
});

describe('the Värmland report (PDF-extracted, a process report, not an agreement)', async () => {
  const model = await parseFile(join(ROOT, SEED.varmland));
  const report = model.report!;

  it('invents no agreement structure', () => {
    expect([model.vision, model.purpose, model.goals, model.principles, model.bodies]).toEqual([null, null, [], [], []]);
    // A report has no agreement structure by nature: that is not a warning.
    expect(model.warnings).toEqual([]);
  });

  it('has the four phases of the dialogue process as the report defines them', () => {
    const listed = report.phases.filter((p) => p.from === 'list');
    expect(listed.map((p) => p.name)).toEqual(['Förfas', 'Samlingsfas', 'Formuleringsfas', 'Förankrings- och beslutsfas']);
    expect(listed[3]!.description).toMatch(/^Innehållet justeras vid behov/u);
  });

  it('has the dated events of the timeline diagrams, each under the phase label the diagram gives it', () => {
    const remiss = report.events.find((e) => e.text === 'remiss');
    expect(remiss).toMatchObject({ when: '-17 maj-aug', years: [2017], phase: 'phase/formuleringsfas' });
    expect(report.events.find((e) => e.when === '-13 okt')).toMatchObject({ years: [2013], phase: 'phase/forfas' });
    expect(report.events.find((e) => e.when === '-11-13')?.years).toEqual([2011, 2013]);
    const signing = report.events.filter((e) => e.phase === 'phase/1-a-signering').map((e) => e.text);
    expect(signing).toEqual(['Politiskt beslut', 'Ideburent godkännande', 'Fira!']);
    // Events whose label the extraction lost keep no phase rather than a guessed one.
    expect(report.events.filter((e) => e.phase === null).map((e) => e.text)).toEqual(['Handlingsplan', 'Förankring', 'Dialog']);
  });

  it('has the time plan for 2017 and 2018 as tables, with its activities', () => {
    expect(report.timePlan?.heading).toBe('Förslag till tidsplan fram till första signering');
    expect(report.timePlan?.periods.map((p) => [p.year, p.columns.length])).toEqual([
      [2017, 12],
      [2018, 4],
    ]);
    const rows = report.timePlan!.periods[0]!.rows;
    expect(rows.find((r) => r.label === 'formuleringsmöte')?.cells).toEqual(['1 2 3 4']);
    expect(report.timePlan!.periods[1]!.rows.map((r) => r.label)).toContain('1:a Signering');
  });

  it('has the six national principles it lists, and the four of the European code', () => {
    expect(report.listedPrinciples.map((l) => l.items)).toEqual([
      ['Medverkan', 'Tillit', 'Ansvar och öppenhet', 'Oberoende'],
      ['Självständighet och oberoende', 'Dialog', 'Kvalité', 'Långsiktighet', 'Öppenhet och insyn', 'Mångfald'],
    ]);
  });

  it('has the strengths, opportunities, weaknesses, threats, resources and needs sections', () => {
    expect(report.assessment.map((a) => a.kind)).toEqual(['strengths', 'opportunities', 'weaknesses', 'threats', 'resources', 'needs']);
  });

  it('has the footnotes, separated from the paragraphs they were printed under, with the bilagor they cite', () => {
    expect(model.footnotes.map((f) => f.number)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(model.footnotes.flatMap((f) => f.attachments.map((a) => a.number))).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    // Superscripts glued to a word ("Open Space8") are markers; numbers after numbers ("2010.1") are left alone.
    expect(model.footnotes.find((f) => f.number === 8)?.markers).toEqual(['section/2015/p-5']);
    expect(model.footnotes.find((f) => f.number === 1)?.markers).toEqual([]);
    expect(model.footnotes[0]!.text).toBe('https://skl.se/integrationsocialomsorg/asylochflyktingmottagandeintegration/samverkan/samverkanintegration/civilsamhalletintegrationsoverenskommelsen.4351.html');
    // The paragraph the first footnote interrupted reads on without it.
    expect(JSON.stringify(model.sections).replaceAll('\\n', ' ')).toContain('deltagande i det offentliga samhället samt säkrande av öppenhet');
  });
});

describe('the Västerbotten agreement (Markdown, no principles)', async () => {
  const model = await parseFile(join(ROOT, SEED.vasterbotten));

  it('has no principles and no invented purpose', () => {
    expect(model.principles).toEqual([]);
    expect(model.purpose).toBeNull();
  });

  it('has the RUS vision it quotes', () => {
    expect(model.vision?.text).toBe('Västerbotten – en attraktiv region där olikheter skapar utvecklingskraft');
  });

  it('has the "genom att:" list as its goals', () => {
    expect(model.goals.map((g) => g.text)).toEqual([
      'Öka kvaliteten och effektiviteten i de kommunala och regionala uppdragen',
      'Utveckla det långsiktiga strategiska arbetet med regional utveckling',
      'Höja den gemensamma kunskapen om länets utvecklingsförutsättningar',
      'Skapa tillit och förståelse för parternas uppdrag, ansvar och förutsättningar',
      'Stärka sammanhållningen och samarbetet för länets utveckling',
    ]);
  });

  it('has the six samverkansområden with their items', () => {
    expect(model.developmentAreas.map((a) => [a.title.replace(/^Västerbotten [–-] /, ''), a.items.length])).toEqual([
      ['en nytänkande och smart region', 3],
      ['en region med Platsbaserad hållbar näringslivsutveckling', 2],
      ['en nära tillgänglig region', 3],
      ['en region med hållbara livsmiljöer', 3],
      ['en hälsofrämjande region', 5],
      ['en region rik på kompetenser', 5],
    ]);
  });

  it('has PKD, PKD AU, DSH, DU, SRU, BSR and three networks with their stated sizes', () => {
    expect(model.bodies.map((b) => [b.abbreviation ?? b.name, b.composition?.text ?? null])).toEqual([
      ['PKD', '30 ledamöter'],
      ['PKD AU', '7 ledamöter och 7 ersättare'],
      ['DSH', 'X ledamöter'],
      ['DU', 'X ledamöter'],
      ['SRU', '7 ledamöter från beredningen för samverkan och regional utveckling och 6 ledamöter'],
      ['BSR', '7 ledamöter'],
      ['Kommunchefsnätverk', '15 kommunchefer/direktörer'],
      ['Skolchefsnätverk', '15 skolchefer'],
      ['Socialchefsnätverk', '15 socialchefer'],
    ]);
    expect(model.bodies.filter((b) => b.kind === 'natverk')).toHaveLength(3);
  });
});

describe('the coverage guarantee on every file in agreements/', () => {
  it.each(agreementFiles())('%s: every word in exactly one place', async (file) => {
    const { model, source } = await parseFileWithSource(join(ROOT, file));
    const c = coverage(source.text, model);
    expect({ missing: c.missing, extra: c.extra }).toEqual({ missing: [], extra: [] });
    expect(c.percent).toBe(100);
    expect(c.sourceWords).toBeGreaterThan(100);
  });
});

describe('golden outlines (hand-checked; refresh with UPDATE_GOLDEN=1 and review the diff)', () => {
  it.each(agreementFiles())('%s', async (file) => {
    const model = await parseFile(file);
    const actual = outline(model);
    const golden = join(ROOT, 'test/fixtures/golden', `${basename(file)}.outline.txt`);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, actual);
    expect(existsSync(golden), `missing golden file ${golden}; create it with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
  });
});
