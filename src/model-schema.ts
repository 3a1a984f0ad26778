/**
 * The agreement model: one structured shape for every agreement text, whatever
 * format it came in. Each type is declared once, with TypeBox, so the same
 * definition gives the TypeScript type (`Static<...>`) and the published JSON
 * Schema (`schema/agreement.schema.json`, written by `npm run schema` and
 * checked by a test). The rest of the code imports the types from model.ts,
 * so only what validates a document loads TypeBox (about 150 ms).
 *
 * Swedish terms are explained in docs/glossary.md.
 */
import { Type } from './vendor/typebox.js';
import type { Static, TSchema } from '@sinclair/typebox';
import { MODEL_SCHEMA_VERSION } from './model.js';

const describe = <T extends TSchema>(schema: T, description: string): T => ({ ...schema, description });

export const Point = Type.Object(
  {
    line: Type.Integer({ minimum: 1, description: '1-based line in the source file' }),
    column: Type.Integer({ minimum: 1, description: '1-based column (in characters) in the source line' }),
  },
  { additionalProperties: false },
);
export type Point = Static<typeof Point>;

export const Position = Type.Object(
  {
    start: Point,
    end: describe(Point, 'Where the element ends (exclusive column)'),
  },
  { additionalProperties: false, description: 'Source range of an element, as in unist' },
);
export type Position = Static<typeof Position>;

export const Heading = Type.Object(
  {
    text: Type.String({ description: 'The heading exactly as written, without markup' }),
    depth: Type.Optional(Type.Integer({ minimum: 1, maximum: 6, description: "The heading's level where the source marks it (Markdown's # count, Word's Heading N); absent for a bare line" })),
    position: Position,
  },
  { additionalProperties: false },
);
export type Heading = Static<typeof Heading>;

export const Paragraph = Type.Object(
  {
    type: Type.Literal('paragraph'),
    id: Type.String(),
    text: Type.String({ description: 'Plain text; soft line breaks kept as "\\n"' }),
    role: Type.Optional(
      Type.Union([Type.Literal('footnote'), Type.Literal('emphasis')], {
        description: 'footnote: a footnote body; emphasis: a paragraph that is bold/italic as a whole',
      }),
    ),
    position: Position,
  },
  { additionalProperties: false },
);
export type Paragraph = Static<typeof Paragraph>;

export const ListItem = Type.Object(
  {
    id: Type.String(),
    text: Type.String(),
    marker: Type.Optional(Type.String({ description: 'The marker as written when it carries meaning, e.g. "1)"' })),
    position: Position,
  },
  { additionalProperties: false },
);
export type ListItem = Static<typeof ListItem>;

export const List = Type.Object(
  {
    type: Type.Literal('list'),
    id: Type.String(),
    ordered: Type.Boolean(),
    items: Type.Array(ListItem),
    position: Position,
  },
  { additionalProperties: false },
);
export type List = Static<typeof List>;

export const Table = Type.Object(
  {
    type: Type.Literal('table'),
    id: Type.String(),
    rows: Type.Array(Type.Array(Type.String()), { description: 'Cell texts, row by row; the first row is the header' }),
    position: Position,
  },
  { additionalProperties: false },
);
export type Table = Static<typeof Table>;

export const Ref = Type.Object(
  {
    type: Type.Literal('ref'),
    target: Type.String({ description: 'Id of the typed element that stood here in the source' }),
  },
  { additionalProperties: false, description: 'Marks where a typed element (vision, goal, principle, ...) stood in document order' },
);
export type Ref = Static<typeof Ref>;

/** A block of running text: what bodies, principles and sections are made of. */
export const Block = Type.Union([Paragraph, List, Table]);
export type Block = Static<typeof Block>;

export const SectionRole = Type.Union(
  [
    Type.Literal('title'),
    Type.Literal('toc'),
    Type.Literal('figure'),
    Type.Literal('goals'),
    Type.Literal('principles'),
    Type.Literal('bodies'),
    Type.Literal('developmentAreas'),
  ],
  { description: 'What a generic section is, when the profile knows it' },
);
export type SectionRole = Static<typeof SectionRole>;

export interface Section {
  type: 'section';
  id: string;
  heading: Heading | null;
  /** Heading depth: Markdown's `#` count, or the level the profile assigns to a bare-line heading. */
  depth: number;
  role?: SectionRole;
  content: Array<Section | Block | Ref>;
  position: Position;
}

