/**
 * TypeBox, as the command line loads it: `npm run build` bundles this entry
 * into one file (scripts/bundle-vendor.mjs). The package is 247 small modules,
 * and resolving them took 150 ms of every command that validates anything;
 * the bundle loads in about 12 ms. Types come from the package itself.
 */
export { Type } from '@sinclair/typebox';
export { Value } from '@sinclair/typebox/value';
