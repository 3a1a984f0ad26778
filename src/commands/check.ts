/**
 * `overens check [PATHS...]`: the linter for agreement repositories. Folders
 * are walked for manifests (each manifest is checked, and every revision it
 * lists); a folder without manifests has its agreement files checked; a file
 * named is checked. Exit 0 clean (warnings within --max-warnings), 1 findings,
 * 2 could not run.
 */
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { VERSION } from '../version.js';
import { extname, join, resolve } from 'node:path';
import type { CommandContext } from '../cli/context.js';
import { styleFor } from '../cli/context.js';
import { OverensError } from '../errors.js';
import { t } from '../i18n.js';
import { shownPath, writeOutput } from '../io.js';
import { loadManifest, manifestFiles, revisionPath, type Manifest } from '../manifest.js';
import { checkManifest } from '../check/index.js';
import { checkFiles } from '../check/files.js';
import { findConfig, resolveConfig } from '../check/config.js';
import { applyFixes } from '../check/fix.js';
import type { Finding } from '../check/types.js';
import { renderCheckText } from '../reporters/check-text.js';
import { renderCheckJson } from '../reporters/check-json.js';
import { renderCheckSarif } from '../reporters/check-sarif.js';
import { renderCheckGithub } from '../reporters/check-github.js';
import { renderCheckJunit } from '../reporters/check-junit.js';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckCommandOptions {
  paths: string[];
  format: CheckFormat;
  config?: string;
  maxWarnings?: number;
  /** --rule id=level, in order. */
  rules: string[];
  fix: boolean;
  output?: string;
  force?: boolean;
}

const AGREEMENT_FILE = new Set(['.md', '.markdown', '.txt', '.docx', '.pdf', '.html', '.htm']);

interface Target {
  file: string;
  kind: string;
}

export async function checkCommand(options: CheckCommandOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const overrides: Record<string, string> = {};
  for (const r of options.rules) {
    const m = /^([^=]+)=(.+)$/u.exec(r);
    if (!m) throw new OverensError('checkRuleOption', { value: r });
    overrides[m[1]!.trim()] = m[2]!.trim();
  }
  const configFile = options.config !== undefined ? resolve(io.cwd, options.config) : findConfig(io.cwd);
  if (options.config !== undefined && !(await stat(configFile!).then((s) => s.isFile(), () => false))) throw new OverensError('fileNotFound', { file: options.config });
  const config = resolveConfig(configFile, overrides);
  const shown = (p: string) => shownPath(io.cwd, p);

  const { manifests, broken, targets } = await collect(options.paths.length > 0 ? options.paths : ['agreements'], io.cwd);
  const findings: Finding[] = [];
  const files: string[] = [];
  // A manifest that cannot be read is a finding of the manifest rule, and the check goes on.
  for (const b of broken) {
    files.push(shown(b.file));
    findings.push({ file: shown(b.file), ruleId: 'manifest', severity: 'error', message: b.error.messageIn(lang).replace(`${b.file}: `, ''), place: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } });
  }
  for (const m of manifests) {
    const file = shown(m.file);
    files.push(file);
    findings.push(...checkManifest({ ...m, file }, await readFile(m.file, 'utf8'), { config, lang }));
  }
  const results = await checkFiles(targets.map((target) => ({ file: shown(target.file), kind: target.kind, config, lang })));
  targets.forEach((target, i) => {
    files.push(shown(target.file));
    findings.push(...results[i]!);
  });

  let remaining = findings;
  if (options.fix) {
    const { fixed, changes, skipped } = await applyFixes(findings);
    for (const c of changes) io.stderr.write(`${t(lang, 'checkFixed', { place: `${c.file}:${c.line}:${c.column}`, from: c.from, to: c.to, rule: c.ruleId })}\n`);
    for (const file of skipped) io.stderr.write(`overens: ${t(lang, 'checkNotFixable', { file })}\n`);
    remaining = findings.filter((f) => !fixed.has(f));
  }

  const text =
    options.format === 'json'
      ? renderCheckJson(remaining, files)
      : options.format === 'sarif'
        ? renderCheckSarif(remaining, VERSION)
        : options.format === 'github'
          ? renderCheckGithub(remaining)
          : options.format === 'junit'
            ? renderCheckJunit(remaining, files)
            : renderCheckText(remaining, files.length, lang, options.output === undefined ? styleFor(io.stdout, io.env) : undefined);
  if (options.output !== undefined) await writeOutput(options.output, text, targets.map((x) => x.file), { force: options.force === true });
  else io.stdout.write(text);

  const errors = remaining.filter((f) => f.severity === 'error').length;
  const warnings = remaining.filter((f) => f.severity === 'warning').length;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) return 1;
  return 0;
}

/** The manifests and documents under the paths: a manifest brings its revisions; a folder without one, its agreement files. */
async function collect(paths: string[], cwd: string): Promise<{ manifests: Manifest[]; broken: Array<{ file: string; error: OverensError }>; targets: Target[] }> {
  const manifests: Manifest[] = [];
  const broken: Array<{ file: string; error: OverensError }> = [];
  const targets: Target[] = [];
  const seen = new Set<string>();
  const add = (file: string, kind: string) => {
    const key = resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ file: key, kind });
  };
  for (const p of paths) {
    const full = resolve(cwd, p);
    const info = await stat(full).catch(() => null);
    if (!info) throw new OverensError('fileNotFound', { file: p });
    if (info.isFile()) {
      add(full, 'agreement');
      continue;
    }
    const files = await manifestFiles(full);
    const found: Manifest[] = [];
    for (const file of files) {
      try {
        found.push(await loadManifest(file));
      } catch (error) {
        if (!(error instanceof OverensError)) throw error;
        broken.push({ file, error });
      }
    }
    for (const m of found) {
      manifests.push(m);
      // A revision of one section is checked for what it has, not for the sections of a whole agreement.
      // A revision whose source is missing is the manifest rule's finding, not a document to read.
      for (const r of m.revisions) {
        const path = revisionPath(m, r);
        if (existsSync(path)) add(path, r.scope !== undefined ? 'section' : (m.kind ?? 'agreement'));
      }
    }
    if (files.length === 0) for (const f of agreementFiles(full)) add(f, 'agreement');
  }
  return { manifests, broken, targets };
}

/** Agreement files under a folder without manifests (not a README, changelog or licence; not hidden folders). */
function agreementFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...agreementFiles(full));
    else if (AGREEMENT_FILE.has(extname(name).toLowerCase()) && !/readme|changelog|license|contributing/iu.test(name)) out.push(full);
  }
  return out;
}
