/**
 * The message catalog: every sentence a user reads (help, errors, summaries,
 * diagnostics) in English and Swedish. `{name}` is replaced by a parameter.
 */

const en = {
  // Program and commands
  programDescription: 'Parse, diff, render and check Swedish agreement texts (överenskommelser).',
  optLang: 'language of messages: en or sv (default: from LC_ALL/LC_MESSAGES/LANG)',
  optDebug: 'print stack traces for errors',
  optVersion: 'print the version',
  optHelp: 'show help',
  helpCommand: 'show help for a command',
  parseDescription: 'Read one agreement document and print its structured model.',
  parseArgFile: 'the document: plain text (.txt), PDF-extracted text (.pdf.txt), Markdown (.md), Word (.docx) or PDF (.pdf)',
  parseOptFormat: 'output format: json, yaml or summary (default: summary on a terminal, json otherwise)',
  parseOptStrict: 'exit 1 when text the profile expected as structure was only kept in generic sections',
  parseOptFrom: 'input format: text, pdf-text, markdown, docx or pdf (default: detected from the content)',
  parseOptExplain: 'list every layout normalisation (joins, removals) with its source line, after the output',
  parseOptProfile: 'extra heading lexicon (YAML) merged into the built-in one; repeatable',
  parseOptOutput: 'write to FILE (atomically) instead of standard output',
  buildDescription: 'Parse every revision listed in the agreement manifests under DIR and print a summary per document.',
  buildArgDir: 'the agreements repository (default: agreements)',
  buildOptStrict: 'exit 1 when any document has findings',
  buildOptFormat: 'output format: text or json (default: text)',
  usageUnknownOption: 'unknown option {detail}',
  usageUnknownCommand: 'unknown command {detail}',
  usageMissingArgument: 'missing argument {detail}',
  usageOptionMissingValue: 'option {detail} needs a value',
  usageTooManyArguments: 'too many arguments',
  // Errors (one line each; the CLI prefixes "overens: ")
  fileNotFound: '{file}: no such file',
  fileNoPermission: '{file}: permission denied',
  fileIsDirectory: '{file}: is a directory, expected a file',
  fileBinary: '{file}: looks like a binary file (a NUL byte at offset {offset}), expected text or Markdown',
  fileNotUtf8: '{file}: not valid UTF-8 text (invalid byte sequence near offset {offset})',
  fileTooLarge: '{file}: too large ({size} MB; the limit is {limit} MB)',
  fileBadDocx: '{file}: not a readable Word document ({reason})',
  fileBadPdf: '{file}: not a readable PDF ({reason})',
  filePdfNoText: '{file}: the PDF has no text layer (a scanned image?); run OCR on it first',
  fileUnknownEncoding: '{file}: text in an unknown encoding (not UTF-8, UTF-16 or Windows-1252)',
  formatUnknown: 'unknown format "{format}", expected one of: {expected}',
  profileInvalid: '{file}: invalid profile: {reason}',
  manifestInvalid: '{file}: invalid manifest: {reason}',
  outputIsInput: '{file}: refusing to write the output over an input file',
  noManifests: '{dir}: no agreement manifests (manifest.yaml) found',
  internalError: 'internal error: {message} (run with --debug for the stack trace)',
  // Summary
  summaryTitle: 'Title',
  summaryParties: 'Parties',
  summaryRegion: 'Region',
  summaryRevision: 'Revision',
  summaryVision: 'Vision',
  summaryPurpose: 'Purpose',
  summaryGoals: 'Goals',
  summaryPrinciples: 'Principles',
  summaryCommitments: '{count} commitments',
  summaryCommitment: '1 commitment',
  summaryBodies: 'Bodies',
  summaryAreas: 'Development areas',
  summarySections: 'Unclassified sections',
  summaryWarnings: 'Warnings',
  summaryReport: 'Report',
  summaryReportValue: '{phases} phases, {events} timeline events, time plan of {periods} periods, {lists} cited lists of principles, {footnotes} footnotes',
  summaryLayout: 'Layout',
  summaryLayoutValue: '{joins} words joined, {removed} layout pieces moved to artifacts (see --explain)',
  summaryCoverage: 'Coverage',
  summaryCoverageValue: '{percent}% of {words} words',
  summaryNone: '(none)',
  summaryMore: '… and {count} more',
  buildDocument: '{agreement} / {label}',
  buildTotals: '{documents} documents parsed, {warnings} warnings',
  buildTotalsOneWarning: '{documents} documents parsed, 1 warning',
  // Diagnostics found while parsing
  untypedCommitments: 'A commitments heading outside any principle: its list was kept in a generic section',
  untypedVision: 'A vision heading without a statement after it',
  untypedPurpose: 'A purpose heading without text after it',
  untypedGoals: 'A goals heading without a list of goals after it',
  principleWithoutCommitments: 'Principle {number} has no commitments (no "ÅTAGANDEN" list)',
  duplicatePrinciple: 'Principle number {number} appears twice; the second one got id {id}',
  annotation: 'A reviewer comment by {author} was left in the document; it was moved to artifacts: "{text}"',
  trackedChange: 'Unaccepted tracked change ({kind}) in the Word document: "{text}"',
  trackedInsertion: 'insertion',
  trackedDeletion: 'deletion',
  unknownShape: 'No agreement structure recognised (no vision, purpose, goals, principles, bodies or areas): every word was kept in generic sections',
};

