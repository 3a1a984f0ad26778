/**
 * An agreement's own page: its facts, its current text in each format, its
 * rounds on a timeline (what changed in each, with the redlines) and every
 * check finding, linked to its line in the source.
 */
import { INDEX_PAGE, agreementPage, linkFrom } from '../paths.js';
import { checkBadge, h, page } from './layout.js';
import { agreementFacts, changesText, filesHtml, findingsHtml, redlineLinks, revisionFacts } from './parts.js';
import type { SiteAgreement, SiteRevision } from './view.js';

function roundHtml(from: string, r: SiteRevision): string {
  const check = r.check;
  const source = check?.page ? `<a href="${h(linkFrom(from, check.page))}">${h(check.file)}</a>` : check ? `${h(check.file)} <span class="failed">(${h(check.error ?? '')})</span>` : '';
  const lines = r.diff && !('error' in r.diff) ? r.diff.lines : [];
  return [
    `<li id="round-${h(r.label)}">`,
    `<h3>${h(r.label)}</h3>`,
    `<p class="meta">${h(revisionFacts(r))}${r.scope ? ` · bara avsnittet ”${h(r.scope)}”` : ''}</p>`,
    ...(r.note ? [`<p>${h(r.note)}</p>`] : []),
    `<p>${h(changesText(r))}${r.diff ? ` · ${redlineLinks(from, r)}` : ''}</p>`,
    ...(r.diff && !('error' in r.diff) && r.diff.scope ? [`<p class="meta">${h(r.diff.scope)}.</p>`] : []),
    ...(lines.length > 0 ? [`<ul>${lines.map((l) => `<li>${h(l)}</li>`).join('')}</ul>`] : []),
    `<p>Källa: ${source}${check?.page ? ` · ${checkBadge(check.errors, check.warnings)}` : ''}</p>`,
    '</li>',
  ].join('\n');
}

export function agreementPageHtml(a: SiteAgreement): string {
  const path = agreementPage(a.id);
  const findings = a.check?.findings ?? [];
  const files = [...new Set(findings.map((f) => f.file))];
  const checkBody =
    findings.length === 0
      ? `<p>${a.checkError ? `<span class="failed">Kontrollen kunde inte köras: ${h(a.checkError)}</span>` : 'Kontrollen hittade inget att anmärka på.'}</p>`
      : files.map((file) => `<h3>${h(file)}</h3>\n${findingsHtml(path, findings.filter((f) => f.file === file))}`).join('\n');
  const body = [
    '<header class="site">',
    `<h1>${h(a.title)}</h1>`,
    `<p>${h(agreementFacts(a))}</p>`,
    '</header>',
    '<h2>Senaste texten</h2>',
    filesHtml(path, a),
    '<h2>Versioner</h2>',
    '<ol class="timeline">',
    ...a.revisions.map((r) => roundHtml(path, r)),
    '</ol>',
    '<h2 id="check">Kontroll</h2>',
    `<p>${checkBadge(a.errors, a.warnings)} · manifest: <a href="${h(linkFrom(path, a.check?.manifest.page ?? path))}">${h(a.manifestShown)}</a></p>`,
    checkBody,
  ];
  return page(path, a.title, body.join('\n'), [{ label: 'Alla överenskommelser', to: INDEX_PAGE }]);
}
