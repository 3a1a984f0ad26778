/**
 * `overens log`: an agreement's rounds, each with what changed since the one
 * before, and an element's timeline, as text, JSON or one self-contained
 * HTML page (agreement text escaped).
 */
import type { Log } from '../history/schema.js';
import type { Lang } from '../i18n.js';
import type { ElementTimeline, History } from '../history/index.js';
import { roundLines } from '../history/phrases.js';
import { renderWords, plainDiffStyle } from './diff-text.js';
import { wordsHtml } from './diff-html.js';
import { escapeHtml } from '../render/escape.js';
import { swedishDate } from '../render/swedish.js';

const T = {
  sv: { round: 'omgång', first: 'första versionen', none: 'inga ändringar', changes: 'ändringar', element: 'Elementet', notFound: 'finns inte i någon version', appeared: 'finns med första gången', modified: 'ändrad', moved: 'flyttad', renumbered: 'omnumrerad', split: 'delad', merged: 'sammanslagen', removed: 'borttagen', unchanged: 'oförändrad', absent: 'finns inte', outside: 'utanför versionens avsnitt (oförändrad)', history: 'Historik', scope: 'avsnitt' },
  en: { round: 'round', first: 'first revision', none: 'no changes', changes: 'changes', element: 'Element', notFound: 'is in no revision', appeared: 'appears', modified: 'modified', moved: 'moved', renumbered: 'renumbered', split: 'split', merged: 'merged', removed: 'removed', unchanged: 'unchanged', absent: 'not there', outside: 'outside the section this revision covers (unchanged)', history: 'History', scope: 'section' },
};

const roundHeading = (r: History['rounds'][number], lang: Lang) => {
  const v = r.revision;
  const bits = [r.label, v?.date ? (lang === 'sv' ? swedishDate(v.date) : v.date) : '', v?.round !== undefined ? `${T[lang].round} ${v.round}` : '', v?.status ?? '', v?.scope ? `${T[lang].scope}: ${v.scope}` : ''].filter(Boolean);
  return bits.join(', ');
};

export function renderLogText(h: History, timeline: ElementTimeline | null, lang: Lang): string {
  const t = T[lang];
  const out: string[] = [`${h.agreement}${h.title ? `: ${h.title}` : ''}`, ''];
  if (timeline) {
    if (!timeline.foundIn) return `${out.join('\n')}${t.element} ${timeline.id} ${t.notFound}\n`;
    out.push(`${t.element} ${timeline.id}`);
    for (const e of timeline.events) {
      if (e.kind === 'absent') continue;
      out.push(`  ${e.round}: ${t[e.kind]}${e.id && e.id !== timeline.id ? ` (${e.id})` : ''}${e.change?.kind === 'moved' && e.change.oldPath ? ` ← ${e.change.oldPath}` : ''}`);
      if (e.change && e.change.words.length > 0 && e.kind !== 'removed') out.push(`    ${renderWords(e.change.words, plainDiffStyle).replace(/\n/gu, '\n    ')}`);
    }
    return `${out.join('\n')}\n`;
  }
  for (const r of h.rounds) {
    out.push(roundHeading(r, lang));
    if (!r.diff) out.push(`  ${t.first}`);
    else if (r.diff.changes.length === 0) out.push(`  ${t.none}`);
    else for (const line of roundLines(r.diff.changes, lang)) out.push(`  ${line}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderLogJson(h: History, timeline: ElementTimeline | null): string {
  const rounds = h.rounds.map((r) => ({ label: r.label, revision: r.revision, source: r.source, summary: r.summary, changes: r.diff?.changes.map((c) => ({ kind: c.kind, element: c.element, id: c.id, oldId: c.oldId, newId: c.newId, path: c.path, oldPath: c.oldPath })) ?? [] }));
  // Typed as the published schema says (schema/log.schema.json).
  const log: Log = { agreement: h.agreement, title: h.title, rounds, ...(timeline ? { element: timeline } : {}) };
  return `${JSON.stringify(log, null, 2)}\n`;
}

export function renderLogHtml(h: History, timeline: ElementTimeline | null, lang: Lang): string {
  const t = T[lang];
  const body: string[] = [];
  if (timeline) {
    body.push(`<h2>${t.element} ${escapeHtml(timeline.id)}</h2>`);
    if (!timeline.foundIn) body.push(`<p>${t.notFound}</p>`);
    body.push('<ol class="timeline">');
    for (const e of timeline.events) {
      if (e.kind === 'absent') continue;
      body.push(`<li><strong>${escapeHtml(e.round)}</strong>: ${t[e.kind]}${e.change && e.change.words.length > 0 && e.kind !== 'removed' ? `<p class="words">${wordsHtml(e.change.words)}</p>` : ''}</li>`);
    }
    body.push('</ol>');
  }
  body.push('<ol class="rounds">');
  for (const r of h.rounds) {
    const lines = !r.diff ? [t.first] : r.diff.changes.length === 0 ? [t.none] : roundLines(r.diff.changes, lang);
    body.push(`<li id="round-${escapeHtml(r.label)}"><h2>${escapeHtml(roundHeading(r, lang))}</h2><ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul></li>`);
  }
  body.push('</ol>');
  const title = `${t.history}: ${h.title ?? h.agreement}`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 50em; margin: 2em auto; padding: 0 1em; color: #111; }
ol.rounds, ol.timeline { list-style: none; padding: 0; border-left: 3px solid #bcd; }
ol.rounds > li, ol.timeline > li { margin: 0 0 1.2em; padding-left: 1em; position: relative; }
ol.rounds > li::before, ol.timeline > li::before { content: ""; position: absolute; left: -0.55em; top: 0.45em; width: 0.8em; height: 0.8em; border-radius: 50%; background: #368; }
h2 { font-size: 1.05em; margin: 0 0 .3em; }
ins { background: #dfd; text-decoration: underline; } del { background: #fdd; }
@media print { body { max-width: none; } }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body.join('\n')}
</body>
</html>
`;
}
