/**
 * JSZip (reading and writing .docx packages), as the command line loads it:
 * `npm run build` bundles this entry into one file (scripts/bundle-vendor.mjs)
 * instead of the package's 59 CommonJS modules (about 70 ms to load).
 */
import JSZip from 'jszip';

export { JSZip };
