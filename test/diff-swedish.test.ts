/**
 * Swedish everywhere in Swedish output. The diff documents (text, Markdown,
 * HTML, the stat table, the Word document with its comments) are Swedish
 * whatever the message language, and the messages are Swedish under --lang sv:
 * none may hold a string of the English catalog, a layout piece's English
 * name or reason, or an English change kind.
 */
import JSZip from 'jszip';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/parse/index.js';
import { diffAgreements } from '../src/diff/align.js';
import { catalogsForTest } from '../src/i18n.js';
import { ARTIFACT_SV } from '../src/reporters/diff-common.js';
import { renderDiffText } from '../src/reporters/diff-text.js';
import { renderDiffMarkdown } from '../src/reporters/diff-md.js';
import { renderDiffHtml } from '../src/reporters/diff-html.js';
import { renderDiffStat } from '../src/reporters/diff-stat.js';
import { renderDiffDocx } from '../src/reporters/diff-docx.js';
import type { Agreement } from '../src/model.js';
import { cli } from './helpers/cli.js';
import { SEED } from './helpers/seeds.js';

/** The English catalog's literal text: each message cut at its parameters, pieces of two words or more. */
const ENGLISH = Object.values(catalogsForTest.en)
  .flatMap((m) => m.split(/\{\w+\}/u))
  .map((s) => s.replace(/^[\s.,:;()"'-]+|[\s.,:;()"'-]+$/gu, ''))
  .filter((s) => s.split(/\s+/u).length >= 2);

const KINDS = ['added', 'removed', 'modified', 'moved', 'renumbered', 'split', 'merged'];

/** Every English string found in a Swedish output. */
function english(output: string, models: Agreement[]): string[] {
  const reasons = models.flatMap((m) => m.artifacts.map((a) => a.reason)).filter((r) => r.split(/\s+/u).length >= 2);
  const found = [...ENGLISH, ...reasons].filter((s) => output.includes(s));
  // A layout piece's kind as the parser names it ("page-number", "annotation"), in any case; not
  // the kinds that are Swedish words as well ("dialog", "form").
  for (const kind of Object.keys(ARTIFACT_SV).filter((k) => !['dialog', 'form'].includes(k))) if (new RegExp(`(?<![\\p{L}-])${kind}(?![\\p{L}-])`, 'iu').test(output)) found.push(kind);
  for (const kind of KINDS) if (new RegExp(`(?<![\\p{L}-])${kind}(?![\\p{L}-])`, 'u').test(output)) found.push(kind);
  return found;
}

/** What a reader of an HTML page reads: its text (class names and styles are not read). */
const htmlText = (html: string) => toText(unified().use(rehypeParse).parse(html.replace(/<style>[\s\S]*?<\/style>/u, '')));

/** The text of a Word document: body, comments and footnotes. */
async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(['word/document.xml', 'word/comments.xml', 'word/footnotes.xml'].map((p) => zip.file(p)?.async('string') ?? ''));
  return parts.map((xml) => [...xml.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)</gu)].map((m) => m[1]).join(' ')).join('\n');
}

describe.each([
  ['test/fixtures/diff/round-1.md', 'test/fixtures/diff/round-2.md'],
  [SEED.norrbottenDraft, SEED.norrbottenProof],
  [SEED.norrbottenDraft, SEED.norrbottenStodstruktur],
  ['test/fixtures/html/goteborg-sida.html', SEED.norrbottenProof],
])('%s -> %s', async (a, b) => {
  const oldModel = await parseFile(a);
  const newModel = await parseFile(b);
  const d = diffAgreements(oldModel, newModel);
  const models = [oldModel, newModel];

  it('has layout pieces, moves or changes to name', () => {
    expect(d.changes.length + d.artifacts.old.length + d.artifacts.new.length).toBeGreaterThan(3);
  });

  it.each([
    ['text', () => renderDiffText(d)],
    ['md', () => renderDiffMarkdown(d)],
    ['html', () => htmlText(renderDiffHtml(d))],
    ['stat', () => renderDiffStat(d)],
    ['docx', async () => docxText(await renderDiffDocx(d, oldModel, newModel))],
  ])('the %s output has no English', async (_format, render) => {
    expect(english(await render(), models)).toEqual([]);
  });
});

describe('messages under --lang sv', () => {
  it('warns in Swedish: two unrelated agreements, a missing scope', () => {
    const unrelated = cli(['diff', SEED.vasterbotten, SEED.norrbottenDraft, '--lang', 'sv']);
    expect(unrelated.stderr).toMatch(/har bara \d+ % av orden gemensamt/u);
    const scope = cli(['diff', 'test/fixtures/diff/round-1.md', 'test/fixtures/diff/round-2.md', '--scope', 'Finansiering', '--lang', 'sv']);
    expect(scope.stderr).toMatch(/har inget avsnitt "Finansiering"/u);
    for (const r of [unrelated, scope]) expect(english(r.stderr + r.stdout, [])).toEqual([]);
  });

  it('gives its help in Swedish, examples too', () => {
    const help = cli(['diff', '--help', '--lang', 'sv']).stdout;
    expect(help).toMatch(/^Exempel:/mu);
    expect(english(help.replace(/^Usage:.*$/mu, ''), [])).toEqual([]);
  });
});
