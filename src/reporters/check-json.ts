/** `check --format json`: the findings and totals, as schema/check.schema.json describes. */
import type { Finding } from '../check/types.js';
import { countBySeverity } from './check-common.js';
import { CHECK_SCHEMA_VERSION, type CheckResult } from '../check/schema.js';

export function checkResult(findings: Finding[], files: string[]): CheckResult {
  return { schemaVersion: CHECK_SCHEMA_VERSION, files, summary: { ...countBySeverity(findings), files: files.length }, findings };
}

export function renderCheckJson(findings: Finding[], files: string[]): string {
  return `${JSON.stringify(checkResult(findings, files), null, 2)}\n`;
}
