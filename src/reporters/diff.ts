/**
 * A diff in any of its text formats: what `overens diff -f FORMAT` prints.
 * The Word format needs both models and is `renderDiffDocx`.
 */
import type { Diff } from '../diff/model.js';
import { colourDiffStyle, plainDiffStyle, renderDiffText } from './diff-text.js';
import { renderDiffStat } from './diff-stat.js';
import { renderDiffMarkdown } from './diff-md.js';
import { renderDiffHtml } from './diff-html.js';

export const DIFF_TEXT_FORMATS = ['text', 'json', 'md', 'stat', 'html'] as const;
export type DiffTextFormat = (typeof DIFF_TEXT_FORMATS)[number];

export interface RenderDiffOptions {
  /** For `text`: terminal colours instead of [-…-]{+…+} marks. */
  colour?: boolean;
}

/**
 * The diff as text: `text` for a terminal, `json` (schema/diff.schema.json),
 * `md` (CriticMarkup), `stat` (the summary table) or `html` (one page).
 */
export function renderDiff(diff: Diff, format: DiffTextFormat, options: RenderDiffOptions = {}): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(diff, null, 2)}\n`;
    case 'md':
      return renderDiffMarkdown(diff);
    case 'stat':
      return renderDiffStat(diff);
    case 'html':
      return renderDiffHtml(diff);
    case 'text':
      return renderDiffText(diff, options.colour ? colourDiffStyle() : plainDiffStyle);
  }
}
