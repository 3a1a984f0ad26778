#!/usr/bin/env node
/**
 * The pictures in the README of what `overens render` makes: the first page of
 * each format, for the Norrbotten Word draft. Run after `npm run build`, with
 * Debian's chromium, libreoffice-writer and poppler-utils installed:
 *
 *   node scripts/make-previews.mjs
 *
 * Writes docs/images/render-{pdf,html,docx,md}.png. Not part of the tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { parseFile, render } from '../dist/index.js';

const SOURCE = 'agreements/norrbotten/samverkan-civilsamhallet/norrbotten-word-draft.txt';
const OUT = 'docs/images';
const dir = mkdtempSync(join(tmpdir(), 'overens-previews-'));
const model = await parseFile(SOURCE);

/** The first page of a PDF as a small PNG. */
function firstPage(pdf, name) {
  execFileSync('pdftoppm', ['-r', '45', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, name)], { stdio: 'ignore' });
  renameSync(join(dir, `${name}.png`), join(OUT, `render-${name}.png`));
}

const pdf = join(dir, 'a.pdf');
writeFileSync(pdf, await render(model, { format: 'pdf' }));
firstPage(pdf, 'pdf');

const docx = join(dir, 'a.docx');
writeFileSync(docx, await render(model, { format: 'docx' }));
execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), docx], { stdio: 'ignore' });
firstPage(join(dir, 'lo', 'a.pdf'), 'docx');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 760, height: 1000 }, deviceScaleFactor: 0.6 });
const html = join(dir, 'a.html');
writeFileSync(html, await render(model, { format: 'html' }));
await page.goto(pathToFileURL(html).href);
await page.screenshot({ path: join(OUT, 'render-html.png') });
// Markdown is text: shown as an editor shows it.
const md = await render(model, { format: 'md' });
const escaped = md.replace(/[&<>]/gu, (c) => `&#${c.charCodeAt(0)};`);
await page.setContent(`<pre style="font: 13px/1.45 'DejaVu Sans Mono', monospace; white-space: pre-wrap; margin: 16px">${escaped}</pre>`);
await page.screenshot({ path: join(OUT, 'render-md.png') });
await browser.close();
console.log(readFileSync(join(OUT, 'render-pdf.png')).length > 0 ? `wrote ${OUT}/render-{pdf,html,docx,md}.png` : 'nothing written');
