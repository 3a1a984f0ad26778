/**
 * Agreements built at random from the agreement grammar (fast-check), as
 * plain text and as Markdown: the property tests' documents.
 */
import fc from 'fast-check';

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

export const document = fc.record({
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
export type Doc = typeof document extends fc.Arbitrary<infer T> ? T : never;

export function asText(d: Doc): string {
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

export function asMarkdown(d: Doc): string {
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

