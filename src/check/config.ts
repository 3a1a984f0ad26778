/**
 * `.overens.yaml`: rule levels and options, and the project's word list.
 * Found upward from the working folder (or given with --config), validated
 * against the rules that exist: an unknown rule or option is an error naming
 * it and the nearest known name. The schema is published as
 * schema/config.schema.json (`npm run schema`).
 */
import { Type, Value } from '../vendor/typebox.js';
import type { TObject, TSchema } from '@sinclair/typebox';
import { OverensError } from '../errors.js';
import { readYamlFile } from '../yaml-file.js';
import { editDistance } from '../diff/words.js';
import { RULES, ruleById } from '../rules/index.js';
import type { RuleLevel, RuleSetting } from './types.js';

export { CONFIG_NAME, findConfig } from './config-file.js';
const LEVELS = ['error', 'warning', 'info', 'off'] as const;

export interface ResolvedRule {
  level: RuleSetting;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  /** The file the configuration came from, or null for the defaults. */
  file: string | null;
  rules: Map<string, ResolvedRule>;
  /** The project's words, lower case. */
  words: Set<string>;
}

const Setting = Type.Union(LEVELS.map((l) => Type.Literal(l)));

/** The JSON Schema of .overens.yaml, with every rule and its options. */
export function configJsonSchema(): Record<string, unknown> {
  const rules: Record<string, TSchema> = {};
  for (const r of RULES) {
    const options = (r.options as TObject | undefined)?.properties ?? {};
    rules[r.id] = Type.Union([Setting, Type.Object({ level: Type.Optional(Setting), ...Object.fromEntries(Object.entries(options).map(([k, v]) => [k, Type.Optional(v)])) }, { additionalProperties: false })], {
      description: `${r.description.en} Default: ${r.level}.`,
    });
  }
  return JSON.parse(
    JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'overens configuration (.overens.yaml)',
      ...Type.Object(
        {
          rules: Type.Optional(Type.Object(rules, { additionalProperties: false, description: 'A level (error, warning, info, off), or a level and options, per rule' })),
          words: Type.Optional(Type.Array(Type.String(), { description: 'Words the spelling rule accepts (names, terms of the agreement)' })),
        },
        { additionalProperties: false },
      ),
    }),
  );
}

/** The nearest of `known` to `name`, as a hint, or ''. */
function nearest(name: string, known: string[]): string {
  let best = '';
  let distance = 4;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase(), 3);
    if (d < distance) [best, distance] = [k, d];
  }
  return best;
}

const fail = (file: string, reason: string) => new OverensError('configInvalid', { file, reason });
const didYouMean = (name: string, known: string[]) => {
  const n = nearest(name, known);
  return n ? ` (did you mean "${n}"?)` : ` (known: ${known.join(', ')})`;
};

/** The defaults of every rule, and what a configuration (file, then --rule overrides) changes. */
export function resolveConfig(file: string | null, overrides: Record<string, string> = {}): ResolvedConfig {
  const raw = file === null ? {} : (readYamlFile(file, 'configInvalid') ?? {});
  const where = file ?? '--rule';
  if (typeof raw !== 'object' || Array.isArray(raw)) throw fail(where, 'the file must be a mapping (rules:, words:)');
  const data = raw as Record<string, unknown>;
  for (const key of Object.keys(data)) if (key !== 'rules' && key !== 'words') throw fail(where, `unknown key "${key}"${didYouMean(key, ['rules', 'words'])}`);
  const rules = new Map<string, ResolvedRule>();
  for (const r of RULES) rules.set(r.id, { level: r.level, options: r.options ? (Value.Default(r.options, {}) as Record<string, unknown>) : {} });
  const known = RULES.map((r) => r.id);
  // Checked before it is copied: a spread turns a list or a string into an object of indices.
  if (data.rules !== undefined && data.rules !== null && (typeof data.rules !== 'object' || Array.isArray(data.rules))) throw fail(where, '"rules" must map rule ids to a level or to a level and options');
  const configured = { ...((data.rules as Record<string, unknown> | null | undefined) ?? {}) };
  for (const [id, level] of Object.entries(overrides)) configured[id] = typeof configured[id] === 'object' && configured[id] !== null ? { ...(configured[id] as object), level } : level;
  for (const [id, value] of Object.entries(configured)) {
    const rule = ruleById.get(id);
    if (!rule) throw fail(where, `unknown rule "${id}"${didYouMean(id, known)}`);
    const entry = rules.get(id)!;
    const { level, ...options } = typeof value === 'string' ? { level: value } : ((value ?? {}) as { level?: unknown } & Record<string, unknown>);
    if (level !== undefined) {
      if (!(LEVELS as readonly string[]).includes(String(level))) throw fail(where, `rule ${id}: unknown level "${String(level)}"${didYouMean(String(level), [...LEVELS])}`);
      entry.level = level as RuleSetting;
    }
    const schema = rule.options as TObject | undefined;
    const names = Object.keys(schema?.properties ?? {});
    for (const [name, v] of Object.entries(options)) {
      if (!names.includes(name)) throw fail(where, `rule ${id}: unknown option "${name}"${names.length ? didYouMean(name, names) : ' (this rule has no options)'}`);
      if (!Value.Check(schema!.properties[name]!, v)) throw fail(where, `rule ${id}: option "${name}" is not valid (${[...Value.Errors(schema!.properties[name]!, v)][0]?.message ?? 'wrong type'})`);
      entry.options[name] = v;
    }
  }
  const words = data.words ?? [];
  if (!Array.isArray(words) || words.some((w) => typeof w !== 'string')) throw fail(where, '"words" must be a list of words');
  return { file, rules, words: new Set((words as string[]).map((w) => w.toLowerCase())) };
}

/** A rule's effective level (RuleLevel), or null when it is off. */
export function levelOf(config: ResolvedConfig, id: string): RuleLevel | null {
  const level = config.rules.get(id)?.level ?? 'off';
  return level === 'off' ? null : level;
}
