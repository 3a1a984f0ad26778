/**
 * PDFs from a typesetter that tags its output (Typst, as `render --to pdf`
 * makes them): a word hyphenated at a line end, whose hyphen the tagged PDF
 * marks with an empty ActualText, reads as the whole word; text set at an
 * angle across the page (a draft watermark) is an artifact, not a line of
 * the text. The PDFs are made here with the Typst compiler.
 */
import { describe, expect, it } from 'vitest';
import { compileTypst } from '../src/render/typst.js';
import { parse } from '../src/parse/index.js';
import { pdfToText } from '../src/parse/import/pdf.js';

const LONG = Array.from({ length: 12 }, () => 'Överenskommelsen om samverkan mellan civilsamhällesorganisationerna och regionerna utvecklas gemensamt.').join(' ');

describe('a tagged PDF', () => {
  it('keeps real hyphens when nothing is hyphenated (as render --to pdf sets text)', async () => {
    const pdf = await compileTypst(`#set page(width: 9cm, height: auto, margin: 1cm)\n#set text(lang: "sv", font: "Libertinus Serif", fallback: false, hyphenate: false)\n${LONG}\n\nHälso- och sjukvård, icke-diskriminering.`, 'plain.typ');
    const model = await parse(pdf, { path: 'plain.pdf' });
    expect(JSON.stringify(model.sections)).toContain('Hälso- och sjukvård, icke-diskriminering.');
  });

  it('gives hyphenated words back whole', async () => {
    const pdf = await compileTypst(`#set page(width: 9cm, height: auto, margin: 1cm)\n#set text(lang: "sv", font: "Libertinus Serif", fallback: false, hyphenate: true)\n#set par(justify: true)\n${LONG}`, 'hyphens.typ');
    const { text } = await pdfToText(pdf, 'hyphens.pdf');
    // The hyphens were drawn (the text is narrow and justified)...
    expect(text).toMatch(/\p{L}-\n\p{Ll}/u);
    const model = await parse(pdf, { path: 'hyphens.pdf' });
    const all = JSON.stringify(model.sections);
    // ...and the words come back whole.
    expect(all.match(/civilsamhällesorganisationerna/gu)?.length).toBe(12);
    expect(all.match(/Överenskommelsen/gu)?.length).toBe(12);
    expect(model.normalisations.some((n) => n.step === 'line-end-hyphen')).toBe(true);
  });

  it('keeps a watermark set at an angle out of the text, as an artifact', async () => {
    const pdf = await compileTypst(`#set page(width: 12cm, height: 10cm, background: rotate(-40deg, text(40pt, fill: luma(230))[UTKAST]))\n#set text(lang: "sv", font: "Libertinus Serif", fallback: false)\nParterna ska samverka för en stärkt dialog.\n\nVarje part ansvarar för sitt eget arbete.`, 'mark.typ');
    const { text, rotated } = await pdfToText(pdf, 'mark.pdf');
    expect(text).not.toContain('UTKAST');
    expect(rotated).toEqual(['UTKAST']);
    const model = await parse(pdf, { path: 'mark.pdf' });
    expect(JSON.stringify(model.sections)).not.toContain('UTKAST');
    expect(model.artifacts.filter((a) => a.kind === 'watermark').map((a) => a.text)).toEqual(['UTKAST']);
    expect(JSON.stringify(model.sections)).toContain('Parterna ska samverka för en stärkt dialog.');
  });
});
