/**
 * A source file as a page of the site: every line numbered with an anchor
 * (#L12) that the check results link to, and each finding shown under the
 * line it is on. The text is escaped: a source is shown, never read as markup.
 */
import type { SiteFinding } from '../types.js';
import { agreementPage, INDEX_PAGE } from '../paths.js';
import { h, page, severityHtml } from './layout.js';

export interface SourcePageOptions {
  /** Output path of the page. */
  path: string;
  agreement: { id: string; title: string };
  /** The file as the site shows it, and the revision label (none for a manifest). */
  file: string;
  label?: string;
  text: string;
  findings: SiteFinding[];
}

export function sourcePageHtml(o: SourcePageOptions): string {
  const byLine = new Map<number, SiteFinding[]>();
  for (const f of o.findings) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
  const lines = o.text.replace(/\r\n?/gu, '\n').replace(/\n$/u, '').split('\n');
  const shown = lines.map((line, i) => {
    const n = i + 1;
    const here = byLine.get(n);
    const text = `<a class="ln" href="#L${n}">${n}</a>${h(line)}`;
    if (!here) return `<span id="L${n}">${text}</span>`;
    const notes = here.map((f) => `<span class="note">${severityHtml(f.severity)} ${h(f.message)} <span class="rule">${h(f.ruleId)}</span></span>`).join('');
    return `<span id="L${n}" class="hit">${text}${notes}</span>`;
  });
  // Findings past the last line (an empty file) are still shown.
  const beyond = o.findings.filter((f) => f.line > lines.length).map((f) => `<li>${severityHtml(f.severity)} ${h(f.message)} <span class="rule">${h(f.ruleId)}</span></li>`);
  const title = `${o.file}${o.label ? ` (${o.label})` : ''}`;
  const body = [
    `<header class="site"><h1>${h(title)}</h1><p>Källtext till ${h(o.agreement.title)}${o.findings.length > 0 ? `, med ${o.findings.length} ${o.findings.length === 1 ? 'anmärkning' : 'anmärkningar'} från kontrollen vid raderna de gäller` : ''}.</p></header>`,
    ...(beyond.length > 0 ? [`<ul class="findings">${beyond.join('')}</ul>`] : []),
    // Lines are joined without newlines: each is a block of its own.
    `<pre class="source">${shown.join('')}</pre>`,
  ];
  return page(o.path, title, body.join('\n'), [
    { label: 'Alla överenskommelser', to: INDEX_PAGE },
    { label: o.agreement.title, to: agreementPage(o.agreement.id) },
  ]);
}
