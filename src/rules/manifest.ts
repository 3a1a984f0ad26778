/**
 * manifest: a manifest's revisions: sources that exist and dates in order. A
 * manifest that does not load (unknown keys or statuses, a label twice, a
 * malformed date) is this rule's finding too: `overens check` reports the
 * loader's reason and goes on.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Rule } from '../check/types.js';

export const rule: Rule = {
  id: 'manifest',
  category: 'manifest',
  level: 'error',
  description: {
    en: 'A manifest is valid (known keys and statuses, labels and dates well formed) and lists revisions whose sources exist, with unique labels and dates in order (revisions are listed oldest first).',
    sv: 'Ett manifest är giltigt (kända nycklar och statusvärden, välformade etiketter och datum) och listar versioner vars källor finns, med unika etiketter och datum i ordning (versionerna listas äldst först).',
  },
  examples: {
    path: 'manifest.yaml',
    bad: 'id: exempel\ntitle: Exempel\nregion: Exempel\nparties: [Region Exempel]\nrevisions:\n  - label: runda-1\n    status: draft\n    date: 2024-05-01\n    source: overenskommelse.md\n  - label: runda-2\n    status: remiss\n    date: 2024-01-01\n    source: saknas.md\n',
    good: 'id: exempel\ntitle: Exempel\nregion: Exempel\nparties: [Region Exempel]\nrevisions:\n  - label: runda-1\n    status: draft\n    date: 2024-01-01\n    source: overenskommelse.md\n  - label: runda-2\n    status: remiss\n    date: 2024-05-01\n    source: overenskommelse.md\n',
  },
  checkManifest({ manifest, lines, report }) {
    const at = (needle: string, nth = 0): { start: { line: number; column: number }; end: { line: number; column: number } } => {
      let seen = 0;
      for (let i = 0; i < lines.length; i++) {
        const c = lines[i]!.indexOf(needle);
        if (c !== -1 && seen++ === nth) return { start: { line: i + 1, column: c + 1 }, end: { line: i + 1, column: c + 1 + needle.length } };
      }
      return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    };
    let lastDate: string | undefined;
    const sources = new Map<string, number>();
    for (const r of manifest.revisions) {
      const sourceCount = sources.get(r.source) ?? 0;
      sources.set(r.source, sourceCount + 1);
      if (!existsSync(resolve(dirname(manifest.file), r.source))) report({ place: at(`source: ${r.source}`, sourceCount), message: { en: `revision ${r.label}: its source ${r.source} does not exist`, sv: `version ${r.label}: källan ${r.source} finns inte` } });
      if (r.date !== undefined && lastDate !== undefined && String(r.date) < lastDate) report({ place: at(`date: ${String(r.date)}`), message: { en: `revision ${r.label} is dated ${String(r.date)}, before the revision listed above it (${lastDate}): revisions are listed oldest first`, sv: `version ${r.label} är daterad ${String(r.date)}, före versionen ovanför (${lastDate}): versionerna listas äldst först` } });
      if (r.date !== undefined) lastDate = String(r.date);
    }
  },
};
