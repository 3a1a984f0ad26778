/**
 * Vision and purpose (syfte): a statement under its own heading
 * (`vision`, `purpose` in the profile), or a vision quoted in running text
 * (`visionQuote`), whose standalone emphasised copy becomes the element.
 *
 * Lexicon: `vision`, `purpose`, `visionQuote`; in sentences `visionSentence`,
 * `purposeSentence`, `goalSentence`.
 */
import type { Paragraph, Purpose, Vision } from '../../model.js';
import type { SegParagraph } from '../segment/types.js';
import { phraseKey, squash } from '../../text.js';
import { copy, cover, heading } from './state.js';
import { sentences, spanAt } from './sentences.js';
import { mayMatch } from '../gated-regexp.js';
import type { Recogniser } from './types.js';

type StatementKind = 'vision' | 'purpose';

function statementRecogniser(kind: StatementKind): () => Recogniser {
  return () => ({
    name: kind,
    startHeading(s, h, headingKind) {
      if (headingKind !== kind || s.out[kind] !== null) return false;
      s.closeTo(h.depth ?? s.profile.depths.section);
      const el = { id: kind, heading: heading(h), text: '', paragraphs: [], position: copy(h.position) } as Vision & Purpose;
      s.out[kind] = el;
      s.placeRef(kind);
      s.ctx = { kind, el };
      return true;
    },
    paragraph(s, b) {
      if (s.ctx.kind !== kind) return false;
      const el = s.ctx.el;
      el.paragraphs.push(s.paragraph(b, kind));
      el.text = el.paragraphs.map((x) => squash(x.text)).join('\n\n');
      cover(el.position, b.position);
      return true;
    },
    finish(s) {
      const el = s.out[kind];
      if (el && el.heading && el.paragraphs.length === 0 && !('quotedIn' in el && el.quotedIn)) {
        s.warn(`untyped-${kind}`, kind === 'vision' ? 'untypedVision' : 'untypedPurpose', el.heading.position, {}, kind);
      }
    },
  });
}

/**
 * A vision quoted inside running text ("Visionen för strategin är: "...""). A
 * standalone (emphasised, or unpunctuated) copy of it is the vision; else the
 * first quote is, pointing at the paragraph that quotes it.
 */
export function quotedVision(): Recogniser {
  let quoted = new Set<string>();
  /** The statement each paragraph quotes, found once before the walk. */
  const quoting = new Map<SegParagraph, string>();
  let first: { text: string; paragraph: Paragraph } | null = null;
  return {
    name: 'vision-quote',
    prepare(s) {
      quoted = new Set();
      quoting.clear();
      // A vision under its own heading is the vision: no quoted copy is looked for.
      if (s.blocks.some((b) => b.type === 'heading' && s.kindOf(b.text) === 'vision')) return;
      for (const b of s.blocks) {
        if (b.type !== 'paragraph' || !s.profile.visionQuote.some((re) => mayMatch(re, b.text))) continue;
        const text = squash(b.text);
        for (const re of s.profile.visionQuote) {
          const m = re.exec(text);
          if (!m?.[1]) continue;
          quoted.add(phraseKey(m[1]));
          quoting.set(b, squash(m[1]));
        }
      }
    },
    paragraph(s, b: SegParagraph) {
      if (b.footnote || s.out.vision !== null || quoted.size === 0) return false;
      const text = squash(b.text);
      if (!(b.emphasis || !/[.!?]$/u.test(text)) || !quoted.has(phraseKey(text))) return false;
      const p = s.paragraph(b, 'vision');
      s.out.vision = { id: 'vision', heading: null, text, paragraphs: [p], position: copy(b.position) };
      s.placeRef('vision');
      return true;
    },
    observe(s, node, _text, block) {
      if (first !== null || s.out.vision !== null) return;
      const quote = quoting.get(block);
      if (quote !== undefined) first = { text: quote, paragraph: node };
    },
    finish(s) {
      if (s.out.vision !== null || first === null) return;
      s.out.vision = { id: 'vision', heading: null, text: first.text, paragraphs: [], quotedIn: first.paragraph.id, position: copy(first.paragraph.position) };
    },
  };
}

export const vision = statementRecogniser('vision');
export const purpose = statementRecogniser('purpose');

/**
 * Vision, purpose and a goal stated in a sentence of running text ("Visionen är
 * att Göteborg ska vara ...", "Syftet med överenskommelsen är att ...", "Målet är
 * att ..."): the sentence is the element's text, and its words stay in the
 * paragraph (`quotedIn`). Only where the document has no heading for that
 * element: a heading says more surely what the element is.
 *
 * Lexicon: `visionSentence`, `purposeSentence`, `goalSentence`.
 */
export function statedInSentences(): Recogniser {
  const headed = new Set<string>();
  return {
    name: 'sentence-statements',
    prepare(s) {
      headed.clear();
      for (const b of s.blocks) {
        if (b.type !== 'heading') continue;
        const kind = s.kindOf(b.text);
        if (kind === 'vision' || kind === 'purpose' || kind === 'goals') headed.add(kind);
      }
    },
    observe(s, node, paragraph) {
      // A kind still looked for, whose patterns could match somewhere in this paragraph (white space squashed, as the sentences are).
      const could = (res: RegExp[]) => res.some((re) => mayMatch(re, paragraph));
      const vision = s.out.vision === null && !headed.has('vision') && could(s.profile.sentences.vision);
      const purpose = s.out.purpose === null && !headed.has('purpose') && could(s.profile.sentences.purpose);
      // Under a goals heading with no list after it ("Mål⏎Målet är att ..."), the sentence is the goal too.
      const goal = s.out.goals.length === 0 && (!headed.has('goals') || s.ctx.kind === 'goals') && could(s.profile.sentences.goal);
      // Nothing left to look for: most paragraphs of a long document end here.
      if (!vision && !purpose && !goal) return;
      for (const sentence of sentences(node.text)) {
        const text = squash(sentence.text);
        const matches = (res: RegExp[]) => res.some((re) => re.test(text));
        const at = () => spanAt(node, sentence.start, sentence.end);
        if (vision && s.out.vision === null && matches(s.profile.sentences.vision)) {
          s.out.vision = { id: 'vision', heading: null, text, paragraphs: [], quotedIn: node.id, position: at() };
        } else if (purpose && s.out.purpose === null && matches(s.profile.sentences.purpose)) {
          s.out.purpose = { id: 'purpose', heading: null, text, paragraphs: [], quotedIn: node.id, position: at() };
        } else if (goal && s.out.goals.length === 0 && matches(s.profile.sentences.goal)) {
          s.out.goals.push({ id: 'goal-1', text, quotedIn: node.id, position: at() });
        }
      }
    },
  };
}
