/**
 * `check(model, options)`: the findings of every enabled rule on one parsed
 * document, with the parse warnings as the findings of the rules that own
 * them, minus what the source suppresses (`<!-- overens-disable-next-line
 * rule-id -->` in Markdown). `checkManifest` does the same for a manifest.
 */
import type { Agreement } from '../model.js';
import type { Lang } from '../i18n.js';
import { loadSwedishSpeller, type Speller } from '../spell.js';
import type { Manifest } from '../manifest.js';
import { RULES } from '../rules/index.js';
import { levelOf, resolveConfig, type ResolvedConfig } from './config.js';
import type { Finding, Report, Rule } from './types.js';
import { suppressed } from './suppress.js';

export interface CheckOptions {
  /** The resolved configuration (default: every rule at its default level). */
  config?: ResolvedConfig;
  /** The text the model's positions point into (default: none; findings keep element positions). */
  sourceText?: string;
  /** The agreement kind (a manifest's `kind`); default `agreement`. */
  kind?: string;
  lang?: Lang;
  speller?: Speller;
}

/** Which rule owns each parse warning id. */
const OWNER = new Map(RULES.flatMap((r) => (r.fromParse ?? []).map((id) => [id, r] as const)));

const finding = (file: string, rule: Rule, level: NonNullable<ReturnType<typeof levelOf>>, r: Report, lang: Lang): Finding => ({
  file,
  ruleId: rule.id,
  severity: level,
  message: r.message[lang],
  place: { start: { ...r.place.start }, end: { ...r.place.end } },
  ...(r.element !== undefined ? { element: r.element } : {}),
  ...(r.suggestions && r.suggestions.length > 0 ? { suggestions: r.suggestions } : {}),
  ...(r.fix ? { fix: r.fix } : {}),
});

const byPlace = (a: Finding, b: Finding) => a.place.start.line - b.place.start.line || a.place.start.column - b.place.start.column || a.ruleId.localeCompare(b.ruleId);

export async function check(model: Agreement, options: CheckOptions = {}): Promise<Finding[]> {
  const config = options.config ?? resolveConfig(null);
  const lang = options.lang ?? 'en';
  const lines = (options.sourceText ?? '').split('\n');
  const speller = options.speller ?? (await loadSwedishSpeller());
  const file = model.meta.source.path;
  const out: Finding[] = [];
  for (const rule of RULES) {
    const level = levelOf(config, rule.id);
    if (!level || !rule.checkDocument) continue;
    rule.checkDocument({
      model,
      lines,
      kind: options.kind ?? 'agreement',
      speller,
      words: config.words,
      options: config.rules.get(rule.id)!.options,
      report: (r) => out.push(finding(file, rule, level, r, lang)),
    });
  }
  for (const w of model.warnings) {
    const rule = OWNER.get(w.ruleId);
    const level = rule ? levelOf(config, rule.id) : w.severity;
    if (!level) continue;
    out.push({ ...w, ruleId: rule?.id ?? w.ruleId, severity: level, place: { start: { ...w.place.start }, end: { ...w.place.end } } });
  }
  const kept = model.meta.source.format === 'markdown' ? out.filter((f) => !suppressed(lines, f)) : out;
  return kept.sort(byPlace);
}

/** The findings of the manifest rules on one manifest. */
export function checkManifest(manifest: Manifest, text: string, options: { config?: ResolvedConfig; lang?: Lang } = {}): Finding[] {
  const config = options.config ?? resolveConfig(null);
  const lang = options.lang ?? 'en';
  const lines = text.split('\n');
  const out: Finding[] = [];
  for (const rule of RULES) {
    const level = levelOf(config, rule.id);
    if (!level || !rule.checkManifest) continue;
    rule.checkManifest({ manifest, lines, options: config.rules.get(rule.id)!.options, report: (r) => out.push(finding(manifest.file, rule, level, r, lang)) });
  }
  return out.sort(byPlace);
}

export type { Finding } from './types.js';
