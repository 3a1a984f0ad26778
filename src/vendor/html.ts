/**
 * rehype (reading HTML, and HTML into mdast), as the command line loads it:
 * `npm run build` bundles this entry into one file (scripts/bundle-vendor.mjs),
 * sharing unified with the Markdown bundle. Types come from the packages
 * themselves.
 */
export { default as rehypeParse } from 'rehype-parse';
export { default as rehypeRemark } from 'rehype-remark';
export { toText } from 'hast-util-to-text';
export { defaultHandlers as hastHandlers } from 'hast-util-to-mdast';
