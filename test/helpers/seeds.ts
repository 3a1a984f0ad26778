/** The real seed documents, as they sit in agreements/ (copied there unchanged from shared/seeds). */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const AGREEMENTS = join(ROOT, 'agreements');

/** Every agreement source file under agreements/ (not the manifests), relative to the project root. */
export function agreementFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name !== 'manifest.yaml') out.push(relative(ROOT, full));
    }
  };
  walk(AGREEMENTS);
  return out;
}

/** The files (not folders, not the README) of a fixture folder, relative to the project root, sorted. */
export function fixtureFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((f) => f.isFile() && !/README/u.test(f.name))
    .map((f) => join(dir, f.name))
    .sort();
}

export const SEED = {
  norrbottenDraft: 'agreements/norrbotten/samverkan-civilsamhallet/norrbotten-word-draft.txt',
  norrbottenProof: 'agreements/norrbotten/samverkan-civilsamhallet/norrbotten-layout-proof.pdf.txt',
  norrbottenStodstruktur: 'agreements/norrbotten/samverkan-civilsamhallet/norrbotten-stodstruktur-revised.txt',
  varmland: 'agreements/varmland/dialogprocess-sociala-omradet/varmland-dialogprocess-report.pdf.txt',
  vasterbotten: 'agreements/vasterbotten/samverkan-regional-utveckling-2023-2026/vasterbotten-samverkan-2023-2026.md',
} as const;
