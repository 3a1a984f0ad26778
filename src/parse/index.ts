/**
 * The parse pipeline: read (-> import for .docx/.pdf) -> normalise (-> layout
 * for PDF text) -> segment -> recognise -> report and footnote views -> model.
 * `parse` works on text in memory; `parseFile` reads a file and adds what its
 * agreement manifest says (id, parties, region, revision).
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { Agreement, Artifact, Diagnostic, Meta, Node, Position, SourceFormat } from '../model.js';
import { MODEL_SCHEMA_VERSION } from '../model.js';
import { readSource, sourceFromBytes, sourceFromText, type Source } from './read.js';
import { phase, startPhase } from '../phases.js';
import { normalise } from './normalise.js';
import { segmentLines } from './segment/text.js';
import { byPlace, toLines } from './layout/lines.js';
import { removeFurniture } from './layout/furniture.js';
import { breakKnownHeadings, inferBlocks } from './layout/blocks.js';
import { layoutContext, normaliseLayout } from './layout/index.js';
import { splitInlineHeadings } from './layout/inline-headings.js';
import { loadSwedishSpeller } from '../spell.js';
import { t, type Lang } from '../i18n.js';
import { promoteBareHeadings } from './segment/bare-headings.js';
import { recognise } from './recognise/index.js';
import { recogniseFootnotes, recogniseReport } from './report.js';
import { classifyHeading, loadProfile, matchPrincipleTitle } from './profile.js';
import { findRevision, type Manifest, type ManifestRevision } from '../manifest.js';
import { slugify } from '../text.js';

export interface ParseOptions {
  /** Input format; detected from the content and the path when not given. */
  format?: SourceFormat;
  /** Where the text came from, for meta.source.path and diagnostics (default "<input>"). */
  path?: string;
  /** Extra heading lexicon files merged into the built-in profile. */
  profiles?: string[];
  /** Language of diagnostic messages (default "en"). */
  lang?: Lang;
}

export interface ParseFileOptions extends Omit<ParseOptions, 'path'> {
  /** Look for the agreement manifest that lists the file (default true). */
  manifest?: boolean;
}

const regionPatterns = new Map<string, RegExp>();

function regionOf(texts: string[], regions: string[]): string | null {
  const sorted = [...regions].sort((a, b) => b.length - a.length);
  // Each pattern is made once per process (a document asks for every region on every text).
  const pattern = (region: string) => regionPatterns.get(region) ?? regionPatterns.set(region, new RegExp(`(?<![\\p{L}])${region}(?![\\p{L}])`, 'iu')).get(region)!;
  for (const text of texts) {
    for (const region of sorted) {
      if (pattern(region).test(text)) return region;
    }
  }
  return null;
}

/** Section ranges are widened to cover the typed elements they refer to. */
function fixSectionPositions(nodes: Node[], positions: Map<string, Position>): void {
  for (const node of nodes) {
    if (node.type !== 'section') continue;
    fixSectionPositions(node.content, positions);
    for (const child of node.content) {
      const p = child.type === 'ref' ? positions.get(child.target) : child.position;
      if (!p) continue;
      if (p.end.line > node.position.end.line || (p.end.line === node.position.end.line && p.end.column > node.position.end.column)) {
        node.position.end = { ...p.end };
      }
    }
  }
}

/** Segment the source by its format; PDF text goes through the layout normalisation first. */
async function segment(source: Source, profile: ReturnType<typeof loadProfile>) {
  const text = phase('normalise', () => normalise(source.text));
  // The Markdown parser (remark, about 130 modules) is loaded only for a source that needs it.
  if (source.format === 'markdown' || source.format === 'docx' || source.format === 'html') {
    const { segmentMarkdown } = await import('./segment/markdown.js');
    const segmented = phase('segment', () => segmentMarkdown(text));
    if (source.format === 'markdown') return { segmented, artifacts: [], normalisations: [] };
    // Word and web pages often set headings as plain or bold paragraphs.
    return { segmented: { ...segmented, blocks: promoteBareHeadings(segmented.blocks) }, artifacts: [], normalisations: [] };
  }
  const furniture: Artifact[] = [];
  // Block ends and heading cuts are recorded here, before the layout steps (which have their own context, with the speller).
  const blockCtx = layoutContext(profile, null);
  // Run into a flattened page, only the kinds whose patterns name a heading, not any line mentioning them.
  const inlineHeading = (t: string) => {
    const kind = classifyHeading(profile, t);
    return (kind !== null && kind !== 'figure' && kind !== 'toc' && kind !== 'goalElaborationIntro') || matchPrincipleTitle(profile, t) !== null;
  };
  const lines = phase('normalise', () => inferBlocks(removeFurniture(toLines(text), profile.furniture, furniture), blockCtx));
  const breaks = blockCtx.normalisations;
  if (source.format === 'pdf-text' || source.format === 'pdf') {
    // A PDF's extraction may keep no gap between a block and the heading after it.
    const speller = await loadSwedishSpeller();
    const layout = phase('normalise', () => normaliseLayout(breakKnownHeadings(splitInlineHeadings(inlineHeading)(lines, blockCtx), blockCtx), profile, speller));
    return { segmented: phase('segment', () => segmentLines(layout.lines)), artifacts: [...furniture, ...layout.artifacts].sort(byPlace), normalisations: [...breaks, ...layout.normalisations].sort(byPlace) };
  }
  return { segmented: phase('segment', () => segmentLines(lines)), artifacts: furniture.sort(byPlace), normalisations: breaks };
}

