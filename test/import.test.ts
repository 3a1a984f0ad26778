/**
 * .docx and .pdf input: the fixtures in test/fixtures/import were made once
 * from agreement.md (see the README there); the tests need neither pandoc nor
 * LibreOffice.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseFile, parseFileWithSource } from '../src/parse/index.js';
import { coverage } from '../src/coverage.js';
import type { Agreement } from '../src/model.js';
import { cli } from './helpers/cli.js';

const DIR = 'test/fixtures/import';
const text = await parseFile(join(DIR, 'agreement.md'), { manifest: false });

/** Footnote markers are written per format ("[^1]" in Markdown, a superscript "1" in a PDF). */
const unmarked = (text: string | undefined) => text?.replace(/\[\^?\d+\]|(?<=\p{L}[.,]?)\d+$/gu, '');

const structure = (m: Agreement) => ({
  title: m.meta.title,
  parties: m.meta.parties,
  vision: m.vision?.text,
  purpose: unmarked(m.purpose?.text),
  goals: m.goals.map((g) => g.text),
  principles: m.principles.map((p) => ({ number: p.number, title: p.title, commitments: p.commitments.map((c) => c.text) })),
  bodies: m.bodies.map((b) => [b.kind, b.name]),
});

describe.each(['docx', 'pdf'] as const)('a .%s made from an agreement', (ext) => {
  const file = join(DIR, `agreement.${ext}`);

  it('parses to the same principles, åtaganden, goals and bodies as the text', async () => {
    const model = await parseFile(file, { manifest: false });
    expect(model.meta.source.format).toBe(ext);
    expect(structure(model)).toEqual(structure(text));
    expect(model.principles.map((p) => p.commitments.length)).toEqual([2, 3, 1]);
  });

  it('has the footnote, its marker in the purpose, and the table of the body', async () => {
    const model = await parseFile(file, { manifest: false });
    expect(model.footnotes.map((f) => [f.number, f.text, f.markers])).toEqual([[1, 'Se den nationella överenskommelsen från 2008.', ['purpose/p-1']]]);
    const table = model.bodies[0]!.description.find((d) => d.type === 'table');
    expect(table && 'rows' in table ? table.rows : null).toEqual([
      ['Part', 'Ledamöter'],
      ['Region Exempel', '2'],
      ['Länsstyrelsen Exempel', '2'],
      ['Civilsamhället', '2'],
    ]);
  });

  it('keeps every word of the extracted text', async () => {
    const { model, source } = await parseFileWithSource(file, { manifest: false });
    const c = coverage(source.text, model);
    expect({ missing: c.missing, extra: c.extra, percent: c.percent }).toEqual({ missing: [], extra: [], percent: 100 });
  });

  it('is recognised by its content, whatever the file is called', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'overens-import-'));
    const renamed = join(dir, 'kopia.txt');
    copyFileSync(file, renamed);
    expect((await parseFile(renamed, { manifest: false })).meta.source.format).toBe(ext);
  });

  it('parses from bytes in memory', async () => {
    const model = await parse(readFileSync(file), { path: `memory.${ext}` });
    expect(structure(model)).toEqual(structure(text));
  });
});

describe('Word comments and tracked changes', async () => {
  const model = await parseFile(join(DIR, 'agreement.docx'), { manifest: false });

  it('keeps a comment as an annotation artifact, outside the text, with a warning', () => {
    const note = model.artifacts.find((a) => a.kind === 'annotation');
    expect(note).toMatchObject({ text: 'Ska vi skriva län eller region?', external: true });
    // It points at the text it is attached to, in the extracted Markdown.
    expect(note?.position.start.line).toBe(model.vision!.paragraphs[0]!.position.start.line);
    expect(note?.position.start.line).toBeGreaterThan(1);
    expect(note?.reason).toMatch(/Granskare/u);
    expect(model.warnings.find((w) => w.ruleId === 'annotation')?.element).toBe(note?.id);
    expect(JSON.stringify(model.sections) + JSON.stringify(model.vision)).not.toContain('Ska vi skriva');
  });

  it('says which text is pending in unaccepted tracked changes', () => {
    const pending = model.warnings.filter((w) => w.ruleId === 'tracked-change');
    expect(pending.map((w) => w.message).sort()).toEqual([
      'Unaccepted tracked change (deletion) in the Word document: "regelbunden"',
      'Unaccepted tracked change (insertion) in the Word document: "varje år"',
    ]);
    // The pending insertion is in the text, on the line of its commitment.
    const insertion = pending.find((w) => w.message.includes('varje år'))!;
    expect(insertion.place.start.line).toBe(model.principles[1]!.commitments[2]!.position.start.line);
  });

  it('has no warnings when the document has neither', async () => {
    const pdf = await parseFile(join(DIR, 'agreement.pdf'), { manifest: false });
    expect(pdf.warnings).toEqual([]);
  });
});

describe('--from overrides the detected format', () => {
  it('reads PDF-extracted text as plain text when told so, and the other way round', () => {
    const proof = 'agreements/norrbotten/samverkan-civilsamhallet/norrbotten-layout-proof.pdf.txt';
    const asPdf = JSON.parse(cli(['parse', proof, '--format', 'json']).stdout);
    const asText = JSON.parse(cli(['parse', proof, '--from', 'text', '--format', 'json']).stdout);
    expect(asPdf.meta.source.format).toBe('pdf-text');
    expect(asText.meta.source.format).toBe('text');
    expect(asText.normalisations).toEqual([]);
    expect(asPdf.normalisations.length).toBeGreaterThan(50);
  });

  it('refuses an unknown format with the list of known ones', () => {
    const r = cli(['parse', 'test/fixtures/import/agreement.md', '--from', 'odt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown format "odt", expected one of: text, pdf-text, markdown, docx, pdf, html/u);
  });
});

describe('format detection by content', () => {
  const proofText = readFileSync('agreements/norrbotten/samverkan-civilsamhallet/norrbotten-layout-proof.pdf.txt', 'utf8');
  const draftText = readFileSync('agreements/norrbotten/samverkan-civilsamhallet/norrbotten-word-draft.txt', 'utf8');

  it('reads a PDF extraction saved under a .md name as PDF text', async () => {
    const model = await parse(proofText, { path: 'real.b.md' });
    expect(model.meta.source.format).toBe('pdf-text');
    expect(model.principles.map((p) => p.commitments.length)).toEqual([4, 4, 5, 4, 1, 3, 2]);
  });

  it('reads Word text of bare lines saved under a .md name as plain text', async () => {
    const model = await parse(draftText, { path: 'real.a.md' });
    expect(model.meta.source.format).toBe('text');
    expect(model.principles).toHaveLength(7);
  });

  it('believes a .md name when the text has Markdown structure', async () => {
    const md = 'Överenskommelse\n===============\n\nEn text som är **viktig** och bruten\növer flera rader i källan, som man\ngör i Markdown.\n';
    expect((await parse(md, { path: 'a.md' })).meta.source.format).toBe('markdown');
  });

  it('sees front matter and headings through a byte-order mark and CRLF line ends', async () => {
    expect((await parse('\uFEFF---\r\ntitle: X\r\n---\r\nText.\r\n', { path: 'a.txt' })).meta.source.format).toBe('markdown');
  });

  it('reads wrapped Word text without extraction marks as plain text', async () => {
    expect((await parse(draftText, { path: 'utkast.txt' })).meta.source.format).toBe('text');
  });
});
