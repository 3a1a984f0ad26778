/**
 * Property tests: documents built at random from the agreement grammar keep
 * 100% coverage, and their principles and commitments come back as built.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse/index.js';
import { coverage } from '../src/coverage.js';

const word = fc.constantFrom('samverkan', 'parterna', 'ska', 'dialog', 'län', 'kommunerna', 'idéburna', 'och', 'för', 'öppenhet', 'Region', '2023-2026', 'åtagande', 'mål', 'X', '30');
const sentence = fc.array(word, { minLength: 3, maxLength: 12 }).map((ws) => {
  const s = ws.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
});
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((ss) => ss.join(' '));
const title = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => {
  const s = ws.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
});

const principle = fc.record({ title, paragraphs: fc.array(paragraph, { maxLength: 3 }), commitments: fc.array(sentence, { minLength: 1, maxLength: 5 }) });
const genericSection = fc.record({ heading: title, paragraphs: fc.array(paragraph, { maxLength: 3 }), list: fc.array(sentence, { maxLength: 3 }) });

const document = fc.record({
  title,
  before: fc.array(genericSection, { maxLength: 3 }),
  vision: fc.option(sentence, { nil: undefined }),
  purpose: fc.option(paragraph, { nil: undefined }),
  goals: fc.array(sentence, { maxLength: 4 }),
  principles: fc.array(principle, { maxLength: 5 }),
  bodies: fc.array(fc.record({ name: fc.constantFrom('Ledningsgrupp', 'Utvecklingsgrupp', 'Mötesplatser', 'Regionalt nätverk'), text: paragraph }), { maxLength: 3 }),
  areas: fc.array(title, { maxLength: 5 }),
  after: fc.array(genericSection, { maxLength: 3 }),
});
type Doc = typeof document extends fc.Arbitrary<infer T> ? T : never;

function asText(d: Doc): string {
  const out: string[] = [d.title];
  const section = (s: Doc['before'][number]) => {
    out.push(`Avsnitt ${s.heading.toLowerCase()}`, ...s.paragraphs);
    if (s.list.length) out.push(s.list.map((l) => `- ${l}`).join('\n'));
  };
  d.before.forEach(section);
  if (d.vision) out.push('Vision', d.vision);
  if (d.purpose) out.push('Syfte', d.purpose);
  if (d.goals.length) out.push('Mål', d.goals.map((g) => `- ${g}`).join('\n'));
  if (d.principles.length) {
    out.push('Överenskommelsens principer');
    d.principles.forEach((p, i) => out.push(`${i + 1}. ${p.title}`, ...p.paragraphs, 'ÅTAGANDEN', p.commitments.map((c) => `- ${c}`).join('\n')));
  }
  if (d.bodies.length) {
    out.push('Stödstruktur');
    for (const b of d.bodies) out.push(b.name, b.text);
  }
  if (d.areas.length) out.push('Utvecklingsområden', d.areas.map((a) => `- ${a}`).join('\n'));
  d.after.forEach(section);
  return `${out.join('\n\n')}\n`;
}

function asMarkdown(d: Doc): string {
  const out: string[] = [`# ${d.title}`];
  const section = (s: Doc['before'][number]) => {
    out.push(`## Avsnitt ${s.heading.toLowerCase()}`, ...s.paragraphs);
    if (s.list.length) out.push(s.list.map((l) => `- ${l}`).join('\n'));
  };
  d.before.forEach(section);
  if (d.vision) out.push('## Vision', d.vision);
  if (d.purpose) out.push('## Syfte', d.purpose);
  if (d.goals.length) out.push('## Mål', d.goals.map((g) => `* ${g}`).join('\n'));
  if (d.principles.length) {
    out.push('## Överenskommelsens principer');
    d.principles.forEach((p, i) => out.push(`### ${i + 1}. ${p.title}`, ...p.paragraphs, '#### ÅTAGANDEN', p.commitments.map((c) => `- ${c}`).join('\n')));
  }
  if (d.bodies.length) {
    out.push('## Stödstruktur');
    for (const b of d.bodies) out.push(`### ${b.name}`, b.text);
  }
  if (d.areas.length) out.push('## Utvecklingsområden', d.areas.map((a) => `- ${a}`).join('\n'));
  d.after.forEach(section);
  return `${out.join('\n\n')}\n`;
}

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
