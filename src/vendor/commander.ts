/**
 * commander (the command line's options and help), as the command line loads
 * it: `npm run build` bundles this entry into one file
 * (scripts/bundle-vendor.mjs) instead of the package's CommonJS modules.
 */
export { Command, CommanderError } from 'commander';
