/**
 * Import a web page (a saved page, or `pandoc -t html`): rehype-parse reads
 * the HTML as a browser would, the page's furniture is moved aside, and the
 * main content becomes Markdown (src/parse/import/html-markdown.ts), whose
 * headings and lists are real structure.
 *
 * The main content is, as readability-style extractors take it: the page's
 * `main` element (or `[role=main]`), else its single `article`, else the body.
 * Taken out of it first, and returned as notes for `artifacts`: navigation,
 * header and footer (`nav`, `header`, `footer`, `aside`, and the ARIA roles
 * navigation, banner, contentinfo, complementary, search), cookie and language
 * boxes, breadcrumbs and skip links (by their id, class or label), forms,
 * hidden elements, scripts and styles. The page `<title>` is kept as a note too.
 */
import { unified } from '../../vendor/markdown.js';
import { rehypeParse, toText } from '../../vendor/html.js';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { hastToMarkdown, type Handlers } from './html-markdown.js';
import { hastHandlers as defaultHandlers } from '../../vendor/html.js';
import type { BlockContent, DefinitionContent, FootnoteDefinition } from 'mdast';

export { looksLikeHtml } from './html-detect.js';

export interface RemovedFurniture {
  kind: string;
  text: string;
}

/** Elements that hold no text a reader sees. */
const SILENT = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'iframe', 'object', 'canvas', 'button', 'select', 'input', 'textarea']);
/** Page furniture by element. */
const FURNITURE_TAGS: Record<string, string> = { nav: 'navigation', header: 'page-header', footer: 'page-footer', aside: 'aside', form: 'form' };
/** Page furniture by ARIA role. */
const FURNITURE_ROLES: Record<string, string> = { navigation: 'navigation', banner: 'page-header', contentinfo: 'page-footer', complementary: 'aside', search: 'search', dialog: 'dialog', alertdialog: 'dialog' };
/** Page furniture by what its id, class or label says it is. */
const FURNITURE_NAMES: Array<[RegExp, string]> = [
  [/cookie|consent|gdpr|kakor/iu, 'cookie-notice'],
  [/breadcrumb|brodsmula|brödsmula/iu, 'breadcrumb'],
  [/skip-?(?:link|to)|hoppa|genvag|genväg/iu, 'skip-link'],
  [/(?:^|[-_ ])(?:lang|language|sprak|språk)(?:$|[-_ ])|translate|google_translate/iu, 'language'],
  [/(?:^|[-_ ])(?:menu|meny|mobile-?nav|navbar|site-?nav|off-?canvas)(?:$|[-_ ])/iu, 'navigation'],
  [/(?:^|[-_ ])(?:share|social|dela)(?:$|[-_ ])/iu, 'share'],
];

function names(el: Element): string {
  const p = el.properties;
  const cls = Array.isArray(p['className']) ? p['className'].join(' ') : String(p['className'] ?? '');
  return [p['id'], cls, p['ariaLabel']].filter((x) => x !== undefined && x !== null).join(' ');
}

/** What kind of furniture an element is, or null when it may hold content. */
function furniture(el: Element): string | null {
  const n = names(el);
  if (n) for (const [re, kind] of FURNITURE_NAMES) if (re.test(n)) return kind;
  const byTag = FURNITURE_TAGS[el.tagName];
  if (byTag) return byTag;
  const role = String(el.properties['role'] ?? '');
  if (FURNITURE_ROLES[role]) return FURNITURE_ROLES[role]!;
  if (el.properties['hidden'] !== undefined && el.properties['hidden'] !== false) return 'hidden';
  if (String(el.properties['ariaHidden']) === 'true') return 'hidden';
  return null;
}

/** Remove furniture from the tree, collecting its text. */
function strip(parent: Root | Element, removed: RemovedFurniture[]): void {
  parent.children = (parent.children as Array<RootContent | ElementContent>).filter((child) => {
    if (child.type === 'comment' || child.type === 'doctype') return false;
    if (child.type !== 'element') return true;
    if (SILENT.has(child.tagName)) return false;
    const kind = furniture(child);
    if (kind) {
      const text = toText(child).replace(/\s+/gu, ' ').trim();
      if (text) removed.push({ kind, text });
      return false;
    }
    strip(child, removed);
    return true;
  }) as typeof parent.children;
}

