/**
 * The HTML diff in a real browser: headless Chromium (Debian's `chromium`,
 * installed by .ci/run) renders the page offline; the <ins>/<del> counts match
 * the JSON; a screenshot is taken. Without Chromium the test is skipped on a
 * developer machine and fails under CI=true.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium as available, launchChromium, offline } from './helpers/browser.js';
import { cli } from './helpers/cli.js';
import { SEED } from './helpers/seeds.js';

if (!available && process.env.CI === 'true') throw new Error(`CI=true but no Chromium at ${CHROMIUM}: .ci/run installs Debian's chromium`);

const PAIRS: Array<[string, string]> = [
  ['test/fixtures/diff/round-1.md', 'test/fixtures/diff/round-2.md'],
  [SEED.norrbottenDraft, SEED.norrbottenProof],
];

describe.skipIf(!available)('the HTML diff in headless Chromium', () => {
  it.each(PAIRS)('%s -> %s renders offline, with as many <ins>/<del> as the JSON has insertions and deletions', async (a, b) => {
    const json = JSON.parse(cli(['diff', a, b, '-f', 'json']).stdout) as { changes: Array<{ words: Array<{ op: string }> }> };
    const expected = { ins: 0, del: 0 };
    for (const c of json.changes) for (const w of c.words) if (w.op === 'insert') expected.ins++; else if (w.op === 'delete') expected.del++;

    const dir = mkdtempSync(join(tmpdir(), 'overens-html-'));
    const file = join(dir, 'diff.html');
    writeFileSync(file, cli(['diff', a, b, '-f', 'html']).stdout);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const outside = await offline(page);
      await page.goto(pathToFileURL(file).href);
      expect(outside).toEqual([]);
      expect(await page.locator('ins').count()).toBe(expected.ins);
      expect(await page.locator('del').count()).toBe(expected.del);
      expect(await page.locator('section.change').count()).toBe(json.changes.length);
      expect(await page.locator('html').getAttribute('lang')).toBe('sv');
      // Every navigation link leads to a place on the page.
      for (const href of await page.locator('nav a').evaluateAll((links) => links.map((l) => l.getAttribute('href')))) {
        expect(await page.locator(href!).count()).toBe(1);
      }
      const shot = await page.screenshot({ fullPage: true });
      writeFileSync(join(dir, 'diff.png'), shot);
      expect(shot.length).toBeGreaterThan(10_000);
      // The print stylesheet hides the navigation.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav').isVisible()).toBe(false);
    } finally {
      await browser.close();
    }
  });
});