const NO_PLACE: Position = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/**
 * Warnings for what is not agreement text but must be seen: a reviewer's
 * comment left in a proof, Word comments (added to `artifacts`, outside the
 * text) and unaccepted tracked changes.
 */
function noteDiagnostics(source: Source, artifacts: Artifact[], lang: Lang): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const warn = (ruleId: string, message: string, place: Position, element?: string) => {
    const d: Diagnostic = { file: source.path, ruleId, severity: 'warning', message, place: { start: { ...place.start }, end: { ...place.end } } };
    if (element !== undefined) d.element = element;
    warnings.push(d);
  };
  const clip = (text: string) => text.replace(/\s+/gu, ' ').trim().slice(0, 120);
  // Where in the extracted text a note's text (or a comment's anchor) stands; the start when it is not there.
  const lines = source.text.split('\n');
  const placeOf = (text: string | undefined): Position => {
    const needle = text?.replace(/\s+/gu, ' ').trim();
    if (!needle) return NO_PLACE;
    const i = lines.findIndex((l) => l.replace(/\s+/gu, ' ').includes(needle));
    if (i === -1) return NO_PLACE;
    const column = lines[i]!.replace(/\s+/gu, ' ').indexOf(needle) + 1;
    return { start: { line: i + 1, column }, end: { line: i + 1, column: column + needle.length } };
  };
  for (const a of artifacts) {
    if (a.kind !== 'annotation') continue;
    const [, author = '', text = ''] = /^(\S+)\n[^\n]*\n?([\s\S]*)$/u.exec(a.text) ?? [];
    warn('annotation', t(lang, 'annotation', { author, text: clip(text) }), a.position, a.id);
  }
  // A web page's furniture, or a PDF's watermark, is not in the text the parser read: held outside it, at the start.
  (source.removed ?? []).forEach((r, i) => {
    const reason = r.kind === 'watermark' ? 'text set at an angle across the page (a watermark), not agreement text' : `web page ${r.kind === 'outside-main' ? 'text outside the main content' : 'furniture'}, not agreement text`;
    artifacts.push({ id: `artifact/${r.kind}-${i + 1}`, kind: r.kind, text: r.text, reason, external: true, position: NO_PLACE });
  });
  (source.notes ?? []).forEach((note, i) => {
    if (note.kind === 'comment') {
      const id = `artifact/comment-${i + 1}`;
      const place = placeOf(note.anchor);
      artifacts.push({ id, kind: 'annotation', text: note.text, reason: `Word comment by ${note.author || 'unknown'}`, external: true, position: place });
      warn('annotation', t(lang, 'annotation', { author: note.author, text: clip(note.text) }), place, id);
    } else {
      const kind = t(lang, note.kind === 'insertion' ? 'trackedInsertion' : 'trackedDeletion');
      // A pending insertion is in the text; a pending deletion is not, so it points at the start.
      warn('tracked-change', t(lang, 'trackedChange', { kind, text: clip(note.text) }), note.kind === 'insertion' ? placeOf(note.text) : NO_PLACE);
    }
  });
  return warnings;
}

async function build(source: Source, options: ParseOptions, found: { manifest: Manifest; revision: ManifestRevision } | null): Promise<Agreement> {
  const profile = loadProfile(options.profiles);
  const { segmented, artifacts, normalisations } = await segment(source, profile);
  // From here on the work is synchronous: one phase.
  const done = startPhase('recognise');
  try {
    return recogniseModel(source, options, found, profile, { segmented, artifacts, normalisations });
  } finally {
    done();
  }
}

