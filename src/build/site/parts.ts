/** Pieces the index page and an agreement's page share. */
import { joinSwedish, swedishDate } from '../../render/swedish.js';
import { linkFrom } from '../paths.js';
import type { SiteFinding } from '../types.js';
import { h, severityHtml, statusWord } from './layout.js';
import type { SiteAgreement, SiteRevision } from './view.js';

const FORMAT_NAME: Record<string, string> = { pdf: 'PDF för utskrift', html: 'Webbsida', docx: 'Word', md: 'Markdown' };

/** The links to an agreement's rendered files (and the ones that failed, with why). */
export function filesHtml(from: string, a: SiteAgreement): string {
  if (!a.current) return '<p class="meta">Ingen version täcker hela texten, så ingen är renderad.</p>';
  const items = a.current.files.map((f) =>
    f.file ? `<li><a href="${h(linkFrom(from, f.file))}">${h(FORMAT_NAME[f.format] ?? f.format)}</a></li>` : `<li class="failed">${h(FORMAT_NAME[f.format] ?? f.format)}: kunde inte skapas (${h(f.error ?? '')})</li>`,
  );
  const revision = a.revisions.find((r) => r.label === a.current!.label);
  return `<p class="meta">Senaste hela versionen: <strong>${h(a.current.label)}</strong>${revision ? ` (${h(revisionFacts(revision))})` : ''}</p>\n<ul class="files">${items.join('')}</ul>`;
}

/** "korrektur, omgång 2, 23 november 2026". */
export function revisionFacts(r: SiteRevision): string {
  return [statusWord(r.status), r.round !== undefined ? `omgång ${r.round}` : '', r.date ? swedishDate(r.date) : ''].filter(Boolean).join(', ');
}

/** "Region Norrbotten · Överenskommelse · Parter: A, B och C". */
export function agreementFacts(a: SiteAgreement): string {
  const kind = a.kind === 'report' ? 'Rapport' : 'Överenskommelse';
  return [a.region, kind, a.parties.length > 0 ? `Parter: ${joinSwedish(a.parties)}` : ''].filter(Boolean).join(' · ');
}

/** The links to a round's comparison with the one before. */
export function redlineLinks(from: string, r: SiteRevision): string {
  if (!r.diff) return '';
  if ('error' in r.diff) return `<span class="failed">kunde inte jämföras (${h(r.diff.error)})</span>`;
  return `<a href="${h(linkFrom(from, r.diff.html))}">Webb</a> · <a href="${h(linkFrom(from, r.diff.docx))}">Word med spårade ändringar</a>`;
}

/** "12 ändringar: 7 ändrade, 5 tillagda", "första versionen". */
export function changesText(r: SiteRevision): string {
  if (!r.diff) return 'första versionen';
  if ('error' in r.diff) return '–';
  const n = r.diff.total;
  return n === 0 ? 'inga ändringar' : `${n} ${n === 1 ? 'ändring' : 'ändringar'}: ${r.diff.summaryText}`;
}

/** Findings as a list, each linked to its line in the source page: "rad 12" (with the file's name when `withFile`). */
export function findingsHtml(from: string, findings: SiteFinding[], withFile = false): string {
  const items = findings.map((f) => {
    const place = `${withFile ? `${f.file.split('/').pop()}, ` : ''}rad ${f.line}`;
    return `<li>${severityHtml(f.severity)} <a href="${h(linkFrom(from, f.href))}" title="${h(`${f.file}:${f.line}:${f.column}`)}">${h(place)}</a>: ${h(f.message)} <span class="rule">${h(f.ruleId)}</span></li>`;
  });
  return `<ul class="findings">${items.join('')}</ul>`;
}
