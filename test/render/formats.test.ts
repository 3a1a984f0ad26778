/**
 * `render` to every format from every seed: every word of the agreement is in
 * every output, the Word and PDF versions parse back (through the project's own
 * .docx and .pdf import) to the same vision, purpose, goals and principles with
 * the same åtaganden, word for word, and the same input gives the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { toText } from 'hast-util-to-text';
import type { Agreement } from '../../src/model.js';
import { parse, parseFile } from '../../src/parse/index.js';
import { modelTexts, sourceWordsOf } from '../../src/coverage.js';
import { render, type RenderFormat } from '../../src/render/index.js';
import { missingWords, wordsReadBack } from '../helpers/render.js';
import { SEED, agreementFiles } from '../helpers/seeds.js';

const SEEDS = agreementFiles();
const words = (text: string) => sourceWordsOf(text, 'text').join(' ');

/**
 * What a reader of an agreement looks for, compared word by word (layout,
 * dashes and quotes aside). `structure: false` leaves out what hangs on
 * heading levels, which a PDF's text does not carry (bodies, development areas).
 */
function substance(m: Agreement, structure = true) {
  const core = {
    vision: words(m.vision?.text ?? ''),
    purpose: words(m.purpose?.text ?? ''),
    goals: m.goals.map((g) => words(g.text)),
    principles: m.principles.map((p) => ({ number: p.number, title: words(p.title), commitments: p.commitments.map((c) => words(c.text)) })),
  };
  return structure ? { ...core, bodies: m.bodies.map((b) => words(b.name)), areas: m.developmentAreas.map((a) => words(a.title)) } : core;
}

const htmlText = (html: string) => toText(unified().use(rehypeParse).parse(html));

