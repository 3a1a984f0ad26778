import { describe, expect, it } from 'vitest';
import { segmentMarkdown } from '../src/segment/markdown.js';

function render(md: string): string[] {
  return segmentMarkdown(md).blocks.map((b) => {
    const at = `${b.position.start.line}:${b.position.start.column}`;
    if (b.type === 'heading') return `h${b.depth}@${at} ${b.text}`;
    if (b.type === 'paragraph') return `${b.footnote ? 'footnote' : b.emphasis ? 'emphasis' : 'p'}@${at} ${b.text.replace(/\n/g, '⏎')}`;
    if (b.type === 'list') return `list@${at} ${b.items.map((i) => `${i.marker ?? '*'} ${i.text.replace(/\n/g, '⏎')}`).join(' | ')}`;
    return `table@${at} ${b.rows.map((r) => r.join('/')).join(' ; ')}`;
  });
}

describe('segmentMarkdown', () => {
  it('gives headings their depth and text without emphasis marks', () => {
    expect(render('# Titel\n\n### *Delegationen (DU)*\n\n#### **Figur 2: Organisation**')).toEqual([
      'h1@1:1 Titel',
      'h3@3:1 Delegationen (DU)',
      'h4@5:1 Figur 2: Organisation',
    ]);
  });

  it('strips inline HTML tags and keeps their text', () => {
    expect(render('<b>Inledning .....</b>\t<b>2</b>\n<i>Avgränsning</i>\t<i>3</i>')).toEqual(['p@1:1 Inledning .....\t2⏎Avgränsning\t3']);
  });

  it('marks wholly bold paragraphs and keeps hard breaks', () => {
    expect(render('**Västerbotten – en region**\n\nMELLAN A OCH  \nB')).toEqual(['emphasis@1:1 Västerbotten – en region', 'p@3:1 MELLAN A OCH⏎B']);
  });

  it('keeps the numbers of ordered lists, also nested in bullets', () => {
    expect(render('- 1) Grund\n- 2) Särskilda\n\n3. Tre\n4. Fyra')).toEqual(['list@1:1 * 1) Grund | * 2) Särskilda', 'list@4:1 3. Tre | 4. Fyra']);
  });

  it('keeps footnote definitions, tables, link targets and front matter', () => {
    const out = segmentMarkdown('---\nid: x\n---\nText[^1] och [länk](https://example.se).\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n[^1]: Källa.\n');
    expect(out.frontMatter).toBe('id: x');
    expect(out.blocks.map((b) => (b.type === 'table' ? b.rows : b.type === 'paragraph' ? b.text : b.type))).toEqual([
      'Text[^1] och länk (https://example.se).',
      [
        ['A', 'B'],
        ['1', '2'],
      ],
      '[^1]: Källa.',
    ]);
  });
});

describe('large documents, parsed piece by piece', () => {
  it('give the same blocks, with the same source lines, as one whole parse', async () => {
    const { readFileSync } = await import('node:fs');
    const { chunkMarkdown } = await import('../src/segment/markdown.js');
    const one = readFileSync('agreements/vasterbotten/samverkan-regional-utveckling-2023-2026/vasterbotten-samverkan-2023-2026.md', 'utf8');
    const fence = '\n```\n\n# inte en rubrik\n\nkod\n```\n\n';
    const text = Array.from({ length: 6 }, (_, i) => `${one}\n\n# Bilaga ${i + 1}\n\nText.\n${fence}- punkt ett\n\n- punkt två\n`).join('\n');
    expect(chunkMarkdown(text, 4096).length).toBeGreaterThan(5);
    expect(segmentMarkdown(text, 4096)).toEqual(segmentMarkdown(text, Infinity));
  });
});
