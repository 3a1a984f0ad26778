/**
 * Check is general: every real excerpt of the corpus and every extraction
 * variant is checked without an error of the tool, and every finding points
 * at a place inside the text it was read from.
 */
import { describe, expect, it } from 'vitest';
import { parseFileWithSource } from '../../src/parse/index.js';
import { check } from '../../src/check/index.js';
import { fixtureFiles } from '../helpers/seeds.js';

describe.each([...fixtureFiles('test/fixtures/corpus'), ...fixtureFiles('test/fixtures/variants'), ...fixtureFiles('test/fixtures/variants/markdown')])('check %s', (file) => {
  it('finds only places inside the text, each with a rule, a level and a message', async () => {
    const { model, source } = await parseFileWithSource(file);
    const lines = source.text.split('\n');
    for (const f of await check(model, { sourceText: source.text })) {
      expect(f.file).toBe(file);
      expect(f.message.length).toBeGreaterThan(5);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.place.start.line).toBeGreaterThanOrEqual(1);
      expect(f.place.start.line).toBeLessThanOrEqual(Math.max(1, lines.length));
      // Where the finding quotes a word, the source holds it at that place.
      const quoted = /^"([^"]+)"/u.exec(f.message)?.[1];
      if (quoted && f.ruleId === 'spelling') expect(lines[f.place.start.line - 1]!.slice(f.place.start.column - 1)).toMatch(new RegExp(`^${quoted.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`, 'u'));
    }
  });
});
