/**
 * The heading lexicon: loads `profiles/*.yaml` into compiled patterns.
 * The recogniser asks the profile what a heading is; it knows no Swedish itself.
 */
import { fileURLToPath } from 'node:url';
import { readYamlFile } from '../yaml-file.js';
import type { AssessmentKind, BodyKind } from '../model.js';
import { OverensError } from '../errors.js';
import { escapeRegExp } from '../text.js';
import type { LayoutRules } from './layout/steps.js';
import type { FurnitureRules } from './layout/furniture.js';
import { lexiconRegExp } from './gated-regexp.js';

export type HeadingKind =
  | 'vision'
  | 'purpose'
  | 'goals'
  | 'goalElaborationIntro'
  | 'principlesContainer'
  | 'commitments'
  | 'bodiesContainer'
  | 'areasContainer'
  | 'figure'
  | 'toc';

export interface Profile {
  depths: { title: number; section: number; principle: number; body: number; area: number; commitments: number };
  patterns: Record<HeadingKind, RegExp[]>;
  visionQuote: RegExp[];
  /** Sentences that state an element in running text ("Visionen är att ..."), per element. */
  sentences: { vision: RegExp[]; purpose: RegExp[]; goal: RegExp[] };
  goalsLeadIn: RegExp[];
  principle: RegExp[];
  /** Unnumbered principle headings ("Principen om dialog"); group 1 is the title. */
  principleTitle: RegExp[];
  /** Names principles go by, lower case, longest first. */
  principleNames: string[];
  principlesLeadIn: RegExp[];
  principleCount: RegExp[];
  /** How running text names principles (see profiles/sv.yaml). */
  principleText: { inline: RegExp; enumerationStart: RegExp; and: string[]; andInName: string[] };
  /** Number words ("sex" -> 6). */
  numbers: Map<string, number>;
  /** Lead-ins naming who commits; group 1 is the party. */
  partyCommitments: RegExp[];
  /** Headings that name a body wherever they stand. */
  bodyHeading: RegExp[];
  /** Lead-ins to a list of development areas. */
  areasLeadIn: RegExp[];
  /** Web and page furniture moved to artifacts before segmentation. */
  furniture: FurnitureRules;
  bodies: Array<{ pattern: RegExp; kind: BodyKind }>;
  composition: RegExp;
  partiesLeadIn: RegExp[];
  regions: string[];
  /** Word lists for the layout normalisation of PDF-extracted text. */
  layout: LayoutRules;
  /** Patterns for the parts of a process report. */
  report: ReportRules;
}

export interface ReportRules {
  phase: RegExp;
  event: RegExp;
  ordinal: RegExp;
  timePlan: RegExp[];
  listedPrinciplesLeadIn: RegExp[];
  assessment: Array<{ kind: AssessmentKind; pattern: RegExp }>;
  footnote: RegExp;
  attachment: RegExp;
}

interface ReportFile {
  phase?: string;
  event?: string;
  ordinal?: string;
  timePlan?: string[];
  listedPrinciplesLeadIn?: string[];
  assessment?: Array<{ kind: AssessmentKind; pattern: string }>;
  footnote?: string;
  attachment?: string;
}

/** The profile file as written in YAML. Every list may be extended by a user profile. */
interface ProfileFile {
  depths?: Partial<Profile['depths']>;
  vision?: string[];
  visionQuote?: string[];
  visionSentence?: string[];
  purposeSentence?: string[];
  goalSentence?: string[];
  principleTitle?: string[];
  principleNames?: string[];
  principlesLeadIn?: string[];
  principleCount?: string[];
  principleText?: { inline?: string; enumerationStart?: string; and?: string[]; andInName?: string[] };
  numbers?: Record<string, number>;
  partyCommitments?: string[];
  bodyHeading?: string[];
  furniture?: Array<{ kind: string; pattern: string }>;
  areasLeadIn?: string[];
  cookieNotice?: string;
  purpose?: string[];
  goals?: string[];
  goalsLeadIn?: string[];
  goalElaborationIntro?: string[];
  principle?: string[];
  principlesContainer?: string[];
  commitments?: string[];
  bodiesContainer?: string[];
  bodies?: Array<{ pattern: string; kind: BodyKind }>;
  composition?: { count?: string; units?: string[] };
  areasContainer?: string[];
  figure?: string[];
  toc?: string[];
  partiesLeadIn?: string[];
  regions?: string[];
  layout?: Partial<Record<keyof LayoutRules, string[]>>;
  report?: ReportFile;
}