describe.each(SEEDS)('render %s', (file) => {
  it('to Word: parses back to the same agreement', async () => {
    const model = await parseFile(file);
    const docx = (await render(model, { format: 'docx' })) as Buffer;
    const back = await parse(docx, { path: 'rendered.docx' });
    expect(substance(back)).toEqual(substance(model));
    expect(missingWords(model, modelTexts(back).join('\n'))).toEqual([]);
  });

  it('to PDF: parses back to the same agreement', async () => {
    const model = await parseFile(file);
    const pdf = (await render(model, { format: 'pdf' })) as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const back = await parse(pdf, { path: 'rendered.pdf' });
    expect(substance(back, false)).toEqual(substance(model, false));
    expect(missingWords(model, wordsReadBack(back))).toEqual([]);
  });

  it('to HTML and Typst: every word is there', async () => {
    const model = await parseFile(file);
    const html = (await render(model, { format: 'html' })) as string;
    expect(missingWords(model, htmlText(html))).toEqual([]);
    const typst = (await render(model, { format: 'typst' })) as string;
    expect(missingWords(model, typst)).toEqual([]);
  });

  it.each(['pdf', 'docx', 'html', 'md', 'typst'] as RenderFormat[])('to %s: the same bytes every time', async (format) => {
    const model = await parseFile(file);
    const a = await render(model, { format });
    const b = await render(await parseFile(file), { format });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('what each format shows', () => {
  it('numbers principles and lists their åtaganden, with anchors from the model ids', async () => {
    const model = await parseFile(SEED.norrbottenDraft);
    const html = (await render(model, { format: 'html' })) as string;
    for (const p of model.principles) {
      expect(html).toContain(`id="${p.id}"`);
      p.commitments.forEach((c) => expect(html).toContain(`id="${c.id}"`));
    }
    const tree = unified().use(rehypeParse).parse(html);
    const ids = new Set<string>();
    const hrefs: string[] = [];
    const visit = (n: { properties?: Record<string, unknown>; children?: unknown[] }) => {
      if (typeof n.properties?.id === 'string') ids.add(n.properties.id);
      if (typeof n.properties?.href === 'string') hrefs.push(n.properties.href);
      for (const c of n.children ?? []) visit(c as typeof n);
    };
    visit(tree as never);
    // The table of contents lists the principles, not the ÅTAGANDEN heading inside each.
    const toc = /<nav class="toc"[\s\S]*?<\/nav>/u.exec(html)![0];
    for (const p of model.principles) expect(toc).toContain(`href="#${p.id}"`);
    expect(model.principles.every((p) => p.commitmentsHeading !== null)).toBe(true);
    expect(toc).not.toMatch(/ÅTAGANDEN/iu);
    // Every table-of-contents link leads to a place on the page.
    expect(hrefs.length).toBeGreaterThan(10);
    for (const h of hrefs) expect(ids.has(decodeURIComponent(h.slice(1)))).toBe(true);
  });

  it('sets the Word document properties and page size', async () => {
    const JSZip = (await import('jszip')).default;
    const model = await parseFile(SEED.norrbottenDraft);
    const zip = await JSZip.loadAsync((await render(model, { format: 'docx', paper: 'a5' })) as Buffer);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:title>Regional överenskommelse om samverkan</dc:title>');
    expect(core).toContain('<dc:subject>Region Norrbotten, Länsstyrelsen Norrbotten och Civilsamhället på regional nivå i Norrbotten (genom Samforma)</dc:subject>');
    expect(core).toContain('<dc:description>Version word-draft, utkast</dc:description>');
    const custom = await zip.file('docProps/custom.xml')!.async('string');
    for (const value of ['norrbotten-civilsamhalle', 'word-draft', 'draft', 'UTKAST']) expect(custom).toContain(`>${value}<`);
    expect(await zip.file('word/document.xml')!.async('string')).toMatch(/<w:pgSz w:w="8391" w:h="11906"/u);
    // The A5 print page of the HTML too.
    expect((await render(model, { format: 'html', paper: 'a5' })) as string).toMatch(/size: A5;/u);
  });

  it('renders the Värmland report as a report: its phases and time plan, not an empty agreement', async () => {
    const model = await parseFile(SEED.varmland);
    const back = await parse((await render(model, { format: 'docx' })) as Buffer, { path: 'r.docx' });
    expect(back.report?.phases.map((p) => p.name)).toEqual(model.report?.phases.map((p) => p.name));
    const html = htmlText((await render(model, { format: 'html' })) as string);
    for (const period of model.report!.timePlan!.periods) expect(html).toContain(period.label);
  });

  it('renders Västerbotten (no principles) with its vision, goals, samverkansområden and bodies', async () => {
    const model = await parseFile(SEED.vasterbotten);
    expect(model.principles).toEqual([]);
    const html = htmlText((await render(model, { format: 'html' })) as string);
    for (const text of [model.vision!.text, ...model.goals.map((g) => g.text), ...model.developmentAreas.map((a) => a.title), ...model.bodies.map((b) => b.heading.text)]) expect(html).toContain(text);
  });

  it('marks a draft UTKAST, a remiss version REMISSVERSION, and a final version not at all', async () => {
    const model = await parseFile(SEED.norrbottenDraft);
    expect(model.meta.revision?.status).toBe('draft');
    const shown = async (m: Agreement, draft?: boolean) => htmlText((await render(m, { format: 'html', ...(draft !== undefined ? { draft } : {}) })) as string);
    expect(await shown(model)).toContain('UTKAST');
    expect(await shown(model, false)).not.toContain('UTKAST');
    const remiss = { ...model, meta: { ...model.meta, revision: { label: 'remiss-1', status: 'remiss' as const, date: '2026-11-23' } } };
    expect(await shown(remiss)).toContain('REMISSVERSION 23 november 2026');
    const proof = await parseFile(SEED.norrbottenProof);
    expect(await shown(proof)).not.toMatch(/UTKAST|REMISSVERSION/u);
    expect(await shown(proof, true)).toContain('UTKAST');
    // The PDF carries it in its running header and watermark; the final version does not.
    const pdfText = async (draft?: boolean) => modelTexts(await parse((await render(model, { format: 'pdf', ...(draft !== undefined ? { draft } : {}) })) as Buffer, { path: 'x.pdf' })).join(' ') + JSON.stringify((await parse((await render(model, { format: 'pdf', ...(draft !== undefined ? { draft } : {}) })) as Buffer, { path: 'x.pdf' })).artifacts);
    expect(await pdfText()).toContain('UTKAST');
    expect(await pdfText(false)).not.toContain('UTKAST');
  });
});
