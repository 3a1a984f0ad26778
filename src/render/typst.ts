/**
 * The print PDF of an agreement: Typst source from the `typst` templates,
 * compiled in-process by the Typst compiler (@myriaddreamin/typst-ts-node-compiler).
 *
 * The compiler's workspace is an empty folder of its own, so a template can
 * read no file (`read`, `image`, `include` see only that folder). Fonts come
 * with the project: Libertinus Serif and DejaVu Sans Mono are built into the
 * compiler, Source Sans 3 is loaded from the npm package source-sans. The
 * document date is the revision's, or none: the same input gives the same bytes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Agreement } from '../model.js';
import { OverensError } from '../errors.js';
import { mb, mbFromEnv } from '../read-file.js';
import { renderDocument, type DocumentOptions } from './document.js';
import { templateContext, type Paper } from './context.js';
import { renderTemplate } from './templates.js';

export type { Paper } from './context.js';

export interface TypstOptions extends DocumentOptions {
  template?: string;
  /** Paper size of the print layout (default a4). */
  paper?: Paper;
}

/** The Typst source of an agreement. */
export async function renderTypst(model: Agreement, options: TypstOptions = {}): Promise<string> {
  const doc = renderDocument(model, options);
  return renderTemplate('typst', { ...templateContext(doc, model, options.paper) }, options.template);
}

/** The print PDF of an agreement. `name` is how errors name the document. */
export async function renderPdf(model: Agreement, options: TypstOptions = {}, name = model.meta.source.path): Promise<Buffer> {
  return compileTypst(await renderTypst(model, options), name);
}

const SOURCE_SANS = ['Regular', 'It', 'Semibold', 'SemiboldIt', 'Bold', 'BoldIt'];

type Compiler = import('@myriaddreamin/typst-ts-node-compiler').NodeCompiler;
let shared: { compiler: Compiler; workspace: string } | undefined;

async function compiler(): Promise<{ compiler: Compiler; workspace: string }> {
  if (shared) return shared;
  const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
  const require = createRequire(import.meta.url);
  const fonts = join(dirname(require.resolve('source-sans/package.json')), 'OTF');
  const fontBlobs = SOURCE_SANS.map((style) => readFileSync(join(fonts, `SourceSans3-${style}.otf`)));
  const workspace = mkdtempSync(join(tmpdir(), 'overens-typst-'));
  process.once('exit', () => rmSync(workspace, { recursive: true, force: true }));
  shared = { compiler: NodeCompiler.create({ workspace, fontArgs: [{ fontBlobs }] }), workspace };
  return shared;
}

/**
 * The largest Typst source compiled (OVERENS_TYPST_MAX_MB): Typst holds a whole
 * document's layout in memory, about 240 MB per MB of source (an 11 MB source,
 * 3,200 pages, took 2.6 GB), so a runaway input must not reach it.
 */
export const TYPST_MAX_MB = 16;

/** Compiles Typst source to PDF bytes; a compile error is an `OverensError` naming the document and the first error. */
export async function compileTypst(source: string, name: string): Promise<Buffer> {
  const limit = mbFromEnv('OVERENS_TYPST_MAX_MB', TYPST_MAX_MB);
  const size = Buffer.byteLength(source);
  if (size > limit) throw new OverensError('renderTypstTooLarge', { file: name, size: mb(size), limit: mb(limit) });
  const { compiler: c } = await compiler();
  const result = c.compile({ mainFileContent: source });
  const doc = result.result;
  const error = result.takeError();
  if (!doc || error) {
    // Typst reports errors with severity 1 (or "error"), warnings after them; no line for a source given as text.
    const diagnostics = (error?.shortDiagnostics ?? []) as Array<{ message?: string; severity?: number | string }>;
    const errors = diagnostics.filter((d) => d.severity === 1 || String(d.severity).toLowerCase() === 'error');
    const reason = (errors.length > 0 ? errors : diagnostics).slice(0, 3).map((d) => d.message ?? '').filter(Boolean).join('; ') || (error?.kind ?? 'unknown error');
    throw new OverensError('renderTypst', { file: name, reason });
  }
  const pdf = c.pdf(doc);
  c.evictCache(10);
  return pdf;
}
