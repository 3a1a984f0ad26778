/** The check outputs that CI systems read: SARIF against the official schema, GitHub workflow commands, JUnit XML, JSON against its schema. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import AjvDraft04 from 'ajv-draft-04';
import Ajv2020 from 'ajv/dist/2020.js';
import { DOMParser } from '@xmldom/xmldom';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/seeds.js';
import { RULES } from '../../src/rules/index.js';
import { renderCheckGithub } from '../../src/reporters/check-github.js';

const outputs = new Map<string, ReturnType<typeof cli>>();
/** Each format once: a check of the bundled agreements takes a few seconds. */
const run = (format: string) => {
  if (!outputs.has(format)) outputs.set(format, cli(['check', '--format', format]));
  return outputs.get(format)!;
};

describe('overens check outputs on the bundled agreements', () => {
  it('SARIF validates against the official SARIF 2.1.0 schema, with the tool\'s rules and a result per finding', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The schema's patterns are ECMAScript regular expressions without the u flag.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const r = run('sarif');
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const json = JSON.parse(run('json').stdout) as { findings: unknown[] };
    expect(log.runs[0].results).toHaveLength(json.findings.length);
    expect(log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(RULES.map((x) => x.id));
    for (const rule of log.runs[0].tool.driver.rules) expect(rule.helpUri).toMatch(new RegExp(`docs/rules\\.md#${rule.id}$`, 'u'));
    // The schema does reject a broken log.
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('GitHub escaping: % CR LF in the message; also : and , in the properties', () => {
    const line = renderCheckGithub([{ file: 'a,b:c.md', ruleId: 'spelling', severity: 'warning', message: '100% "x"\r\ny: z, w', place: { start: { line: 2, column: 3 }, end: { line: 2, column: 9 } } }]);
    expect(line).toBe('::warning file=a%2Cb%3Ac.md,line=2,col=3,endLine=2,endColumn=9,title=overens spelling::100%25 "x"%0D%0Ay: z, w\n');
  });

  it('GitHub workflow commands parse back to the findings, escaped as GitHub reads them', () => {
    const json = JSON.parse(run('json').stdout) as { findings: Array<{ file: string; message: string; place: { start: { line: number; column: number } } }> };
    const lines = run('github').stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(json.findings.length);
    const unescape = (s: string) => s.replace(/%2C/gu, ',').replace(/%3A/gu, ':').replace(/%0A/gu, '\n').replace(/%0D/gu, '\r').replace(/%25/gu, '%');
    lines.forEach((line, i) => {
      const m = /^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*,?)+)::(.*)$/u.exec(line);
      expect(m, line).not.toBeNull();
      const props = Object.fromEntries(m![2]!.split(',').map((p) => p.split('=') as [string, string]));
      expect(unescape(props.file!)).toBe(json.findings[i]!.file);
      expect(Number(props.line)).toBe(json.findings[i]!.place.start.line);
      expect(Number(props.col)).toBe(json.findings[i]!.place.start.column);
      expect(unescape(m![3]!)).toBe(json.findings[i]!.message);
    });
  });

  it('JUnit is well-formed XML: a testsuite per file, a testcase per rule, failures carrying the findings', () => {
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level: string, msg: string) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(run('junit').stdout, 'text/xml');
    expect(errors).toEqual([]);
    const suites = doc.getElementsByTagName('testsuite');
    const json = JSON.parse(run('json').stdout) as { files: string[]; findings: Array<{ ruleId: string; severity: string }> };
    expect(suites.length).toBe(json.files.length);
    expect(doc.getElementsByTagName('testcase').length).toBeGreaterThanOrEqual(json.files.length * RULES.length);
    const failingRules = new Set(json.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId));
    expect(doc.getElementsByTagName('failure').length).toBeGreaterThanOrEqual(failingRules.size);
  });

  it('JSON validates against schema/check.schema.json', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema/check.schema.json'), 'utf8')));
    const out = JSON.parse(run('json').stdout);
    expect(validate(out), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(out.summary.error + out.summary.warning + out.summary.info).toBe(out.findings.length);
  });

  it('text: path:line:col  severity  message  rule-id, grouped by file, then a summary', () => {
    const r = run('text');
    expect(r.stdout).toMatch(/^ {2}agreements\/vasterbotten\/samverkan-regional-utveckling-2023-2026\/vasterbotten-samverkan-2023-2026\.md:189:107 {2}warning {2}"PKB AU" where the text defines "PKD AU" {2}abbreviation-consistency$/mu);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ problems \(\d+ errors, \d+ warnings, \d+ info\) in \d+ of \d+ files$/u);
    expect(cli(['check', '--lang', 'sv']).stdout).toMatch(/anmärkningar \(\d+ fel, \d+ varningar/u);
  });
});