function contains(node: Root | Element, target: Element): boolean {
  return node === target || node.children.some((c) => c.type === 'element' && contains(c, target));
}

/** The text around the main content, element by element: furniture by its kind, the rest as text outside the main content. */
function outside(node: Root | Element, main: Element, removed: RemovedFurniture[]): void {
  for (const child of node.children) {
    if (child.type === 'text') {
      const text = child.value.replace(/\s+/gu, ' ').trim();
      if (text) removed.push({ kind: 'outside-main', text });
      continue;
    }
    if (child.type !== 'element' || child === main || SILENT.has(child.tagName)) continue;
    if (contains(child, main)) {
      outside(child, main, removed);
      continue;
    }
    const text = toText(child).replace(/\s+/gu, ' ').trim();
    if (text) removed.push({ kind: furniture(child) ?? 'outside-main', text });
  }
}

function find(node: Root | Element, test: (el: Element) => boolean, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) out.push(child);
    else find(child, test, out);
  }
  return out;
}

/** The main content: `main` or [role=main], else a single `article`, else the body. */
function mainContent(tree: Root): Root | Element {
  const main = find(tree, (el) => el.tagName === 'main' || el.properties['role'] === 'main');
  if (main.length > 0) return main.reduce((a, b) => (toText(b).length > toText(a).length ? b : a));
  const articles = find(tree, (el) => el.tagName === 'article');
  if (articles.length === 1) return articles[0]!;
  return find(tree, (el) => el.tagName === 'body')[0] ?? tree;
}

const classes = (el: Element): string[] => (Array.isArray(el.properties['className']) ? el.properties['className'].map(String) : []);

/** A footnote reference (pandoc's `a.footnote-ref`, `[role=doc-noteref]`). */
const isNoteRef = (el: Element): boolean => el.tagName === 'a' && (el.properties['role'] === 'doc-noteref' || classes(el).includes('footnote-ref'));
/** The footnotes at the end (pandoc's `section.footnotes`, `[role=doc-endnotes]`). */
const isNotes = (el: Element): boolean => el.properties['role'] === 'doc-endnotes' || classes(el).includes('footnotes');
/** The link back from a footnote to its reference: no text of the agreement. */
const isBackLink = (el: Element): boolean => el.properties['role'] === 'doc-backlink' || classes(el).includes('footnote-back');

const labelOf = (id: string): string => id.replace(/^(?:fn|footnote-?|note-?)/iu, '') || id;

/** Footnote references and bodies as Markdown footnotes ([^1] and [^1]: ...), which the segmenter reads as footnotes. */
function footnoteHandlers(): Handlers {
  const without = (el: Element): Element => ({
    ...el,
    children: el.children.filter((c) => !(c.type === 'element' && isBackLink(c))).map((c) => (c.type === 'element' ? without(c) : c)),
  });
  return {
    a(state, node) {
      if (!isNoteRef(node)) return defaultHandlers.a(state, node);
      const label = labelOf(String(node.properties['href'] ?? '').replace(/^#/u, ''));
      return { type: 'footnoteReference', identifier: label, label };
    },
    section(state, node) {
      if (!isNotes(node)) return state.toFlow(state.all(node));
      const items = find(node, (el) => el.tagName === 'li');
      return items.map((li): FootnoteDefinition => {
        const label = labelOf(String(li.properties['id'] ?? ''));
        return { type: 'footnoteDefinition', identifier: label, label, children: state.toFlow(state.all(without(li))) as Array<BlockContent | DefinitionContent> };
      });
    },
  };
}

/** A web page's main content as Markdown, with the page furniture taken out of it. */
export async function htmlToMarkdown(html: string): Promise<{ markdown: string; removed: RemovedFurniture[] }> {
  const tree = unified().use(rehypeParse).parse(html);
  const removed: RemovedFurniture[] = [];
  const title = find(tree, (el) => el.tagName === 'title')[0];
  const titleText = title ? toText(title).replace(/\s+/gu, ' ').trim() : '';
  if (titleText) removed.push({ kind: 'page-title', text: titleText });
  const root = mainContent(tree);
  // Everything outside the main content is kept as a note, furniture by its kind.
  if (root.type === 'element') outside(tree, root, removed);
  const content: Root = { type: 'root', children: root.type === 'root' ? root.children : [root] };
  strip(content, removed);
  return { markdown: await hastToMarkdown(content, footnoteHandlers()), removed };
}
