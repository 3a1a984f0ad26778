/**
 * `check --format github`: GitHub Actions workflow commands, one per finding,
 * which GitHub shows as annotations on the pull request:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 * Escaping as GitHub's toolkit does it: `%`, CR and LF in the message; also
 * `:` and `,` in the properties.
 */
import type { Finding } from '../check/types.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

const escapeData = (s: string) => s.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/gu, '%3A').replace(/,/gu, '%2C');

export function renderCheckGithub(findings: Finding[]): string {
  return findings
    .map((f) => {
      const props = [
        `file=${escapeProperty(f.file)}`,
        `line=${f.place.start.line}`,
        `col=${f.place.start.column}`,
        `endLine=${f.place.end.line}`,
        `endColumn=${f.place.end.column}`,
        `title=${escapeProperty(`overens ${f.ruleId}`)}`,
      ];
      return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}\n`;
    })
    .join('');
}
