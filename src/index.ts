/** The public library API of overens. */
export { parse, parseFile, parseFileWithSource, type ParseOptions, type ParseFileOptions } from './parse/index.js';
export { coverage, modelTexts, sourceWordsOf, type Coverage } from './coverage.js';
export { recognition, type Recognition } from './recognition.js';
export { recognise, REGISTRY, type Recogniser, type Recognised, type RecogniseOptions } from './parse/recognise/index.js';
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
export { MODEL_SCHEMA_VERSION } from './model.js';
export { agreementJsonSchema } from './model-schema.js';
export type * from './model.js';
// Diff: compare two revisions, then render the diff.
export { diffAgreements as diff, diffAgreements, units, type DiffOptions, type Unit } from './diff/align.js';
export { diffFiles, loadSide } from './diff/inputs.js';
export { scopePair, scopeModel } from './diff/scope.js';
export { countChanges } from './diff/count.js';
export { wordDiff, pieces, newTextOf, oldTextOf, type Piece, type WordDiff, type Granularity } from './diff/words.js';
export { diffJsonSchema } from './diff/model-schema.js';
export { DIFF_SCHEMA_VERSION, type Diff, type Change, type ChangeKind, type WordOp, type Summary as DiffSummary, type ElementKind, type MatchedBy } from './diff/model.js';
export { renderDiff, DIFF_TEXT_FORMATS, type DiffTextFormat, type RenderDiffOptions } from './reporters/diff.js';
export { renderDiffDocx } from './reporters/diff-docx.js';
export { flow, shownText, type FlowBlock, type FlowStyle, type UnitSpec } from './flow.js';
// Render: publishable versions (Markdown, HTML, Typst, PDF, Word) from templates.
export { render, formatOfFile, isBinaryFormat, RENDER_FORMATS, type RenderFormat, type RenderOptions } from './render/index.js';
export { renderDocument, type RenderDocument, type RenderBlock, type DocumentOptions } from './render/index.js';
export { renderMarkdown } from './render/markdown.js';
export { renderHtml } from './render/html.js';
export { renderTypst, renderPdf } from './render/typst.js';
export { renderDocx } from './render/docx.js';
export { templateContext, type TemplateContext } from './render/context.js';
export { swedishDate, joinSwedish } from './render/swedish.js';
// Check: the linter for agreement repositories.
export { check, checkManifest, type CheckOptions } from './check/index.js';
export { resolveConfig, findConfig, configJsonSchema, CONFIG_NAME, type ResolvedConfig } from './check/config.js';
export { applyFixes, type FixChange } from './check/fix.js';
export { checkJsonSchema, CHECK_SCHEMA_VERSION, type CheckResult } from './check/schema.js';
export { RULES } from './rules/index.js';
export type { Rule, Finding, Fix, RuleLevel, RuleSetting } from './check/types.js';
export { renderCheckText } from './reporters/check-text.js';
export { renderCheckJson } from './reporters/check-json.js';
export { renderCheckSarif } from './reporters/check-sarif.js';
export { renderCheckGithub } from './reporters/check-github.js';
export { renderCheckJunit } from './reporters/check-junit.js';
// Log: an agreement's history across its revisions.
export { historyOf, followElement, type History, type Round, type ElementTimeline, type ElementEvent, type EventKind } from './history/index.js';
export { roundLines } from './history/phrases.js';
