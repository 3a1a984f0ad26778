/**
 * `render(model, options)`: a publishable version of an agreement in one
 * format. Text formats (md, html, typst) come back as a string, binary ones
 * (pdf, docx) as bytes. The same model, options and templates give the same
 * output, byte for byte.
 */
import type { Agreement } from '../model.js';
import type { DocumentOptions } from './document.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';
import { renderPdf, renderTypst } from './typst.js';
import type { Paper } from './context.js';
import { renderDocx } from './docx.js';

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
  switch (options.format) {
    case 'md':
      return renderMarkdown(model, document);
    case 'html':
      return renderHtml(model, templated);
    case 'typst':
      return renderTypst(model, templated);
    case 'pdf':
      return renderPdf(model, templated);
    case 'docx':
      return renderDocx(model, { ...document, ...paper });
  }
}

export { renderMarkdown, renderHtml, renderTypst, renderPdf, renderDocx };
export { renderDocument, type RenderDocument, type RenderBlock, type DocumentOptions } from './document.js';