export const SectionSchema = Type.Recursive(
  (This) =>
    Type.Object(
      {
        type: Type.Literal('section'),
        id: Type.String(),
        heading: Type.Union([Heading, Type.Null()]),
        depth: Type.Integer({ minimum: 1, maximum: 6 }),
        role: Type.Optional(SectionRole),
        content: Type.Array(Type.Union([This, Paragraph, List, Table, Ref])),
        position: Position,
      },
      { additionalProperties: false },
    ),
  { $id: 'Section', description: 'A part of the text not held by a typed element, with the refs of the typed ones it contained' },
);

/** A top-level node of the document body. */
export type Node = Section | Block | Ref;

export const Vision = Type.Object(
  {
    id: Type.Literal('vision'),
    heading: Type.Union([Heading, Type.Null()]),
    text: Type.String({ description: 'The vision statement (paragraphs joined by a blank line)' }),
    paragraphs: Type.Array(Paragraph, { description: 'The source paragraphs; empty when the vision is only quoted inside another paragraph' }),
    quotedIn: Type.Optional(Type.String({ description: 'Id of the paragraph that quotes the vision, when the document does not state it on its own' })),
    position: Position,
  },
  { additionalProperties: false, description: 'Vision: the shared long-term picture' },
);
export type Vision = Static<typeof Vision>;

export const Purpose = Type.Object(
  {
    id: Type.Literal('purpose'),
    heading: Type.Union([Heading, Type.Null()]),
    text: Type.String({ description: 'The purpose statement: its paragraphs joined by a blank line, or the sentence that states it' }),
    paragraphs: Type.Array(Paragraph, { description: 'The source paragraphs; empty when the purpose is stated in a sentence of another paragraph' }),
    quotedIn: Type.Optional(Type.String({ description: 'Id of the paragraph whose sentence states the purpose ("Syftet med överenskommelsen är att ...")' })),
    position: Position,
  },
  { additionalProperties: false, description: 'Syfte: why the agreement exists' },
);
export type Purpose = Static<typeof Purpose>;

export const Goal = Type.Object(
  {
    id: Type.String({ description: 'goal-N, in the order the goals are listed' }),
    text: Type.String(),
    quotedIn: Type.Optional(Type.String({ description: 'Id of the paragraph whose sentence states the goal ("Målet är att ..."); the words stay there' })),
    marker: Type.Optional(Type.String({ description: 'The list marker as written when it is a number' })),
    elaboration: Type.Optional(
      Type.Object(
        {
          id: Type.String({ description: 'goal-N/elaboration' }),
          heading: Heading,
          paragraphs: Type.Array(Block),
          position: Position,
        },
        { additionalProperties: false, description: 'Text elsewhere in the document that explains this goal under a heading repeating it' },
      ),
    ),
    position: Position,
  },
  { additionalProperties: false, description: 'Mål: one goal' },
);
export type Goal = Static<typeof Goal>;

export const Commitment = Type.Object(
  {
    id: Type.String({ description: 'principle-N/commitment-K, or commitments/<party>/commitment-K' }),
    text: Type.String(),
    marker: Type.Optional(Type.String({ description: 'The list marker as written when it is a number, e.g. "1)"' })),
    position: Position,
  },
  { additionalProperties: false, description: 'Åtagande: one commitment, under a principle or a party' },
);
export type Commitment = Static<typeof Commitment>;

export const Principle = Type.Object(
  {
    id: Type.String({ description: 'principle-N, from the number in the heading or list marker, else the place in the list' }),
    number: Type.Integer({ minimum: 0 }),
    title: Type.String({ description: 'The title as written, without the number' }),
    heading: Type.Union([Heading, Type.Null()], {
      description: 'The line that names the principle: its heading, or the name part of a list item ("Dialog" of "Dialog - ömsesidig respekt"); null when the name stands inside a sentence',
    }),
    statedAs: Type.Optional(
      Type.Union([Type.Literal('heading'), Type.Literal('item'), Type.Literal('inline')], {
        description: 'heading: a heading of its own (the default); item: an item of a list of principles; inline: named in running text (see quotedIn)',
      }),
    ),
    quotedIn: Type.Optional(Type.String({ description: 'Id of the paragraph that names the principle in running text; the words stay there' })),
    marker: Type.Optional(Type.String({ description: 'The list marker as written when the principle is a numbered or lettered list item, e.g. "1."' })),
    separator: Type.Optional(
      Type.String({ description: 'For a principle stated as a list item "Name - description": what stands between the name (heading) and the description (the first paragraph) in the item, e.g. " - "' }),
    ),
    paragraphs: Type.Array(Block),
    commitmentsHeading: Type.Union([Heading, Type.Null()]),
    commitments: Type.Array(Commitment),
    sourceOrder: Type.Integer({
      minimum: 1,
      description: 'Where the principle stands among the principles in the source (1 = first); a layout proof may print them out of number order',
    }),
    position: Position,
  },
  { additionalProperties: false, description: 'Princip: a principle with its åtaganden' },
);
export type Principle = Static<typeof Principle>;

