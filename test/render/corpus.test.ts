/**
 * Render is general: every real excerpt of the corpus (other regions and
 * municipalities) and every extraction variant renders to Markdown, HTML,
 * Word and PDF without losing a word. Markdown, Word and PDF are read back
 * through the project's own import; the HTML page is read as a browser shows
 * it (its text, and the numbers its ordered lists show).
 */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { toText } from 'hast-util-to-text';
import { parse, parseFile } from '../../src/parse/index.js';
import { modelTexts } from '../../src/coverage.js';
import { render } from '../../src/render/index.js';
import { missingWords, wordsReadBack } from '../helpers/render.js';
import { fixtureFiles } from '../helpers/seeds.js';

const FILES = [...fixtureFiles('test/fixtures/corpus'), ...fixtureFiles('test/fixtures/variants')];

/** An HTML page's text as a browser shows it, with the number each ordered list item shows. */
function shown(html: string): string {
  const numbers = [...html.matchAll(/<li [^>]*value="(\d+)"/gu)].map((m) => m[1]);
  return `${toText(unified().use(rehypeParse).parse(html))}\n${numbers.join(' ')}`;
}

describe.each(FILES)('%s', (file) => {
  it('renders to md, html, docx and pdf with every word', async () => {
    const model = await parseFile(file);
    const md = (await render(model, { format: 'md' })) as string;
    expect(missingWords(model, modelTexts(await parse(md, { path: 'x.md' })).join('\n')), 'md').toEqual([]);
    expect(missingWords(model, shown((await render(model, { format: 'html' })) as string)), 'html').toEqual([]);
    const docx = await parse((await render(model, { format: 'docx' })) as Buffer, { path: 'x.docx' });
    expect(missingWords(model, modelTexts(docx).join('\n')), 'docx').toEqual([]);
    const pdf = await parse((await render(model, { format: 'pdf' })) as Buffer, { path: 'x.pdf' });
    expect(missingWords(model, wordsReadBack(pdf)), 'pdf').toEqual([]);
    // Principles and their åtaganden come back through Word word for word, and in number order.
    expect(docx.principles.map((p) => [p.number, p.commitments.length])).toEqual(model.principles.map((p) => [p.number, p.commitments.length]));
  });
});
