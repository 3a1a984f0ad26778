import { describe, expect, it } from 'vitest';
import { segmentMarkdown } from '../src/parse/segment/markdown.js';

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
    const { chunkMarkdown } = await import('../src/parse/segment/markdown.js');
    const one = readFileSync('agreements/vasterbotten/samverkan-regional-utveckling-2023-2026/vasterbotten-samverkan-2023-2026.md', 'utf8');
    const fence = '\n```\n\n# inte en rubrik\n\nkod\n```\n\n';
    const text = Array.from({ length: 6 }, (_, i) => `${one}\n\n# Bilaga ${i + 1}\n\nText.\n${fence}- punkt ett\n\n- punkt två\n`).join('\n');
    expect(chunkMarkdown(text, 4096).length).toBeGreaterThan(5);
    expect(segmentMarkdown(text, { chunkSize: 4096, plainRuns: false })).toEqual(segmentMarkdown(text, { chunkSize: Infinity, plainRuns: false }));
  });
});

describe('plain runs, taken without remark', () => {
  const same = (text: string) => expect(segmentMarkdown(text)).toEqual(segmentMarkdown(text, { plainRuns: false }));

  it('give the same blocks as remark on every seed document read as Markdown', async () => {
    const { readFileSync } = await import('node:fs');
    const { plainRuns } = await import('../src/parse/segment/plain-runs.js');
    const { agreementFiles } = await import('./helpers/seeds.js');
    for (const file of agreementFiles()) {
      const text = readFileSync(file, 'utf8');
      // Not vacuous: most paragraphs of every seed take the plain path.
      expect([...plainRuns(text).plain.values()].flat().length, file).toBeGreaterThan(10);
      same(text);
    }
  });

  it('give the same blocks as remark on Markdown pandoc wrote from Word documents and the corpus', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { plainRuns } = await import('../src/parse/segment/plain-runs.js');
    const { ROOT } = await import('./helpers/seeds.js');
    const dir = join(ROOT, 'test/fixtures/variants/markdown');
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(25);
    const taken = new Map<string, number>();
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const b of [...plainRuns(text).plain.values()].flat()) taken.set(b.type, (taken.get(b.type) ?? 0) + 1);
      expect(segmentMarkdown(text), file).toEqual(segmentMarkdown(text, { plainRuns: false, chunkSize: Infinity }));
    }
    // Not vacuous: the fast path took headings and lists as pandoc writes them, besides paragraphs.
    expect(taken.get('heading')).toBeGreaterThan(20);
    expect(taken.get('list')).toBeGreaterThan(20);
  });

  it('leave to remark what only looks plain', async () => {
    const { plainRuns } = await import('../src/parse/segment/plain-runs.js');
    const plainCount = (text: string) => [...plainRuns(text).plain.values()].flat().filter((b) => b.type === 'paragraph').length;
    for (const text of [
      '2023. Ett år',
      '1) Punkt',
      'Rubrik\n===',
      'Rubrik\n---',
      'Text med *betoning*',
      'Skriv till a@b.se',
      'Text med &amp; tecken',
      'Länk [x]',
      '  Indragen text',
      '```\n\nInte text\n\n```',
      '<!-- början\n\nInte text\n\nslut -->',
      '<pre>\n\nInte text\n\n</pre>',
    ]) {
      // The run that only looks plain is not taken; code and comment bodies neither.
      expect(plainCount(text), text).toBe(0);
      same(text);
    }
    expect(plainCount('Text.\n\nMer text  \nmed hårt radbyte\t\n\n• punkt\n\n2023 års plan\n')).toBe(4);
    // A web address GFM makes a link of keeps its words as written: the paragraph is taken.
    for (const text of ['Se www.example.se.', 'Läs mer på https://www.mucf.se/stod (pdf).', 'Adressen www.\nfortsätter', 'ftp://x.se och http://']) {
      expect(plainCount(text), text).toBe(1);
      same(text);
    }
  });

  it('take plain headings and simple lists too, as remark reads them', async () => {
    const { plainRuns } = await import('../src/parse/segment/plain-runs.js');
    const taken = (text: string) => [...plainRuns(text).plain.values()].flat().map((b) => b.type);
    const cases: Array<[string, string[]]> = [
      // Headings alone, with trailing spaces, between paragraphs without blank lines.
      ['## Syfte  \n\nText.\n# Mål\nMer text.', ['heading', 'paragraph', 'heading', 'paragraph']],
      // A list of three items over two stretches (one loose list), with a lazy line and an indented one.
      ['- Dialog  \n  Parterna för dialog.\nlat rad\n- Kvalitet\n\n- Öppenhet\n\nText.', ['list', 'paragraph']],
      // Ordered lists keep their markers; a new delimiter is a new list.
      ['1. Ett\n2. Två\n\n3) Tre', ['list', 'list']],
      // "2023." opens an ordered list.
      ['2023. Ett år', ['list']],
      // A web address in a heading or an item is a link with the address as its text.
      ['# Se www.e.se\n\n- Läs https://e.se/a.\n- Mer', ['heading', 'list']],
    ];
    for (const [text, types] of cases) {
      expect(taken(text), text).toEqual(types);
      same(text);
    }
    // Left to remark: a list an indented stretch may continue, one after a stretch remark reads,
    // an item of the same kind that is not simple, a heading with a closing sequence or marks.
    for (const text of [
      '- Ett\n\n  Fortsättning av ett.',
      '- Ett *betonat*\n\n- Två',
      '- Ett\n\n-\tTvå',
      '- Ett\n- - -',
      '## Rubrik ##',
      // After front matter that never closes, remark reads no list at all.
      '---\n\nText.\n\n- Ett',
      '# Se *detta*',
    ]) {
      expect(taken(text).filter((t) => t !== 'paragraph'), text).toEqual([]);
      same(text);
    }
  });

  it('cut lists and keep their shape (a list, plain text, a list stay three blocks)', () => {
    const text = '- ett\n- två\n\nText mellan.\n\n- tre\n\n  Fortsättning av tre.\n\nSlut.';
    same(text);
    expect(segmentMarkdown(text).blocks.map((b) => b.type)).toEqual(['list', 'paragraph', 'list', 'paragraph']);
  });

  it('keep link definitions from other pieces of a large document', () => {
    const filler = Array.from({ length: 400 }, (_, i) => `Stycke ${i} med lite text för att fylla ut.`).join('\n\n');
    const text = `Se [källan][k] och ![bild][k].\n\n${filler}\n\n[k]: https://example.se/kalla\n`;
    const blocks = segmentMarkdown(text, { chunkSize: 2048 }).blocks;
    expect(blocks[0]).toMatchObject({ text: 'Se källan och bild.' });
    // The definition itself is a block once, where it stands.
    expect(blocks.filter((b) => b.type === 'paragraph' && b.text.startsWith('[k]:'))).toHaveLength(1);
  });

  it('give the blocks of one whole parse, with definitions before or after their use and an unclosed fence at the end', () => {
    const filler = Array.from({ length: 400 }, (_, i) => `Stycke ${i} med [en länk][k] och lite text.`).join('\n\n');
    for (const text of [
      `[k]: https://example.se/a\n\n${filler}\n\n\`\`\`\nkod utan slut\n\n[k]: inte en definition`,
      `${filler}\n\n[k]: https://example.se/b\n`,
      `---\nid: x\n---\n${filler}\n\n[k]: https://example.se/c\n`,
    ]) {
      const whole = segmentMarkdown(text, { chunkSize: Infinity, plainRuns: false });
      expect(segmentMarkdown(text, { chunkSize: 2048 })).toEqual(whole);
      // The reference resolves (no brackets left) in the first piece and in the last.
      for (const n of [0, 399]) expect(whole.blocks.some((b) => b.type === 'paragraph' && b.text === `Stycke ${n} med en länk och lite text.`)).toBe(true);
    }
  });

  it('give the blocks of one whole parse where a definition-like line stands inside a paragraph, or an HTML comment runs to the end', () => {
    for (const lines of [
      ['Text och mer text', 'Text och mer text', '[k]: https://e.se', 'Text och mer text', '', 'http://x.se'],
      ['Text och mer text', 'Text och mer text', 'Text och mer text', '<!-- kommentar', '', 'Text och mer text'],
      // An inline comment that seems open, then a CDATA block at a line start that never closes.
      ['text <!-- x', '<![CDATA[', '-->', '', 'Text och mer text'],
    ]) {
      const text = lines.join('\n');
      expect(segmentMarkdown(text, { chunkSize: 64 })).toEqual(segmentMarkdown(text, { chunkSize: Infinity, plainRuns: false }));
    }
  });

  it('give the same blocks as one whole remark parse on generated documents, in pieces of any size', async () => {
    const fc = (await import('fast-check')).default;
    const line = fc.constantFrom(
      'Text och mer text', 'Parterna ska', ' indragen', '   tre', '    kod', '\tflik', '- punkt', '* punkt', '+ punkt', '1. ett', '2023. år', '7) sju',
      '- Punkt ett  ', '-  två mellanslag', '-     fem', '-\tflik', '- ', '-', '+', '2. två', '10) tio', '1.5 miljoner', '  1. under', '  fortsätter',
      '--- ', 'title: x', '### Rubrik', '## Rubrik ##', '#Ingen', '# ', '####### sju', '#\tflik', '# Se www.e.se', '# *Betonad*', '* * *', '- - -', '- # rubrik', '- > citat',
      '```', '~~~', '````', '```js', '<!-- kommentar', '-->', 'text <!-- x', '<pre>', '</pre>', '<div>', '<?x', '?>', '<!DOCTYPE', '<![CDATA[', ']]>',
      '# Rubrik', '## Rubrik', '===', '---', '***', '- - -', '> citat', 'slut  ', 'flik\t', 'hårt\u00a0', '\u00a0inledande',
      '[k]: https://e.se', 'se [k]', 'www.e.se', 'a@b.se', 'http://x.se', 'mailto:a', 'xmpp:a', 'Se www.e.se).', 'https://e.se/a-b?c=d.', 'www.', 'http://', 'ftp://x.se', 'WWW.E.SE,', 'x | y', '|---|---|', '| a | b |', '--|--',
      '&amp;', '*em*', '_em_', '`kod`', '[^1]: not', 'text[^1]', '• punkt', '”citat”', 'Fira!', 'a\\', ':kolon', '=lika', '  - under', '     djup',
      '', '', '', '', '',
    );
    // Thousands of runs locally (30,000 passed); 2,000 here keep the suite quick.
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.integer({ min: 64, max: 4096 }), (lines, chunkSize) => {
        const text = lines.join('\n');
        expect(segmentMarkdown(text, { chunkSize })).toEqual(segmentMarkdown(text, { chunkSize: Infinity, plainRuns: false }));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a list item over several lines', () => {
  it('records where its first line ends, so a name before its description reads as a principle', async () => {
    const md = '# Överenskommelse\n\nSamverkan ska kännetecknas av:\n\n- Självständighet och oberoende\n  Civilsamhället ska verka självständigt.\n- Dialog\n  En kontinuerlig dialog är en förutsättning.\n- Kvalitet\n  Aktörerna avgör själva kvaliteten.\n';
    const { segmentMarkdown } = await import('../src/parse/segment/markdown.js');
    const list = segmentMarkdown(md).blocks.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items.map((i) => i.firstLine)).toEqual(["Självständighet och oberoende".length, "Dialog".length, "Kvalitet".length]);
    const { parse } = await import('../src/parse/index.js');
    const model = await parse(md, { path: 'x.md' });
    expect(model.principles.map((p) => [p.title, p.separator, p.paragraphs.map((b) => (b.type === 'paragraph' ? b.text : ''))])).toEqual([
      ['Självständighet och oberoende', '\n', ['Civilsamhället ska verka självständigt.']],
      ['Dialog', '\n', ['En kontinuerlig dialog är en förutsättning.']],
      ['Kvalitet', '\n', ['Aktörerna avgör själva kvaliteten.']],
    ]);
  });
});
