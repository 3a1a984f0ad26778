/**
 * Headings that a Word document or a web page sets as plain paragraphs (a
 * short bold line, or no style at all) and a numbered heading that became a
 * one-item ordered list ("1. Självtändighet och oberoende"). In a document with
 * (almost) no real headings, these read as bare-line headings, as the plain-text
 * segmenter reads them; a document with real headings keeps its structure.
 *
 * Guarantee: only the block type changes; text and positions stay.
 */
import { looksLikeHeading } from './rules.js';
import type { SegBlock } from './types.js';

/** At most this many real headings (a title) and the document counts as having none. */
const FEW = 1;

export function promoteBareHeadings(blocks: SegBlock[]): SegBlock[] {
  if (blocks.filter((b) => b.type === 'heading').length > FEW) return blocks;
  return blocks.map((b): SegBlock => {
    if (b.type === 'paragraph' && !b.footnote && !b.text.includes('\n') && looksLikeHeading(b.text)) {
      return { type: 'heading', depth: null, text: b.text, position: b.position };
    }
    if (b.type === 'list' && b.ordered && b.items.length === 1) {
      const item = b.items[0]!;
      if (item.marker && /^\d/u.test(item.marker) && !item.text.includes('\n') && looksLikeHeading(item.text)) {
        return { type: 'heading', depth: null, text: `${item.marker} ${item.text}`, position: b.position };
      }
    }
    return b;
  });
}
