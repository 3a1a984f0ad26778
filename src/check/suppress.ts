/**
 * Inline suppression in a Markdown source, for the rare justified case:
 *
 *     <!-- overens-disable-next-line spelling -->
 *     Samforma är namnet på föreningen.
 *
 * turns the named rules (comma- or space-separated; none named: every rule)
 * off on the next line that is not blank.
 */
import type { Finding } from './types.js';

const COMMENT = /<!--\s*overens-disable-next-line\b([^>]*?)-->/u;

/** Whether a finding stands on a line its source suppresses. */
export function suppressed(lines: string[], f: Finding): boolean {
  const line = f.place.start.line;
  for (let i = line - 2; i >= 0; i--) {
    const text = lines[i] ?? '';
    const m = COMMENT.exec(text);
    if (m) {
      const ids = m[1]!.split(/[\s,]+/u).filter(Boolean);
      return ids.length === 0 || ids.includes(f.ruleId);
    }
    if (text.trim() !== '') return false;
  }
  return false;
}
