/**
 * The Liquid templates of the HTML and Typst outputs (liquidjs).
 *
 * Guarantees:
 * - agreement text never becomes markup: every `{{ … }}` is escaped for the
 *   output format (HTML entities; a Typst string literal), and the default
 *   templates never use `raw` on agreement text;
 * - a template reads files only from its own folder and the default one
 *   (`templates/<format>/`, which a user's folder may override file by file):
 *   an include of an absolute path, of `../`, or of a link out of the folder
 *   is refused (liquidjs checks containment with realpath);
 * - a template cannot run code (liquidjs has no eval), reaches only the own
 *   properties of what it is given (no `x.constructor`), and is bounded in
 *   size, time and memory (parseLimit, renderLimit, memoryLimit);
 * - a typo in a filter or variable name is an error, not an empty string;
 * - a broken template gives an `OverensError` naming the file, line and reason.
 */
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { shownPath } from '../io.js';
import { fileURLToPath } from 'node:url';
import { Liquid, LiquidError } from 'liquidjs';
import { OverensError } from '../errors.js';
import { limitFromEnv } from '../read-file.js';
import { Safe, cssString, escapeHtml, outputEscape, typstCodeString, typstLabel, typstString } from './escape.js';
import { joinSwedish, swedishDate } from './swedish.js';

export type TemplateFormat = 'html' | 'typst';

/** The project's default templates. */
export const DEFAULT_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

/**
 * Bounds for one render: template text in characters, time in seconds
 * (OVERENS_TEMPLATE_SECONDS), memory (liquidjs's count of allocations). The
 * default templates render the largest agreement in well under a second.
 */
export const TEMPLATE_LIMITS = { parseChars: 2_000_000, seconds: 20, memory: 200_000_000 };

/** The folders a format's templates are looked up in: the user's first, then the defaults. */
export function templateRoots(format: TemplateFormat, userDir?: string): string[] {
  const defaults = join(DEFAULT_TEMPLATES, format);
  if (userDir === undefined) return [defaults];
  const dir = resolve(userDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new OverensError('renderTemplateDir', { dir: userDir });
  // A user folder may hold one folder per format, or the format's files themselves.
  const own = existsSync(join(dir, format)) && statSync(join(dir, format)).isDirectory() ? join(dir, format) : dir;
  return [realpathSync(own), defaults];
}

/** A Liquid engine for one output format. */
export function templateEngine(format: TemplateFormat, roots: string[]): Liquid {
  const engine = new Liquid({
    root: roots,
    extname: '.liquid',
    outputEscape: outputEscape(format === 'html' ? escapeHtml : typstString),
    strictFilters: true,
    strictVariables: true,
    // An optional field (a list item's label) may be tested in if, unless and case.
    lenientIf: true,
    ownPropertyOnly: true,
    relativeReference: false,
    dynamicPartials: true,
    cache: true,
    parseLimit: TEMPLATE_LIMITS.parseChars,
    renderLimit: limitFromEnv('OVERENS_TEMPLATE_SECONDS', TEMPLATE_LIMITS.seconds) * 1000,
    memoryLimit: TEMPLATE_LIMITS.memory,
  });
  engine.registerFilter('sv_date', (value: unknown) => (typeof value === 'string' ? swedishDate(value) : value));
  engine.registerFilter('sv_join', (value: unknown) => (Array.isArray(value) ? joinSwedish(value.map(String)) : value));
  engine.registerFilter('html', (value: unknown) => new Safe(escapeHtml(value)));
  engine.registerFilter('typst', (value: unknown) => new Safe(typstString(value)));
  engine.registerFilter('typst_str', typstCodeString);
  engine.registerFilter('css_string', cssString);
  engine.registerFilter('typst_label', typstLabel);
  return engine;
}

/** Renders a format's `document.liquid` with a context; a template error names the file, line and reason. */
export async function renderTemplate(format: TemplateFormat, context: Record<string, unknown>, userDir?: string): Promise<string> {
  const roots = templateRoots(format, userDir);
  const engine = templateEngine(format, roots);
  try {
    // renderFile looks the file up through the roots; the default folder always has one.
    return await engine.renderFile('document', context);
  } catch (error) {
    throw templateError(error, roots);
  }
}

function templateError(error: unknown, roots: string[]): OverensError {
  if (!(error instanceof LiquidError)) return new OverensError('renderTemplate', { file: roots[0]!, line: 0, reason: error instanceof Error ? error.message : String(error) }, { cause: error });
  // liquidjs reports the innermost template's text and line; the file is the one with that text.
  const token = (error as LiquidError & { token?: { file?: string; input?: string; getPosition?: () => [number, number] } }).token;
  const file = token?.file ?? (token?.input !== undefined ? fileWithText(roots, token.input) : undefined) ?? roots[0]!;
  const [line] = token?.getPosition?.() ?? [0, 0];
  const reason = (error.message.split(', line:')[0] ?? error.message).replace(/, file:.*$/u, '');
  return new OverensError('renderTemplate', { file: shownPath(process.cwd(), file), line, reason }, { cause: error });
}

/** The template file (first in lookup order) whose text is `text`. */
function fileWithText(roots: string[], text: string): string | undefined {
  for (const root of roots) {
    for (const name of readdirSync(root).sort()) {
      const file = join(root, name);
      if (name.endsWith('.liquid') && statSync(file).isFile() && readFileSync(file, 'utf8') === text) return file;
    }
  }
  return undefined;
}