const HEADING_KINDS: HeadingKind[] = [
  'vision',
  'purpose',
  'goals',
  'goalElaborationIntro',
  'principlesContainer',
  'commitments',
  'bodiesContainer',
  'areasContainer',
  'figure',
  'toc',
];

const BODY_KINDS = new Set<BodyKind>(['ledningsgrupp', 'utvecklingsgrupp', 'motesplats', 'delegation', 'natverk', 'other']);

export const DEFAULT_PROFILE_PATH = fileURLToPath(new URL('../../profiles/sv.yaml', import.meta.url));

function compile(file: string, key: string, source: string): RegExp {
  try {
    new RegExp(source, 'iu'); // a syntax error is reported with the entry's name
    return lexiconRegExp(source);
  } catch (error) {
    throw new OverensError('profileInvalid', { file, reason: `${key}: ${(error as Error).message}` });
  }
}

function readProfileFile(file: string): ProfileFile {
  const data = readYamlFile(file, 'profileInvalid');
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new OverensError('profileInvalid', { file, reason: 'expected a YAML mapping at the top level' });
  }
  return data as ProfileFile;
}

function merge(base: ProfileFile, extra: ProfileFile): ProfileFile {
  const out: ProfileFile = { ...base, depths: { ...base.depths, ...extra.depths } };
  for (const key of Object.keys(extra) as Array<keyof ProfileFile>) {
    const a = base[key];
    const b = extra[key];
    if (Array.isArray(a) && Array.isArray(b)) (out as Record<string, unknown>)[key] = [...b, ...a];
    else if (key === 'report') out.report = { ...base.report, ...extra.report };
    else if (key === 'numbers') out.numbers = { ...base.numbers, ...extra.numbers };
    else if (key === 'principleText') out.principleText = { ...base.principleText, ...extra.principleText };
    else if (key === 'layout') {
      const layout: Record<string, string[]> = { ...base.layout };
      for (const [k, v] of Object.entries(extra.layout ?? {})) {
        // A value that is not a list is kept as it is, for build() to refuse with the entry's name.
        layout[k] = Array.isArray(v) ? [...v, ...(base.layout?.[k as keyof LayoutRules] ?? [])] : (v as string[]);
      }
      out.layout = layout;
    } else if (key === 'composition') out.composition = { ...base.composition, ...extra.composition, units: [...(extra.composition?.units ?? []), ...(base.composition?.units ?? [])] };
    else if (key !== 'depths') (out as Record<string, unknown>)[key] = b;
  }
  return out;
}

function strings(file: string, layout: ProfileFile['layout'], key: keyof LayoutRules): string[] {
  const value = layout?.[key] ?? [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new OverensError('profileInvalid', { file, reason: `layout.${key}: expected a list of strings` });
  }
  return value;
}

const NEVER = /(?!)/u;

function plainStrings(file: string, value: unknown, key: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new OverensError('profileInvalid', { file, reason: `${key}: expected a list of strings` });
  return value as string[];
}

function numberWords(file: string, value: unknown): Map<string, number> {
  if (value === undefined) return new Map();
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => !Number.isInteger(v))) {
    throw new OverensError('profileInvalid', { file, reason: 'numbers: expected a mapping of words to whole numbers' });
  }
  return new Map(Object.entries(value as Record<string, number>).map(([k, v]) => [k.toLowerCase(), v]));
}

/** A stated count as a number: digits, or a number word of the profile. */
export function countValue(profile: Profile, word: string): number | null {
  if (/^\d+$/u.test(word)) return Number(word);
  return profile.numbers.get(word.toLowerCase()) ?? null;
}

