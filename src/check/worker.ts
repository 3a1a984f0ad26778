/** A worker of `overens check`'s pool: parses one document and checks it (src/check/files.ts). */
import { parseFileWithSource } from '../parse/index.js';
import { OverensError } from '../errors.js';
import type { MessageKey } from '../i18n.js';
import { check } from './index.js';
import { saveSpellerAnswers } from '../spell.js';
import type { CheckTask } from './files.js';
import type { Finding } from './types.js';

/** A user's error crosses the thread boundary as its catalog key and parameters. */
export type CheckOutcome = { findings: Finding[] } | { error: { key: MessageKey; params: Record<string, string | number> } };

export default async function checkOne(task: CheckTask): Promise<CheckOutcome> {
  try {
    const { model, source } = await parseFileWithSource(task.file, { lang: task.lang });
    return { findings: await check(model, { config: task.config, sourceText: source.text, kind: task.kind, lang: task.lang }) };
  } catch (error) {
    if (error instanceof OverensError) return { error: { key: error.key, params: error.params } };
    throw error;
  } finally {
    saveSpellerAnswers();
  }
}
