#!/usr/bin/env node
/**
 * A generated agreements repository for the check (and later build)
 * benchmarks: N agreements (default 1,000), each a varied copy of one of the
 * three bundled agreements as Markdown (as `overens render --to md` writes
 * them), with a manifest and two rounds. Deterministic: the same N gives the
 * same files.
 *
 *   node bench/repo.mjs DIR [N]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile, renderMarkdown } from '../dist/index.js';

const [dir, countArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: node bench/repo.mjs DIR [N]');
const count = Number(countArg ?? 1000);
const SOURCES = [
  'agreements/norrbotten/samverkan-civilsamhallet/norrbotten-layout-proof.pdf.txt',
  'agreements/vasterbotten/samverkan-regional-utveckling-2023-2026/vasterbotten-samverkan-2023-2026.md',
  'agreements/varmland/dialogprocess-sociala-omradet/varmland-dialogprocess-report.pdf.txt',
];
const bases = await Promise.all(SOURCES.map(async (f) => renderMarkdown(await parseFile(f))));
const KOMMUNER = ['Ale', 'Boden', 'Eda', 'Falun', 'Gällivare', 'Hylte', 'Kiruna', 'Luleå', 'Mora', 'Nora', 'Piteå', 'Sala', 'Tidaholm', 'Umeå', 'Vara', 'Åre', 'Älvsbyn', 'Östhammar'];

for (let i = 0; i < count; i++) {
  const base = bases[i % bases.length];
  const place = `${KOMMUNER[i % KOMMUNER.length]} ${Math.floor(i / KOMMUNER.length) + 1}`;
  // Round 1: the agreement for another place; round 2: a paragraph's wording changed.
  const round1 = base.replace(/Norrbotten|Västerbotten|Värmland/gu, place);
  const round2 = round1.replace(/ska /u, 'bör ').replace(/samverkan/u, 'samarbete');
  const folder = join(dir, 'agreements', `region-${i % 21}`, `overenskommelse-${i}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'runda-1.md'), round1);
  writeFileSync(join(folder, 'runda-2.md'), round2);
  const kind = i % bases.length === 2 ? 'report' : 'agreement';
  writeFileSync(
    join(folder, 'manifest.yaml'),
    `id: overenskommelse-${i}\ntitle: Överenskommelse ${place}\nregion: ${place}\nkind: ${kind}\nparties:\n  - Region ${place}\nrevisions:\n  - label: runda-1\n    status: remiss\n    round: 1\n    date: 2026-0${1 + (i % 4)}-10\n    source: runda-1.md\n  - label: runda-2\n    status: draft\n    round: 2\n    date: 2026-0${5 + (i % 4)}-10\n    source: runda-2.md\n`,
  );
}
console.log(`wrote ${count} agreements (${count * 2} documents) under ${dir}/agreements`);
