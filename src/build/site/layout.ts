/**
 * The frame of every page of a built site: one self-contained HTML document
 * (styles inline, no scripts, nothing from the network), in Swedish, readable
 * on a phone and printable. Every piece of agreement text goes through
 * escapeHtml: it is shown, never read as markup.
 */
import { escapeHtml } from '../../render/escape.js';
import { linkFrom } from '../paths.js';
import { STATUS_SV } from '../../render/swedish.js';

export const h = escapeHtml;

const CSS = `
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --accent: #0b5394; --err: #b42318; --warn: #9a6700; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 64rem; padding: 1rem 1rem 3rem; }
a { color: var(--accent); }
header.site { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; padding-bottom: .5rem; }
header.site p { margin: .25rem 0; color: var(--muted); }
nav.crumbs { font-size: .9rem; color: var(--muted); margin-bottom: .5rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .25rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
.meta { color: var(--muted); margin: .2rem 0; }
article.agreement { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem 1rem; margin: 0 0 1.5rem; break-inside: avoid; }
article.agreement h2 { margin-top: .25rem; }
.files { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; margin: .5rem 0; list-style: none; }
.files a { display: inline-block; border: 1px solid var(--line); border-radius: 4px; padding: .2rem .6rem; text-decoration: none; }
.badge { display: inline-block; white-space: nowrap; border-radius: 1rem; padding: 0 .6rem; font-size: .85rem; font-weight: 600; border: 1px solid currentColor; }
.badge.err { color: var(--err); } .badge.warn { color: var(--warn); } .badge.ok { color: var(--ok); }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .95rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
td.num { text-align: right; white-space: nowrap; }
ul.findings { padding-left: 1.2rem; }
ul.findings li { margin: .2rem 0; }
.sev-error { color: var(--err); font-weight: 600; } .sev-warning { color: var(--warn); font-weight: 600; } .sev-info { color: var(--muted); }
.rule { color: var(--muted); font-size: .85rem; }
.failed { color: var(--err); }
ol.timeline { list-style: none; padding: 0; margin: 0; border-left: 3px solid #bcd; }
ol.timeline > li { margin: 0 0 1.2rem; padding-left: 1rem; position: relative; }
ol.timeline > li::before { content: ""; position: absolute; left: -.6rem; top: .4rem; width: .9rem; height: .9rem; border-radius: 50%; background: var(--accent); }
ol.timeline h3 { margin: 0 0 .2rem; }
ol.timeline ul { margin: .2rem 0; padding-left: 1.2rem; }
pre.source { font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
pre.source .ln { display: inline-block; width: 3.5em; color: var(--muted); text-align: right; padding-right: .8em; user-select: none; text-decoration: none; }
pre.source > span { display: block; min-height: 1.45em; }
pre.source .hit { background: #fff8c5; }
pre.source .note { display: block; margin-left: 4.3em; font-family: system-ui, sans-serif; font-size: .85rem; }
:target { outline: 2px solid var(--accent); }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
@media (max-width: 40rem) { body { padding: .75rem; } h1 { font-size: 1.35rem; } th.wide, td.wide { display: none; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  nav.crumbs, .files { display: none; }
  article.agreement { border: none; padding: 0; }
  .badge, .hit { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export interface Crumb {
  label: string;
  /** Output path the crumb links to (relative to the output folder). */
  to: string;
}

/** A whole page at `path` (relative to the output folder), with links back along `crumbs`. */
export function page(path: string, title: string, body: string, crumbs: Crumb[] = []): string {
  const nav = crumbs.length > 0 ? `<nav class="crumbs" aria-label="Sökväg">${crumbs.map((c) => `<a href="${h(linkFrom(path, c.to))}">${h(c.label)}</a>`).join(' › ')}</nav>\n` : '';
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="overens">
<title>${h(title)}</title>
<style>${CSS}</style>
</head>
<body>
${nav}${body}
</body>
</html>
`;
}

/** "1 fel", "2 fel", "1 varning", "3 varningar". */
export const errorsWord = (n: number) => `${n} fel`;
export const warningsWord = (n: number) => `${n} ${n === 1 ? 'varning' : 'varningar'}`;

/** The check result of a revision or an agreement as a badge. */
export function checkBadge(errors: number, warnings: number): string {
  if (errors > 0) return `<span class="badge err">${errorsWord(errors)}${warnings > 0 ? `, ${warningsWord(warnings)}` : ''}</span>`;
  if (warnings > 0) return `<span class="badge warn">${warningsWord(warnings)}</span>`;
  return '<span class="badge ok">inga anmärkningar</span>';
}

const SEVERITY: Record<string, string> = { error: 'fel', warning: 'varning', info: 'info' };

/** A finding's severity in Swedish, marked for its colour: "fel", "varning". */
export const severityHtml = (severity: string) => `<span class="sev-${h(severity)}">${h(SEVERITY[severity] ?? severity)}</span>`;

export const statusWord = (status: string) => STATUS_SV[status] ?? (status === 'unknown' ? 'okänd' : status);
