/**
 * The built site in headless Chromium (Debian's chromium, offline), as a
 * process leader opens it: the index and an agreement's page load with nothing
 * from the network, the screenshot is a page with content (not blank, not an
 * error page), it fits a phone's width, and it prints. Without Chromium the
 * tests are skipped on a developer machine and fail under CI=true.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium, offline } from '../helpers/browser.js';
import { cli } from '../helpers/cli.js';
import { copyRepository } from './helpers.js';

if (process.env.CI === 'true' && !hasChromium) throw new Error(`CI=true but no Chromium at ${CHROMIUM}: .ci/run installs it from Debian`);

/** The share of a PNG's pixels that are not near-white, counted by the browser itself. */
async function inkShare(browser: Browser, png: Buffer): Promise<number> {
  const page = await browser.newPage();
  await page.setContent('<canvas></canvas>');
  const share = await page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = document.querySelector('canvas')!;
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, img.width, img.height).data;
    let ink = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i]! < 200 || px[i + 1]! < 200 || px[i + 2]! < 200) ink++;
    return ink / (px.length / 4);
  }, png.toString('base64'));
  await page.close();
  return share;
}

describe.skipIf(!hasChromium)('the built site in Chromium', () => {
  let browser: Browser;
  let site: string;
  beforeAll(async () => {
    const repo = copyRepository();
    site = join(repo, 'site');
    cli(['build', 'agreements', '--out', 'site', '--formats', 'html,md'], { cwd: repo });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => browser?.close());

  it.each([['index.html'], ['norrbotten-civilsamhalle/index.html'], ['vasterbotten-samverkan-2023-2026/source/draft.html']])('%s loads offline and shows a page with content', async (file) => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const outside = await offline(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(site, file)).href);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    const png = await page.screenshot();
    const ink = await inkShare(browser, png);
    // Text on white: some ink, far from all of it (a blank page has none, a dark error page almost all).
    expect(ink).toBeGreaterThan(0.02);
    expect(ink).toBeLessThan(0.5);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the index reads as a process leader needs it: every agreement, its files, rounds and check results', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    const text = await page.evaluate(() => document.body.innerText);
    for (const title of ['Regional överenskommelse om samverkan mellan Region Norrbotten', 'Dialog: Regional överenskommelse inom det sociala området i Värmland', 'Överenskommelse om samverkan för regional utveckling 2023-2026']) expect(text).toContain(title);
    expect(text).toMatch(/Webbsida/);
    expect(text).toMatch(/Word med spårade ändringar/);
    expect(text).toMatch(/Kontroll: 5 fel, 19 varningar/);
    // Following a redline link opens the diff page.
    await page.click('a:text-is("Webb") >> nth=0');
    expect(await page.title()).toMatch(/^Ändringar: /);
    await page.close();
  });

  it('fits a phone: no sideways scrolling at 390 pixels', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const file of ['index.html', 'norrbotten-civilsamhalle/index.html']) {
      await page.goto(pathToFileURL(join(site, file)).href);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), file).toBeLessThanOrEqual(390);
    }
    await page.close();
  });

  it('prints: the index as an A4 PDF with its text', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('ul.files')!).display)).toBe('none');
    await page.close();
  });
});
