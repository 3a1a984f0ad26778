/**
 * Web pages: the main content is the agreement text, with its headings and
 * lists as structure; the page's furniture goes to artifacts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseFile } from '../src/parse/index.js';
import { coverage } from '../src/coverage.js';
import { looksLikeHtml } from '../src/parse/import/html-detect.js';
import { ROOT, SEED } from './helpers/seeds.js';

const PAGE = join(ROOT, 'test/fixtures/html/goteborg-sida.html');
const sectionText = (model: Awaited<ReturnType<typeof parse>>) => JSON.stringify(model.sections);

describe('a web page', () => {
  it('is read as HTML by its content, whatever its name', async () => {
    const html = readFileSync(PAGE, 'utf8');
    expect((await parse(html, { path: 'sida.txt' })).meta.source.format).toBe('html');
    expect(looksLikeHtml('Texten nämner <p> och <div> men är inte en webbsida.')).toBe(false);
    expect(looksLikeHtml('<!doctype html><title>x</title>')).toBe(true);
  });

  it('keeps the main content with its structure: title, vision and goal sentences, six principles with their descriptions', async () => {
    const model = await parseFile(PAGE);
    expect(model.meta.title).toBe('Överenskommelse mellan Göteborgs Stad och civilsamhällets organisationer');
    expect(model.vision?.text).toMatch(/^Visionen är att Göteborg/u);
    expect(model.goals.map((g) => g.text)).toEqual(['Målet är att stärka demokratin, öka delaktigheten och minska utanförskap i Göteborg.']);
    expect(model.principles.map((p) => p.title)).toEqual(['Integritet och oberoende', 'Dialog', 'Kvalitet', 'Långsiktighet', 'Öppenhet och insyn', 'Mångfald']);
    expect(model.principles[4]!.paragraphs.map((b) => (b.type === 'paragraph' ? b.text : ''))).toEqual(['både Göteborgs Stad och organisationerna ska sträva efter transparens']);
  });

  it('moves navigation, header, breadcrumb, cookie banner, skip link, aside and footer to artifacts, never into the title or sections', async () => {
    const model = await parseFile(PAGE);
    expect(model.artifacts.map((a) => a.kind)).toEqual(['page-title', 'skip-link', 'cookie-notice', 'page-header', 'breadcrumb', 'page-footer', 'aside']);
    expect(model.artifacts.every((a) => a.external)).toBe(true);
    const sections = sectionText(model);
    for (const furniture of ['Hoppa till', 'kakor', 'Meny', 'Bo, bygga och miljö', 'Kommun och politik', 'Relaterat', '404 82', 'English']) expect(sections).not.toContain(furniture);
  });

  it('keeps text that looks like markup as text', async () => {
    const model = await parseFile(PAGE);
    expect(sectionText(model)).toContain('Texten <script>alert(1)</script> och *stjärnor* är text, aldrig markup.');
  });

  it('keeps every word of the main content (coverage is counted on the extracted text)', async () => {
    const html = readFileSync(PAGE, 'utf8');
    const { parseFileWithSource } = await import('../src/parse/index.js');
    const { model, source } = await parseFileWithSource(PAGE);
    expect(source.text).not.toMatch(/<(?:main|article|p|li)[ >]/u);
    expect(html).toContain('Got United');
    const c = coverage(source.text, model);
    expect({ missing: c.missing, extra: c.extra }).toEqual({ missing: [], extra: [] });
  });

  it('reads headings a page sets as plain paragraphs and numbered one-item lists as bare-line headings (pandoc -t html of the Word draft)', async () => {
    const model = await parseFile(join(ROOT, 'test/fixtures/variants/pandoc.html'));
    const draft = await parseFile(SEED.norrbottenDraft);
    expect(model.principles.map((p) => [p.number, p.title, p.commitments.length])).toEqual(draft.principles.map((p) => [p.number, p.title, p.commitments.length]));
    expect(model.vision?.text).toBe(draft.vision?.text);
    expect(model.goals.map((g) => g.text)).toEqual(draft.goals.map((g) => g.text));
  });
});
