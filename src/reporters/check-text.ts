/** `check --format text`: findings grouped by file, `path:line:col  severity  message  rule-id`, then a summary line. */
import type { Finding } from '../check/types.js';
import type { Lang } from '../i18n.js';
import { showControls } from '../text.js';
import type { Style } from './summary.js';
import { countBySeverity } from './check-common.js';

const LEVEL = { en: { error: 'error', warning: 'warning', info: 'info' }, sv: { error: 'fel', warning: 'varning', info: 'info' } } as const;

export function renderCheckText(findings: Finding[], files: number, lang: Lang, style?: Style): string {
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, list] of byFile) {
    out.push(style ? style.heading(file) : file);
    for (const f of list) {
      const level = LEVEL[lang][f.severity];
      const shown = f.severity === 'error' || !style ? level : style.warning(level);
      out.push(`  ${file}:${f.place.start.line}:${f.place.start.column}  ${shown}  ${showControls(f.message)}  ${style ? style.dim(f.ruleId) : f.ruleId}`);
    }
    out.push('');
  }
  const n = countBySeverity(findings);
  const summary =
    lang === 'sv'
      ? `${findings.length} anmärkningar (${n.error} fel, ${n.warning} varningar, ${n.info} info) i ${byFile.size} av ${files} filer`
      : `${findings.length} problem${findings.length === 1 ? '' : 's'} (${n.error} error${n.error === 1 ? '' : 's'}, ${n.warning} warning${n.warning === 1 ? '' : 's'}, ${n.info} info) in ${byFile.size} of ${files} file${files === 1 ? '' : 's'}`;
  out.push(summary);
  return `${out.join('\n')}\n`;
}
