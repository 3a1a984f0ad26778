/**
 * The rendered versions opened by the programs people use: the HTML page in
 * headless Chromium (Debian's chromium: offline, screenshot, print to PDF), the
 * Word file in LibreOffice (converted to PDF), the PDF pages as images
 * (poppler-utils' pdftoppm) and as text (pdftotext). .ci/run installs them;
 * without them the tests are skipped on a developer machine and fail under CI=true.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium, offline } from '../helpers/browser.js';
import { parseFile } from '../../src/parse/index.js';
import { render } from '../../src/render/index.js';
import { missingWords } from '../helpers/render.js';
import { SEED, agreementFiles } from '../helpers/seeds.js';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const has = (program: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const poppler = has('pdftoppm') && has('pdftotext');
const browser = hasChromium;
const office = existsSync(SOFFICE);
if (process.env.CI === 'true' && !(poppler && browser && office)) {
  throw new Error(`CI=true but missing ${[!poppler && 'pdftoppm/pdftotext (poppler-utils)', !browser && `Chromium at ${CHROMIUM}`, !office && `LibreOffice at ${SOFFICE}`].filter(Boolean).join(', ')}: .ci/run installs them from Debian`);
}
const tmp = () => mkdtempSync(join(tmpdir(), 'overens-programs-'));
/** The text of a PDF in content order (-raw: pdftotext's default layout mode joins words hyphenated at a line end, which would hide them). */
const pdftotext = (file: string) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
/**
 * PDF text as it stands, followed by the same text with each web address that
 * ends a line joined to the next line: a page breaks a long address anywhere,
 * and whether the address went on cannot be told from the text.
 */
const joinAddresses = (text: string) => `${text}\n${text.replace(/(\S*(?:https?:\/\/|www\.)\S*)\n(?=\S)/gu, '$1')}`;
const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
/** The pages of a PDF as PNG files, at a small resolution. */
function pages(pdf: string): string[] {
  const dir = tmp();
  execFileSync('pdftoppm', ['-r', '40', '-png', pdf, join(dir, 'page')], { stdio: 'ignore' });
  return readdirSync(dir).sort().map((f) => join(dir, f));
}
/** A page image with something on it: a blank PNG of the same size compresses to a few hundred bytes. */
const inked = (png: string) => statSync(png).size > 3_000;

describe.skipIf(!poppler)('the print PDF, as pdftoppm and pdftotext see it', () => {
  it.each(agreementFiles())('%s: every page has ink, the text has every word', async (file) => {
    const model = await parseFile(file);
    const pdf = join(tmp(), 'a.pdf');
    writeFileSync(pdf, (await render(model, { format: 'pdf' })) as Buffer);
    const images = pages(pdf);
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const png of images) expect(inked(png), png).toBe(true);
    expect(missingWords(model, joinAddresses(pdftotext(pdf)))).toEqual([]);
  });

  it('an A5 print layout has A5 pages', async () => {
    const pdf = join(tmp(), 'a5.pdf');
    writeFileSync(pdf, (await render(await parseFile(SEED.norrbottenDraft), { format: 'pdf', paper: 'a5' })) as Buffer);
    expect(pdfinfo(pdf)).toMatch(/Page size:\s+419\.5\d* x 595\.2\d* pts/u);
  });
});

describe.skipIf(!browser)('the HTML page in headless Chromium', () => {
  it.each([SEED.norrbottenDraft, SEED.vasterbotten, SEED.varmland])('%s renders offline, whole, and prints with running header and page numbers', async (file) => {
    const model = await parseFile(file);
    const dir = tmp();
    const html = join(dir, 'a.html');
    writeFileSync(html, (await render(model, { format: 'html' })) as string);
    const b = await launchChromium();
    try {
      const page = await b.newPage({ viewport: { width: 1000, height: 1400 } });
      const outside = await offline(page);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(pathToFileURL(html).href);
      expect(outside).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(await page.locator('html').getAttribute('lang')).toBe('sv');
      expect((await page.locator('h1').first().innerText()).trim()).toBe((model.sections.find((s) => s.type === 'section' && s.role === 'title') as { heading: { text: string } } | undefined)?.heading.text ?? model.meta.title);
      // Every word of the agreement is on the page as the browser shows it.
      expect(missingWords(model, await page.locator('body').innerText())).toEqual([]);
      // Every table-of-contents entry leads to a heading on the page.
      const hrefs = await page.locator('nav.toc a').evaluateAll((links) => links.map((l) => decodeURIComponent(l.getAttribute('href')!.slice(1))));
      expect(hrefs.length).toBeGreaterThan(3);
      for (const id of hrefs) expect(await page.evaluate((x) => document.getElementById(x)?.tagName ?? null, id), id).toMatch(/^H[1-6]$/u);
      const shot = await page.screenshot({ fullPage: false });
      writeFileSync(join(dir, 'a.png'), shot);
      expect(shot.length).toBeGreaterThan(20_000);
      // Printed: A4 pages with the title in the running header and numbered pages.
      const pdf = join(dir, 'a.pdf');
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      if (poppler) {
        const text = pdftotext(pdf);
        const count = Number(/Pages:\s+(\d+)/u.exec(pdfinfo(pdf))![1]);
        expect(count).toBeGreaterThanOrEqual(3);
        expect(text).toContain(`Sida 2 (${count})`);
        expect(text).toContain(`Sida ${count} (${count})`);
        expect(pdfinfo(pdf)).toMatch(/\(A4\)/u);
      }
    } finally {
      await b.close();
    }
  });
});

describe.skipIf(!office)('the Word file in LibreOffice', () => {
  it.each([SEED.norrbottenDraft, SEED.vasterbotten])('%s opens and converts to PDF with every word', async (file) => {
    const model = await parseFile(file);
    const dir = tmp();
    const docx = join(dir, 'a.docx');
    writeFileSync(docx, (await render(model, { format: 'docx' })) as Buffer);
    execFileSync(SOFFICE, [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore', timeout: 120_000 });
    const pdf = join(dir, 'a.pdf');
    expect(existsSync(pdf)).toBe(true);
    if (poppler) {
      expect(missingWords(model, joinAddresses(pdftotext(pdf)))).toEqual([]);
      for (const png of pages(pdf)) expect(inked(png), png).toBe(true);
    } else expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