export const PartyCommitments = Type.Object(
  {
    id: Type.String({ description: 'commitments/<party slug>; its commitments are <id>/commitment-K' }),
    party: Type.String({ description: 'Who commits, as the lead-in names them ("Kommunen", "Parterna", "De aktörer som ansluter sig till överenskommelsen")' }),
    leadIn: describe(Heading, 'The heading or lead-in line that introduces the list ("Kommunen åtar sig att:")'),
    commitments: Type.Array(Commitment),
    position: Position,
  },
  { additionalProperties: false, description: 'Åtaganden a party makes outside any principle: a lead-in ("X åtar sig att") and the list after it' },
);
export type PartyCommitments = Static<typeof PartyCommitments>;

export const CompositionPart = Type.Object(
  {
    count: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'null when the text has a placeholder' }),
    placeholder: Type.Optional(Type.String({ description: 'The placeholder as written, e.g. "X"' })),
    unit: Type.String({ description: 'What is counted, e.g. "ledamöter", "ersättare"' }),
  },
  { additionalProperties: false },
);
export type CompositionPart = Static<typeof CompositionPart>;

export const Composition = Type.Object(
  {
    text: Type.String({ description: 'The stated composition, e.g. "7 ledamöter och 7 ersättare"' }),
    parts: Type.Array(CompositionPart),
  },
  { additionalProperties: false },
);
export type Composition = Static<typeof Composition>;

export const BodyKind = Type.Union([
  Type.Literal('ledningsgrupp'),
  Type.Literal('utvecklingsgrupp'),
  Type.Literal('motesplats'),
  Type.Literal('delegation'),
  Type.Literal('natverk'),
  Type.Literal('other'),
]);
export type BodyKind = Static<typeof BodyKind>;

export const Body = Type.Object(
  {
    id: Type.String({ description: 'body/<abbreviation or name slug>' }),
    name: Type.String({ description: 'Name without the abbreviation' }),
    abbreviation: Type.Union([Type.String(), Type.Null()], { description: 'e.g. "PKD AU", from "(...)" in the heading' }),
    kind: BodyKind,
    heading: Heading,
    description: Type.Array(Block),
    composition: Type.Union([Composition, Type.Null()]),
    position: Position,
  },
  { additionalProperties: false, description: 'A support-structure body (ledningsgrupp, delegation, nätverk, ...)' },
);
export type Body = Static<typeof Body>;

export const DevelopmentArea = Type.Object(
  {
    id: Type.String({ description: 'area/<title slug>' }),
    title: Type.String(),
    heading: Type.Union([Heading, Type.Null()], { description: 'null when the area is an item of a list' }),
    marker: Type.Optional(Type.String({ description: 'The list marker as written, for an area that is a numbered list item' })),
    paragraphs: Type.Array(Paragraph),
    items: Type.Array(ListItem),
    position: Position,
  },
  { additionalProperties: false, description: 'Utvecklingsområde / samverkansområde with its items' },
);
export type DevelopmentArea = Static<typeof DevelopmentArea>;

export const Artifact = Type.Object(
  {
    id: Type.String(),
    kind: Type.String({ description: 'page-number, running-header, figure-label, pull-quote, annotation, ...' }),
    text: Type.String(),
    reason: Type.String(),
    external: Type.Optional(
      Type.Boolean({ description: 'Held outside the text flow (a Word comment): not part of the extracted text; position is the text it is attached to, or the document start' }),
    ),
    position: Position,
  },
  { additionalProperties: false, description: 'Text in the source recognised as not part of the agreement' },
);
export type Artifact = Static<typeof Artifact>;

export const Normalisation = Type.Object(
  {
    step: Type.String({
      description: 'line-end-hyphen, split-word, url-join (words joined); heading-break, paragraph-join, footnote-break, table (blocks; from and to empty)',
    }),
    from: Type.String({ description: 'The source text as written (empty for a change of block structure)' }),
    to: Type.String({ description: 'The text the model holds instead' }),
    reason: Type.String(),
    position: Position,
  },
  { additionalProperties: false, description: 'One change the layout normalisation made to the source text, with where' },
);
export type Normalisation = Static<typeof Normalisation>;

// ---- reports (a process leader's report on a dialogue process, not an agreement) ----

