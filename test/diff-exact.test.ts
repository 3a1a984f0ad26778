/**
 * Exact redlines: in every output, accepting every change gives the new text
 * of each changed element byte for byte, and rejecting every change the old
 * text. The JSON word ops carry the exact text (whitespace included, an equal
 * op's old form where it differs only in layout); the text, Markdown
 * (CriticMarkup) and HTML outputs are read back here with their own syntax.
 * Property tests (fast-check) run the same over generated revisions.
 */
import fc from 'fast-check';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Element, Root, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/parse/index.js';
import { diffAgreements } from '../src/diff/align.js';
import { newTextOf, oldTextOf, wordDiff } from '../src/diff/words.js';
import type { Change, Diff, WordOp } from '../src/diff/model.js';
import { critic, renderDiffMarkdown } from '../src/reporters/diff-md.js';
import { plainDiffStyle, renderDiffText, renderWords } from '../src/reporters/diff-text.js';
import { renderDiffHtml } from '../src/reporters/diff-html.js';
import { SEED } from './helpers/seeds.js';

type Side = 'accept' | 'reject';

/** CriticMarkup resolved, then Markdown's backslash escapes undone: the text a reader of the Markdown accepts or rejects. */
function resolveCritic(md: string, side: Side): string {
  let out = '';
  let i = 0;
  const take = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/gu, '$1');
  // Delimiters never stand escaped: the escape of a character is read first.
  const until = (end: string): string => {
    let s = '';
    while (i < md.length && !md.startsWith(end, i)) {
      if (md[i] === '\\') s += md.slice(i, i + 2), (i += 2);
      else s += md[i++];
    }
    i += end.length;
    return s;
  };
  while (i < md.length) {
    if (md[i] === '\\') {
      out += take(md.slice(i, i + 2));
      i += 2;
    } else if (md.startsWith('{++', i)) {
      i += 3;
      const s = until('++}');
      if (side === 'accept') out += take(s);
    } else if (md.startsWith('{--', i)) {
      i += 3;
      const s = until('--}');
      if (side === 'reject') out += take(s);
    } else if (md.startsWith('{~~', i)) {
      i += 3;
      const before = until('~>');
      const after = until('~~}');
      out += take(side === 'accept' ? after : before);
    } else if (md.startsWith('{>>', i)) {
      i += 3;
      until('<<}');
    } else out += md[i++];
  }
  return out;
}

/** Plain text marks resolved: "[-old-]" and "{+new+}". */
function resolvePlain(text: string, side: Side): string {
  return text.replace(/\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/gu, (_, del?: string, ins?: string) => (del !== undefined ? (side === 'reject' ? del : '') : side === 'accept' ? ins! : ''));
}

/** The text of an HTML fragment with the <del> (accept) or <ins> (reject) elements left out. */
function resolveHtml(node: Root | Element, side: Side): string {
  const drop = side === 'accept' ? 'del' : 'ins';
  return node.children
    .map((c: RootContent) => (c.type === 'text' ? c.value : c.type === 'element' && c.tagName !== drop ? resolveHtml(c, side) : ''))
    .join('');
}

const elements = (node: Root | Element, test: (e: Element) => boolean): Element[] =>
  node.children.flatMap((c) => (c.type === 'element' ? [...(test(c) ? [c] : []), ...elements(c, test)] : []));

/** Each change's old and new text, as the ops must rebuild them. */
const sides = (c: Change) => ({ old: c.old?.text ?? '', new: c.new?.text ?? '' });

/**
 * What rejecting every change in a reader's output gives: the old text, where
 * an unchanged stretch that differs only in layout (whitespace, quote style)
 * stands as it does now; layout is never shown as a change. The JSON test
 * holds that the ops' own old forms give the old text exactly.
 */
const shownOld = (words: WordOp[]) => words.map((w) => (w.op === 'insert' ? '' : w.text)).join('');

const PAIRS: Array<[string, () => Promise<Diff>]> = [
  ['the hand-made rounds', async () => diffAgreements(await parseFile('test/fixtures/diff/round-1.md', { manifest: false }), await parseFile('test/fixtures/diff/round-2.md', { manifest: false }))],
  ['the Norrbotten Word draft and layout proof', async () => diffAgreements(await parseFile(SEED.norrbottenDraft, { manifest: false }), await parseFile(SEED.norrbottenProof, { manifest: false }))],
  [
    'the Norrbotten draft and layout proof, sentence by sentence',
    async () => diffAgreements(await parseFile(SEED.norrbottenDraft, { manifest: false }), await parseFile(SEED.norrbottenProof, { manifest: false }), { granularity: 'sentence' }),
  ],
  ['the Norrbotten draft and the revised support structure', async () => diffAgreements(await parseFile(SEED.norrbottenDraft, { manifest: false }), await parseFile(SEED.norrbottenStodstruktur, { manifest: false }))],
];

