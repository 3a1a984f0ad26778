/**
 * `check --fix`: applies the fixes a rule declares safe (a suspended
 * compound's space, a doubled word, doubled spaces), to sources that can be
 * written back exactly: UTF-8 text files whose bytes hold the text the
 * findings point into. A .docx, a .pdf, or a file in another encoding is
 * reported, never touched. Each file is written atomically, once.
 */
import { readFile } from 'node:fs/promises';
import { writeOutput } from '../io.js';
import { ruleById } from '../rules/index.js';
import type { Finding } from './types.js';

export interface FixChange {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  from: string;
  to: string;
}

export async function applyFixes(findings: Finding[]): Promise<{ fixed: Set<Finding>; changes: FixChange[]; skipped: string[] }> {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) if (f.fix && ruleById.get(f.ruleId)?.fixable) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const fixed = new Set<Finding>();
  const changes: FixChange[] = [];
  const skipped: string[] = [];
  for (const [file, list] of byFile) {
    const bytes = await readFile(file);
    const text = bytes.toString('utf8');
    // Only a file that is its own UTF-8 text can take a fix at a line and column.
    if (!Buffer.from(text, 'utf8').equals(bytes) || text.includes('\u0000') || /\.(?:docx|pdf|html?)$/iu.test(file)) {
      skipped.push(file);
      continue;
    }
    const lines = text.split('\n');
    // From the end, so earlier columns stay where they are; overlapping fixes: the first one wins.
    const ordered = [...list].sort((a, b) => b.fix!.range.start.line - a.fix!.range.start.line || b.fix!.range.start.column - a.fix!.range.start.column);
    let lastStart: { line: number; column: number } | undefined;
    for (const f of ordered) {
      const { range, from, text: to } = f.fix!;
      if (range.start.line !== range.end.line) continue;
      if (lastStart && lastStart.line === range.start.line && range.end.column > lastStart.column) continue;
      const line = lines[range.start.line - 1] ?? '';
      if (line.slice(range.start.column - 1, range.end.column - 1) !== from) continue;
      lines[range.start.line - 1] = line.slice(0, range.start.column - 1) + to + line.slice(range.end.column - 1);
      lastStart = range.start;
      fixed.add(f);
      changes.push({ file, line: range.start.line, column: range.start.column, ruleId: f.ruleId, from, to });
    }
    if (changes.some((c) => c.file === file)) await writeOutput(file, lines.join('\n'), [], { force: true });
  }
  changes.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { fixed, changes, skipped };
}