/** The principle name an item or heading begins with ("Dialog - ..."), as written, or null. */
export function principleNameAt(profile: Profile, text: string): string | null {
  const lower = text.toLowerCase();
  for (const name of profile.principleNames) {
    if (lower.startsWith(name) && !/[\p{L}\p{N}]/u.test(lower.charAt(name.length))) return text.slice(0, name.length);
  }
  return null;
}

/** The title of an unnumbered principle heading ("Principen om dialog" -> "dialog"), or null. */
export function matchPrincipleTitle(profile: Profile, text: string): string | null {
  const key = headingKey(text);
  for (const re of profile.principleTitle) {
    const m = re.exec(key);
    if (m?.[1]) return m[1];
  }
  return null;
}

function reportRules(file: string, r: ReportFile): ReportRules {
  const one = (key: keyof ReportFile, source: unknown): RegExp => {
    if (source === undefined) return NEVER;
    if (typeof source !== 'string') throw new OverensError('profileInvalid', { file, reason: `report.${key}: expected a string` });
    return compile(file, `report.${key}`, source);
  };
  const many = (key: keyof ReportFile, list: unknown): RegExp[] => {
    if (list === undefined) return [];
    if (!Array.isArray(list)) throw new OverensError('profileInvalid', { file, reason: `report.${key}: expected a list` });
    return list.map((source) => one(key, source));
  };
  return {
    phase: one('phase', r.phase),
    event: one('event', r.event),
    ordinal: one('ordinal', r.ordinal),
    timePlan: many('timePlan', r.timePlan),
    listedPrinciplesLeadIn: many('listedPrinciplesLeadIn', r.listedPrinciplesLeadIn),
    assessment: (r.assessment ?? []).map((a, i) => {
      if (!a || typeof a.pattern !== 'string' || !ASSESSMENT_KINDS.has(a.kind)) {
        throw new OverensError('profileInvalid', { file, reason: `report.assessment[${i}]: expected { kind, pattern } with kind one of ${[...ASSESSMENT_KINDS].join(', ')}` });
      }
      return { kind: a.kind, pattern: compile(file, `report.assessment[${i}]`, a.pattern) };
    }),
    footnote: one('footnote', r.footnote),
    attachment: new RegExp(one('attachment', r.attachment).source, 'giu'),
  };
}

const ASSESSMENT_KINDS = new Set<AssessmentKind>(['strengths', 'opportunities', 'weaknesses', 'threats', 'resources', 'needs']);

