/** Where a build puts each file, relative to the output folder (with "/"). */
import { posix } from 'node:path';
import type { BuildFormat } from './types.js';

export const STATE_FILE = '.overens-build.json';
export const INDEX_PAGE = 'index.html';

export const agreementPage = (id: string) => `${id}/index.html`;
export const renderedFile = (id: string, label: string, format: BuildFormat) => `${id}/${id}-${label}.${format}`;
/** Labels hold no "_", so old_new names one pair. */
export const diffFile = (id: string, oldLabel: string, newLabel: string, ext: 'html' | 'docx') => `${id}/diff-${oldLabel}_${newLabel}.${ext}`;
/** Labels hold no ".", so the manifest's page is never a revision's. */
export const sourcePage = (id: string, label: string) => `${id}/source/${label}.html`;
export const manifestPage = (id: string) => `${id}/source/manifest.yaml.html`;

/** A link from one output to another, both relative to the output folder. */
export function linkFrom(from: string, to: string): string {
  const [path, anchor] = to.split('#') as [string, string | undefined];
  const link = path === from ? '' : posix.relative(posix.dirname(from), path);
  return anchor === undefined ? link : `${link}#${anchor}`;
}
