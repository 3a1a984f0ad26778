/**
 * The human overview of a parsed agreement, as data. Reporters turn it into
 * text; the library never prints.
 */
import type { Agreement, Diagnostic, Node } from './model.js';
import type { Coverage } from './coverage.js';
import { recognition, type Recognition } from './recognition.js';
import { squash } from './text.js';

export interface Summary {
  path: string;
  title: string | null;
  parties: string[];
  region: string | null;
  revision: string | null;
  vision: string | null;
  purpose: string | null;
  goals: number;
  principles: Array<{ number: number; title: string; commitments: number }>;
  bodies: Array<{ name: string; abbreviation: string | null; composition: string | null }>;
  developmentAreas: Array<{ title: string; items: number }>;
  /** What a process report holds (null for an agreement). */
  report: { phases: string[]; events: number; timePlan: number; listedPrinciples: number; assessment: string[]; footnotes: number } | null;
  /** Layout normalisation of PDF text: joins and removals. */
  layout: { normalisations: number; artifacts: number } | null;
  /** Headings of generic sections without a known role, in document order. */
  unclassified: string[];
  warnings: Diagnostic[];
  coverage: Coverage | null;
  /** How much of the text sits in typed elements rather than generic sections. */
  recognition: Recognition;
  /** Commitments made by parties outside any principle. */
  partyCommitments: Array<{ party: string; commitments: number }>;
}

function unclassifiedHeadings(nodes: Node[], out: string[]): void {
  for (const node of nodes) {
    if (node.type !== 'section') continue;
    if (!node.role && node.heading) out.push(squash(node.heading.text));
    unclassifiedHeadings(node.content, out);
  }
}

export function summarise(model: Agreement, coverage: Coverage | null = null): Summary {
  const unclassified: string[] = [];
  unclassifiedHeadings(model.sections, unclassified);
  const rev = model.meta.revision;
  return {
    path: model.meta.source.path,
    title: model.meta.title,
    parties: model.meta.parties,
    region: model.meta.region,
    revision: rev ? [rev.label, rev.status, rev.date].filter(Boolean).join(', ') : null,
    vision: model.vision ? squash(model.vision.text) : null,
    purpose: model.purpose ? squash(model.purpose.text) : null,
    goals: model.goals.length,
    principles: model.principles.map((p) => ({ number: p.number, title: squash(p.title), commitments: p.commitments.length })),
    bodies: model.bodies.map((b) => ({ name: b.name, abbreviation: b.abbreviation, composition: b.composition?.text ?? null })),
    developmentAreas: model.developmentAreas.map((a) => ({ title: a.title, items: a.items.length })),
    report: model.report
      ? {
          phases: model.report.phases.map((p) => p.name),
          events: model.report.events.length,
          timePlan: model.report.timePlan?.periods.length ?? 0,
          listedPrinciples: model.report.listedPrinciples.length,
          assessment: model.report.assessment.map((a) => a.heading),
          footnotes: model.footnotes.length,
        }
      : null,
    layout:
      model.normalisations.length + model.artifacts.length > 0
        ? { normalisations: model.normalisations.filter((n) => n.from !== n.to).length, artifacts: model.artifacts.length }
        : null,
    unclassified,
    warnings: model.warnings,
    coverage,
    recognition: recognition(model),
    partyCommitments: model.partyCommitments.map((g) => ({ party: squash(g.party), commitments: g.commitments.length })),
  };
}

/** A diagnostic as one line: `path:3:1-3:24: message [rule-id]`. */
export function formatDiagnostic(d: Diagnostic): string {
  const { start, end } = d.place;
  return `${d.file}:${start.line}:${start.column}-${end.line}:${end.column}: ${d.message} [${d.ruleId}]`;
}