function build(file: string, data: ProfileFile): Profile {
  const list = (key: keyof ProfileFile): RegExp[] => {
    const value = data[key] ?? [];
    if (!Array.isArray(value)) throw new OverensError('profileInvalid', { file, reason: `${key}: expected a list` });
    return (value as unknown[]).map((p, i) => {
      if (typeof p !== 'string') throw new OverensError('profileInvalid', { file, reason: `${key}[${i}]: expected a string` });
      return compile(file, `${key}[${i}]`, p);
    });
  };
  const patterns = Object.fromEntries(HEADING_KINDS.map((k) => [k, list(k)])) as Record<HeadingKind, RegExp[]>;
  const bodies = (data.bodies ?? []).map((b, i) => {
    if (!b || typeof b.pattern !== 'string' || !BODY_KINDS.has(b.kind)) {
      throw new OverensError('profileInvalid', { file, reason: `bodies[${i}]: expected { pattern, kind } with kind one of ${[...BODY_KINDS].join(', ')}` });
    }
    return { pattern: compile(file, `bodies[${i}]`, b.pattern), kind: b.kind };
  });
  const count = data.composition?.count ?? '(\\d+)';
  const units = (data.composition?.units ?? []).map(escapeRegExp);
  const composition = new RegExp(`(?<![\\p{L}\\p{N}])${count}\\s+(${units.join('|') || 'ledamöter'})(?![\\p{L}])`, 'gu');
  return {
    depths: { title: 1, section: 2, principle: 3, body: 3, area: 3, commitments: 4, ...data.depths },
    patterns,
    visionQuote: list('visionQuote'),
    sentences: { vision: list('visionSentence'), purpose: list('purposeSentence'), goal: list('goalSentence') },
    goalsLeadIn: list('goalsLeadIn'),
    principle: list('principle'),
    principleTitle: list('principleTitle'),
    principleNames: plainStrings(file, data.principleNames, 'principleNames')
      .map((n) => n.toLowerCase())
      .sort((a, b) => b.length - a.length),
    principlesLeadIn: list('principlesLeadIn'),
    principleCount: list('principleCount'),
    principleText: {
      inline: new RegExp(typeof data.principleText?.inline === 'string' ? compile(file, 'principleText.inline', data.principleText.inline).source : NEVER.source, 'giu'),
      enumerationStart: typeof data.principleText?.enumerationStart === 'string' ? compile(file, 'principleText.enumerationStart', data.principleText.enumerationStart) : NEVER,
      and: plainStrings(file, data.principleText?.and, 'principleText.and').map(escapeRegExp),
      andInName: plainStrings(file, data.principleText?.andInName, 'principleText.andInName').map(escapeRegExp),
    },
    numbers: numberWords(file, data.numbers),
    partyCommitments: list('partyCommitments'),
    bodyHeading: list('bodyHeading'),
    areasLeadIn: list('areasLeadIn'),
    furniture: {
      lines: (data.furniture ?? []).map((f, i) => {
        if (!f || typeof f.pattern !== 'string' || typeof f.kind !== 'string') throw new OverensError('profileInvalid', { file, reason: `furniture[${i}]: expected { kind, pattern }` });
        return { kind: f.kind, pattern: compile(file, `furniture[${i}]`, f.pattern) };
      }),
      cookieNotice: typeof data.cookieNotice === 'string' ? compile(file, 'cookieNotice', data.cookieNotice) : NEVER,
    },
    bodies,
    composition,
    partiesLeadIn: list('partiesLeadIn'),
    regions: (data.regions ?? []).map(String),
    layout: {
      annotationLabels: strings(file, data.layout, 'annotationLabels'),
      suspendedHyphenWords: strings(file, data.layout, 'suspendedHyphenWords'),
      keepApart: strings(file, data.layout, 'keepApart').map((s) => s.toLowerCase()),
      shortWords: strings(file, data.layout, 'shortWords').map((s) => s.toLowerCase()),
      functionWords: strings(file, data.layout, 'functionWords').map((s) => s.toLowerCase()),
      months: strings(file, data.layout, 'months').map((s) => s.toLowerCase()),
      footnoteStarts: strings(file, data.layout, 'footnoteStarts'),
    },
    report: reportRules(file, data.report ?? {}),
  };
}

const cache = new Map<string, Profile>();

/** Load the default profile, merged with any extra profile files (their entries are tried first). */
export function loadProfile(extraFiles: string[] = []): Profile {
  const key = extraFiles.join('\0');
  const cached = cache.get(key);
  if (cached) return cached;
  let data = readProfileFile(DEFAULT_PROFILE_PATH);
  for (const file of extraFiles) data = merge(data, readProfileFile(file));
  const profile = build(extraFiles[extraFiles.length - 1] ?? DEFAULT_PROFILE_PATH, data);
  cache.set(key, profile);
  return profile;
}

/** The heading text as patterns see it: trimmed, without trailing punctuation or footnote marks. */
export function headingKey(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[\s.:;,*_]+$/u, '');
}

/** Which structural kind a heading is, if the profile knows it. */
export function classifyHeading(profile: Profile, text: string): HeadingKind | null {
  const key = headingKey(text);
  for (const kind of HEADING_KINDS) {
    if (profile.patterns[kind].some((re) => re.test(key))) return kind;
  }
  return null;
}

/** Number and title of a principle heading ("3. Långsiktighet"), or null. */
export function matchPrinciple(profile: Profile, text: string): { number: number; title: string } | null {
  const key = headingKey(text);
  for (const re of profile.principle) {
    const m = re.exec(key);
    if (m && m[1] && m[2]) return { number: Number(m[1]), title: text.trim().slice(text.trim().indexOf(m[2])).trim() };
  }
  return null;
}

/** The body kind a heading names, or null when it names none the profile knows. */
export function matchBody(profile: Profile, text: string): BodyKind | null {
  const key = headingKey(text);
  return profile.bodies.find((b) => b.pattern.test(key))?.kind ?? null;
}
