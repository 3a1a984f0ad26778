/**
 * Page and web furniture: what a web page or a document viewer prints around
 * the agreement (skip links, breadcrumbs, cookie notices, logo alt texts,
 * "Senast ändrad", document-viewer chrome, "Sida 41 (69)"). Runs before
 * segmentation for plain text and PDF text, so none of it becomes the title or a
 * heading.
 *
 * Guarantee: a removed line moves whole to `artifacts` with its kind and
 * reason, and is replaced by a blank line (line numbers stay the source's).
 * Only whole lines the profile describes are removed; a cookie notice is a
 * block of lines most of which speak of cookies; short single lines above a
 * breadcrumb are the site's navigation.
 *
 * Lexicon: `furniture` (kind + whole-line pattern), `cookieNotice`.
 */
import type { Artifact } from '../../model.js';
import { isBlank, linePosition, toGroups, type Line } from './lines.js';

export interface FurnitureRules {
  lines: Array<{ kind: string; pattern: RegExp }>;
  /** A line that speaks of cookies: a block mostly of such lines is a cookie notice. */
  cookieNotice: RegExp;
}

function remove(removed: Set<Line>, artifacts: Artifact[], kind: string, group: Line[]): void {
  const first = group[0]!;
  artifacts.push({
    id: `artifact/${kind}-${first.number}`,
    kind,
    text: group.map((l) => l.text).join('\n'),
    reason: `web or page furniture (${kind}), not agreement text`,
    position: linePosition(first, group[group.length - 1]),
  });
  for (const l of group) removed.add(l);
}

/** The line of the first artifact of a kind, or null. */
function ctxFirst(artifacts: Artifact[], kind: string): number | null {
  const found = artifacts.find((a) => a.kind === kind);
  return found ? found.position.start.line : null;
}

export function removeFurniture(lines: Line[], rules: FurnitureRules, artifacts: Artifact[]): Line[] {
  const removed = new Set<Line>();
  for (const group of toGroups(lines)) {
    const cookie = group.filter((l) => rules.cookieNotice.test(l.text)).length;
    if (cookie > 0 && cookie * 2 >= group.length) {
      remove(removed, artifacts, 'cookie-notice', group);
      continue;
    }
    for (const line of group) {
      const hit = rules.lines.find((r) => r.pattern.test(line.text));
      if (hit) remove(removed, artifacts, hit.kind, [line]);
    }
  }
  // Above a breadcrumb stands the site's navigation: the page's own text starts below it.
  const crumb = ctxFirst(artifacts, 'breadcrumb');
  if (crumb !== null) {
    for (const group of toGroups(lines)) {
      if (group[0]!.number >= crumb) break;
      if (group.length === 1 && !removed.has(group[0]!) && group[0]!.text.length <= 40) remove(removed, artifacts, 'navigation', group);
    }
  }
  if (removed.size === 0) return lines;
  return lines.map((l) => (removed.has(l) && !isBlank(l) ? { text: '', number: l.number, column: 1, indent: 0 } : l));
}
