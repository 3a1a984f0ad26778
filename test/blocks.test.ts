import { describe, expect, it } from 'vitest';
import { inferBlocks } from '../src/parse/layout/blocks.js';
import { joinMarkerColumns } from '../src/parse/layout/markers.js';
import { toLines, toGroups } from '../src/parse/layout/lines.js';
import { classifyHeading, loadProfile, matchPrinciple } from '../src/parse/profile.js';
import type { LayoutContext } from '../src/parse/layout/steps.js';

const profile = loadProfile();
const ctx = (): LayoutContext => ({
  rules: profile.layout,
  speller: null,
  isKnownHeading: (t) => classifyHeading(profile, t) !== null || matchPrinciple(profile, t) !== null,
  artifacts: [],
  normalisations: [],
  vocabulary: new Map(),
});
const groups = (lines: ReturnType<typeof toLines>) => toGroups(lines).map((g) => g.map((l) => l.text).join(' / '));

// pdftotext's default mode on a LibreOffice PDF (test/fixtures/variants), shortened.
const WRAPPED = `Regional överenskommelse om samverkan
mellan Region Norrbotten, Länsstyrelsen Norrbotten och civilsamhället på
regional nivå i Norrbotten
Varför en överenskommelse?
Den regionala överenskommelsen är ett uttryck för en gemensam vilja att
skapa goda förutsättningar för en långsiktig samverkan mellan Region
Norrbotten, Länsstyrelsen Norrbotten och civilsamhället på regional nivå i
Norrbotten.
Parterna ska tillsammans möta samhällsutmaningar och verka för ett
livskraftigt Norrbotten. De bidrar med kunskaper och erfarenheter utifrån
sina olika roller. Överenskommelsen ska bidra till att stärka demokratin och
öka delaktigheten i samhället.
Goda förutsättningar för samverkan ska skapas. Det är betydelsefullt både i
vardagens liv och vid snabba samhällsförändringar, samhällsstörningar och
kriser
Civilsamhället
I överenskommelsen används civilsamhälle som samlingsbegrepp för denna
sektor.`;

describe('block ends in text without blank lines', () => {
  it('ends a block after a short line that ends a sentence or precedes a capital, never inside a wrapped sentence', () => {
    expect(groups(inferBlocks(toLines(WRAPPED), ctx()))).toEqual([
      'Regional överenskommelse om samverkan / mellan Region Norrbotten, Länsstyrelsen Norrbotten och civilsamhället på / regional nivå i Norrbotten',
      'Varför en överenskommelse?',
      'Den regionala överenskommelsen är ett uttryck för en gemensam vilja att / skapa goda förutsättningar för en långsiktig samverkan mellan Region / Norrbotten, Länsstyrelsen Norrbotten och civilsamhället på regional nivå i / Norrbotten.',
      'Parterna ska tillsammans möta samhällsutmaningar och verka för ett / livskraftigt Norrbotten. De bidrar med kunskaper och erfarenheter utifrån / sina olika roller. Överenskommelsen ska bidra till att stärka demokratin och / öka delaktigheten i samhället.',
      'Goda förutsättningar för samverkan ska skapas. Det är betydelsefullt både i / vardagens liv och vid snabba samhällsförändringar, samhällsstörningar och / kriser',
      'Civilsamhället',
      'I överenskommelsen används civilsamhälle som samlingsbegrepp för denna / sektor.',
    ]);
  });

  it('leaves text whose blocks have blank lines between them as it is', () => {
    const separated = groups(inferBlocks(toLines(WRAPPED), ctx())).map((g) => g.replaceAll(' / ', '\n')).join('\n\n');
    const lines = toLines(separated);
    expect(inferBlocks(lines, ctx())).toBe(lines);
  });

  it('reads one line per paragraph as such, keeping a list together', () => {
    const long = 'Överenskommelsen ska ta vara på de unika värden som respektive part kan bidra med, och här nedan presenteras parterna som ingår i överenskommelsen och deras roller.';
    const text = [long, 'Vision', long, '    • Alla parter ska vara delaktiga.', '    • Parterna ska visa respekt.', '    1. Kvalitet', long, long, long, long].join('\n');
    expect(groups(inferBlocks(toLines(text), ctx())).map((g) => g.slice(0, 30))).toEqual([
      long.slice(0, 30), 'Vision', long.slice(0, 30), '• Alla parter ska vara delakti', '1. Kvalitet', long.slice(0, 30), long.slice(0, 30), long.slice(0, 30), long.slice(0, 30),
    ]);
  });
});

describe('list markers in a column of their own', () => {
  it('joins bullets to the items after them and a number to the heading after those', () => {
    const text = 'ÅTAGANDEN\n\n•\n•\n2.\n\nAlla parter ska vara delaktiga.\n\nParterna ska visa respekt.\n\nKvalitet\n\nAll verksamhet ska vara tillgänglig.';
    expect(groups(joinMarkerColumns(toLines(text), ctx()))).toEqual([
      'ÅTAGANDEN',
      '• Alla parter ska vara delaktiga.',
      '• Parterna ska visa respekt.',
      '2. Kvalitet',
      'All verksamhet ska vara tillgänglig.',
    ]);
  });

  it('splits the text after the markers at sentence ends when that gives exactly as many items, else changes nothing', () => {
    const two = toLines('•\n•\n\nAlla parter ska vara delaktiga.\nParterna ska visa respekt för\nvarandra.\n\nDialog');
    expect(groups(joinMarkerColumns(two, ctx()))).toEqual(['• Alla parter ska vara delaktiga.', '• Parterna ska visa respekt för / varandra.', 'Dialog']);
    const three = toLines('•\n•\n•\n\nAlla parter ska vara delaktiga.\nParterna ska visa respekt.\n\nDialog');
    expect(joinMarkerColumns(three, ctx())).toBe(three);
  });
});
