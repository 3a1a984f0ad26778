/**
 * What a template sees (documented variable by variable in docs/templates.md):
 * the render view, the model, the revision line and running header in
 * Swedish, the date's parts and the labels a page prints. Only data: every
 * value is a plain JSON value, so a template reaches no functions.
 */
import type { Agreement } from '../model.js';
import { bodyOf, type RenderDocument } from './document.js';
import { STATUS_SV, swedishDate } from './swedish.js';
import { VERSION } from '../version.js';


/** The words a rendered page prints around the agreement's own text. */
export const LABELS = {
  contents: 'Innehåll',
  parties: 'Parter',
  page: 'Sida',
  version: 'Version',
  round: 'remissomgång',
  commitments: 'Åtaganden',
};


/** Paper size of a print layout. */
export type Paper = 'a4' | 'a5';

export interface TemplateContext {
  lang: 'sv';
  doc: RenderDocument;
  /** The blocks after the title. */
  body: RenderDocument['blocks'];
  model: Agreement;
  labels: typeof LABELS;
  /** "Version layout-proof, korrektur, remissomgång 2, 23 november 2026"; empty without a revision. */
  revision_line: string;
  /**
   * The running header: `side` is the mark with its date ("UTKAST 23 november 2026") or else the
   * revision ("Version layout-proof"), `header` the title and the side ("Title – UTKAST 23 november 2026"),
   * `mark` the mark alone (empty for a final version).
   */
  running: { header: string; side: string; mark: string };
  /** The revision date's parts, for a document date; null without a date. */
  date: { year: number; month: number; day: number } | null;
  generator: { name: 'overens'; version: string };
  /** The paper size of the print layout (`--paper`). */
  paper: Paper;
}

export function templateContext(doc: RenderDocument, model: Agreement, paper: Paper = 'a4'): TemplateContext {
  const r = doc.revision;
  const when = r?.date ? swedishDate(r.date) : '';
  const revisionLine = r
    ? [`${LABELS.version} ${r.label}`, STATUS_SV[r.status], r.round !== undefined ? `${LABELS.round} ${r.round}` : undefined, when || undefined].filter(Boolean).join(', ')
    : '';
  const mark = doc.mark ? [doc.mark, when].filter(Boolean).join(' ') : '';
  const side = mark || (r ? `${LABELS.version} ${r.label}` : '');
  const [year, month, day] = (r?.date ?? '').split('-').map(Number);
  return {
    lang: 'sv',
    doc,
    body: bodyOf(doc.blocks),
    // A plain copy: the template sees data only.
    model: JSON.parse(JSON.stringify(model)) as Agreement,
    labels: LABELS,
    revision_line: revisionLine,
    running: { header: side ? `${doc.title} – ${side}` : doc.title, side, mark },
    date: year ? { year, month: month || 1, day: day || 1 } : null,
    generator: { name: 'overens', version: VERSION },
    paper,
  };
}
