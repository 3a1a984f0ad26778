// Bundles the third-party libraries that are made of many small modules
// (TypeBox, unified/remark, rehype, jsdiff, JSZip, commander, yaml) into a few files under
// dist/vendor, with esbuild. Node resolves and links each module of a package
// on its own, and for these packages that was most of a command's start:
// TypeBox 150 ms, remark 200 ms, JSZip 70 ms, yaml 50 ms; bundled, 10-30 ms each. The
// sources import src/vendor/*.ts, which re-export the packages: run from the
// sources (the tests) they load the packages themselves, and tsc's output of
// those files is replaced here by the bundles. Run by `npm run build` after tsc.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/vendor`;
const entries = readdirSync(`${root}src/vendor`).filter((f) => f.endsWith('.ts'));

// What tsc wrote for these entries (re-exports and their source maps), and chunks of an earlier build.
for (const f of readdirSync(out)) if (f.endsWith('.js.map') || f.startsWith('chunk-')) rmSync(`${out}/${f}`);

const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'eof' };

// The ES module entries share what they have in common (unified, vfile, ...) in chunks, loaded once.
await build({
  ...common,
  entryPoints: entries.map((f) => `${root}src/vendor/${f}`),
  outdir: out,
  format: 'esm',
  splitting: true,
  chunkNames: 'chunk-[hash]',
  // CommonJS packages (JSZip) require Node's built-ins: an ES module has no require of its own.
  banner: { js: "import { createRequire as __overensRequire } from 'node:module'; const require = __overensRequire(import.meta.url);" },
});

// yaml is read synchronously (profiles, manifests), so it is bundled as CommonJS for require().
await build({
  ...common,
  stdin: { contents: "module.exports = require('yaml');", resolveDir: root, sourcefile: 'yaml-entry.cjs' },
  outfile: `${out}/yaml.cjs`,
  format: 'cjs',
});
