/** The print-ready HTML page of an agreement, from the `html` templates. */
import type { Agreement } from '../model.js';
import { renderDocument, type DocumentOptions } from './document.js';
import { templateContext, type Paper } from './context.js';
import { renderTemplate } from './templates.js';

export async function renderHtml(model: Agreement, options: DocumentOptions & { template?: string; paper?: Paper } = {}): Promise<string> {
  const doc = renderDocument(model, options);
  return renderTemplate('html', { ...templateContext(doc, model, options.paper) }, options.template);
}
