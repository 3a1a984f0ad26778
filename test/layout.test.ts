/**
 * Each layout normalisation step on small hand-written cases, positive and
 * negative, with the real Swedish dictionary.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toLines, type Line } from '../src/parse/layout/lines.js';
import {
  breakHeadings,
  hyphenJoin,
  joinContinuations,
  joinLineEndHyphens,
  joinSplitWords,
  reflowDoubleSpacing,
  removeAnnotations,
  removeFigureLabels,
  removePageNumbers,
  removePullQuotes,
  removeRunningHeaders,
  markFlatTables,
  separateFootnotes,
  splitJoin,
  vocabularyOf,
  type LayoutContext,
  type LayoutStep,
} from '../src/parse/layout/steps.js';
import { layoutContext, looksLikePdfText, normaliseLayout } from '../src/parse/layout/index.js';
import { loadProfile } from '../src/parse/profile.js';
import { loadSwedishSpeller, type Speller } from '../src/spell.js';
import { parse } from '../src/parse/index.js';
import { coverage } from '../src/coverage.js';

let speller: Speller;
beforeAll(async () => {
  speller = await loadSwedishSpeller();
});

function context(text = ''): LayoutContext {
  const ctx = layoutContext(loadProfile(), speller);
  ctx.vocabulary = vocabularyOf(toLines(text));
  return ctx;
}

function run(step: LayoutStep, text: string, ctx = context(text)): { text: string; ctx: LayoutContext; lines: Line[] } {
  const lines = step(toLines(text), ctx);
  return { text: lines.map((l) => l.text).join('\n'), ctx, lines };
}

describe('a paragraph that goes on after a footnote at the foot of a page', () => {
  it('joins the paragraph, not the footnote body the extraction wrote as [1] ...', async () => {
    const text = 'Första stycket slutar här.\n\nEtt stycke som fortsätter på\n\n[1] Se den nationella överenskommelsen\n\nnästa sida med mer text.\n';
    const model = await parse(text, { format: 'pdf-text' });
    const paragraphs = JSON.stringify(model.sections);
    expect(paragraphs).toContain('Ett stycke som fortsätter på\\nnästa sida med mer text.');
    expect(model.footnotes.map((f) => f.text)).toEqual(['Se den nationella överenskommelsen']);
  });
});

describe('line-end hyphens', () => {
  it.each([
    ['utvecklings-', 'processer', 'utvecklingsprocesser'],
    ['upp-', 'muntras', 'uppmuntras'],
    ['gemen-', 'skap', 'gemenskap'],
  ])('joins %s / %s', (left, right, joined) => {
    expect(hyphenJoin(context(), left.slice(0, -1), right)?.text).toBe(joined);
  });

  it.each([
    ['icke-', 'diskriminering', 'icke-diskriminering'],
    ['EU-', 'medel', 'EU-medel'],
    ['2019-', '2022', '2019-2022'],
    ['Anna-', 'Carin', 'Anna-Carin'],
  ])('keeps the real hyphen in %s / %s', (left, right, joined) => {
    expect(hyphenJoin(context(), left.slice(0, -1), right)?.text).toBe(joined);
  });

  it('joins a word whose second half is a joining word: gemen- / samt', () => {
    const { text } = run(joinLineEndHyphens, 'ett gemen-\nsamt ansvar för hälso-\noch sjukvård');
    expect(text).toBe('ett gemensamt\nansvar för hälso-\noch sjukvård');
  });

  it('takes no evidence from web addresses', () => {
    expect(vocabularyOf(toLines('se https://www.mucf.se/europeisk-kod-ideburna-organisationers-medverkan-i-beslutsprocessen')).has('organisationers-medverkan')).toBe(false);
    expect(vocabularyOf(toLines('idéburna organisationers medverkan')).get('medverkan')).toBe(1);
  });

  it('leaves a shared compound ending alone: hälso- / och sjukvård', () => {
    const { text, ctx } = run(joinLineEndHyphens, 'ansvarar för hälso-\noch sjukvård, tandvård');
    expect(text).toBe('ansvarar för hälso-\noch sjukvård, tandvård');
    expect(ctx.normalisations).toEqual([]);
  });

  it('moves the second half up, keeps the line numbers, and records the join', () => {
    const { lines, ctx } = run(joinLineEndHyphens, 'i regionala utvecklings-\nprocesser och delar\n');
    expect(lines.map((l) => [l.number, l.text])).toEqual([
      [1, 'i regionala utvecklingsprocesser'],
      [2, 'och delar'],
      [3, ''],
    ]);
    expect(ctx.normalisations[0]).toMatchObject({ step: 'line-end-hyphen', from: 'utvecklings-\nprocesser', to: 'utvecklingsprocesser', position: { start: { line: 1 }, end: { line: 2 } } });
  });

  it('joins a web address broken after a hyphen without a space', () => {
    const { text } = run(joinLineEndHyphens, '[1] https://www.mucf.se/europeisk-kod-i-\nbeslutsprocessen-0');
    expect(text).toBe('[1] https://www.mucf.se/europeisk-kod-i-beslutsprocessen-0');
  });
});

describe('words split by lost soft hyphens', () => {
  it.each([
    ['presen', 'teras'],
    ['förutsätt', 'ningar'],
    ['överenskom', 'melsen'],
    ['möj', 'lighet'],
    ['samhälls', 'behov'],
    ['ge', 'mensamma'],
    ['förening', 'ar'],
  ])('joins %s %s (a part is not a word)', (left, right) => {
    expect(splitJoin(context(), left, right)).toMatch(/fragment/u);
  });

  it('joins two real words when the document writes them as one elsewhere: till gänglig, civil samhällets', () => {
    const ctx = context('Informationen ska vara tillgänglig. Civilsamhällets roll.');
    expect(splitJoin(ctx, 'till', 'gänglig')).toMatch(/elsewhere/u);
    expect(splitJoin(ctx, 'civil', 'samhällets')).toMatch(/elsewhere/u);
  });

  it.each([
    ['till', 'samverkan'],
    ['med', 'andra'],
    ['i', 'samhället'],
    ['nå', 'de'],
  ])('never joins two words that belong apart: %s %s', (left, right) => {
    expect(splitJoin(context('Ett dokument utan den sammanskrivna formen.'), left, right)).toBeNull();
  });

  it('keeps spellings the language writes both ways apart, even when the joined one occurs: i dag / idag', () => {
    expect(splitJoin(context('Vi gör det idag.'), 'i', 'dag')).toBeNull();
  });

  it('rewrites the line and keeps punctuation', () => {
    const { text, ctx } = run(joinSplitWords, 'ideella och ekonomiska förening ar, kooperativ');
    expect(text).toBe('ideella och ekonomiska föreningar, kooperativ');
    expect(ctx.normalisations).toEqual([expect.objectContaining({ step: 'split-word', from: 'förening ar,', to: 'föreningar,' })]);
  });
});

describe('removals to artifacts', () => {
  it('takes a reviewer comment out, up to the next text box', () => {
    const { text, ctx } = run(removeAnnotations, 'kan följas upp.\n\nsofoqu01\nAnteckning\nBilden var inte köpt.\n 4. Dialog\n');
    expect(text).toBe('kan följas upp.\n\n4. Dialog\n');
    expect(ctx.artifacts).toEqual([expect.objectContaining({ kind: 'annotation', text: 'sofoqu01\nAnteckning\nBilden var inte köpt.', reason: 'reviewer comment by sofoqu01' })]);
  });

  it('does not take a word followed by a heading for a comment author', () => {
    expect(run(removeAnnotations, 'samverkan\nAnteckning om mötet\n').ctx.artifacts).toEqual([]);
  });

  it('removes a page number alone, not a number inside text', () => {
    const { text, ctx } = run(removePageNumbers, 'slut.\n\n4 5\n\nBörjan\n\nÅr\n2018\n');
    expect(text).toBe('slut.\n\n\nBörjan\n\nÅr\n2018\n');
    expect(ctx.artifacts.map((a) => [a.kind, a.text, a.position.start.line])).toEqual([['page-number', '4 5', 3]]);
  });

  it('removes a line repeated alone three times (a running header), not a known heading', () => {
    const text = ['Överenskommelse 2024', 'a.', 'ÅTAGANDEN', 'b.', 'Överenskommelse 2024', 'c.', 'ÅTAGANDEN', 'd.', 'Överenskommelse 2024', 'ÅTAGANDEN'].join('\n\n');
    const { ctx } = run(removeRunningHeaders, text);
    expect(ctx.artifacts.map((a) => a.text)).toEqual(['Överenskommelse 2024', 'Överenskommelse 2024', 'Överenskommelse 2024']);
  });

  it('removes pull quotes set in a narrow box, one artifact per quote', () => {
    const { text, ctx } = run(removePullQuotes, 'Text.\n\n- Vi vet om varandra,\nvi har insikt\n\n- Alla vill det\nbästa för varandra\n\n\nRubrik\n');
    expect(text.trim().split('\n').filter(Boolean)).toEqual(['Text.', 'Rubrik']);
    expect(ctx.artifacts.map((a) => a.text)).toEqual(['- Vi vet om varandra,\nvi har insikt', '- Alla vill det\nbästa för varandra']);
  });

  it('keeps a dash list whose items do not wrap', () => {
    const list = '- Öka kunskap\n- Information, kommunikation\n- Intern förankring\n';
    expect(run(removePullQuotes, list).text).toBe(list);
  });

  it('removes figure labels: an axis, a row of capitalised words, a run of short labels', () => {
    const text = 'Stycke.\n\nInformation Samråd Dialog Partnerskap\n\n LÅG     NIVÅ AV MEDVERKAN     HÖG\n\nKvalitet\n\nMångfald\n\nÖppenhet\noch insyn\n\nDialog\n\nRubrik här\nMed text som är längre än en etikett.';
    const { text: out, ctx } = run(removeFigureLabels, text);
    expect(ctx.artifacts.map((a) => a.kind)).toEqual(['figure-label', 'figure-label', 'figure-label']);
    expect(out.split('\n').filter(Boolean)).toEqual(['Stycke.', 'Rubrik här', 'Med text som är längre än en etikett.']);
  });

  it('keeps a heading of capitalised words with a function word, and a lone short heading', () => {
    const text = 'Region Norrbotten och Samforma\n\nText.\n\nKvalitet\n\nText om kvalitet.';
    expect(run(removeFigureLabels, text).ctx.artifacts).toEqual([]);
  });
});

describe('tables and footnotes flattened into the text', () => {
  it('marks a time plan under a line of month names as table rows, up to the next text box', () => {
    const text = 'År 2017\nMånad jan feb mars april maj\nplanering      \n\nformuleringsmöte   1 2\nremiss    ev\n Avslutande ord\nText.';
    const { lines } = run(markFlatTables, text);
    expect(lines.filter((l) => l.tableRow).map((l) => l.text)).toEqual(['Månad jan feb mars april maj', 'planering', 'formuleringsmöte   1 2', 'remiss    ev']);
    expect(lines.find((l) => l.text === 'Avslutande ord')?.tableRow).toBeUndefined();
  });

  it('marks three or more lines with the same number of cells set wide apart as a table', () => {
    const { lines } = run(markFlatTables, 'Text.\nPart   Ledamöter\nRegion Exempel   2\nCivilsamhället   2\nMer text.');
    expect(lines.filter((l) => l.tableRow).map((l) => l.text)).toEqual(['Part   Ledamöter', 'Region Exempel   2', 'Civilsamhället   2']);
  });

  it('does not take two such lines, or lines with different cell counts, for a table', () => {
    expect(run(markFlatTables, 'Politiker:   Malin Berglund\nTjänstepersoner:   Åsa\nText.').lines.some((l) => l.tableRow)).toBe(false);
    expect(run(markFlatTables, 'a   b\nc   d   e\nf   g\n').lines.some((l) => l.tableRow)).toBe(false);
  });

  it('does not take a sentence that names months for a table', () => {
    const text = 'Möten hålls i jan feb mars april och maj varje år.\nplanering\nremiss\n';
    expect(run(markFlatTables, text).lines.some((l) => l.tableRow)).toBe(false);
  });

  it('takes a footnote out of the paragraph it was printed in, and joins its wrapped address', () => {
    const text = 'deltagande i det offentliga\n\n1https://skl.se/samverkanintegrati\non/civil.html\n samt säkrande av öppenhet.';
    const { lines, ctx } = run(separateFootnotes, text);
    expect(lines.filter((l) => l.footnote).map((l) => l.text)).toEqual(['1https://skl.se/samverkanintegration/civil.html']);
    expect(ctx.normalisations.map((n) => n.step)).toEqual(['url-join']);
    const joined = joinContinuations(lines, ctx).map((l) => l.text).join('\n');
    expect(joined).toBe('deltagande i det offentliga\nsamt säkrande av öppenhet.\n\n1https://skl.se/samverkanintegration/civil.html');
  });

  it('keeps a second reference in its own box with the footnote, and stops at the page text', () => {
    const text = '6 Bilaga 3 Minnesanteckningar, 2015-01-23\n   Bilaga 4 PM, 2015-02-02\n Under hösten hölls två möten.';
    const { lines } = run(separateFootnotes, text);
    expect(lines.filter((l) => l.footnote).map((l) => l.text)).toEqual(['6 Bilaga 3 Minnesanteckningar, 2015-01-23', 'Bilaga 4 PM, 2015-02-02']);
  });

  it('does not take a sentence starting with a number for a footnote', () => {
    expect(run(separateFootnotes, '17 mål ska nås till år 2030.\n').lines.some((l) => l.footnote)).toBe(false);
  });
});

describe('block structure', () => {
  it('breaks a heading off the text it was glued to (a new text box, or short above a new sentence)', () => {
    const { text } = run(breakHeadings, 'Titel här\nmellan A och B\n\nslut på stycket.\n Vision\nTillsammans för länet.\n\nCivilsamhället\nI överenskommelsen används ordet så här i en lång rad.');
    expect(text).toBe('Titel här\n\nmellan A och B\n\nslut på stycket.\n\nVision\n\nTillsammans för länet.\n\nCivilsamhället\n\nI överenskommelsen används ordet så här i en lång rad.');
  });

  it('does not break a wrapped line that happens to end before a name', () => {
    const text = 'Stycke.\n\nÖppen och tillgänglig information från Region\nNorrbotten, Länsstyrelsen Norrbotten och de\nidéburna organisationerna är grunden.';
    expect(run(breakHeadings, text).text).toBe(text);
  });

  it('joins a block that continues in lower case, and list items set apart', () => {
    const { text } = run(joinContinuations, '• Förbättra samspelet med lokalsamhälle\n\noch omvärld.\n\n• Nästa punkt.\n\nNytt stycke.');
    expect(text).toBe('• Förbättra samspelet med lokalsamhälle\noch omvärld.\n• Nästa punkt.\n\nNytt stycke.');
  });

  it('reflows double-spaced text into paragraphs, keeping breaks after sentences', () => {
    const para = Array.from({ length: 24 }, (_, i) =>
      i % 4 === 0 ? `Rad ${i} börjar ett långt stycke som fortsätter på nästa rad och` : i % 4 === 3 ? `rad ${i} slutar här.` : `rad ${i} av ett långt stycke som fortsätter på nästa rad och`,
    );
    const { lines } = run(reflowDoubleSpacing, para.join('\n\n'));
    const blocks = lines.map((l) => l.text).join('\n').split('\n\n');
    expect(blocks).toHaveLength(6);
  });

  it('leaves single-spaced text alone', () => {
    const text = 'Ett stycke\nsom fortsätter.\n\nEtt till.';
    expect(run(reflowDoubleSpacing, text).text).toBe(text);
  });
});

describe('the whole normalisation', () => {
  it('tells PDF-extracted text from Word text by its wrapping', () => {
    const wrapped = Array.from({ length: 12 }, () => 'en rad som bryts mitt i meningen och fortsätter på').join('\nnästa rad med mer text som också bryts mitt i\n');
    expect(looksLikePdfText(wrapped)).toBe(true);
    expect(looksLikePdfText(Array.from({ length: 12 }, () => 'Ett stycke på en enda rad, som Word sparar det, med punkt på slutet.').join('\n\n'))).toBe(false);
  });

  it('keeps every word: what is removed is in artifacts, what is joined in normalisations', async () => {
    const text = 'Titel\n\nVi ska presen teras i regionala utvecklings-\nprocesser.\n\n4 5\n\nsofoqu01\nAnteckning\nEn kommentar.\n';
    const model = await parse(text, { format: 'pdf-text' });
    expect(coverage(text, model)).toMatchObject({ percent: 100, missing: [], extra: [] });
    expect(JSON.stringify(model.sections)).toContain('Vi ska presenteras i regionala utvecklingsprocesser.');
    expect(model.artifacts.map((a) => a.kind)).toEqual(['page-number', 'annotation']);
    expect(normaliseLayout(text, loadProfile(), speller).normalisations.map((n) => n.step)).toEqual(expect.arrayContaining(['split-word', 'line-end-hyphen']));
  });
});
