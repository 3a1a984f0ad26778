/**
 * HTML (a hast tree) to Markdown, the way every HTML-based import shares it:
 * rehype-remark turns headings, paragraphs, lists, tables and links into
 * mdast, remark-stringify writes Markdown (escaping what Markdown would
 * interpret, so text never becomes markup), which the Markdown segmenter reads
 * like any other Markdown file.
 */
import type { Options as RehypeRemarkOptions } from 'rehype-remark';
import { unified, remarkGfm, remarkStringify } from '../../vendor/markdown.js';
import { rehypeRemark } from '../../vendor/html.js';
import type { Root } from 'hast';

export type Handlers = NonNullable<RehypeRemarkOptions['handlers']>;

export async function hastToMarkdown(tree: Root, handlers: Handlers = {}): Promise<string> {
  const processor = unified().use(rehypeRemark, { handlers }).use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '_', listItemIndent: 'one' });
  const mdast = await processor.run(tree as never);
  return processor.stringify(mdast as never);
}
