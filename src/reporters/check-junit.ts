/**
 * `check --format junit`: JUnit XML, which CI systems show as test results:
 * one testsuite per file, one testcase per rule, a failure per rule that found
 * something, carrying its findings.
 */
import type { Finding } from '../check/types.js';
import { RULES } from '../rules/index.js';

const xml = (s: string) =>
  s
    // XML 1.0 has no place for most control characters: they are dropped, never written.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu, '')
    .replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);

export function renderCheckJunit(findings: Finding[], files: string[]): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = findings.filter((f) => f.severity !== 'info').length;
  out.push(`<testsuites name="overens check" tests="${files.length * RULES.length}" failures="${failures}">`);
  for (const file of files) {
    const mine = findings.filter((f) => f.file === file);
    const failing = new Set(mine.filter((f) => f.severity !== 'info').map((f) => f.ruleId));
    out.push(`  <testsuite name="${xml(file)}" tests="${RULES.length}" failures="${failing.size}">`);
    const ids = [...new Set([...RULES.map((r) => r.id), ...mine.map((f) => f.ruleId)])];
    for (const id of ids) {
      const list = mine.filter((f) => f.ruleId === id);
      out.push(`    <testcase name="${xml(id)}" classname="${xml(file)}">`);
      const failed = list.filter((f) => f.severity !== 'info');
      if (failed.length > 0) {
        const body = failed.map((f) => `${file}:${f.place.start.line}:${f.place.start.column} ${f.severity} ${f.message}`).join('\n');
        out.push(`      <failure message="${xml(`${failed.length} finding${failed.length === 1 ? '' : 's'}`)}" type="${xml(id)}">${xml(body)}</failure>`);
      }
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
