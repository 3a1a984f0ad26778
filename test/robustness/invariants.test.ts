/**
 * Issue 11's invariants, as properties over generated agreements (fast-check)
 * and their revisions: every id unique, every JSON valid against its schema,
 * diff(A, A) empty, diff(A, B) the mirror of diff(B, A), and the word ops of
 * every change rebuilding both texts.
 */
import fc from 'fast-check';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/index.js';
import { agreementJsonSchema } from '../../src/model-schema.js';
import type { Agreement } from '../../src/model.js';
import { diffAgreements } from '../../src/diff/align.js';
import { diffJsonSchema } from '../../src/diff/model-schema.js';
import type { Summary } from '../../src/diff/model.js';
import { newTextOf, oldTextOf } from '../../src/diff/words.js';

const WORDS = ['parterna', 'ska', 'samverka', 'regionen', 'kommunen', 'dialog', 'tillit', 'länet', 'föreningar', 'utveckling', 'kunskap', 'ansvar', 'möten', 'beslut', 'delaktighet'];
const SECTIONS = ['Bakgrund', 'Framtid', 'Uppföljning', 'Finansiering', 'Anslutning'];
const TITLES = ['Dialog', 'Kvalitet', 'Mångfald', 'Öppenhet', 'Självständighet', 'Långsiktighet'];

const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 9 }).map((w) => `${w.join(' ').replace(/^./u, (c) => c.toUpperCase())}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));

interface Doc {
  vision: string;
  purpose: string;
  sections: Array<{ heading: string; paragraphs: string[] }>;
  principles: Array<{ title: string; text: string; commitments: string[] }>;
}

const doc: fc.Arbitrary<Doc> = fc.record({
  vision: sentence,
  purpose: paragraph,
  sections: fc.uniqueArray(fc.record({ heading: fc.constantFrom(...SECTIONS), paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 3 }) }), { selector: (s) => s.heading, maxLength: 3 }),
  principles: fc.uniqueArray(fc.record({ title: fc.constantFrom(...TITLES), text: paragraph, commitments: fc.array(sentence, { maxLength: 4 }) }), { selector: (p) => p.title, minLength: 1, maxLength: 5 }),
});

function markdown(d: Doc): string {
  const out = ['# Överenskommelse om samverkan', '', '## Vision', '', d.vision, '', '## Syfte', '', d.purpose, ''];
  for (const s of d.sections) out.push(`## ${s.heading}`, '', ...s.paragraphs.flatMap((p) => [p, '']));
  out.push('## Principer', '');
  d.principles.forEach((p, i) => {
    out.push(`### ${i + 1}. ${p.title}`, '', p.text, '');
    if (p.commitments.length) out.push('#### ÅTAGANDEN', '', ...p.commitments.map((c) => `- ${c}`), '');
  });
  return out.join('\n');
}

/** A revision: some words changed, a commitment dropped, a paragraph added, principles swapped, a paragraph moved. */
const edit = fc.tuple(fc.nat(4), fc.nat(50), fc.nat(50), sentence);
function revise(d: Doc, edits: Array<[number, number, number, string]>): Doc {
  const r: Doc = structuredClone(d);
  for (const [kind, a, b, text] of edits) {
    const p = r.principles[a % r.principles.length]!;
    const s = r.sections.length ? r.sections[a % r.sections.length]! : null;
    if (kind === 0) p.text = p.text.replace(/ \p{L}+/u, ` ${WORDS[b % WORDS.length]}`);
    else if (kind === 1 && p.commitments.length) p.commitments.splice(b % p.commitments.length, 1);
    else if (kind === 2 && s) s.paragraphs.push(text);
    else if (kind === 3 && r.principles.length > 1) {
      const j = b % r.principles.length;
      [r.principles[a % r.principles.length], r.principles[j]] = [r.principles[j]!, r.principles[a % r.principles.length]!];
    } else if (kind === 4 && r.sections.length > 1 && s && s.paragraphs.length > 1) r.sections[b % r.sections.length]!.paragraphs.push(s.paragraphs.pop()!);
  }
  return r;
}

const ajv = new Ajv2020.default({ allErrors: true, strict: false });
const validModel = ajv.compile(agreementJsonSchema());
const validDiff = ajv.compile(diffJsonSchema());

function ids(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) ids(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'id' && typeof v === 'string') out.push(v);
      else ids(v, out);
    }
  }
  return out;
}

const mirror = (s: Summary): Summary => ({ ...s, added: s.removed, removed: s.added, split: s.merged, merged: s.split });
const read = (d: Doc, path: string): Promise<Agreement> => parse(markdown(d), { format: 'markdown', path });

describe('invariants over generated agreements and revisions (fast-check)', () => {
  it('every id is unique, and the model validates against the published schema', async () => {
    await fc.assert(
      fc.asyncProperty(doc, async (d) => {
        const model = await read(d, 'a.md');
        const list = ids(model);
        expect(new Set(list).size).toBe(list.length);
        expect(validModel(JSON.parse(JSON.stringify(model))), JSON.stringify(validModel.errors)).toBe(true);
        expect(model.principles).toHaveLength(d.principles.length);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('diff(A, A) is empty; diff(A, B) validates, rebuilds both texts, and mirrors diff(B, A)', async () => {
    await fc.assert(
      fc.asyncProperty(doc, fc.array(edit, { minLength: 1, maxLength: 4 }), async (d, edits) => {
        const a = await read(d, 'a.md');
        const b = await read(revise(d, edits), 'b.md');
        expect(diffAgreements(a, a).changes).toEqual([]);
        const ab = diffAgreements(a, b);
        const ba = diffAgreements(b, a);
        expect(validDiff(JSON.parse(JSON.stringify(ab))), JSON.stringify(validDiff.errors)).toBe(true);
        for (const c of ab.changes) {
          if (c.old) expect(oldTextOf(c.words)).toBe(c.old.text);
          if (c.new) expect(newTextOf(c.words)).toBe(c.new.text);
        }
        expect(ba.summary).toEqual(mirror(ab.summary));
      }),
      { numRuns: 200 },
    );
  }, 180_000);
});
