/** The public library API of overens. */
export { parse, parseFile, parseFileWithSource, type ParseOptions, type ParseFileOptions } from './parse/index.js';
export { coverage, modelTexts, sourceWordsOf, type Coverage } from './coverage.js';
export { summarise, formatDiagnostic, type Summary } from './summary.js';
export { outline } from './outline.js';
export { loadProfile, classifyHeading, matchPrinciple, type Profile, type HeadingKind } from './parse/profile.js';
export { segmentText, segmentLines, looksLikeHeading } from './parse/segment/text.js';
export { normaliseLayout, looksLikePdfText, LAYOUT_STEPS, type LayoutResult } from './parse/layout/index.js';
export { toLines, type Line } from './parse/layout/lines.js';
export { loadSwedishSpeller, type Speller } from './spell.js';
export { readSource, sourceFromBytes, detectFormat, type Source } from './parse/read.js';
export { recogniseReport, recogniseFootnotes } from './parse/report.js';
export { segmentMarkdown } from './parse/segment/markdown.js';
export type { SegBlock, Segmented } from './parse/segment/types.js';
export { discoverManifests, loadManifest, findRevision, revisionPath, type Manifest, type ManifestRevision } from './manifest.js';
export { OverensError } from './errors.js';
export { t, resolveLang, type Lang, type MessageKey } from './i18n.js';
export { agreementJsonSchema, MODEL_SCHEMA_VERSION } from './model.js';
export type * from './model.js';
