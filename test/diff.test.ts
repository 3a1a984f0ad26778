/**
 * overens diff: structure-aligned changes on a hand-made second round, the
 * real Norrbotten pair (Word draft against PDF proof), identity, the JSON
 * Schema, and the command line.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse, parseFile } from '../src/parse/index.js';
import { diffAgreements, units } from '../src/diff/align.js';
import { loadSwedishSpeller } from '../src/spell.js';
import { diffJsonSchema } from '../src/diff/model-schema.js';
import { sharedWords, textBag, similarity, tokens, wordBag, wordDiff } from '../src/diff/words.js';
import { cli } from './helpers/cli.js';
import { trackedCounts } from './helpers/docx-review.js';
import { ROOT, SEED, agreementFiles } from './helpers/seeds.js';

const R1 = 'test/fixtures/diff/round-1.md';
const R2 = 'test/fixtures/diff/round-2.md';

describe('words inside one element', () => {
  it('tokenises Swedish: å, ä, ö, é, hyphenated compounds, suspended hyphens and number ranges are one token', () => {
    expect(tokens('Idé för hälso- och sjukvård 2023-2026, EU-medel.')).toEqual(['Idé', 'för', 'hälso-', 'och', 'sjukvård', '2023-2026', ',', 'EU-medel', '.']);
  });

  it('treats quote, dash and footnote-marker styles as layout', () => {
    expect(wordDiff('Se ”koden” – kap. 2^[1]', 'Se "koden" - kap. 2[1]').changed).toBe(false);
  });

  it('marks a one-word change within edit distance 2 as spelling, a word swap not', () => {
    expect(wordDiff('en gemensam tillgång för alla', 'en gemensam tilgång för alla')).toMatchObject({ spelling: true, changed: true });
    expect(wordDiff('mellan parterna i länet', 'mellan partnerna i länet').spelling).toBe(true);
    expect(wordDiff('ska stärka samverkan', 'ska fördjupa samverkan').spelling).toBe(false);
  });

  it('shows a sentence replaced as a unit when most of it changed', () => {
    const d = wordDiff('Vi ska träffas varje månad i Luleå.', 'Allt arbete redovisas årligen till styrelsen.');
    expect(d.words.map((w) => w.op)).toEqual(['delete', 'insert']);
  });

  it('replaces a mostly rewritten sentence as a unit inside a paragraph whose other sentences stand', () => {
    const old = 'Vi ses i Luleå. Mötet hålls varje månad i stora salen. Alla är välkomna.';
    expect(wordDiff(old, 'Vi ses i Luleå. Protokollet skickas ut efter två veckor till alla. Alla är välkomna.').words).toEqual([
      { op: 'equal', text: 'Vi ses i Luleå. ' },
      { op: 'delete', text: 'Mötet hålls varje månad i stora salen.' },
      { op: 'insert', text: 'Protokollet skickas ut efter två veckor till alla.' },
      { op: 'equal', text: ' Alla är välkomna.' },
    ]);
    // One word in the same sentence stays a word change.
    expect(wordDiff(old, old.replace('månad', 'vecka')).words.filter((w) => w.op !== 'equal')).toEqual([
      { op: 'delete', text: 'månad' },
      { op: 'insert', text: 'vecka' },
    ]);
  });

  it("measures the documents' shared words the same whether a text is scanned or its bag is given", () => {
    const olds = ['Parterna ska samverka.', 'Idé för hälso- och sjukvård 2023–2026^[1]', 'Samma text på båda sidor.', 'Se www.samforma.se'];
    const news = ['Parterna ska samarbeta.', 'Idé för hälso- och sjukvård 2023-2026[1]', 'Samma text på båda sidor.', 'Ny text.'];
    const scanned = sharedWords(olds, news);
    // 3 + 7 + 5 + 2 words on each side (a footnote marker counts); 2 + 7 + 5 shared (dash and marker styles are layout).
    expect(scanned).toBeCloseTo((2 * 14) / (17 + 17), 10);
    const bagged = new Map([...olds, ...news].map((t) => [t, wordBag(tokens(t))]));
    expect(sharedWords(olds, news, bagged)).toBe(scanned);
    // A bag that does not match its text shows: the bag is what counts.
    expect(sharedWords(olds, news, new Map([['Ny text.', wordBag(tokens('Parterna ska samverka'))]]))).not.toBe(scanned);
  });

  it('bags a text as it bags its tokens: markers count as words, punctuation and quotes not', () => {
    const text = 'Se ”koden” – kap. 2^[1], www.samforma.se och EU-medel 2023–2026; Idé, idé!';
    const bag = textBag(text);
    expect(bag).toEqual(wordBag(tokens(text)));
    expect(bag.size).toBe(11);
    expect(bag.bag.get('idé')).toBe(2);
    expect(bag.bag.get('[1]')).toBe(1);
  });

  it('measures similarity on word multisets', () => {
    expect(similarity(tokens('a b c d'), tokens('a b c d'))).toBe(1);
    expect(similarity(tokens('a b c d'), tokens('e f g h'))).toBe(0);
    expect(similarity(tokens('a b c d'), tokens('a b x y'))).toBe(0.5);
  });
});

describe('a hand-made second round', async () => {
  const d = diffAgreements(await parseFile(R1, { manifest: false }), await parseFile(R2, { manifest: false }));
  const find = (kind: string, path: RegExp) => d.changes.filter((c) => c.kind === kind && path.test(c.path));

  it('reports the swapped principles as renumbered, not removed and added', () => {
    expect(find('renumbered', /^Princip \d (Mångfald|Kvalitet)$/u).map((c) => [c.oldId, c.newId, c.matchedBy])).toEqual([
      ['principle-3', 'principle-2', 'title'],
      ['principle-2', 'principle-3', 'title'],
    ]);
  });

  it('reports an åtagande that changed principle as one move', () => {
    const moved = find('moved', /Åtagande/u);
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ oldPath: 'Princip 1 Dialog / Åtagande 3', path: 'Princip 3 Kvalitet / Åtagande 2', oldId: 'principle-1/commitment-3', newId: 'principle-3/commitment-2' });
  });

  it('reports the added and the removed åtagande where they stand', () => {
    expect(find('added', /./u).map((c) => [c.path, c.new?.text])).toEqual([['Princip 1 Dialog / Åtagande 3', 'Parterna ska svara på frågor inom en månad.']]);
    // Named after its principle as it is now (Kvalitet is number 3 in the new round).
    expect(find('removed', /./u).map((c) => [c.path, c.oldId, c.old?.text])).toEqual([['Princip 3 Kvalitet / Åtagande 2', 'principle-2/commitment-2', 'Parterna ska redovisa resultat.']]);
  });

  it('reports the paragraph moved to another section', () => {
    expect(find('moved', /^Framtid$/u).map((c) => [c.oldPath, c.new?.text])).toEqual([['Bakgrund', 'Parterna har träffats regelbundet sedan dess.']]);
  });

  it('reports the edited sentence with its words, and the spelling error as spelling', () => {
    const purpose = find('modified', /^Syfte$/u)[0]!;
    expect(purpose.words.filter((w) => w.op !== 'equal')).toEqual([{ op: 'insert', text: 'och fördjupa ' }]);
    expect(purpose.spelling).toBe(false);
    expect(d.changes.filter((c) => c.spelling).map((c) => c.words.filter((w) => w.op !== 'equal').map((w) => w.text))).toEqual([['tillgång', 'tilgång']]);
  });

  it('reports nothing else', () => {
    expect(d.summary).toEqual({ added: 1, removed: 1, modified: 2, moved: 2, renumbered: 2, split: 0, merged: 0, spelling: 1, spellingFixes: 0 });
  });

  it('never leaves out a change to a misspelling, even on request ("tillgång" -> "tilgång")', async () => {
    const speller = await loadSwedishSpeller();
    const quiet = diffAgreements(await parseFile(R1, { manifest: false }), await parseFile(R2, { manifest: false }), { ignoreSpelling: true, speller });
    expect(quiet.summary).toMatchObject({ spelling: 1, spellingFixes: 0 });
    expect(quiet.changes).toHaveLength(d.changes.length);
  });
});

describe('the Norrbotten Word draft against its PDF layout proof', async () => {
  const draft = await parseFile(join(ROOT, SEED.norrbottenDraft));
  const proof = await parseFile(join(ROOT, SEED.norrbottenProof));
  const d = diffAgreements(draft, proof);
  const modified = d.changes.filter((c) => c.kind === 'modified');

  it('shows only single-word changes, and no layout noise as a change', () => {
    expect(modified.length).toBeGreaterThan(0);
    expect(modified.length).toBeLessThanOrEqual(8);
    for (const c of modified) {
      const changed = c.words.filter((w) => w.op !== 'equal');
      expect(changed.map((w) => w.op)).toEqual(['delete', 'insert']);
      expect(changed.every((w) => !/\s/u.test(w.text))).toBe(true);
    }
    expect(d.summary.added + d.summary.removed).toBe(0);
    // No hyphenation, page number or bullet shows in any change.
    const shown = d.changes.flatMap((c) => c.words.filter((w) => w.op !== 'equal').map((w) => w.text)).join(' ');
    expect(shown).not.toMatch(/[•\uF0B7]|\p{L}- \p{Ll}|^4 5$/u);
  });

  it('locates each word change in its principle or section', () => {
    const at = (word: string) => modified.find((c) => c.words.some((w) => w.op === 'insert' && w.text === word))?.path;
    expect(at('partnerna')).toBe('Princip 4 Dialog / Stycke 1');
    expect(at('Självständighet')).toBe('Princip 1 Självständighet och oberoende');
    expect(at('representater')).toBe('Ledningsgrupp');
    expect(at('medborgardelaktighet')).toBe('Mål 2, utveckling');
  });

  it('shows its 7 word changes and 2 heading moves, and lists the two paragraphs the layout merged with the same words apart', () => {
    expect(d.summary).toMatchObject({ modified: 7, spelling: 6, moved: 2, split: 0, merged: 0 });
    expect(d.regrouped.map((r) => [r.kind, r.oldIds.length, r.newIds.length])).toEqual([
      ['merged', 3, 1],
      ['merged', 2, 1],
    ]);
    expect(cli(['diff', SEED.norrbottenDraft, SEED.norrbottenProof, '-f', 'text']).stdout).toContain('Stycken omgrupperade med samma ord (layout, inte ändringar): 2 sammanfogade');
  });

  it('leaves out only spelling fixes on request: a change between two real words or to a misspelling stays', async () => {
    const speller = await loadSwedishSpeller();
    const classified = diffAgreements(draft, proof, { speller });
    const pairs = (fix: boolean) => classified.changes.filter((c) => c.spelling && c.spellingFix === fix).map((c) => c.words.filter((w) => w.op !== 'equal').map((w) => w.text).join(' -> '));
    expect(pairs(true).sort()).toEqual(['Självtändighet -> Självständighet', 'medborgardeltaktighet -> medborgardelaktighet', 'samhällliga -> samhälleliga', 'skyddsnet -> skyddsnät']);
    expect(pairs(false).sort()).toEqual(['parterna -> partnerna', 'representanter -> representater']);
    const quiet = diffAgreements(draft, proof, { ignoreSpelling: true, speller });
    expect(quiet.summary).toMatchObject({ modified: 3, spelling: 2, spellingFixes: 0 });
    expect(cli(['diff', SEED.norrbottenDraft, SEED.norrbottenProof, '--ignore-spelling', '-f', 'json']).stdout).toContain('"partnerna"');
  });

  it('names the layout pieces in Swedish in the Swedish outputs, never by the parser\'s English reasons', () => {
    const reasons = [...new Set(proof.artifacts.map((a) => a.reason))];
    expect(reasons.length).toBeGreaterThan(0);
    for (const format of ['html', 'md', 'text']) {
      const out = cli(['diff', SEED.norrbottenDraft, SEED.norrbottenProof, '-f', format]).stdout;
      for (const reason of reasons) expect(out, `${format}: ${reason}`).not.toContain(reason);
    }
    expect(cli(['diff', SEED.norrbottenDraft, SEED.norrbottenProof, '-f', 'html']).stdout).toContain('<li>Citat i marginalen, rad 29:');
  });

  it('lists the reviewer comment and the layout pieces of the proof separately', () => {
    expect(d.artifacts.new.find((a) => a.kind === 'annotation')?.text).toMatch(/^sofoqu01/u);
    expect(d.artifacts.old).toEqual([]);
    expect(JSON.stringify(d.changes)).not.toMatch(/sofoqu01|skissbild/u);
  });
});

describe('two layouts of the same text', () => {
  it('paragraphs regrouped with the same words are no change: listed as layout in every output', async () => {
    const old = await parse('# Avtal\n\n## Bakgrund\n\nFörsta meningen om samverkan. Andra meningen om dialog.\n\nTredje stycket står kvar.\n', { path: 'a.md' });
    const split = await parse('# Avtal\n\n## Bakgrund\n\nFörsta meningen om samverkan.\n\nAndra meningen om dialog.\n\nTredje stycket står kvar.\n', { path: 'b.md' });
    const d = diffAgreements(old, split);
    expect(d.changes).toEqual([]);
    expect(d.regrouped.map((r) => r.kind)).toEqual(['split']);
    const back = diffAgreements(split, old);
    expect(back.changes).toEqual([]);
    expect(back.regrouped.map((r) => r.kind)).toEqual(['merged']);
    // A split that also changes a word is a change.
    const edited = await parse('# Avtal\n\n## Bakgrund\n\nFörsta meningen om samverkan.\n\nAndra meningen om dialogen.\n\nTredje stycket står kvar.\n', { path: 'c.md' });
    expect(diffAgreements(old, edited).changes.length).toBeGreaterThan(0);
  });

  it('the LibreOffice and the LaTeX PDF of the Word draft: no change at all, footnotes compared by number wherever the page put them', async () => {
    const lo = await parseFile(join(ROOT, 'test/fixtures/variants/libreoffice.pdf'));
    const tex = await parseFile(join(ROOT, 'test/fixtures/variants/latex.pdf'));
    expect(diffAgreements(lo, tex).changes).toEqual([]);
    expect(diffAgreements(tex, lo).changes).toEqual([]);
    // pandoc read the draft's "^[1]" as footnotes: two notes reading "1", and the address numbered 2 in the text.
    expect(tex.footnotes.map((f) => [f.id, f.text])).toEqual([
      ['footnote-2', 'https://www.mucf.se/publikationer/europeisk-kod-ideburna-organisationers-medverkan-i-beslutsprocessen-0'],
      ['footnote-1', '1'],
      ['footnote-2-2', '1'],
    ]);
  });

  it('the Word draft against either PDF: no change in any principle, goal, vision or åtagande', async () => {
    const lo = await parseFile(join(ROOT, 'test/fixtures/variants/libreoffice.pdf'));
    const tex = await parseFile(join(ROOT, 'test/fixtures/variants/latex.pdf'));
    const draft = await parseFile(join(ROOT, SEED.norrbottenDraft));
    for (const [a, b] of [
      [draft, lo],
      [draft, tex],
    ] as const) {
      const d = diffAgreements(a, b);
      const structural = d.changes.filter((c) => ['vision', 'purpose', 'goal', 'principle', 'principle-text', 'commitment', 'body', 'area', 'area-item', 'elaboration'].includes(c.element));
      expect(structural.map((c) => c.path)).toEqual([]);
      // What remains is the footnote, which pandoc itself made into two notes reading "1".
      for (const c of d.changes) expect(`${c.old?.text ?? ''} ${c.new?.text ?? ''}`).toMatch(/\[\d\]|beslutsprocessen|målens innebörd/u);
      // The marker itself, "beslutsprocessen^[1]" in the Word text and a superscript "beslutsprocessen1" in a PDF, is no change.
      expect(d.changes.some((c) => c.words.some((w) => w.op !== 'equal' && /beslutsprocessen/u.test(w.text)))).toBe(false);
    }
  });
});

describe('annexes that repeat the same text (alignment by place)', async () => {
  // Five identical copies of the Västerbotten agreement, each under "# Bilaga N", its own headings one level down.
  const base = readFileSync(join(ROOT, SEED.vasterbotten), 'utf8').replace(/^#/gmu, '##');
  const copies = [1, 2, 3, 4, 5].map((n) => `# Bilaga ${n}\n\n${base}`.split('\n\n'));
  const isProse = (block: string) => /^[A-ZÅÄÖ]/u.test(block) && block.split(' ').length >= 15;
  // Round 2: one word edited in copy 3; three paragraphs of copy 1 moved to the end of copy 5; copy 2's heading
  // rewritten; copy 1's title edited (which shifts the numbered ids of the later copies' sections by one).
  const edited = copies.map((c) => [...c]);
  const e = edited[2]!.findIndex(isProse);
  const words = edited[2]![e]!.split(' ');
  words[4] = 'ändradeord';
  edited[2]![e] = words.join(' ');
  const m = edited[0]!.findIndex((b, i) => isProse(b) && isProse(edited[0]![i + 1]!) && isProse(edited[0]![i + 2]!));
  const block = edited[0]!.splice(m, 3);
  edited[4]!.push(...block);
  edited[1]![0] = '# Annex två';
  const t = edited[0]!.findIndex((b) => b.startsWith('## Överenskommelse om samverkan'));
  edited[0]![t] = edited[0]![t]!.replace('om samverkan', 'om samarbete');
  const join2 = (cs: string[][]) => cs.map((c) => c.join('\n\n')).join('\n\n');
  const oldText = join2(copies);
  const newText = join2(edited);
  // The line ranges of each copy, old and new.
  const ranges = (cs: string[][]) => {
    let line = 1;
    return cs.map((c) => {
      const start = line;
      line += c.join('\n\n').split('\n').length + 1;
      return [start, line - 1] as const;
    });
  };
  const oldRanges = ranges(copies);
  const newRanges = ranges(edited);
  const copyOf = (rs: ReadonlyArray<readonly [number, number]>, line: number) => rs.findIndex(([a, b]) => line >= a && line <= b) + 1;
  const diff = diffAgreements(await parse(oldText, { format: 'markdown' }), await parse(newText, { format: 'markdown' }));

  it('report the edit in its own copy, not as a move between copies', () => {
    const modified = diff.changes.filter((c) => c.kind === 'modified' && c.element !== 'heading');
    expect(modified).toHaveLength(1);
    expect(copyOf(oldRanges, modified[0]!.old!.position.start.line)).toBe(3);
    expect(copyOf(newRanges, modified[0]!.new!.position.start.line)).toBe(3);
    expect(modified[0]!.words.filter((w) => w.op !== 'equal').map((w) => w.text)).toEqual([copies[2]![e]!.split(' ')[4], 'ändradeord']);
  });

  it('report the three moved paragraphs as moved from copy 1 to copy 5, and nothing else as moved', () => {
    const moved = diff.changes.filter((c) => c.kind === 'moved');
    expect(moved).toHaveLength(3);
    for (const c of moved) {
      expect(copyOf(oldRanges, c.old!.position.start.line)).toBe(1);
      expect(copyOf(newRanges, c.new!.position.start.line)).toBe(5);
    }
    expect(moved.map((c) => c.new!.text)).toEqual(block);
  });

  it('pair the rewritten heading by the content under it, the edited title in place; their content unmoved', () => {
    const heading = diff.changes.filter((c) => c.element === 'heading');
    expect(heading.map((c) => [c.kind, c.matchedBy, c.old!.text, copyOf(oldRanges, c.old!.position.start.line), copyOf(newRanges, c.new!.position.start.line)])).toEqual([
      ['modified', 'similarity', copies[0]![t]!.replace(/^## /u, ''), 1, 1],
      ['modified', 'content', 'Bilaga 2', 2, 2],
    ]);
  });

  it('report nothing else', () => {
    expect(diff.summary).toMatchObject({ added: 0, removed: 0, modified: 3, moved: 3, renumbered: 0, split: 0, merged: 0 });
  });
});

describe('short texts with a spelling change', () => {
  const diffOf = async (old: string, now: string) => diffAgreements(await parse(old, { format: 'markdown' }), await parse(now, { format: 'markdown' }));

  it('a one-word heading is one spelling change, not a rewrite', async () => {
    const old = '# Överenskommelse\n\n## Bakgrund\n\nText om bakgrunden här.\n';
    const d = await diffOf(old, old.replace('## Bakgrund', '## Bakgrunden'));
    expect(d.changes.map((c) => [c.kind, c.element, c.spelling, c.words.filter((w) => w.op !== 'equal').map((w) => w.text)])).toEqual([
      ['modified', 'heading', true, ['Bakgrund', 'Bakgrunden']],
    ]);
  });

  it('pairs an empty section heading by its close spelling (no word in common)', async () => {
    const old = '# Överenskommelse\n\n## Innehållsförteckning\n\n## Bakgrund\n\nText om bakgrunden här.\n';
    const d = await diffOf(old, old.replace('Innehållsförteckning', 'Innehållsförteckningen'));
    expect(d.summary).toMatchObject({ added: 0, removed: 0, modified: 1, spelling: 1 });
  });
});

describe('text that changed kind', () => {
  it('is one move: goals whose heading was renamed are now plain list items', async () => {
    const old = '# Överenskommelse om samverkan\n\n## Mål\n\n- Stärka samverkan mellan parterna i länet.\n- Öka delaktigheten i samhället.\n\n## Övrigt\n\nText om annat.\n';
    const now = old.replace('## Mål', '## Bakgrund');
    const diff = diffAgreements(await parse(old, { format: 'markdown' }), await parse(now, { format: 'markdown' }));
    const moved = diff.changes.filter((c) => c.kind === 'moved');
    expect(moved.map((c) => [c.oldId, c.element, c.oldPath, c.path])).toEqual([
      ['goal-1', 'text', 'Mål 1', 'Bakgrund'],
      ['goal-2', 'text', 'Mål 2', 'Bakgrund'],
    ]);
    expect(diff.changes.filter((c) => c.kind === 'added' || c.kind === 'removed').map((c) => c.element)).toEqual(['heading', 'heading']);
  });
});

describe('a revision against itself', () => {
  it.each(agreementFiles())('%s has no changes', async (file) => {
    const m = await parseFile(join(ROOT, file));
    expect(diffAgreements(m, m).changes).toEqual([]);
  });

  it.each(['text', 'json', 'md', 'stat', 'html'])('says so in the %s format, and --exit-code exits 0', (format) => {
    const r = cli(['diff', R1, R1, '--format', format, '--exit-code']);
    expect(r.code).toBe(0);
    if (format === 'json') expect(JSON.parse(r.stdout).changes).toEqual([]);
    else if (format === 'stat') expect(r.stdout).toMatch(/^Totalt\s+0\s+0\s+0\s+0\s+0\s+0\s+0$/mu);
    else expect(r.stdout).toMatch(/inga ändringar/u);
    expect(r.stdout).not.toMatch(/<ins>|<del>|\{\+|\[-|\{\+\+|\{--/u);
  });

  it('says so in the docx format: no tracked change at all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'overens-same-'));
    const out = join(dir, 'same.docx');
    expect(cli(['diff', R1, R1, '-f', 'docx', '-o', out, '--exit-code']).code).toBe(0);
    expect(await trackedCounts(readFileSync(out))).toEqual({ ins: 0, del: 0, moves: 0, comments: 0 });
  });
});

describe('the units the alignment compares', () => {
  // One literal shape for every unit keeps them on one hidden class in V8, so that the alignment's
  // reads of their fields stay fast (a unit per class made the 10 MB diff's alignment twice as slow).
  it.each(agreementFiles())('%s: every unit has the same fields in the same order', async (file) => {
    const list = units(await parseFile(join(ROOT, file)));
    expect(list.length).toBeGreaterThan(10);
    const shapes = new Set(list.map((u) => Object.keys(u).join(',')));
    expect([...shapes]).toEqual(['element,id,parent,path,text,position,key,owns,order,exact']);
    // Some units have a key or own a section, and some do not: the fields are there either way.
    expect(list.some((u) => u.owns !== undefined) && list.some((u) => u.owns === undefined)).toBe(true);
  });
});

describe('schema/diff.schema.json', () => {
  const published = JSON.parse(readFileSync(join(ROOT, 'schema/diff.schema.json'), 'utf8'));

  it('is the one generated from src/diff/model.ts (run `npm run schema` after changing it)', () => {
    expect(published).toEqual(diffJsonSchema());
  });

  it('validates the JSON the command prints', () => {
    const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(published);
    for (const [a, b] of [
      [R1, R2],
      [SEED.norrbottenDraft, SEED.norrbottenProof],
    ]) {
      const json = JSON.parse(cli(['diff', a!, b!, '--format', 'json']).stdout);
      expect(validate(json) ? [] : validate.errors).toEqual([]);
      expect(json.changes.length).toBeGreaterThan(0);
    }
  });
});

describe('overens diff on the command line', () => {
  it('prints plain marks without a terminal, and --exit-code exits 1 on changes', () => {
    const r = cli(['diff', R1, R2, '--exit-code']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Syfte: ändrat\n {2}Överenskommelsen ska stärka \{\+och fördjupa \+\}samverkan mellan parterna\.$/mu);
    expect(r.stdout).toMatch(/^Princip 3 Kvalitet, åtagande 2: flyttat från Princip 1 Dialog, åtagande 3$/mu);
    expect(r.stdout).toMatch(/^Princip 2 Mångfald, stycke 1: ändrat \(stavning\)$/mu);
    expect(r.stdout).toMatch(/^Sammanfattning: 1 tillagt, 1 borttaget, 2 ändrade \(1 stavning\), 2 flyttade, 2 omnumrerade$/mu);
    expect(r.stdout).not.toMatch(/\u001b\[/u);
  });

  it('marks whole sentences with --sentence', () => {
    const r = cli(['diff', R1, R2, '--sentence']);
    expect(r.stdout).toMatch(/^ {2}\[-Överenskommelsen ska stärka samverkan mellan parterna\.-\]\{\+Överenskommelsen ska stärka och fördjupa samverkan mellan parterna\.\+\}$/mu);
    // Spelling is still told apart.
    expect(r.stdout).toMatch(/stycke 1: ändrat \(stavning\)/u);
  });

  it('writes CriticMarkup Markdown and the summary table', () => {
    const md = cli(['diff', R1, R2, '--format', 'md']).stdout;
    expect(md).toMatch(/Överenskommelsen ska stärka \{\+\+och fördjupa \+\+\}samverkan/u);
    expect(md).toMatch(/\{~~tillgång~>tilgång~~\}/u);
    expect(md).toMatch(/\{>>flyttat från Princip 1 Dialog, åtagande 3<<\}/u);
    const stat = cli(['diff', R1, R2, '--format', 'stat']).stdout;
    expect(stat).toMatch(/^Princip 1 Dialog\s+1\s+0\s+0\s+0\s+0\s+0\s+0$/mu);
    expect(stat).toMatch(/^Princip 3 Kvalitet\s+0\s+1\s+0\s+1\s+1\s+0\s+0$/mu);
    expect(stat).toMatch(/^Totalt\s+1\s+1\s+2\s+2\s+2\s+0\s+1$/mu);
  });

  it('compares revisions named in a manifest, and git revisions', () => {
    const byLabel = cli(['diff', 'norrbotten-civilsamhalle', 'word-draft', 'layout-proof', '--format', 'json']);
    expect(byLabel.code).toBe(0);
    expect(JSON.parse(byLabel.stdout).summary.spelling).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'overens-git-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir });
    git('init', '-q');
    copyFileSync(R1, join(dir, 'a.md'));
    git('add', 'a.md');
    git('commit', '-qm', 'round 1');
    copyFileSync(R2, join(dir, 'a.md'));
    const r = cli(['diff', 'HEAD:a.md', join(dir, 'a.md'), '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).summary.renumbered).toBe(2);
    // Two revisions of one file are shown as written, each with its short commit.
    git('commit', '-qam', 'round 2');
    const commits = execFileSync('git', ['log', '--format=%h', '-2'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').reverse();
    const both = cli(['diff', 'HEAD~1:a.md', 'HEAD:a.md', '--format', 'json'], { cwd: dir });
    const d = JSON.parse(both.stdout);
    expect([d.old.path, d.old.revision, d.new.path, d.new.revision]).toEqual(['HEAD~1:a.md', commits[0], 'HEAD:a.md', commits[1]]);
    expect(cli(['diff', 'HEAD~1:a.md', 'HEAD:a.md'], { cwd: dir }).stdout.split('\n')[0]).toBe(`HEAD~1:a.md (${commits[0]}) -> HEAD:a.md (${commits[1]})`);
    // A spec that starts with "-" never reaches git as an option.
    const injected = cli(['diff', '--', `--output=${join(dir, 'pwned')}:a.md`, 'a.md'], { cwd: dir });
    expect(injected.code).toBe(2);
    expect(readdirSync(dir)).not.toContain('pwned');
  });

  it('warns when the two sides share little of their text (two different agreements), and --exit-code still works', () => {
    const vb = 'agreements/vasterbotten/samverkan-regional-utveckling-2023-2026/vasterbotten-samverkan-2023-2026.md';
    const r = cli(['diff', vb, SEED.norrbottenDraft, '-f', 'json', '--exit-code']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).shared).toBeLessThan(0.5);
    expect(r.stderr).toMatch(/^overens: warning: .*vasterbotten.* and .*norrbotten-word-draft\.txt share only \d+% of their words; they may not be revisions of one text\n$/u);
    expect(cli(['diff', vb, SEED.norrbottenDraft, '-f', 'stat', '--lang', 'sv']).stderr).toContain('har bara');
    const same = cli(['diff', SEED.norrbottenDraft, SEED.norrbottenProof, '-f', 'json']);
    expect(same.stderr).toBe('');
    expect(JSON.parse(same.stdout).shared).toBeGreaterThan(0.9);
  });

  it('names what it cannot find, exit 2', () => {
    expect(cli(['diff', 'nope.md', R1])).toMatchObject({ code: 2, stderr: 'overens: nope.md: no such file\n' });
    expect(cli(['diff', 'norrbotten-civilsamhalle', 'word-draft', 'remiss-9']).stderr).toBe(
      'overens: agreement norrbotten-civilsamhalle has no revision "remiss-9" (known: word-draft, layout-proof, stodstruktur-revised)\n',
    );
  });

  it('writes -o atomically', () => {
    const dir = mkdtempSync(join(tmpdir(), 'overens-diff-out-'));
    const out = join(dir, 'diff.md');
    expect(cli(['diff', R1, R2, '-f', 'md', '-o', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Ändringar/u);
    expect(readdirSync(dir)).toEqual(['diff.md']);
  });
});

describe('a scoped revision (manifest scope:) against the whole agreement', async () => {
  const whole = await parseFile(join(ROOT, SEED.norrbottenDraft));
  const part = await parseFile(join(ROOT, SEED.norrbottenStodstruktur));

  it('is compared against that section only, found by its heading even where the revision misspells it', () => {
    expect(part.meta.revision?.scope).toBe('Stödstruktur för överenskommelsen');
    const d = diffAgreements(whole, part);
    expect(d.scope).toEqual({ section: 'Stödstruktur för överenskommelsen', found: { old: true, new: true } });
    // Before: "129 borttagna", every other section of the agreement.
    expect(d.summary.removed).toBe(0);
    expect(d.changes.every((c) => /^(Stödstruktur|Ledningsgrupp|Utvecklingsgrupp|Mötesplatser)/u.test(c.path))).toBe(true);
    expect(d.changes.find((c) => c.element === 'heading')?.words.filter((w) => w.op !== 'equal').map((w) => w.text)).toEqual(['överenskommelsen', 'överenskommlsen']);
  });

  it('applies a manifest scope unless neither side names one; then the whole agreements are compared', () => {
    expect(diffAgreements(whole, part, { scope: undefined }).scope).not.toBeNull();
    const unscoped = diffAgreements({ ...whole, meta: { ...whole.meta, revision: null } }, { ...part, meta: { ...part.meta, revision: null } });
    expect(unscoped.scope).toBeNull();
    expect(unscoped.summary.removed).toBeGreaterThan(50);
  });

  it('says so in the header, and --scope picks a section by hand; a side without it is compared whole, with a warning', () => {
    const r = cli(['diff', 'norrbotten-civilsamhalle', 'word-draft', 'stodstruktur-revised']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Jämför bara avsnittet ”Stödstruktur för överenskommelsen”$/mu);
    const byHand = cli(['diff', R1, R2, '--scope', 'Principer', '-f', 'json']);
    const d = JSON.parse(byHand.stdout) as { scope: unknown; changes: Array<{ path: string }> };
    expect(d.scope).toEqual({ section: 'Principer', found: { old: true, new: true } });
    expect(d.changes.map((c) => c.path).filter((p) => !p.startsWith('Princip'))).toEqual([]);
    const missing = cli(['diff', R1, R2, '--scope', 'Finansiering']);
    expect(missing.stderr).toMatch(/has no section "Finansiering"; it is compared whole/u);
    expect(missing.stdout).toMatch(/saknas i den gamla och den nya versionen, som jämförs i sin helhet/u);
  });
});
