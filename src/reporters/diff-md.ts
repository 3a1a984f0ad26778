/**
 * The diff as Markdown with CriticMarkup: {++ added ++}, {-- removed --},
 * {~~ old ~> new ~~} for a replacement, {>> comment <<} for moves.
 */
import type { Diff, WordOp } from '../diff/model.js';
import { artifactCounts, regroupedLine, changeHeading, movedFrom, scopeLine, summaryLine } from './diff-common.js';

/**
 * Agreement text as Markdown text that stays text: every ASCII character that
 * could start markup is escaped with a backslash (CriticMarkup's delimiters
 * all contain one of them, so none can appear inside a change), and so are
 * the characters that start a block at the start of a line.
 */
function escapeMarkdown(text: string, atLineStart: boolean): string {
  let out = text.replace(/[\\`*_[\]<>{}~|#&!]/gu, '\\$&');
  out = out.replace(/(^|\n)([ \t]*)([-+=]|\d{1,9}(?=[.)]))/gu, (m, nl: string, space: string, mark: string, offset: number) =>
    offset === 0 && nl === '' && !atLineStart ? m : /^\d/u.test(mark) ? `${nl}${space}${mark}\\` : `${nl}${space}\\${mark}`,
  );
  return out;
}

/** Word ops in CriticMarkup, exactly: accepting every change gives the new text, rejecting every change the old. */
export function critic(words: WordOp[]): string {
  let out = '';
  const text = (s: string) => escapeMarkdown(s, out === '' || out.endsWith('\n'));
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (w.op === 'delete' && next?.op === 'insert') {
      out += `{~~${text(w.text)}~>${text(next.text)}~~}`;
      i++;
    } else if (w.op === 'delete') out += `{--${text(w.text)}--}`;
    else if (w.op === 'insert') out += `{++${text(w.text)}++}`;
    else out += text(w.text);
  }
  return out;
}

/** A file and its revision label, as Markdown text. */
const side = (m: Diff['old']) => `${escapeMarkdown(m.path, false)}${m.revision ? ` (${escapeMarkdown(m.revision, false)})` : ''}`;

export function renderDiffMarkdown(d: Diff): string {
  const scope = scopeLine(d);
  const out: string[] = [
    `# Ändringar: ${escapeMarkdown(d.new.title ?? d.new.path, false)}`,
    '',
    `Från ${side(d.old)} till ${side(d.new)}: ${summaryLine(d)}.`,
    '',
    ...(scope ? [`${escapeMarkdown(scope, false)}.`, ''] : []),
  ];
  for (const c of d.changes) {
    out.push(`## ${escapeMarkdown(changeHeading(c), false)}`, '');
    const body = critic(c.words);
    // The comment follows the text directly: a space before it would be read as part of the text.
    const note = c.kind === 'moved' ? `{>>${escapeMarkdown(movedFrom(c), false)}<<}` : c.kind === 'merged' || c.kind === 'split' ? `{>>${c.kind === 'merged' ? 'sammanfogat av' : 'delat i'} ${c.parts.length} stycken<<}` : '';
    out.push(`${body}${note}`, '');
  }
  const regrouped = regroupedLine(d);
  if (regrouped) out.push(`${regrouped}.`, '');
  for (const [label, list] of [
    ['gamla', d.artifacts.old],
    ['nya', d.artifacts.new],
  ] as const) {
    if (list.length) out.push(`Layoutdelar i den ${label} versionen (inte ändringar): ${escapeMarkdown(artifactCounts(list), false)}.`, '');
  }
  return `${out.join('\n')}`;
}
