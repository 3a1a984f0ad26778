/**
 * Templates: a user's folder overrides the defaults file by file; a broken
 * template is one error line naming the file and line, exit 2, no output;
 * a template reads nothing outside its folders, reaches no JavaScript, and
 * cannot run unbounded. Agreement text that is markup in some format comes
 * out as those characters in every format.
 */
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { toText } from 'hast-util-to-text';
import { parse } from '../../src/parse/index.js';
import { modelTexts } from '../../src/coverage.js';
import { render } from '../../src/render/index.js';
import { OverensError } from '../../src/errors.js';
import { cli } from '../helpers/cli.js';
import { HOSTILE } from '../helpers/render.js';
import { SEED } from '../helpers/seeds.js';

const folder = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'overens-templates-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
};

const model = async () => parse('Titel\n\nVision\n\nEtt starkt län.\n', { path: 'doc.txt' });

/** The reason a render with this template fails, or '' when it renders. */
async function failure(format: 'html' | 'typst' | 'pdf', files: Record<string, string>): Promise<string> {
  try {
    await render(await model(), { format, template: folder(files) });
    return '';
  } catch (error) {
    if (error instanceof OverensError) return error.message;
    throw error;
  }
}

describe('templates', () => {
  it('a user folder overrides one partial; the others come from the defaults', async () => {
    const dir = folder({ 'html/block.liquid': '<div class="mine">{{ b.kind }}</div>' });
    const html = (await render(await model(), { format: 'html', template: dir })) as string;
    expect(html).toContain('<div class="mine">paragraph</div>');
    // The default document, style and table of contents still frame it.
    expect(html).toContain('<nav class="toc"');
    expect(html).toContain('@page');
  });

  it('a broken template: one line with the file, line and reason; exit 2; no output file', () => {
    const dir = folder({ 'html/toc.liquid': 'line one\n{% for x in doc.toc %}\nno end tag\n' });
    const out = join(mkdtempSync(join(tmpdir(), 'overens-out-')), 'x.html');
    const r = cli(['render', SEED.vasterbotten, '-o', out, '--template', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/toc\.liquid:2: template error: .*for/u);
    expect(existsSync(out)).toBe(false);
  });

  it('a misspelt variable or filter is an error, not an empty string', async () => {
    expect(await failure('html', { 'html/toc.liquid': '{{ doc.titel }}' })).toMatch(/toc\.liquid:1: template error: undefined variable: doc\.titel/u);
    expect(await failure('html', { 'html/toc.liquid': '{{ doc.title | sv_dat }}' })).toMatch(/toc\.liquid:1: template error: undefined filter: sv_dat/u);
  });

  it('reads no file outside the template folders', async () => {
    const outside = folder({ 'secret.liquid': 'HEMLIG' });
    const cases = [`{% include '${join(outside, 'secret')}' %}`, `{% include '../../../../../../../../${outside.slice(1)}/secret' %}`, "{% include '../secret' %}", "{% render '/etc/passwd' %}"];
    for (const include of cases) expect(await failure('html', { 'html/toc.liquid': include })).toMatch(/template error/u);
    // A link out of the folder is refused too.
    const dir = folder({ 'html/placeholder.txt': '' });
    symlinkSync(join(outside, 'secret.liquid'), join(dir, 'html', 'toc.liquid'));
    let shown = '';
    try {
      shown = (await render(await model(), { format: 'html', template: dir })) as string;
    } catch (error) {
      expect(error).toBeInstanceOf(OverensError);
    }
    expect(shown).not.toContain('HEMLIG');
  });

  it('reaches no JavaScript: no constructor, prototype or function of the data', async () => {
    for (const probe of ['{{ doc.constructor }}', '{{ doc.title.constructor }}', '{{ doc.__proto__ }}', '{{ doc.blocks.constructor.name }}']) {
      const reason = await failure('html', { 'html/toc.liquid': probe });
      expect(reason, probe).toMatch(/template error/u);
    }
    // Filters that look properties up find nothing either.
    for (const probe of ["{{ doc.blocks | map: 'constructor' | join: ',' }}", "{{ doc | map: 'constructor' }}", "{{ doc.blocks | where: 'constructor' | size }}"]) {
      const html = (await render(await model(), { format: 'html', template: folder({ 'html/toc.liquid': `<i id="probe">${probe}</i>` }) }).catch((e: unknown) => String(e))) as string;
      expect(html, probe).not.toMatch(/function|native code|\[object/u);
    }
  });

  it('cannot run unbounded: a huge loop or doubling is stopped with an error', async () => {
    // The time limit is an environment setting; a short one here keeps the test short.
    process.env.OVERENS_TEMPLATE_SECONDS = '2';
    const started = Date.now();
    expect(await failure('html', { 'html/toc.liquid': '{% for i in (1..100000000) %}{{ i }}{% endfor %}' })).toMatch(/template error/u);
    expect(await failure('html', { 'html/toc.liquid': '{% assign a = "1,2,3" | split: "," %}{% for i in (1..40) %}{% assign a = a | concat: a %}{% endfor %}{{ a.size }}' })).toMatch(/template error/u);
    delete process.env.OVERENS_TEMPLATE_SECONDS;
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('a Typst template reads no file: the compiler sees only an empty folder', async () => {
    const reason = await failure('pdf', { 'typst/setup.liquid': '#let secret = read("/etc/passwd")\n#secret' });
    expect(reason).toMatch(/Typst could not compile the document: .*(?:not found|access denied|file)/iu);
  });
});

describe('agreement text that is markup somewhere', () => {
  const text = [
    'Titel med <b>märkning</b> och {{ x }}',
    '',
    'Vision',
    '',
    HOSTILE.map((h, i) => `Del ${i + 1}: ${h} slut.`).join(' '),
    '',
    'Överenskommelsens principer',
    '',
    '1. Dialog #set page(width: 1cm) och *fet*',
    '',
    'ÅTAGANDEN',
    '',
    '- Parterna ska skriva <script>alert(1)</script> och ]]> och {% raw %} och $x$.',
    '- Parterna ska skriva `kod` och [länk](javascript:alert(1)) och \\u{41}.',
    '',
  ].join('\n');

  it('comes out as those characters in HTML: no element, no script', async () => {
    const m = await parse(text, { path: 'hostile.txt' });
    const html = (await render(m, { format: 'html' })) as string;
    expect(html).not.toMatch(/<script|<b>|href="javascript/iu);
    const shown = toText(unified().use(rehypeParse).parse(html));
    for (const h of HOSTILE) expect(shown).toContain(h);
    expect(shown).toContain('<script>alert(1)</script>');
  });

  it('comes out as those characters in Markdown, Word and PDF read back', async () => {
    const m = await parse(text, { path: 'hostile.txt' });
    const wanted = [...HOSTILE, m.principles[0]!.title, ...m.principles[0]!.commitments.map((c) => c.text)];
    const md = await parse((await render(m, { format: 'md' })) as string, { path: 'x.md' });
    const docx = await parse((await render(m, { format: 'docx' })) as Buffer, { path: 'x.docx' });
    const pdf = (await render(m, { format: 'pdf' })) as Buffer;
    const fromPdf = await parse(pdf, { path: 'x.pdf' });
    for (const back of [md, docx]) {
      const all = modelTexts(back).join('\n');
      for (const w of wanted) expect(all, w).toContain(w);
    }
    // The PDF keeps its A4 page whatever the text says, and shows the characters.
    const { getDocumentProxy } = await import('unpdf');
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const page = await doc.getPage(2);
    expect(page.view.map(Math.round)).toEqual([0, 0, 595, 842]);
    await doc.destroy();
    const pdfText = modelTexts(fromPdf).join(' ').replace(/\s+/gu, ' ');
    for (const h of ['<script>alert(1)</script>', '{{ x }}', '{% raw %}', '#set page(width: 1cm)', '*fet*', ']]>', '$x$']) expect(pdfText, h).toContain(h);
  });
});
