/**
 * The option values the command line checks before a command is loaded: kept
 * apart from the commands, so `overens --help` loads none of them.
 */
import { OverensError } from '../errors.js';
import type { SourceFormat } from '../model.js';

export const PARSE_FORMATS = ['json', 'yaml', 'summary'] as const;
export const SOURCE_FORMATS: readonly SourceFormat[] = ['text', 'pdf-text', 'markdown', 'docx', 'pdf', 'html'];

/** A value of an option that takes one of `allowed`, or a usage error naming them. */
export function checkFormat<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new OverensError('formatUnknown', { format: value, expected: allowed.join(', ') });
}
