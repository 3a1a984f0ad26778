/**
 * The acceptance checks on the real seed documents in agreements/.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile, parseFileWithSource } from '../src/parse.js';
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
