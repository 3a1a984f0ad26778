/**
 * unified and remark (reading and writing Markdown, with GFM and front
 * matter), as the command line loads them: `npm run build` bundles this entry
 * into one file (scripts/bundle-vendor.mjs). Unbundled they are about 150
 * small modules, 200 ms to load for every Markdown source; bundled about
 * 30 ms. Types come from the packages themselves.
 */
export { unified } from 'unified';
export { default as remarkParse } from 'remark-parse';
export { default as remarkGfm } from 'remark-gfm';
export { default as remarkFrontmatter } from 'remark-frontmatter';
export { default as remarkStringify } from 'remark-stringify';
export { defaultHandlers as mdastHandlers } from 'mdast-util-to-markdown';
