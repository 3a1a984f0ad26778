/**
 * The Word diff in another editor, used as an editor uses it: LibreOffice
 * (Debian's libreoffice-writer and python3-uno, installed by .ci/run) opens
 * it headless, accepts every change (Edit > Track Changes > Accept All) or
 * rejects every change, and saves it. Parsed again with the project's own
 * .docx import, the accepted document must give the new revision's model and
 * the rejected one the old revision's: the same vision, purpose, goals,
 * principles with their åtaganden, bodies, areas, sections and text. A plain
 * open-and-save must also keep every tracked change.
 * Without LibreOffice the test is skipped on a developer machine and fails
 * under CI=true.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseFile } from '../src/parse/index.js';
import { diffAgreements } from '../src/diff/align.js';
import { flow } from '../src/flow.js';
import { comparable } from '../src/diff/words.js';
import { renderDiffDocx } from '../src/reporters/diff-docx.js';
import type { Agreement } from '../src/model.js';
import { resolvedParagraphs, trackedCounts } from './helpers/docx-review.js';
import { SEED } from './helpers/seeds.js';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const PYTHON = '/usr/bin/python3';
const REVIEW = join(import.meta.dirname, 'helpers', 'lo-review.py');
const hasUno = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import uno'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const available = existsSync(SOFFICE) && hasUno;
if (!available && process.env.CI === 'true') {
  throw new Error(`CI=true but no LibreOffice at ${SOFFICE} with python3-uno: .ci/run installs Debian's libreoffice-writer and python3-uno`);
}

/**
 * What an editor's draft must keep: every typed element and the text of every
 * block, principles by number; texts compared as the diff compares them
 * (a tab that Word keeps as a tab element comes back from the import as a space).
 */
function essence(m: Agreement) {
  return JSON.parse(JSON.stringify(essenceOf(m), (_, v: unknown) => (typeof v === 'string' ? comparable(v) : v))) as ReturnType<typeof essenceOf>;
}

function essenceOf(m: Agreement) {
  return {
    vision: m.vision?.text ?? null,
    purpose: m.purpose?.text ?? null,
    goals: m.goals.map((g) => g.text),
    principles: [...m.principles].sort((a, b) => a.number - b.number).map((p) => ({ number: p.number, title: p.title, commitments: p.commitments.map((c) => c.text) })),
    partyCommitments: m.partyCommitments.map((g) => [g.party, g.commitments.map((c) => c.text)]),
    bodies: m.bodies.map((b) => b.name),
    areas: m.developmentAreas.map((a) => [a.title, a.items.map((i) => i.text)]),
    texts: flow(m)
      .filter((b) => !b.hidden)
      .map((b) => b.text)
      .sort(),
  };
}

const ROUND_1 = 'test/fixtures/diff/round-1.md';
const ROUND_2 = 'test/fixtures/diff/round-2.md';
const vasterbotten = readFileSync(SEED.vasterbotten, 'utf8');
/** A second round of the Västerbotten agreement: a word added, a goal removed, a paragraph added. */
const vasterbottenEdited = vasterbotten
  .replace('- Utveckla det långsiktiga strategiska arbetet med regional utveckling\n', '')
  .replace('- Höja den gemensamma kunskapen', '- Höja och sprida den gemensamma kunskapen')
  .replace(/\n$/u, '\n\nParterna följer upp överenskommelsen varje år.\n');

describe.skipIf(!available)('the Word diff accepted and rejected in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'overens-lo-'));
  const profile = join(dir, 'profile');

  /** The document LibreOffice saves after accepting or rejecting every change. */
  const review = (docx: Uint8Array, mode: 'accept' | 'reject', name: string): Buffer => {
    const input = join(dir, `${name}.docx`);
    const output = join(dir, `${name}-${mode}ed.docx`);
    writeFileSync(input, docx);
    execFileSync(PYTHON, [REVIEW, mode, input, output, profile], { stdio: 'ignore', timeout: 180_000, env: { ...process.env, SOFFICE_PATH: SOFFICE } });
    return readFileSync(output);
  };

  it.each([
    ['round', () => parseFile(ROUND_1, { manifest: false }), () => parseFile(ROUND_2, { manifest: false })],
    ['vasterbotten', () => parse(vasterbotten, { format: 'markdown', path: 'vasterbotten-1.md' }), () => parse(vasterbottenEdited, { format: 'markdown', path: 'vasterbotten-2.md' })],
  ])('%s: accepted gives the new revision, rejected the old one, parsed again', async (name, readOld, readNew) => {
    const oldModel = await readOld();
    const newModel = await readNew();
    const docx = await renderDiffDocx(diffAgreements(oldModel, newModel), oldModel, newModel);
    const accepted = await parse(review(docx, 'accept', name), { format: 'docx', path: `${name}-accepted.docx` });
    expect(essence(accepted)).toEqual(essence(newModel));
    const rejected = await parse(review(docx, 'reject', name), { format: 'docx', path: `${name}-rejected.docx` });
    expect(essence(rejected)).toEqual(essence(oldModel));
  }, 360_000);
});

describe.skipIf(!existsSync(SOFFICE))('the Word diff opened and saved by LibreOffice', () => {
  it.each([
    [ROUND_1, ROUND_2],
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
