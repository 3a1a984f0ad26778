/**
 * The Word diff in another editor: LibreOffice (Debian's
 * libreoffice-writer-nogui, installed by .ci/run) opens the .docx headless
 * and saves it again as .docx. Its copy must still resolve to the same texts:
 * every change accepted gives the new revision, every change rejected the old
 * one. (LibreOffice recognises a deletion and an insertion of the same text as
 * a move and writes w:moveFrom/w:moveTo; the review helper resolves those.)
 * Without LibreOffice the test is skipped on a developer machine and fails
 * under CI=true.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/parse/index.js';
import { diffAgreements } from '../src/diff/align.js';
import { renderDiffDocx } from '../src/reporters/diff-docx.js';
import { resolvedParagraphs, trackedCounts } from './helpers/docx-review.js';
import { SEED } from './helpers/seeds.js';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const available = existsSync(SOFFICE);
if (!available && process.env.CI === 'true') throw new Error(`CI=true but no LibreOffice at ${SOFFICE}: .ci/run installs Debian's libreoffice-writer-nogui`);

describe.skipIf(!available)('the Word diff opened and saved by LibreOffice', () => {
  it.each([
    ['test/fixtures/diff/round-1.md', 'test/fixtures/diff/round-2.md'],
    [SEED.norrbottenDraft, SEED.norrbottenProof],
  ])('%s -> %s keeps every tracked change: accepted and rejected it gives the same texts', async (a, b) => {
    const oldModel = await parseFile(a, { manifest: false });
    const newModel = await parseFile(b, { manifest: false });
    const docx = await renderDiffDocx(diffAgreements(oldModel, newModel), oldModel, newModel);
    const dir = mkdtempSync(join(tmpdir(), 'overens-lo-'));
    writeFileSync(join(dir, 'diff.docx'), docx);
    execFileSync(
      SOFFICE,
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'out'), join(dir, 'diff.docx')],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const saved = readFileSync(join(dir, 'out', 'diff.docx'));
    // LibreOffice kept tracked changes (not a flattened text) ...
    const counts = await trackedCounts(saved);
    expect(counts.ins + counts.del + counts.moves).toBeGreaterThan(0);
    // ... and they resolve as ours do.
    for (const mode of ['accept', 'reject'] as const) expect(await resolvedParagraphs(saved, mode)).toEqual(await resolvedParagraphs(docx, mode));
  }, 180_000);
});