describe.each(PAIRS)('%s: every output rebuilds both sides of every change', async (_name, make) => {
  const d = await make();

  it('has changes to check', () => {
    expect(d.changes.length).toBeGreaterThan(3);
  });

  it('JSON: equal and deleted texts give the old text, equal and inserted ones the new, byte for byte', () => {
    for (const c of d.changes) expect({ old: oldTextOf(c.words), new: newTextOf(c.words) }).toEqual(sides(c));
  });

  it('text: resolving the [-…-]{+…+} marks gives both texts', () => {
    const out = renderDiffText(d);
    // Each change is a heading line and its text indented two spaces, then a blank line.
    const bodies = out.split('\n\n').slice(1, 1 + d.changes.length).map((block) => block.split('\n').slice(1).map((l) => l.slice(2)).join('\n'));
    d.changes.forEach((c, k) => {
      expect(resolvePlain(bodies[k]!, 'accept')).toBe(sides(c).new);
      expect(resolvePlain(bodies[k]!, 'reject')).toBe(shownOld(c.words));
    });
  });

  it('Markdown: accepting or rejecting every CriticMarkup change gives both texts', () => {
    const out = renderDiffMarkdown(d);
    const bodies = out.split(/^## .*\n\n/mu).slice(1).map((b) => b.replace(/\n\n[\s\S]*$/u, '').replace(/\n$/u, ''));
    expect(bodies).toHaveLength(d.changes.length);
    d.changes.forEach((c, k) => {
      expect(resolveCritic(bodies[k]!, 'accept')).toBe(sides(c).new);
      expect(resolveCritic(bodies[k]!, 'reject')).toBe(shownOld(c.words));
    });
  });

  it('HTML: the page read back without its <del> or without its <ins> gives both texts', () => {
    const tree = unified().use(rehypeParse).parse(renderDiffHtml(d));
    const sections = elements(tree, (e) => e.tagName === 'section' && String(e.properties.className ?? '').includes('change'));
    expect(sections).toHaveLength(d.changes.length);
    d.changes.forEach((c, k) => {
      const p = elements(sections[k]!, (e) => e.tagName === 'p')[0]!;
      expect(resolveHtml(p, 'accept')).toBe(sides(c).new);
      expect(resolveHtml(p, 'reject')).toBe(shownOld(c.words));
    });
  });
});

describe('the spacing a process leader saw broken', () => {
  it.each([
    ['Vi ska arbeta i samhället.', 'Vi ska arbeta i samhället och mer.'],
    ['Vi ansvarar för planerings- och beslutsprocessen.', 'Vi ansvarar för planerings-, uppföljnings- och beslutsprocessen.'],
    ['Läs mer på www.samforma.se i dag.', 'Läs mer på www.samforma.se och https://www.mucf.se i dag.'],
  ])('%s -> %s is rebuilt exactly in every format', (a, b) => {
    const { words } = wordDiff(a, b);
    expect(newTextOf(words)).toBe(b);
    expect(oldTextOf(words)).toBe(a);
    expect(words.some((w) => w.old !== undefined)).toBe(false);
    for (const side of ['accept', 'reject'] as const) {
      const want = side === 'accept' ? b : a;
      expect(resolvePlain(renderWords(words, plainDiffStyle), side)).toBe(want);
      expect(resolveCritic(critic(words), side)).toBe(want);
    }
    // No space before a full stop, inside a compound or an address.
    expect(renderWords(words, plainDiffStyle)).not.toMatch(/ \.| ,|\. se|: \//u);
  });

  it('keeps an address one word: a changed address is one change, not three', () => {
    const { words } = wordDiff('Se www.samforma.se nu.', 'Se www.mucf.se nu.');
    expect(words.filter((w) => w.op !== 'equal').map((w) => w.text)).toEqual(['www.samforma.se', 'www.mucf.se']);
  });

  it('keeps layout out of the changes but in the old text: quotes, dashes, whitespace', () => {
    const { words, changed } = wordDiff('Det ”goda” samtalet – 2023–2026.', 'Det "goda"  samtalet - 2023-2026.');
    expect(changed).toBe(false);
    expect(words.every((w) => w.op === 'equal')).toBe(true);
    expect(oldTextOf(words)).toBe('Det ”goda” samtalet – 2023–2026.');
    expect(newTextOf(words)).toBe('Det "goda"  samtalet - 2023-2026.');
  });
});

/** Words and the marks agreements hold, markup characters and layout variants among them. */
const token = fc.constantFrom(
  'parterna', 'ska', 'samverka', 'Region', 'Norrbotten', 'överenskommelsen', 'i', 'och', 'planerings-', 'EU-medel', '2023–2026', '2023-2026',
  'www.samforma.se', 'https://www.mucf.se/x', '<https://www.mucf.se>', '^[1]', '[^2]', '[3]', '.', ',', ':', ';', '!', '?', '(', ')', '”', '"', '’', '–', '-',
  '*', '_', '`', '#', '|', '&', '<b>', '{', '}', '~', '\\', '[', ']', '1.', '+', '=', '{++', '~>', '<<}', 'ä', 'a\u0308',
);
const space = fc.constantFrom(' ', ' ', ' ', '', '\n', '  ', '\t');
const text = fc.array(fc.tuple(token, space), { minLength: 0, maxLength: 30 }).map((list) => list.map(([t, s]) => t + s).join(''));
/** A revision of a text: some of its tokens deleted, replaced or joined by new ones. */
const revision = fc.tuple(text, fc.array(fc.tuple(fc.nat(40), fc.nat(3), text), { maxLength: 4 })).map(([base, edits]) => {
  let out = base;
  for (const [at, kind, piece] of edits) {
    const i = Math.min(at, out.length);
    out = kind === 0 ? out.slice(0, i) + piece + out.slice(i) : kind === 1 ? out.slice(0, i) + out.slice(i + piece.length) : out.slice(0, i) + piece + out.slice(i + piece.length);
  }
  return [base, out] as const;
});
/** Text without the plain format's own marks, which it does not escape. */
const plainSafe = (s: string) => !/\[-|-\]|\{\+|\+\}/u.test(s);

describe('generated revisions (fast-check)', () => {
  it('the word ops rebuild both texts exactly, word by word and sentence by sentence', () => {
    fc.assert(
      fc.property(revision, fc.constantFrom('word', 'sentence' as const), ([a, b], granularity) => {
        const { words } = wordDiff(a, b, granularity as 'word' | 'sentence');
        expect(oldTextOf(words)).toBe(a);
        expect(newTextOf(words)).toBe(b);
      }),
      { numRuns: 1500 },
    );
  });

  it('CriticMarkup: accepting gives the new text, rejecting the old, whatever markup characters the text holds', () => {
    fc.assert(
      fc.property(revision, ([a, b]) => {
        const { words } = wordDiff(a, b);
        const md = critic(words);
        expect(resolveCritic(md, 'accept')).toBe(b);
        expect(resolveCritic(md, 'reject')).toBe(shownOld(words));
      }),
      { numRuns: 1500 },
    );
  });

  it('HTML: the page without <del> gives the new text, without <ins> the old, and no text becomes an element', () => {
    fc.assert(
      fc.property(revision, ([a, b]) => {
        const { words } = wordDiff(a, b);
        const d = { ...EMPTY, changes: [change(words, a, b)] };
        const tree = unified().use(rehypeParse).parse(renderDiffHtml(d));
        const p = elements(elements(tree, (e) => e.tagName === 'section')[0]!, (e) => e.tagName === 'p')[0]!;
        expect(resolveHtml(p, 'accept')).toBe(b);
        expect(resolveHtml(p, 'reject')).toBe(shownOld(words));
        expect(elements(p, (e) => e.tagName !== 'ins' && e.tagName !== 'del')).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('text: resolving the marks gives both texts', () => {
    fc.assert(
      fc.property(revision.filter(([a, b]) => plainSafe(a) && plainSafe(b)), ([a, b]) => {
        const { words } = wordDiff(a, b);
        const out = renderWords(words, plainDiffStyle);
        expect(resolvePlain(out, 'accept')).toBe(b);
        expect(resolvePlain(out, 'reject')).toBe(shownOld(words));
      }),
      { numRuns: 1500 },
    );
  });
});

const EMPTY: Diff = {
  schemaVersion: 1,
  old: { path: 'a.md', format: 'markdown', title: null, revision: null, date: null },
  new: { path: 'b.md', format: 'markdown', title: null, revision: null, date: null },
  changes: [],
  shared: 1,
  regrouped: [],
  artifacts: { old: [], new: [] },
  summary: { added: 0, removed: 0, modified: 1, moved: 0, renumbered: 0, split: 0, merged: 0, spelling: 0, spellingFixes: 0 },
};

const POSITION = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

function change(words: WordOp[], a: string, b: string): Change {
  return {
    kind: 'modified',
    element: 'text',
    id: 'p',
    oldId: 'p',
    newId: 'p',
    path: 'Inledning',
    oldPath: null,
    matchedBy: 'text',
    similarity: 0.5,
    old: { text: a, position: POSITION },
    new: { text: b, position: POSITION },
    parts: [],
    words,
    spelling: false,
    spellingFix: false,
  };
}
