/**
 * Turning PDF text items back into text: lines by baseline, headings by type
 * size, columns, paragraphs by vertical gaps, and page furniture that the
 * layout normalisation then removes. Hand-made items, so each rule is tested
 * on its own; test/import.test.ts reads a real PDF.
 */
import { describe, expect, it } from 'vitest';
import { textFromItems, type Item } from '../src/parse/import/pdf.js';
import { parse } from '../src/parse/index.js';

const item = (str: string, x: number, y: number, fontSize = 11, bold = false): Item => ({ str, x, y, width: str.length * fontSize * 0.5, fontSize, bold });

/** A page with a running header, a footer page number and the given body items. */
const page = (n: number, body: Item[]): Item[] => [item('Regional överenskommelse Exempel', 50, 800, 9), ...body, item(String(n), 300, 30, 9)];

describe('PDF text items to text', () => {
  it('puts items on one baseline into one line, in x order, with spaces where there are gaps', () => {
    const text = textFromItems([[item('samverkan', 120, 700), item('Parterna ska', 50, 700), item('tillsammans.', 182, 700.5)]]);
    expect(text).toBe('Parterna ska samverkan tillsammans.\n');
  });

  it('sets a larger type size apart as a heading block, and breaks paragraphs at a vertical gap', () => {
    const text = textFromItems([
      [item('Vision', 50, 760, 16), item('Tillsammans för ett', 50, 730), item('levande län.', 50, 717), item('Nytt stycke.', 50, 680)],
    ]);
    expect(text).toBe('Vision\n\nTillsammans för ett\nlevande län.\n\nNytt stycke.\n');
  });

  it('keeps a heading that wraps onto a second line as one heading', () => {
    const text = textFromItems([
      [item('Stärka civilsamhället som sektor och de unika', 50, 760, 14, true), item('roller organisationerna har', 50, 743, 14, true), item('Civilsamhället har en viktig funktion.', 50, 720)],
    ]);
    expect(text).toBe('Stärka civilsamhället som sektor och de unika roller organisationerna har\n\nCivilsamhället har en viktig funktion.\n');
    // Two headings in a row stay two: the second starts with a capital.
    expect(textFromItems([[item('Vision', 50, 760, 14, true), item('Syfte', 50, 743, 14, true), item('Text.', 50, 720)]])).toBe('Vision\n\nSyfte\n\nText.\n');
  });

  it('reads the left column before the right one', () => {
    const left = [0, 1, 2, 3, 4].map((k) => item(`vänster spalt, rad ${k}`, 50, 700 - k * 13));
    const right = [0, 1, 2, 3, 4].map((k) => item(`höger spalt, rad ${k} med text`, 320, 700 - k * 13));
    const lines = textFromItems([[...right, ...left]]).trim().split('\n').filter(Boolean);
    expect(lines).toEqual([...left.map((i) => i.str), ...right.map((i) => i.str)]);
  });

  it('keeps headers and page numbers as lines of their own, which the layout normalisation removes', async () => {
    const pages = [1, 2, 3].map((n) => page(n, [item(`Stycke på sida ${n} som slutar här.`, 50, 700)]));
    const text = textFromItems(pages);
    expect(text.split('\n')).toContain('Regional överenskommelse Exempel');
    const model = await parse(text, { format: 'pdf-text' });
    expect(model.artifacts.map((a) => a.kind).sort()).toEqual(['page-number', 'page-number', 'page-number', 'running-header', 'running-header', 'running-header']);
    expect(JSON.stringify(model.sections)).not.toContain('Regional överenskommelse Exempel');
  });

  it('keeps the cells of a table row on one line, a wide gap apart', () => {
    const text = textFromItems([[item('Part', 50, 700), item('Ledamöter', 300, 700), item('Region Exempel', 50, 686), item('2', 300, 686)]]);
    expect(text).toBe('Part   Ledamöter\nRegion Exempel   2\n');
  });

  it('glues a superscript footnote number to its word and writes a footnote body as [N]', () => {
    const text = textFromItems([
      [item('mellan parterna.', 50, 700), item('1', 50 + 16 * 5.5, 704.6, 7), item('Mer text här.', 50, 686), item('1', 50, 80, 7), item('Se den nationella överenskommelsen.', 58, 75.4)],
    ]);
    expect(text).toBe('mellan parterna.1\nMer text här.\n\n[1] Se den nationella överenskommelsen.\n');
  });

  it('gives no text for a page without text items (a scan)', () => {
    expect(textFromItems([[], [item('   ', 50, 700)]])).toBe('');
  });
});
