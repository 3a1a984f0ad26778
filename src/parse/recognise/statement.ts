/**
 * Vision and purpose (syfte): a statement under its own heading
 * (`vision`, `purpose` in the profile), or a vision quoted in running text
 * (`visionQuote`), whose standalone emphasised copy becomes the element.
 *
 * Lexicon: `vision`, `purpose`, `visionQuote`.
 */
import type { Paragraph, Purpose, Vision } from '../../model.js';
import type { SegParagraph } from '../segment/types.js';
import { phraseKey, squash } from '../../text.js';
import { copy, cover, heading } from './state.js';
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
  let first: { text: string; paragraph: Paragraph } | null = null;
  return {
    name: 'vision-quote',
    prepare(s) {
      quoted = new Set();
      for (const b of s.blocks) {
        if (b.type !== 'paragraph') continue;
        for (const re of s.profile.visionQuote) {
          const m = re.exec(squash(b.text));
          if (m?.[1]) quoted.add(phraseKey(m[1]));
        }
      }
    },
    paragraph(s, b: SegParagraph) {
      if (b.footnote || s.out.vision !== null) return false;
      const text = squash(b.text);
      if (!quoted.has(phraseKey(text)) || !(b.emphasis || !/[.!?]$/u.test(text))) return false;
      const p = s.paragraph(b, 'vision');
      s.out.vision = { id: 'vision', heading: null, text, paragraphs: [p], position: copy(b.position) };
      s.placeRef('vision');
      return true;
    },
    observe(s, node, text) {
      if (first !== null) return;
      for (const re of s.profile.visionQuote) {
        const m = re.exec(text);
        if (m?.[1]) first = { text: squash(m[1]), paragraph: node };
      }
    },
    finish(s) {
      if (s.out.vision !== null || first === null) return;
      s.out.vision = { id: 'vision', heading: null, text: first.text, paragraphs: [], quotedIn: first.paragraph.id, position: copy(first.paragraph.position) };
    },
  };
}

export const vision = statementRecogniser('vision');
export const purpose = statementRecogniser('purpose');
