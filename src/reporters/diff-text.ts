/**
 * The diff for a terminal: per changed element a Swedish heading and its text
 * with the word changes marked, coloured on a terminal ([-old-]{+new+} marks
 * without colour), then a summary and the layout pieces each side held.
 */
import { Chalk } from 'chalk';
import type { Diff, WordOp } from '../diff/model.js';
import { artifactCounts, changeHeading, regroupedLine, scopeLine, summaryLine } from './diff-common.js';

export interface DiffStyle {
  heading(text: string): string;
  insert(text: string): string;
  delete(text: string): string;
  dim(text: string): string;
}

export const plainDiffStyle: DiffStyle = {
  heading: (s) => s,
  insert: (s) => `{+${s}+}`,
  delete: (s) => `[-${s}-]`,
  dim: (s) => s,
};

export function colourDiffStyle(): DiffStyle {
  const chalk = new Chalk({ level: 1 });
  return { heading: chalk.bold, insert: chalk.green.underline, delete: chalk.red.strikethrough, dim: chalk.dim };
}

/**
 * Word ops as one text, exactly: the equal and inserted texts give the new
 * text, the equal and deleted ones the old (an unchanged stretch is shown as
 * it stands now).
 */
export function renderWords(words: WordOp[], style: DiffStyle): string {
  return words.map((w) => (w.op === 'equal' ? w.text : w.op === 'insert' ? style.insert(w.text) : style.delete(w.text))).join('');
}

/** A text indented two spaces, every line of it. */
const indented = (text: string) => `  ${text.replace(/\n/gu, '\n  ')}`;

export function renderDiffText(d: Diff, style: DiffStyle = plainDiffStyle): string {
  const side = (s: Diff['old']) => `${s.path}${s.revision ? ` (${s.revision})` : ''}`;
  const scope = scopeLine(d);
  const out: string[] = [style.heading(`${side(d.old)} -> ${side(d.new)}`), ...(scope ? [scope] : []), ''];
  for (const c of d.changes) {
    out.push(style.heading(changeHeading(c)));
    const changed = c.words.some((w) => w.op !== 'equal');
    const text = renderWords(c.words, style);
    out.push(indented(changed ? text : style.dim(text)));
    out.push('');
  }
  out.push(`Sammanfattning: ${summaryLine(d)}`);
  const regrouped = regroupedLine(d);
  if (regrouped) out.push(regrouped);
  for (const [side, list] of [
    ['gamla', d.artifacts.old],
    ['nya', d.artifacts.new],
  ] as const) {
    if (list.length === 0) continue;
    out.push(`Layoutdelar i den ${side} versionen (inte ändringar): ${artifactCounts(list)}`);
    for (const a of list.filter((x) => x.kind === 'annotation')) {
      out.push(`  granskarkommentar, rad ${a.position.start.line}: ${a.text.replace(/\s+/gu, ' ')}`);
    }
  }
  return `${out.join('\n')}\n`;
}
