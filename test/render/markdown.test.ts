/**
 * `render --to md`: the canonical Markdown parses back to the model it was
 * rendered from (every typed element and every text, ids equal), for random
 * documents from the grammar, for text full of markup characters, and for
 * the seed agreements.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseFile } from '../../src/parse/index.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { asMarkdown, asText, document } from '../helpers/grammar.js';
import { HOSTILE, comparableModel, missingWords } from '../helpers/render.js';
import { SEED, agreementFiles, fixtureFiles } from '../helpers/seeds.js';

/** Every real document the project holds: the seeds, the corpus excerpts, the extraction variants, the import fixtures. */
const REAL = [...agreementFiles(), ...fixtureFiles('test/fixtures/corpus'), ...fixtureFiles('test/fixtures/variants'), ...fixtureFiles('test/fixtures/import')];

const again = async (md: string) => parse(md, { path: 'rendered.md' });

describe('render to Markdown', () => {
  it('parses back to the same model: random Markdown documents', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (d) => {
        const model = await parse(asMarkdown(d), { path: 'doc.md' });
        expect(comparableModel(await again(renderMarkdown(model)))).toEqual(comparableModel(model));
      }),
      { numRuns: 100 },
    );
  });

  it('parses back to the same model: random plain-text documents (headings get levels, nothing else changes)', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (d) => {
        const model = await parse(asText(d), { path: 'doc.txt' });
        expect(comparableModel(await again(renderMarkdown(model)))).toEqual(comparableModel(model));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps text that is markup in some format as those characters', async () => {
    const hostile = fc.array(fc.constantFrom(...HOSTILE, 'och', 'parterna', 'ska', '1.', '-', '#', '>', '_', '~', '&amp;', '\\'), { minLength: 2, maxLength: 8 }).map((ws) => `Text ${ws.join(' ')} slut.`);
    await fc.assert(
      fc.asyncProperty(document, fc.array(hostile, { minLength: 1, maxLength: 4 }), async (d, extra) => {
        const model = await parse(asText({ ...d, after: [{ heading: 'Övrigt', paragraphs: extra, list: extra }] }), { path: 'doc.txt' });
        const back = await again(renderMarkdown(model));
        expect(comparableModel(back)).toEqual(comparableModel(model));
      }),
      { numRuns: 100 },
    );
  });

  it.each([
    ['Västerbotten (Markdown)', SEED.vasterbotten],
    ['the Norrbotten Word draft', SEED.norrbottenDraft],
    ['the Norrbotten support-structure revision', SEED.norrbottenStodstruktur],
  ])('parses back to the same model: %s', async (_name, file) => {
    const model = await parseFile(file);
    const md = renderMarkdown(model);
    expect(comparableModel(await again(md))).toEqual(comparableModel(model));
    expect(missingWords(model, md)).toEqual([]);
  });

  it.each(REAL)('is canonical for %s: its Markdown parses back to the same model and renders to the same Markdown', async (file) => {
    const md = renderMarkdown(await parseFile(file));
    const model = await again(md);
    const md2 = renderMarkdown(model);
    expect(md2).toBe(md);
    expect(comparableModel(await again(md2))).toEqual(comparableModel(model));
  });

  it('renders the Norrbotten PDF proof with its principles in number order and without its layout noise', async () => {
    const model = await parseFile(SEED.norrbottenProof);
    expect(model.principles.map((p) => p.sourceOrder)).not.toEqual([1, 2, 3, 4, 5, 6, 7]);
    const md = renderMarkdown(model);
    const back = await again(md);
    expect(back.principles.map((p) => [p.number, p.sourceOrder])).toEqual(model.principles.map((p, i) => [p.number, i + 1]));
    // The same principles with the same åtaganden, word for word.
    expect(back.principles.map((p) => [p.title, p.commitments.map((c) => c.text)])).toEqual(model.principles.map((p) => [p.title, p.commitments.map((c) => c.text)]));
    // Page numbers, running heads and the reviewer's annotation stay out.
    for (const a of model.artifacts.filter((x) => x.kind !== 'page-number')) expect(md).not.toContain(a.text.trim());
    expect(md).not.toMatch(/^\s*\d+\s*$/mu);
    expect(missingWords(model, md)).toEqual([]);
  });

  it('renders the Värmland report with its phases and time plan', async () => {
    const model = await parseFile(SEED.varmland);
    const back = await again(renderMarkdown(model));
    expect(back.report?.phases.map((p) => p.name)).toEqual(model.report?.phases.map((p) => p.name));
    expect(back.report?.timePlan?.periods.map((p) => p.label)).toEqual(model.report?.timePlan?.periods.map((p) => p.label));
  });
});
