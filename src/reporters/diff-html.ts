/**
 * The diff as one self-contained HTML page (no scripts, fonts or images from
 * the network): a summary table, navigation by principle and section, every
 * change with inline <ins>/<del>, moved text linked between its two places,
 * and print CSS. The page is in Swedish.
 */
import type { Diff, WordOp } from '../diff/model.js';
import { artifactCounts, artifactName, regroupedLine, changeHeading, scopeLine, spokenPath, summaryLine } from './diff-common.js';
import { groupOf, STAT_COLUMNS, statRows, statTotals } from './diff-stat.js';

const escape = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');

const CSS = `
:root { --ins: #e6ffec; --ins-text: #055d20; --del: #ffebe9; --del-text: #82071e; --muted: #57606a; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: #1f2328; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
.meta { color: var(--muted); margin-top: 0; }
table { border-collapse: collapse; margin: 1rem 0; display: block; max-width: 100%; overflow-x: auto; }
th { font-size: .875rem; }
th, td { border: 1px solid #d0d7de; padding: .25rem .5rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
nav ul { columns: 2; padding-left: 1.2rem; }
section.change { border-left: 4px solid #d0d7de; padding: .25rem 0 .25rem 1rem; margin: 1rem 0; break-inside: avoid; }
section.change.added { border-color: #2da44e; } section.change.removed { border-color: #cf222e; }
section.change.moved { border-color: #8250df; } section.change.renumbered { border-color: #bf8700; }
section.change h3 { font-size: 1rem; margin: 0 0 .25rem; }
ins { background: var(--ins); color: var(--ins-text); text-decoration: underline; }
del { background: var(--del); color: var(--del-text); text-decoration: line-through; }
.note { color: var(--muted); font-size: .9rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** Word ops as HTML: inserted text in <ins>, deleted in <del>, every character of the text escaped. */
export function wordsHtml(words: readonly WordOp[]): string {
  return words.map((w) => (w.op === 'equal' ? escape(w.text) : w.op === 'insert' ? `<ins>${escape(w.text)}</ins>` : `<del>${escape(w.text)}</del>`)).join('');
}

export function renderDiffHtml(d: Diff): string {
  const title = `Ändringar: ${d.new.title ?? d.new.path}`;
  const groups = [...new Set(d.changes.map(groupOf))];
  const rows = statRows(d);
  const head = ['Del', ...STAT_COLUMNS];
  const total = statTotals(d);
  const out: string[] = [
    '<!doctype html>',
    '<html lang="sv">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<h1>${escape(title)}</h1>`,
    `<p class="meta">Från <code>${escape(d.old.path)}</code>${d.old.revision ? ` (${escape(d.old.revision)})` : ''} till <code>${escape(d.new.path)}</code>${d.new.revision ? ` (${escape(d.new.revision)})` : ''}: ${escape(summaryLine(d))}.</p>`,
    ...(scopeLine(d) ? [`<p class="scope">${escape(scopeLine(d))}.</p>`] : []),
    '<table class="summary">',
    `<thead><tr>${head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map((r) => `<tr><td><a href="#g-${slug(r.group)}">${escape(r.group)}</a></td>${r.counts.map((n) => `<td>${n}</td>`).join('')}</tr>`),
    `<tr><th>Totalt</th>${total.map((n) => `<th>${n}</th>`).join('')}</tr>`,
    '</tbody>',
    '</table>',
  ];
  if (groups.length > 0) {
    out.push('<nav aria-label="Innehåll"><ul>', ...groups.map((g) => `<li><a href="#g-${slug(g)}">${escape(g)}</a></li>`), '</ul></nav>');
  }
  const moves: string[] = [];
  let group: string | null = null;
  d.changes.forEach((c, i) => {
    const g = groupOf(c);
    if (g !== group) {
      if (group !== null) out.push('</div>');
      out.push(`<div class="group" id="g-${slug(g)}"><h2>${escape(g)}</h2>`);
      group = g;
    }
    const words = wordsHtml(c.words);
    let note = '';
    if (c.kind === 'moved') {
      note = `<p class="note">Flyttat från <a href="#from-${i}" id="to-${i}">${escape(spokenPath(c.oldPath ?? c.path))}</a>.</p>`;
      moves.push(`<li id="from-${i}">${escape(spokenPath(c.oldPath ?? c.path))}: flyttat till <a href="#c-${i}">${escape(spokenPath(c.path))}</a></li>`);
    } else if (c.kind === 'merged' || c.kind === 'split') {
      note = `<p class="note">${c.kind === 'merged' ? 'Sammanfogat av' : 'Delat i'} ${c.parts.length} stycken.</p>`;
    }
    out.push(`<section class="change ${c.kind}" id="c-${i}"><h3>${escape(changeHeading(c))}</h3><p>${words}</p>${note}</section>`);
  });
  if (group !== null) out.push('</div>');
  if (moves.length > 0) out.push('<h2>Platser som text flyttats från</h2>', '<ul class="moves">', ...moves, '</ul>');
  const regrouped = regroupedLine(d);
  if (regrouped) out.push(`<p class="note">${escape(regrouped)}.</p>`);
  const artifacts = [
    ['gamla', d.artifacts.old],
    ['nya', d.artifacts.new],
  ] as const;
  for (const [side, list] of artifacts) {
    if (list.length === 0) continue;
    out.push(`<h2>Layoutdelar i den ${side} versionen</h2>`, `<p class="note">Inte ändringar: ${escape(artifactCounts(list))}.</p>`, '<ul>');
    for (const a of list) {
      const name = artifactName(a.kind);
      out.push(`<li>${escape(name.charAt(0).toLocaleUpperCase('sv') + name.slice(1))}, rad ${a.position.start.line}: ${escape(a.text.replace(/\s+/gu, ' '))}</li>`);
    }
    out.push('</ul>');
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
