/**
 * The site's front page: every agreement with its parties, its current text in
 * each format, its revisions in order (label, round, date, status, changes
 * since the one before, the redlines) and its check results.
 */
import { INDEX_PAGE, agreementPage, linkFrom } from '../paths.js';
import { checkBadge, errorsWord, h, page, statusWord, warningsWord } from './layout.js';
import { agreementFacts, changesText, filesHtml, findingsHtml, redlineLinks } from './parts.js';
import type { SiteAgreement, SiteView } from './view.js';
import { swedishDate } from '../../render/swedish.js';

/** Errors on the front page, each agreement's first few; the rest are on its own page. */
const ERRORS_SHOWN = 5;

function revisionsTable(a: SiteAgreement): string {
  // A column no revision fills is left out.
  const rounds = a.revisions.some((r) => r.round !== undefined);
  const dates = a.revisions.some((r) => r.date !== undefined);
  const rows = a.revisions.map((r) => {
    const check = r.check;
    const checkCell = !check ? '' : check.page ? `<a href="${h(linkFrom(INDEX_PAGE, check.page))}">${checkBadge(check.errors, check.warnings)}</a>` : `<span class="failed">${h(check.error ?? '')}</span>`;
    const cells = [
      `<td><strong>${h(r.label)}</strong>${r.scope ? `<br><span class="meta">avsnitt: ${h(r.scope)}</span>` : ''}</td>`,
      rounds ? `<td class="wide">${r.round ?? ''}</td>` : '',
      dates ? `<td class="wide">${r.date ? h(swedishDate(r.date)) : ''}</td>` : '',
      `<td>${h(statusWord(r.status))}</td>`,
      `<td>${h(changesText(r))}${r.diff ? `<br>${redlineLinks(INDEX_PAGE, r)}` : ''}</td>`,
      `<td>${checkCell}</td>`,
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  const head = ['<th>Version</th>', rounds ? '<th class="wide">Omgång</th>' : '', dates ? '<th class="wide">Datum</th>' : '', '<th>Status</th>', '<th>Ändringar mot versionen före</th>', '<th>Kontroll</th>'];
  return `<div class="table"><table><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function agreementHtml(a: SiteAgreement): string {
  const own = agreementPage(a.id);
  const errors = (a.check?.findings ?? []).filter((f) => f.severity === 'error');
  const shownErrors = errors.length > 0 ? `<h3>Fel att rätta</h3>${findingsHtml(INDEX_PAGE, errors.slice(0, ERRORS_SHOWN), true)}${errors.length > ERRORS_SHOWN ? `<p><a href="${h(linkFrom(INDEX_PAGE, `${own}#check`))}">Alla ${errors.length} fel</a></p>` : ''}` : '';
  return [
    `<article class="agreement" id="${h(a.id)}">`,
    `<h2><a href="${h(linkFrom(INDEX_PAGE, own))}">${h(a.title)}</a></h2>`,
    `<p class="meta">${h(agreementFacts(a))}</p>`,
    `<p>Kontroll: <a href="${h(linkFrom(INDEX_PAGE, `${own}#check`))}">${checkBadge(a.errors, a.warnings)}</a>${a.checkError ? ` <span class="failed">${h(a.checkError)}</span>` : ''}</p>`,
    filesHtml(INDEX_PAGE, a),
    revisionsTable(a),
    shownErrors,
    '</article>',
  ].join('\n');
}

export function indexPageHtml(view: SiteView): string {
  const { errors, warnings } = view;
  const revisions = view.agreements.reduce((n, a) => n + a.revisions.length, 0);
  const count = view.agreements.length;
  const lead = `${count} ${count === 1 ? 'överenskommelse' : 'överenskommelser'} med ${revisions} ${revisions === 1 ? 'version' : 'versioner'}. Kontroll: ${errors === 0 && warnings === 0 ? 'inga anmärkningar' : `${errorsWord(errors)}, ${warningsWord(warnings)}`}.`;
  const broken = view.broken.map((b) => `<article class="agreement"><h2 class="failed">${h(b.manifestShown)}</h2><p class="failed">Manifestet kunde inte läsas: ${h(b.error)}</p></article>`);
  const body = [
    '<header class="site">',
    '<h1>Överenskommelser</h1>',
    `<p>${h(lead)}</p>`,
    '<p>Varje överenskommelse med dess senaste text som PDF, webbsida, Word och Markdown, alla versioner i ordning med ändringarna mellan dem, och kontrollens resultat.</p>',
    '</header>',
    ...broken,
    ...view.agreements.map(agreementHtml),
    `<footer>Byggd med overens från ${h(view.source)}.</footer>`,
  ];
  return page(INDEX_PAGE, 'Överenskommelser', body.join('\n'));
}
