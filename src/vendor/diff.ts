/**
 * jsdiff's array diff, as the command line loads it: `npm run build` bundles
 * this entry into one file (scripts/bundle-vendor.mjs) instead of the
 * package's 19 modules.
 */
export { diffArrays } from 'diff';
