/** What the check reporters share. */
import type { Finding } from '../check/types.js';

export function countBySeverity(findings: Finding[]): { error: number; warning: number; info: number } {
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}

/** The place in docs/rules.md that explains a rule. */
export const ruleHelpUri = (id: string) => `https://github.com/overens/overens/blob/main/docs/rules.md#${id}`;
