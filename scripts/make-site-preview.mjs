#!/usr/bin/env node
/**
 * The README's picture of what `overens build` makes: the top of the site's
 * index page for the bundled agreements, in Debian's chromium. Run after
 * `npm run build`:
 *
 *   node scripts/make-site-preview.mjs
 *
 * Writes docs/images/site-index.png. Not part of the tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const out = join(mkdtempSync(join(tmpdir(), 'overens-site-')), 'site');
execFileSync(process.execPath, ['bin/overens.js', 'build', 'agreements', '--out', out, '--exit-zero'], { stdio: 'ignore' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 900, height: 1150 }, deviceScaleFactor: 0.75 });
await page.goto(pathToFileURL(join(out, 'index.html')).href);
await page.screenshot({ path: 'docs/images/site-index.png' });
await browser.close();
console.log('wrote docs/images/site-index.png');
