/**
 * One agreement, every shape it reaches us in: the Norrbotten Word draft
 * passed through pandoc, LibreOffice, pdflatex and pdftotext's three modes
 * (test/fixtures/variants, made by scripts/make-variants.sh). Each must parse to
 * the draft's structure, with every word kept.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseFile, parseFileWithSource } from '../src/parse/index.js';
import { coverage } from '../src/coverage.js';
import { ROOT, SEED } from './helpers/seeds.js';

const DIR = join(ROOT, 'test/fixtures/variants');

function shape(model: Awaited<ReturnType<typeof parseFile>>) {
  return {
    vision: model.vision?.text ?? null,
    goals: model.goals.length,
    principles: model.principles.map((p) => [p.number, p.commitments.length]),
    parties: model.meta.parties.length,
  };
}

describe('the Norrbotten Word draft in every extraction', () => {
  it.each([
    'libreoffice-default.pdf.txt',
    'libreoffice-raw.pdf.txt',
    'libreoffice-layout.pdf.txt',
    'latex-default.pdf.txt',
    'latex-raw.pdf.txt',
    'latex-layout.pdf.txt',
    'libreoffice-text-export.txt',
    'pandoc-plain.txt',
    'pandoc.html',
    'pandoc.docx',
    'libreoffice.pdf',
    'latex.pdf',
  ])('%s parses to the draft\'s vision, 3 goals and 7 principles with 4, 4, 5, 4, 1, 3, 2 åtaganden', async (file) => {
    const draft = shape(await parseFile(SEED.norrbottenDraft));
    expect(draft.principles).toEqual([[1, 4], [2, 4], [3, 5], [4, 4], [5, 1], [6, 3], [7, 2]]);
    const { model, source } = await parseFileWithSource(join(DIR, file));
    expect(shape(model)).toEqual(draft);
    expect(model.principles.map((p) => p.title)).toEqual((await parseFile(SEED.norrbottenDraft)).principles.map((p) => p.title));
    const c = coverage(source.text, model);
    expect({ missing: c.missing, extra: c.extra }).toEqual({ missing: [], extra: [] });
  });

  it('says where it put block ends the text did not mark, so --explain can show them', async () => {
    const model = await parse(readFileSync(join(DIR, 'libreoffice-default.pdf.txt'), 'utf8'), { path: 'x.pdf.txt' });
    const steps = new Set(model.normalisations.map((n) => n.step));
    expect(steps).toContain('paragraph-break');
    expect(steps).toContain('marker-join');
  });
});

describe('the Västerbotten Markdown through pandoc to Word and HTML', () => {
  /** What heading levels decide: the areas under level-3 and level-4 headings, with their items. */
  const levelled = (model: Awaited<ReturnType<typeof parseFile>>) => ({
    vision: model.vision?.text ?? null,
    goals: model.goals.map((g) => g.text),
    areas: model.developmentAreas.map((a) => [a.title, a.items.length]),
  });

  it.each(['vasterbotten-pandoc.docx', 'vasterbotten-pandoc.html'])('%s keeps the levels of its headings: the same six areas as the Markdown', async (file) => {
    const md = levelled(await parseFile(SEED.vasterbotten));
    expect(md.areas).toHaveLength(6);
    expect(levelled(await parseFile(join(DIR, file)))).toEqual(md);
  });
});