export const Phase = Type.Object(
  {
    id: Type.String({ description: 'phase/<name slug>' }),
    name: Type.String({ description: 'As written: "Förfas", "Förankrings- och beslutsfas"' }),
    description: Type.Union([Type.String(), Type.Null()], { description: 'The text after the name in the list that defines it; null for a phase named only in a diagram' }),
    from: Type.Union([Type.Literal('list'), Type.Literal('diagram')], { description: 'Where the phase is named: a list of phases, or a diagram label under its events' }),
    position: Position,
  },
  { additionalProperties: false, description: 'One phase of the dialogue process' },
);
export type Phase = Static<typeof Phase>;

export const ProcessEvent = Type.Object(
  {
    id: Type.String({ description: 'event-N, in source order' }),
    when: Type.Union([Type.String(), Type.Null()], { description: 'The date as written ("-13 okt", "-17 maj-aug"); null when the item has none' }),
    years: Type.Array(Type.Integer(), { description: 'Years the date names; a two-digit year "-13" is read as 2013' }),
    text: Type.String({ description: 'What happened, without the date' }),
    phase: Type.Union([Type.String(), Type.Null()], { description: 'The phase id whose label the diagram put under this event; null when none' }),
    position: Position,
  },
  { additionalProperties: false, description: 'A dated event of the process, from a timeline diagram' },
);
export type ProcessEvent = Static<typeof ProcessEvent>;

export const TimePlanPeriod = Type.Object(
  {
    label: Type.String({ description: 'The period heading as written ("År 2017")' }),
    year: Type.Union([Type.Integer(), Type.Null()]),
    columns: Type.Array(Type.String(), { description: 'The month headings' }),
    rows: Type.Array(
      Type.Object({ label: Type.String(), cells: Type.Array(Type.String()) }, { additionalProperties: false }),
      { description: 'Activities; cells as extracted (a PDF loses which month a cell stood under, so cells are not aligned to columns)' },
    ),
    table: Type.String({ description: 'Id of the table in sections' }),
    position: Position,
  },
  { additionalProperties: false },
);
export type TimePlanPeriod = Static<typeof TimePlanPeriod>;

export const ListedPrinciples = Type.Object(
  {
    id: Type.String({ description: 'listed-principles-N' }),
    leadIn: Type.String({ description: 'The sentence that introduces the list' }),
    items: Type.Array(Type.String()),
    list: Type.String({ description: 'Id of the list in sections' }),
    position: Position,
  },
  { additionalProperties: false, description: 'Principles a report lists (of another agreement or code), not principles of its own' },
);
export type ListedPrinciples = Static<typeof ListedPrinciples>;

export const AssessmentKind = Type.Union(
  ['strengths', 'opportunities', 'weaknesses', 'threats', 'resources', 'needs'].map((k) => Type.Literal(k)),
);
export type AssessmentKind = Static<typeof AssessmentKind>;

export const Footnote = Type.Object(
  {
    id: Type.String({ description: 'footnote-N (N as numbered in the text; -2, -3 when a number repeats)' }),
    number: Type.Integer(),
    text: Type.String(),
    attachments: Type.Array(Type.Object({ number: Type.Integer(), title: Type.String() }, { additionalProperties: false }), {
      description: 'Bilagor the footnote refers to',
    }),
    markers: Type.Array(Type.String(), { description: 'Ids of the elements whose text carries the marker ([1], ^[1], [^1])' }),
    position: Position,
  },
  { additionalProperties: false, description: 'A footnote body (the text stays where it stands in sections; this is a view)' },
);
export type Footnote = Static<typeof Footnote>;

export const Report = Type.Object(
  {
    phases: Type.Array(Phase),
    events: Type.Array(ProcessEvent),
    timePlan: Type.Union([
      Type.Object({ heading: Type.String(), section: Type.String(), periods: Type.Array(TimePlanPeriod), position: Position }, { additionalProperties: false }),
      Type.Null(),
    ]),
    listedPrinciples: Type.Array(ListedPrinciples),
    assessment: Type.Array(
      Type.Object({ kind: AssessmentKind, heading: Type.String(), section: Type.String(), position: Position }, { additionalProperties: false }),
      { description: 'Styrkor, möjligheter, svagheter, hot, resurser, behov: the sections that hold them' },
    ),
  },
  {
    additionalProperties: false,
    description:
      'What a process report holds, read from its text: a derived view (every text stays in sections; ids point there), null for an agreement',
  },
);
export type Report = Static<typeof Report>;

export const Severity = Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]);
export type Severity = Static<typeof Severity>;

