/** Renders a Summary as the human overview printed by `parse --format summary` and `build`. */
import type { Summary } from '../summary.js';
import { formatDiagnostic } from '../summary.js';
import { t, type Lang } from '../i18n.js';

/** Styling hooks; the CLI passes chalk-based ones, tests pass identity functions. */
export interface Style {
  heading(text: string): string;
  label(text: string): string;
  warning(text: string): string;
  dim(text: string): string;
}

export const plainStyle: Style = { heading: (s) => s, label: (s) => s, warning: (s) => s, dim: (s) => s };

/** Long lists (unclassified headings of a PDF extraction) are cut here; `--format json` has them all. */
const MAX_LISTED = 15;

export function renderSummary(s: Summary, lang: Lang, style: Style = plainStyle): string {
  const none = style.dim(t(lang, 'summaryNone'));
  const lines: string[] = [style.heading(s.path)];
  const row = (key: Parameters<typeof t>[1], value: string) => lines.push(`  ${style.label(`${t(lang, key)}:`)} ${value}`);
  row('summaryTitle', s.title ?? none);
  row('summaryParties', s.parties.length ? s.parties.join('; ') : none);
  row('summaryRegion', s.region ?? none);
  if (s.revision) row('summaryRevision', s.revision);
  row('summaryVision', s.vision ?? none);
  row('summaryPurpose', s.purpose ?? none);
  row('summaryGoals', String(s.goals));
  row('summaryPrinciples', String(s.principles.length));
  for (const p of s.principles) lines.push(`    ${p.number}. ${p.title}: ${p.commitments === 1 ? t(lang, 'summaryCommitment') : t(lang, 'summaryCommitments', { count: p.commitments })}`);
  if (s.partyCommitments.length) {
    row('summaryPartyCommitments', String(s.partyCommitments.length));
    for (const g of s.partyCommitments) lines.push(`    ${g.party}: ${g.commitments === 1 ? t(lang, 'summaryCommitment') : t(lang, 'summaryCommitments', { count: g.commitments })}`);
  }
  row('summaryBodies', String(s.bodies.length));
  for (const b of s.bodies) {
    const name = b.abbreviation ? `${b.name} (${b.abbreviation})` : b.name;
    lines.push(`    ${name}${b.composition ? `: ${b.composition}` : ''}`);
  }
  row('summaryAreas', String(s.developmentAreas.length));
  for (const a of s.developmentAreas) lines.push(`    ${a.title}${a.items ? ` (${a.items})` : ''}`);
  if (s.report) {
    const r = s.report;
    row('summaryReport', t(lang, 'summaryReportValue', { phases: r.phases.length, events: r.events, periods: r.timePlan, lists: r.listedPrinciples, footnotes: r.footnotes }));
    if (r.phases.length) lines.push(`    ${r.phases.join(' → ')}`);
    if (r.assessment.length) lines.push(`    ${r.assessment.join(', ')}`);
  }
  if (s.layout) row('summaryLayout', t(lang, 'summaryLayoutValue', { joins: s.layout.normalisations, removed: s.layout.artifacts }));
  row('summarySections', String(s.unclassified.length));
  for (const h of s.unclassified.slice(0, MAX_LISTED)) lines.push(`    ${style.dim(h)}`);
  if (s.unclassified.length > MAX_LISTED) lines.push(`    ${style.dim(t(lang, 'summaryMore', { count: s.unclassified.length - MAX_LISTED }))}`);
  row('summaryWarnings', String(s.warnings.length));
  for (const w of s.warnings) lines.push(`    ${style.warning(formatDiagnostic(w))}`);
  const r = s.recognition;
  row('summaryRecognition', t(lang, 'summaryRecognitionValue', { percent: r.percent, typed: r.typedWords, words: r.typedWords + r.genericWords }));
  if (s.coverage) {
    row('summaryCoverage', t(lang, 'summaryCoverageValue', { percent: s.coverage.percent, words: s.coverage.sourceWords }));
  }
  return `${lines.join('\n')}\n`;
}
