/** What `--strict` counts as findings: the parse warnings, and any word the model lost. */
import type { Agreement, Diagnostic } from '../model.js';
import type { Coverage } from '../coverage.js';

export function findings(model: Agreement, cov: Coverage): Diagnostic[] {
  const out = [...model.warnings];
  if (cov.missing.length > 0 || cov.extra.length > 0) {
    const list = (xs: Coverage['missing']) => xs.slice(0, 10).map((w) => `${w.word}×${w.count}`).join(', ');
    out.push({
      file: model.meta.source.path,
      ruleId: 'coverage',
      severity: 'error',
      message: `Coverage ${cov.percent}%: missing [${list(cov.missing)}], extra [${list(cov.extra)}]`,
      place: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    });
  }
  return out;
}