function recogniseModel(
  source: Source,
  options: ParseOptions,
  found: { manifest: Manifest; revision: ManifestRevision } | null,
  profile: ReturnType<typeof loadProfile>,
  { segmented, artifacts, normalisations }: Awaited<ReturnType<typeof segment>>,
): Agreement {
  const lang = options.lang ?? 'en';
  const recogniseOptions = { profile, format: source.format, file: source.path, lang };
  let r = recognise(segmented.blocks, recogniseOptions);
  let report = recogniseReport(r.sections, profile);
  // A process report cites other agreements' principles in lists: they are not its own.
  if (report && r.principles.some((p) => p.statedAs === 'item' || p.statedAs === 'inline')) {
    r = recognise(segmented.blocks, { ...recogniseOptions, listedPrinciples: false });
    report = recogniseReport(r.sections, profile);
  }
  // A process report has no agreement structure by nature: not a warning.
  if (report) r.warnings = r.warnings.filter((w) => w.ruleId !== 'unknown-shape');
  const warnings = noteDiagnostics(source, artifacts, lang);
  if (segmented.defused) {
    const line = segmented.defused[0]!;
    const place = { start: { line, column: 1 }, end: { line, column: 1 } };
    warnings.push({ file: source.path, ruleId: 'markdown-defused', severity: 'warning', message: t(lang, 'markdownDefused', { count: segmented.defused.length }), place });
  }

  const positions = new Map<string, Position>();
  if (r.vision) positions.set('vision', r.vision.position);
  if (r.purpose) positions.set('purpose', r.purpose.position);
  for (const g of r.goals) {
    positions.set(g.id, g.position);
    if (g.elaboration) positions.set(g.elaboration.id, g.elaboration.position);
  }
  for (const el of [...r.principles, ...r.partyCommitments, ...r.bodies, ...r.developmentAreas]) positions.set(el.id, el.position);
  fixSectionPositions(r.sections, positions);

  const manifest = found?.manifest;
  const parties = manifest?.parties.length ? manifest.parties : r.parties;
  const meta: Meta = {
    id: manifest?.id ?? slugify(basename(source.path, extname(source.path)).replace(/\.pdf$/u, '')),
    title: r.title ?? manifest?.title ?? null,
    parties,
    region: manifest?.region ?? regionOf([...r.parties, r.title ?? ''], profile.regions),
    revision: null,
    source: { path: source.path, format: source.format, sha256: source.sha256 },
  };
  if (source.encoding !== undefined) meta.source.encoding = source.encoding;
  if (found) {
    const { label, status, round, date, scope } = found.revision;
    meta.revision = { label, status };
    if (round !== undefined) meta.revision.round = round;
    if (date !== undefined) meta.revision.date = date;
    if (scope !== undefined) meta.revision.scope = scope;
  }
  if (segmented.frontMatter !== undefined) meta.frontMatter = segmented.frontMatter;
  return {
    schemaVersion: MODEL_SCHEMA_VERSION,
    meta,
    vision: r.vision,
    purpose: r.purpose,
    goals: r.goals,
    principles: r.principles,
    partyCommitments: r.partyCommitments,
    bodies: r.bodies,
    developmentAreas: r.developmentAreas,
    report,
    footnotes: recogniseFootnotes(r, profile),
    sections: r.sections,
    artifacts,
    normalisations,
    warnings: [...r.warnings, ...warnings].sort((a, b) => a.place.start.line - b.place.start.line || a.place.start.column - b.place.start.column),
  };
}

/**
 * Parse an agreement held in memory: text (any supported text format), or the
 * bytes of a .docx or .pdf file.
 */
export async function parse(input: string | Uint8Array, options: ParseOptions = {}): Promise<Agreement> {
  const path = options.path ?? '<input>';
  if (typeof input !== 'string') return build(await sourceFromBytes(input, path, options.format), options, null);
  const source = await sourceFromText(input, path, options.format, createHash('sha256').update(input, 'utf8').digest('hex'));
  return build(source, options, null);
}

/** Read and parse one agreement file. Throws OverensError for input the user can fix. */
export async function parseFile(path: string, options: ParseFileOptions = {}): Promise<Agreement> {
  return (await parseFileWithSource(path, options)).model;
}

/** Read a file and return both the model and its source text (for coverage checks). */
export async function parseFileWithSource(path: string, options: ParseFileOptions = {}): Promise<{ model: Agreement; source: Source }> {
  const source = await readSource(path, options.format);
  return parseSource(source, path, options);
}

/** Parse bytes that came from elsewhere (standard input), keeping the source beside the model. */
export async function parseBytesWithSource(bytes: Uint8Array, path: string, options: ParseFileOptions = {}): Promise<{ model: Agreement; source: Source }> {
  return parseSource(await sourceFromBytes(bytes, path, options.format), path, { ...options, manifest: false });
}

async function parseSource(source: Source, path: string, options: ParseFileOptions): Promise<{ model: Agreement; source: Source }> {
  const found = options.manifest === false ? null : await findRevision(path);
  return { model: await build(source, { ...options, path }, found), source };
}
