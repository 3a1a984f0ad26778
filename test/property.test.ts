/**
 * Property tests: documents built at random from the agreement grammar keep
 * 100% coverage, and their principles and commitments come back as built.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse/index.js';
import { coverage } from '../src/coverage.js';

import { asMarkdown, asText, document } from './helpers/grammar.js';

describe.each([
  ['text', asText, 'doc.txt'],
  ['markdown', asMarkdown, 'doc.md'],
] as const)('random %s documents from the grammar', (_name, render, path) => {
  it('keep every word in exactly one place', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (d) => {
        const text = render(d);
        const c = coverage(text, await parse(text, { path }));
        expect({ missing: c.missing, extra: c.extra }).toEqual({ missing: [], extra: [] });
      }),
      { numRuns: 150 },
    );
  });

  it('give back the principles, commitments, goals and bodies they were built from', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (d) => {
        const model = await parse(render(d), { path });
        expect(model.principles.map((p) => [p.number, p.title, p.commitments.map((c) => c.text)])).toEqual(
          d.principles.map((p, i) => [i + 1, p.title, p.commitments]),
        );
        expect(model.goals.map((g) => g.text)).toEqual(d.goals);
        expect(model.vision?.text).toBe(d.vision);
        expect(model.bodies.map((b) => b.name)).toEqual(d.bodies.map((b) => b.name));
        expect(model.developmentAreas.map((a) => a.title)).toEqual(d.areas);
      }),
      { numRuns: 150 },
    );
  });
});
