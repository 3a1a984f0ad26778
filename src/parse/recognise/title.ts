/**
 * The document's title (its first heading, when that names no element) and
 * the parties named in the subtitle right under it ("mellan Region X, Y och Z").
 * Also the captions and tables of contents the profile knows, which stay
 * generic sections with a role.
 *
 * Lexicon: `partiesLeadIn`, `figure`, `toc`.
 */
import { matchPrinciple } from '../profile.js';
import { squash } from '../../text.js';
import type { RecogniseState } from './state.js';
import type { Recogniser } from './types.js';
import type { SegHeading } from '../segment/types.js';

function splitParties(text: string): string[] {
  return squash(text)
    .split(/\s*,\s*|\s+och\s+/iu)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Is this heading the document's title? Asked before any open context sees it. */
export function startTitle(s: RecogniseState, h: SegHeading, index: number): boolean {
  if (!(index === 0 || (s.titleSection === null && s.root.length === 0 && s.stack.length === 0))) return false;
  const isTitle = (h.depth === null || h.depth === 1) && s.kindOf(h.text) === null && !matchPrinciple(s.profile, h.text);
  if (!isTitle) return false;
  s.titleSection = s.openSection(h, s.profile.depths.title, 'title');
  s.out.title = squash(h.text);
  return true;
}

export function title(): Recogniser {
  return {
    name: 'title',
    startHeading(s, h, kind) {
      if (kind !== 'figure' && kind !== 'toc') return false;
      s.openSection(h, h.depth ?? s.profile.depths.section, kind);
      return true;
    },
    observe(s, _node, text) {
      if (!s.titleSection || s.stack[s.stack.length - 1] !== s.titleSection || s.out.parties.length > 0) return;
      for (const re of s.profile.partiesLeadIn) {
        const m = re.exec(text);
        if (m?.[1]) s.out.parties = splitParties(m[1]);
      }
    },
  };
}
