/** Every rule of `overens check`, one per file, in the order docs/rules.md lists them. */
import type { Rule } from '../check/types.js';
import { rule as requiredSections } from './required-sections.js';
import { rule as principleNumbering } from './principle-numbering.js';
import { rule as statedCount } from './stated-count.js';
import { rule as placeholder } from './placeholder.js';
import { rule as pageReference } from './page-reference.js';
import { rule as sectionReference } from './section-reference.js';
import { rule as attachmentReference } from './attachment-reference.js';
import { rule as bodyNames } from './body-names.js';
import { rule as partyNames } from './party-names.js';
import { rule as abbreviationConsistency } from './abbreviation-consistency.js';
import { rule as duplicateText } from './duplicate-text.js';
import { rule as annotation } from './annotation.js';
import { rule as trackedChange } from './tracked-change.js';
import { rule as unrecognisedStructure } from './unrecognised-structure.js';
import { rule as spelling } from './spelling.js';
import { rule as suspendedCompound } from './suspended-compound.js';
import { rule as doubledWord } from './doubled-word.js';
import { rule as doubleSpace } from './double-space.js';
import { rule as manifest } from './manifest.js';

export const RULES: readonly Rule[] = [
  requiredSections,
  principleNumbering,
  statedCount,
  placeholder,
  pageReference,
  sectionReference,
  attachmentReference,
  abbreviationConsistency,
  bodyNames,
  partyNames,
  duplicateText,
  annotation,
  trackedChange,
  unrecognisedStructure,
  spelling,
  suspendedCompound,
  doubledWord,
  doubleSpace,
  manifest,
];

export const ruleById = new Map(RULES.map((r) => [r.id, r]));
