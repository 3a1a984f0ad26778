/**
 * What `overens check` is made of: rules (one per file in src/rules/), each
 * looking at one parsed document (or a manifest) and reporting findings with
 * their place in the source.
 */
import type { TSchema } from '@sinclair/typebox';
import type { Agreement, Diagnostic, Position } from '../model.js';
import type { Lang } from '../i18n.js';
import type { Speller } from '../spell.js';
import type { Manifest } from '../manifest.js';

export type RuleLevel = 'error' | 'warning' | 'info';
export type RuleSetting = RuleLevel | 'off';

/** A change a rule declares safe: replace the source text at `range` with `text`. */
export interface Fix {
  range: Position;
  /** The text the range holds now (checked before the fix is applied). */
  from: string;
  text: string;
}

export interface Finding extends Diagnostic {
  /** Up to three replacements a reader may want (spelling). */
  suggestions?: string[];
  fix?: Fix;
}

/** A message in both languages of the tool. */
export type Message = Record<Lang, string>;

/** What a rule's check may report: where, what, and optionally a fix and suggestions. */
export interface Report {
  message: Message;
  place: Position;
  element?: string;
  suggestions?: string[];
  fix?: Fix;
}

export type Category = 'structure' | 'placeholders' | 'references' | 'consistency' | 'leftovers' | 'spelling' | 'typography' | 'manifest';

export interface DocumentContext {
  model: Agreement;
  /** The text the model's positions point into (the file, or the text extracted from .docx/.pdf). */
  lines: string[];
  /** The agreement kind from its manifest (`agreement` when there is none). */
  kind: string;
  speller: Speller;
  /** Words the project accepts (lower case), from the configuration. */
  words: Set<string>;
  /** This rule's options, as configured (defaults filled in). */
  options: Record<string, unknown>;
  report(r: Report): void;
}

export interface ManifestContext {
  manifest: Manifest;
  lines: string[];
  options: Record<string, unknown>;
  report(r: Report): void;
}

export interface Rule {
  id: string;
  category: Category;
  description: Message;
  level: RuleLevel;
  /** Whether `--fix` may apply this rule's fixes. */
  fixable?: boolean;
  /** Rule options (TypeBox), with their defaults. */
  options?: TSchema;
  /** A document this rule flags and one it does not (docs/rules.md shows them; tests run them). */
  examples: { bad: string; good: string; path?: string; /** The parties a manifest would give the example. */ parties?: string[] };
  /** Parse warnings with these rule ids are this rule's findings. */
  fromParse?: string[];
  checkDocument?(ctx: DocumentContext): void;
  checkManifest?(ctx: ManifestContext): void;
}
