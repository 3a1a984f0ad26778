/**
 * Recognition across regions: real excerpts of other regions' and
 * municipalities' agreements (test/fixtures/corpus, unchanged). For each file
 * the table holds what a careful reader finds in the text, and what `parse`
 * recognises today. The test checks that parse gives exactly the `parsed`
 * column (so a regression shows), and that it never recognises more than the
 * reader found (nothing invented). Where the two columns differ, the closing
 * note of the work says why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse/index.js';
import { coverage } from '../src/coverage.js';
import { recognition } from '../src/recognition.js';
import { ROOT } from './helpers/seeds.js';

interface Found {
  vision: 0 | 1;
  purpose: 0 | 1;
  goals: number;
  principles: number;
  /** Commitments outside principles (by party). */
  commitments: number;
  bodies: number;
  areas: number;
}

const none: Found = { vision: 0, purpose: 0, goals: 0, principles: 0, commitments: 0, bodies: 0, areas: 0 };
const f = (x: Partial<Found>): Found => ({ ...none, ...x });

/** file -> [what a careful reader finds, what parse recognises]. */
const TABLE: Record<string, [Found, Found]> = {
  // "har därför som mål att ..."; "sex principer" as a bulleted list under a bare-line heading.
  '01-helsingborg-lok-principer.txt': [f({ goals: 1, principles: 6 }), f({ goals: 1, principles: 6 })],
  // The styrgrupp is described in prose with no heading: not recognised.
  '02-helsingborg-lok-styrgrupp.txt': [f({ goals: 1, principles: 6, bodies: 1 }), f({ goals: 1, principles: 6 })],
  // Vision under "Vision "; the "Vi ..." bullets are joint ways of working with no word that they are åtaganden.
  '03-malmo-malmoandan.txt': [f({ vision: 1, principles: 6 }), f({ vision: 1, principles: 6 })],
  // "Visionen är att ...", "Målet är att ...", principles as "Name - description" bullets.
  '04-goteborg-overenskommelse-principer.txt': [f({ vision: 1, goals: 1, principles: 6 }), f({ vision: 1, goals: 1, principles: 6 })],
  // "Målen är att ..." is the goal; the bullets after "Målen når vi genom att:" are strategies.
  '05-goteborg-idekom-forum.txt': [f({ vision: 1, goals: 1, principles: 6 }), f({ vision: 1, goals: 1, principles: 6 })],
  // "Kommunen åtar sig att" + a numbered list (the eighth item cut by the source).
  '06-uppsala-lok-2018-ataganden.txt': [f({ commitments: 8 }), f({ commitments: 8 })],
  // Numbered accordion headings are not principles; one commitment before the cut.
  '07-uppsala-lok-forslag-dragspel.txt': [f({ commitments: 1 }), f({ commitments: 1 })],
  // A decision memo, not an agreement: nothing to invent ("Syftet med ett partnerskap" is not the agreement's).
  '08-uppsala-iop-riktlinjer-redigerad.txt': [none, none],
  // "I policyn finns också en vision: I Örebro finns ..."; principles announced, not listed.
  '09-orebro-overenskommelse-2010.pdf.txt': [f({ vision: 1 }), f({ vision: 1 })],
  // "De aktörer som ansluter sig till överenskommelsen åtar sig att:" + the first item before the cut.
  '10-orebro-webb-2020-ataganden.txt': [f({ commitments: 1 }), f({ commitments: 1 })],
  // A policy vision after a semicolon; the Samverkansråd body ("Målet är att rådets arbete ..." is the council's, not a goal).
  '11-orebro-webb-2010-samverkansrad.txt': [f({ vision: 1, bodies: 1 }), f({ vision: 1, bodies: 1 })],
  // Each PDF page flattened to one line: "Syfte Denna överenskommelse ... syftar till att", "Principen om integritet" run into the text.
  '12-linkoping-overenskommelse.pdf.txt': [f({ purpose: 1, principles: 1 }), f({ purpose: 1, principles: 1 })],
  // Flattened pages again: "Vision Sollentuna är ...", "Mål Målet är att ...".
  '13-sollentuna-mer-an-bara-en-ide.pdf.txt': [f({ vision: 1, goals: 1 }), f({ vision: 1, goals: 1 })],
  // "Syftet med överenskommelsen är att ..."; six principles named inline as "kännetecken".
  '14-soderkoping-overenskommelse.txt': [f({ purpose: 1, principles: 6 }), f({ purpose: 1, principles: 6 })],
  // Six principles mentioned, not listed: nothing to recognise but the count (a warning says so).
  '15-norrkoping-vardegrund.txt': [none, none],
  // "Det viktigaste målet med Överenskommelsen är att ..."; "principen om ..." six times in one sentence.
  '16-trelleborg-tillsammans.txt': [f({ goals: 1, principles: 6 }), f({ goals: 1, principles: 6 })],
  // "Dessa är Självständighet och oberoende, Dialog, ... samt Mångfald."; four prioritised areas after a lead-in.
  '17-lund-samarbete-ideburen-sektor.txt': [f({ principles: 6, areas: 4 }), f({ principles: 6, areas: 4 })],
  // Principles as bullets with an indented description line; "1. Samordningsgruppen" is a body, not a principle.
  '18-jonkoping-samverkan-civilsamhallet.txt': [f({ principles: 6, bodies: 1 }), f({ principles: 6, bodies: 1 })],
  // "Värdegrund" with numbered principle sentences separated by blank lines; the fifth and sixth are cut off.
  '19-boras-overenskommelsen-2016.txt': [f({ principles: 4 }), f({ principles: 4 })],
  // Question headings; the vision is only referred to ("Borås vision beskriver ...").
  '20-boras-overenskommelse-2021.txt': [none, none],
  // A styrgrupp under its own heading.
  '21-kristianstad-styrgrupp-handlingsplan.txt': [f({ bodies: 1 }), f({ bodies: 1 })],
  // "Syftet med överenskommelsen mellan Luleå kommun och det civila samhället är att ..."; värdegrund cut before its principles.
  '22-lulea-lok-2018-2022.txt': [f({ purpose: 1 }), f({ purpose: 1 })],
  // "Överenskommelsen har fyra mål:" + bullets, "Syftet i sin tur är att ...", "Principen om:" + six bullets.
  '23-vasternorrland-lov-region.txt': [f({ purpose: 1, goals: 4, principles: 6 }), f({ purpose: 1, goals: 4, principles: 6 })],
  // "Målet är att stärka ...".
  '24-gotland-overenskommelsen-region.txt': [f({ goals: 1 }), f({ goals: 1 })],
  // An avsiktsförklaring news item: no agreement structure.
  '25-sormland-avsiktsforklaring-region-lansstyrelse.txt': [none, none],
  // National policy, not an agreement: "Det övergripande målet för politiken ..." is not an agreement's goal.
  '26-regeringen-politik-for-engagemang.md': [none, none],
};

