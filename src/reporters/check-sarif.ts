/**
 * `check --format sarif`: SARIF 2.1.0, the format code-scanning tools read
 * (GitHub uploads it with github/codeql-action/upload-sarif): the tool's rules
 * with their descriptions, default levels and help addresses, and one result
 * per finding with its region.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding } from '../check/types.js';
import { RULES } from '../rules/index.js';
import { ruleHelpUri } from './check-common.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function renderCheckSarif(findings: Finding[], version: string): string {
  const rules: ReportingDescriptor[] = RULES.map((r) => ({
    id: r.id,
    name: r.id.replace(/-(\p{L})/gu, (_, c: string) => c.toUpperCase()).replace(/^\p{L}/u, (c) => c.toUpperCase()),
    shortDescription: { text: r.description.en.split(/(?<=\.)\s/u)[0]! },
    fullDescription: { text: r.description.en },
    helpUri: ruleHelpUri(r.id),
    defaultConfiguration: { level: LEVEL[r.level] },
    properties: { category: r.category, fixable: r.fixable === true },
  }));
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const results: Result[] = findings.map((f) => ({
    ruleId: f.ruleId,
    ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId)! } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: f.file.split('\\').join('/') },
          region: { startLine: f.place.start.line, startColumn: f.place.start.column, endLine: f.place.end.line, endColumn: Math.max(f.place.end.column, f.place.start.column) },
        },
      },
    ],
  }));
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{ tool: { driver: { name: 'overens', version, informationUri: 'https://github.com/overens/overens', rules } }, results, columnKind: 'unicodeCodePoints' }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