export type MessageKey = keyof typeof en;
export type Lang = 'en' | 'sv';

const sv: Record<MessageKey, string> = {
  programDescription: 'Tolka, jämför, återge och granska överenskommelser.',
  optLang: 'språk för meddelanden: en eller sv (standard: från LC_ALL/LC_MESSAGES/LANG)',
  optDebug: 'visa stackspår vid fel',
  optVersion: 'visa versionen',
  optHelp: 'visa hjälp',
  helpCommand: 'visa hjälp för ett kommando',
  parseDescription: 'Läs ett dokument med en överenskommelse och skriv ut dess struktur.',
  parseArgFile: 'dokumentet: ren text (.txt), text ur en PDF (.pdf.txt), Markdown (.md), Word (.docx) eller PDF (.pdf)',
  parseOptFormat: 'utdataformat: json, yaml eller summary (standard: summary i terminal, annars json)',
  parseOptStrict: 'avsluta med 1 när text som borde ha tolkats som struktur bara finns i allmänna avsnitt',
  parseOptFrom: 'indataformat: text, pdf-text, markdown, docx eller pdf (standard: upptäcks ur innehållet)',
  parseOptExplain: 'lista varje layoutnormalisering (sammanfogningar, borttagningar) med sin källrad, efter utdata',
  parseOptProfile: 'extra rubriklexikon (YAML) som läggs till det inbyggda; kan upprepas',
  parseOptOutput: 'skriv till FIL (atomärt) i stället för standard ut',
  buildDescription: 'Tolka varje revision i överenskommelsernas manifest under KATALOG och skriv en sammanfattning per dokument.',
  buildArgDir: 'katalogen med överenskommelser (standard: agreements)',
  buildOptStrict: 'avsluta med 1 när något dokument har anmärkningar',
  buildOptFormat: 'utdataformat: text eller json (standard: text)',
  usageUnknownOption: 'okänd flagga {detail}',
  usageUnknownCommand: 'okänt kommando {detail}',
  usageMissingArgument: 'argument saknas: {detail}',
  usageOptionMissingValue: 'flaggan {detail} behöver ett värde',
  usageTooManyArguments: 'för många argument',
  fileNotFound: '{file}: filen finns inte',
  fileNoPermission: '{file}: åtkomst nekad',
  fileIsDirectory: '{file}: är en katalog, förväntade en fil',
  fileBinary: '{file}: ser ut som en binärfil (en NUL-byte vid position {offset}), förväntade text eller Markdown',
  fileNotUtf8: '{file}: inte giltig UTF-8-text (ogiltig bytesekvens nära position {offset})',
  fileTooLarge: '{file}: för stor ({size} MB; gränsen är {limit} MB)',
  fileBadDocx: '{file}: inte ett läsbart Word-dokument ({reason})',
  fileBadPdf: '{file}: inte en läsbar PDF ({reason})',
  filePdfNoText: '{file}: PDF-filen saknar textlager (en inskannad bild?); kör OCR på den först',
  fileUnknownEncoding: '{file}: text i en okänd teckenkodning (inte UTF-8, UTF-16 eller Windows-1252)',
  formatUnknown: 'okänt format "{format}", förväntade något av: {expected}',
  profileInvalid: '{file}: ogiltig profil: {reason}',
  manifestInvalid: '{file}: ogiltigt manifest: {reason}',
  outputIsInput: '{file}: vägrar att skriva utdata över en indatafil',
  noManifests: '{dir}: inga manifest för överenskommelser (manifest.yaml) hittades',
  internalError: 'internt fel: {message} (kör med --debug för stackspår)',
  summaryTitle: 'Titel',
  summaryParties: 'Parter',
  summaryRegion: 'Region',
  summaryRevision: 'Revision',
  summaryVision: 'Vision',
  summaryPurpose: 'Syfte',
  summaryGoals: 'Mål',
  summaryPrinciples: 'Principer',
  summaryCommitments: '{count} åtaganden',
  summaryCommitment: '1 åtagande',
  summaryBodies: 'Organ',
  summaryAreas: 'Utvecklingsområden',
  summarySections: 'Oklassificerade avsnitt',
  summaryWarnings: 'Varningar',
  summaryReport: 'Rapport',
  summaryReportValue: '{phases} faser, {events} händelser på tidslinjen, tidsplan med {periods} perioder, {lists} citerade listor av principer, {footnotes} fotnoter',
  summaryLayout: 'Layout',
  summaryLayoutValue: '{joins} ord sammanfogade, {removed} layoutdelar flyttade till artefakter (se --explain)',
  summaryCoverage: 'Täckning',
  summaryCoverageValue: '{percent} % av {words} ord',
  summaryNone: '(inga)',
  summaryMore: '… och {count} till',
  buildDocument: '{agreement} / {label}',
  buildTotals: '{documents} dokument tolkade, {warnings} varningar',
  buildTotalsOneWarning: '{documents} dokument tolkade, 1 varning',
  untypedCommitments: 'En rubrik för åtaganden utanför en princip: listan behölls i ett allmänt avsnitt',
  untypedVision: 'En rubrik för vision utan någon vision efter sig',
  untypedPurpose: 'En rubrik för syfte utan text efter sig',
  untypedGoals: 'En rubrik för mål utan en lista med mål efter sig',
  principleWithoutCommitments: 'Princip {number} saknar åtaganden (ingen lista under "ÅTAGANDEN")',
  duplicatePrinciple: 'Princip nummer {number} förekommer två gånger; den andra fick id {id}',
  annotation: 'En granskarkommentar av {author} fanns kvar i dokumentet; den flyttades till artefakter: "{text}"',
  trackedChange: 'Ej godkänd spårad ändring ({kind}) i Word-dokumentet: "{text}"',
  trackedInsertion: 'infogning',
  trackedDeletion: 'borttagning',
  unknownShape: 'Ingen struktur för en överenskommelse kändes igen (ingen vision, syfte, mål, principer, organ eller områden): alla ord behölls i allmänna avsnitt',
};

const catalogs: Record<Lang, Record<MessageKey, string>> = { en, sv };

/** Format a message in the given language. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[lang][key].replace(/\{(\w+)\}/gu, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The language from an explicit choice, else from the locale variables (sv* means Swedish). */
export function resolveLang(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (explicit !== undefined) {
    const lower = explicit.toLowerCase();
    if (lower.startsWith('sv')) return 'sv';
    if (lower.startsWith('en')) return 'en';
    return 'en';
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}

/** Every key, for the test that both catalogs are complete. */
export const messageKeys = Object.keys(en) as MessageKey[];
export const catalogsForTest = catalogs;