const DIR = join(ROOT, 'test/fixtures/corpus');

async function parsed(file: string) {
  const text = readFileSync(join(DIR, file), 'utf8');
  return { text, model: await parse(text, { path: file }) };
}

function found(model: Awaited<ReturnType<typeof parsed>>['model']): Found {
  const r = recognition(model);
  return {
    vision: r.elements.vision as 0 | 1,
    purpose: r.elements.purpose as 0 | 1,
    goals: r.elements.goals,
    principles: r.elements.principles,
    commitments: model.partyCommitments.reduce((n, g) => n + g.commitments.length, 0),
    bodies: r.elements.bodies,
    areas: r.elements.areas,
  };
}

describe('real agreements from other regions (test/fixtures/corpus)', () => {
  it.each(Object.keys(TABLE))('%s: recognised as the table says, nothing invented, every word kept', async (file) => {
    const [reader, expected] = TABLE[file]!;
    const { text, model } = await parsed(file);
    const got = found(model);
    expect(got).toEqual(expected);
    for (const key of Object.keys(reader) as Array<keyof Found>) expect(got[key], key).toBeLessThanOrEqual(reader[key]);
    const c = coverage(text, model);
    expect({ missing: c.missing, extra: c.extra }).toEqual({ missing: [], extra: [] });
  });

  it('reads principle names as written, from lists, "Name - description" items and sentences', async () => {
    const titles = async (file: string) => (await parsed(file)).model.principles.map((p) => p.title);
    const national = ['Självständighet och oberoende', 'Dialog', 'Kvalitet', 'Långsiktighet', 'Öppenhet och insyn'];
    expect(await titles('01-helsingborg-lok-principer.txt')).toEqual([...national, 'Mångfald och förnyelse']);
    expect(await titles('04-goteborg-overenskommelse-principer.txt')).toEqual(['Integritet och oberoende', 'Dialog', 'Kvalitet', 'Långsiktighet', 'Öppenhet och insyn', 'Mångfald']);
    expect(await titles('16-trelleborg-tillsammans.txt')).toEqual(['självständighet och oberoende', 'dialog', 'kvalitet', 'långsiktighet', 'öppenhet och insyn', 'mångfald']);
    expect(await titles('17-lund-samarbete-ideburen-sektor.txt')).toEqual([...national, 'Mångfald']);
    expect(await titles('19-boras-overenskommelsen-2016.txt')).toEqual(['Självständighet och oberoende', 'Öppenhet och insyn', 'Mångfald', 'Dialog']);
  });

  it('keeps a principle\'s description as its paragraph, and a principle named in a sentence points at it', async () => {
    const goteborg = (await parsed('04-goteborg-overenskommelse-principer.txt')).model.principles[0]!;
    expect(goteborg.heading?.text).toBe('Integritet och oberoende');
    expect(goteborg.paragraphs.map((p) => (p.type === 'paragraph' ? p.text : ''))).toEqual(['organisationernas integritet, initiativförmåga och självbestämmande respekteras']);
    const jonkoping = (await parsed('18-jonkoping-samverkan-civilsamhallet.txt')).model.principles[1]!;
    expect([jonkoping.title, jonkoping.statedAs]).toEqual(['Dialog', 'item']);
    expect(jonkoping.paragraphs.map((p) => (p.type === 'paragraph' ? p.text : ''))).toEqual(['En kontinuerlig dialog är en förutsättning för samverkan mellan kommunen och civilsamhället.']);
    const lund = (await parsed('17-lund-samarbete-ideburen-sektor.txt')).model;
    const quoting = lund.principles.map((p) => p.quotedIn);
    expect(new Set(quoting).size).toBe(1);
    expect(quoting[0]).toMatch(/\/p-\d+$/u);
    expect(lund.principles.every((p) => p.statedAs === 'inline' && p.heading === null)).toBe(true);
  });

  it('takes sentences as the statement: the vision, purpose or goal is the sentence, its words stay in the paragraph', async () => {
    const { model } = await parsed('04-goteborg-overenskommelse-principer.txt');
    expect(model.vision?.text).toBe('Visionen är att Göteborg ska vara en stad där invånarna engagerar sig och där engagemanget tas tillvara.');
    expect(model.vision?.quotedIn).toBeDefined();
    expect(model.goals.map((g) => g.text)).toEqual(['Målet är att stärka demokratin, öka delaktigheten och minska utanförskap i Göteborg.']);
    expect(model.goals[0]!.position.start).toEqual({ line: 5, column: 106 });
    const lulea = (await parsed('22-lulea-lok-2018-2022.txt')).model;
    expect(lulea.purpose?.text).toMatch(/^Syftet med överenskommelsen mellan Luleå kommun och det civila samhället är att tillsammans verka/u);
  });

  it('states commitments by party with the party as written', async () => {
    const uppsala = (await parsed('06-uppsala-lok-2018-ataganden.txt')).model.partyCommitments;
    expect(uppsala.map((g) => [g.party, g.commitments.length, g.commitments[0]!.marker])).toEqual([['Kommunen', 8, '1.']]);
    const orebro = (await parsed('10-orebro-webb-2020-ataganden.txt')).model.partyCommitments;
    expect(orebro.map((g) => g.party)).toEqual(['De aktörer som ansluter sig till överenskommelsen']);
  });

  it('moves web furniture to artifacts: never the title', async () => {
    const titles = await Promise.all(['06-uppsala-lok-2018-ataganden.txt', '14-soderkoping-overenskommelse.txt', '17-lund-samarbete-ideburen-sektor.txt', '23-vasternorrland-lov-region.txt'].map(async (file) => (await parsed(file)).model.meta.title));
    expect(titles).toEqual(['Program', 'Överenskommelsen', 'Lunds kommuns samarbete med idéburen sektor', 'Länsöverenskommelsen Västernorrland']);
    const kinds = async (file: string) => (await parsed(file)).model.artifacts.map((a) => a.kind);
    expect(await kinds('06-uppsala-lok-2018-ataganden.txt')).toEqual(['cookie-notice', 'cookie-notice', 'cookie-notice', 'cookie-notice']);
    expect(await kinds('14-soderkoping-overenskommelse.txt')).toEqual(['navigation', 'breadcrumb', 'cookie-notice']);
    expect(await kinds('23-vasternorrland-lov-region.txt')).toEqual(['skip-link']);
    expect(await kinds('09-orebro-overenskommelse-2010.pdf.txt')).toEqual(expect.arrayContaining(['document-viewer']));
  });

  it('cuts headings run into a page flattened to one line, keeping their source columns', async () => {
    const { model } = await parsed('13-sollentuna-mer-an-bara-en-ide.pdf.txt');
    expect(model.vision?.heading?.text).toBe('Vision');
    expect(model.vision?.heading?.position.start.line).toBe(15);
    const line = readFileSync(join(DIR, '13-sollentuna-mer-an-bara-en-ide.pdf.txt'), 'utf8').split('\n')[14]!;
    expect(line.slice(model.vision!.heading!.position.start.column - 1).startsWith('Vision Sollentuna är')).toBe(true);
    expect(model.goals.map((g) => g.text)).toEqual([expect.stringMatching(/^Målet är att överenskommelsen ska vara en plattform/u)]);
    const linkoping = (await parsed('12-linkoping-overenskommelse.pdf.txt')).model;
    expect(linkoping.principles.map((p) => [p.title, p.heading?.text])).toEqual([['integritet', 'Principen om integritet']]);
  });

  it('warns when a stated count of principles does not match what was found', async () => {
    const warnings = async (file: string) => (await parsed(file)).model.warnings.filter((w) => w.ruleId === 'principle-count').map((w) => w.message);
    expect(await warnings('19-boras-overenskommelsen-2016.txt')).toEqual(['The text states 6 principles, but 4 were recognised']);
    expect(await warnings('15-norrkoping-vardegrund.txt')).toEqual(['The text states 6 principles, but 0 were recognised']);
    expect(await warnings('01-helsingborg-lok-principer.txt')).toEqual([]);
  });
});
