/**
 * `render(model, options)`: a publishable version of an agreement in one
 * format. Text formats (md, html, typst) come back as a string, binary ones
 * (pdf, docx) as bytes. The same model, options and templates give the same
 * output, byte for byte.
 */
import type { Agreement } from '../model.js';
import type { DocumentOptions } from './document.js';
import type { Paper } from './context.js';

export const RENDER_FORMATS = ['pdf', 'html', 'docx', 'md', 'typst'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

export interface RenderOptions extends DocumentOptions {
  format: RenderFormat;
  /** A folder of templates overriding the defaults file by file (html, typst, pdf; Word and Markdown have none). */
  template?: string;
  /** Paper size of the print layouts: PDF, HTML print and Word (default a4). */
  paper?: Paper;
}

/** Whether a format's output is bytes (not for a terminal). */
export const isBinaryFormat = (format: RenderFormat) => format === 'pdf' || format === 'docx';

/** The format an output file name asks for, or undefined. */
export function formatOfFile(file: string): RenderFormat | undefined {
  const ext = /\.([a-z]+)$/iu.exec(file)?.[1]?.toLowerCase();
  const byExt: Record<string, RenderFormat> = { pdf: 'pdf', html: 'html', htm: 'html', docx: 'docx', md: 'md', markdown: 'md', typ: 'typst' };
  return ext ? byExt[ext] : undefined;
}

export async function render(model: Agreement, options: RenderOptions): Promise<string | Buffer> {
  const document: DocumentOptions = options.draft === undefined ? {} : { draft: options.draft };
  const paper = options.paper ? { paper: options.paper } : {};
  const templated = { ...document, ...paper, ...(options.template !== undefined ? { template: options.template } : {}) };
  // Each format's renderer loads when it is asked for (Word's packages alone take about 130 ms).
  switch (options.format) {
    case 'md':
      return (await import('./markdown.js')).renderMarkdown(model, document);
    case 'html':
      return (await import('./html.js')).renderHtml(model, templated);
    case 'typst':
      return (await import('./typst.js')).renderTypst(model, templated);
    case 'pdf':
      return (await import('./typst.js')).renderPdf(model, templated);
    case 'docx':
      return (await import('./docx.js')).renderDocx(model, { ...document, ...paper });
  }
}

export { renderDocument, type RenderDocument, type RenderBlock, type DocumentOptions } from './document.js';