export const Diagnostic = Type.Object(
  {
    file: Type.String(),
    ruleId: Type.String(),
    severity: Severity,
    message: Type.String(),
    place: Position,
    element: Type.Optional(Type.String({ description: 'Id of the model element concerned' })),
  },
  { additionalProperties: false, description: 'A located diagnostic, printed as path:line:col-line:col: message [ruleId]' },
);
export type Diagnostic = Static<typeof Diagnostic>;

export const RevisionStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('remiss'),
  Type.Literal('proof'),
  Type.Literal('decided'),
  Type.Literal('signed'),
  Type.Literal('report'),
  Type.Literal('unknown'),
]);
export type RevisionStatus = Static<typeof RevisionStatus>;

export const Revision = Type.Object(
  {
    label: Type.String(),
    round: Type.Optional(Type.Integer({ minimum: 1, description: 'Consultation round (remissomgång), when known' })),
    date: Type.Optional(Type.String({ description: 'ISO date (YYYY, YYYY-MM or YYYY-MM-DD)' })),
    status: RevisionStatus,
    scope: Type.Optional(Type.String({ description: 'When the revision covers only part of the agreement, which part' })),
  },
  { additionalProperties: false },
);
export type Revision = Static<typeof Revision>;

export const SourceFormat = Type.Union(
  [Type.Literal('text'), Type.Literal('markdown'), Type.Literal('pdf-text'), Type.Literal('docx'), Type.Literal('pdf'), Type.Literal('html')],
  { description: 'text: plain text; markdown; pdf-text: text extracted from a PDF (layout normalisation applies); docx; pdf; html: a web page (its main content)' },
);
export type SourceFormat = Static<typeof SourceFormat>;

export const Meta = Type.Object(
  {
    id: Type.String({ description: 'Agreement id: from the manifest, else the file name' }),
    title: Type.Union([Type.String(), Type.Null()]),
    parties: Type.Array(Type.String()),
    region: Type.Union([Type.String(), Type.Null()]),
    revision: Type.Union([Revision, Type.Null()]),
    frontMatter: Type.Optional(Type.String({ description: 'Raw YAML front matter of a Markdown source' })),
    source: Type.Object(
      {
        path: Type.String(),
        format: SourceFormat,
        sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'Of the file as read (the bytes, before decoding)' }),
        encoding: Type.Optional(
          Type.Union([Type.Literal('utf-8'), Type.Literal('utf-16le'), Type.Literal('utf-16be'), Type.Literal('windows-1252')], {
            description: 'How a text file was decoded',
          }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type Meta = Static<typeof Meta>;

export const AgreementSchema = Type.Object(
  {
    schemaVersion: Type.Literal(MODEL_SCHEMA_VERSION),
    meta: Meta,
    vision: Type.Union([Vision, Type.Null()]),
    purpose: Type.Union([Purpose, Type.Null()]),
    goals: Type.Array(Goal),
    principles: Type.Array(Principle, { description: 'Ordered by number' }),
    partyCommitments: Type.Array(PartyCommitments, { description: 'Commitments made by a party outside any principle, in source order' }),
    bodies: Type.Array(Body),
    developmentAreas: Type.Array(DevelopmentArea),
    report: Type.Union([Report, Type.Null()]),
    footnotes: Type.Array(Footnote, { description: 'Footnote bodies with their markers, in source order' }),
    sections: Type.Array(Type.Union([Type.Ref(SectionSchema), Paragraph, List, Table, Ref]), {
      description: 'The whole document in order: generic sections, loose blocks, and refs to typed elements',
    }),
    artifacts: Type.Array(Artifact),
    normalisations: Type.Array(Normalisation, { description: 'Every join and split made while normalising PDF layout, in source order' }),
    warnings: Type.Array(Diagnostic),
  },
  { additionalProperties: false },
);

export interface Agreement {
  schemaVersion: typeof MODEL_SCHEMA_VERSION;
  meta: Meta;
  vision: Vision | null;
  purpose: Purpose | null;
  goals: Goal[];
  principles: Principle[];
  partyCommitments: PartyCommitments[];
  bodies: Body[];
  developmentAreas: DevelopmentArea[];
  report: Report | null;
  footnotes: Footnote[];
  sections: Node[];
  artifacts: Artifact[];
  normalisations: Normalisation[];
  warnings: Diagnostic[];
}

/** The published JSON Schema (draft 2020-12 compatible), built from the definitions above. */
export function agreementJsonSchema(): Record<string, unknown> {
  const { $id: _sectionId, ...section } = SectionSchema as unknown as Record<string, unknown>;
  return JSON.parse(
    JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'overens agreement model',
      ...AgreementSchema,
      $defs: { Section: section },
    }).replaceAll('"$ref":"Section"', '"$ref":"#/$defs/Section"'),
  );
}
