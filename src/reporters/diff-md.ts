/**
 * The diff as Markdown with CriticMarkup: {++ added ++}, {-- removed --},
 * {~~ old ~> new ~~} for a replacement, {>> comment <<} for moves.
 */
import type { Diff, WordOp } from '../diff/model.js';
import { artifactCounts, regroupedLine, changeHeading, movedFrom, summaryLine, withContext } from './diff-common.js';

function critic(words: WordOp[]): string {
  const list = withContext(words);
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const w = list[i]!;
    const next = list[i + 1];
    if (w.op === 'delete' && next?.op === 'insert') {
      out.push(`{~~${w.text}~>${next.text}~~}`);
      i++;
    } else if (w.op === 'delete') out.push(`{--${w.text}--}`);
    else if (w.op === 'insert') out.push(`{++${w.text}++}`);
    else out.push(w.text);
  }
  return out.join(' ');
}

export function renderDiffMarkdown(d: Diff): string {
  const out: string[] = [`# Ändringar: ${d.new.title ?? d.new.path}`, '', `Från \`${d.old.path}\`${d.old.revision ? ` (${d.old.revision})` : ''} till \`${d.new.path}\`${d.new.revision ? ` (${d.new.revision})` : ''}: ${summaryLine(d)}.`, ''];
  for (const c of d.changes) {
    out.push(`## ${changeHeading(c)}`, '');
    const body = c.words.some((w) => w.op !== 'equal') ? critic(c.words) : (c.new ?? c.old)!.text.replace(/\s+/gu, ' ');
    const note = c.kind === 'moved' ? ` {>>${movedFrom(c)}<<}` : c.kind === 'merged' || c.kind === 'split' ? ` {>>${c.kind === 'merged' ? 'sammanfogat av' : 'delat i'} ${c.parts.length} stycken<<}` : '';
    out.push(`${body}${note}`, '');
  }
  const regrouped = regroupedLine(d);
  if (regrouped) out.push(`${regrouped}.`, '');
  for (const [side, list] of [
    ['gamla', d.artifacts.old],
    ['nya', d.artifacts.new],
  ] as const) {
    if (list.length) out.push(`Layoutdelar i den ${side} versionen (inte ändringar): ${artifactCounts(list)}.`, '');
  }
  return `${out.join('\n')}`;
}
