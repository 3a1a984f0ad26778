import { describe, expect, it } from 'vitest';
import { looksLikeHeading, segmentText } from '../src/parse/segment/text.js';

/** Compact rendering: one line per block, `type@line:col-line:col text`. */
function render(text: string): string[] {
  return segmentText(text).blocks.map((b) => {
    const at = `${b.position.start.line}:${b.position.start.column}-${b.position.end.line}:${b.position.end.column}`;
    if (b.type === 'list') return `list@${at} ${b.items.map((i) => `${i.marker ?? '*'} ${i.text}`).join(' | ')}`;
    if (b.type === 'paragraph') return `${b.footnote ? 'footnote' : 'paragraph'}@${at} ${b.text.replace(/\n/g, '⏎')}`;
    if (b.type === 'heading') return `heading@${at} ${b.text}`;
    return `table@${at}`;
  });
}

describe('looksLikeHeading', () => {
  it.each(['Vision', 'Stödstruktur för överenskommelsen', '1. Självtändighet och oberoende', 'Agenda 2030 - uppmuntrar till effektiva partnerskap', 'Varför en överenskommelse?'])(
    'reads %j as a heading',
    (line) => expect(looksLikeHeading(line)).toBe(true),
  );
  it.each([
    'Tillsammans för ett livskraftigt Norrbotten.',
    'En utveckling av målens innebörd;',
    'Anslutningsblankett finns att hämta på denna webbadress: www.samforma.se',
    'mellan Region Norrbotten och civilsamhället',
    'Goda förutsättningar ska skapas. Det är betydelsefullt i kriser',
    'x'.repeat(121).replace(/^x/, 'X'),
  ])('reads %j as text', (line) => expect(looksLikeHeading(line)).toBe(false));
});

describe('segmentText', () => {
  it('splits blocks at blank lines and keeps source positions', () => {
    expect(render('\n\nVision\n\nTillsammans för ett livskraftigt län.\n')).toEqual([
      'heading@3:1-3:7 Vision',
      'paragraph@5:1-5:38 Tillsammans för ett livskraftigt län.',
    ]);
  });

  it('reads dash and bullet lists, one item per marker, continuation lines joined', () => {
    expect(render('- Första åtagandet.\n- Andra åtagandet\n  som fortsätter här.\n\n  • Punkt ett\n  • Punkt två')).toEqual([
      'list@1:1-3:22 * Första åtagandet. | * Andra åtagandet som fortsätter här.',
      'list@5:3-6:14 * Punkt ett | * Punkt två',
    ]);
  });

  it('reads the bullet glyphs PDF and Word extraction leave: , , •, –, o', () => {
    const blocks = segmentText('\uF0B7 Medverkan\n\uF0B7 Tillit\n\n\uF0A7Kvalité\n\n– Dialog\n– Mångfald\n\no Att utgöra formuleringsgrupp.\no Förankringsarbete').blocks;
    expect(blocks.map((b) => (b.type === 'list' ? b.items.map((i) => i.text) : b.type))).toEqual([
      ['Medverkan', 'Tillit'],
      ['Kvalité'],
      ['Dialog', 'Mångfald'],
      ['Att utgöra formuleringsgrupp.', 'Förankringsarbete'],
    ]);
    // "o" is a word of the text as far as coverage goes: it is kept as the marker; the list is not ordered.
    expect(blocks[3]).toMatchObject({ ordered: false, items: [{ marker: 'o' }, { marker: 'o' }] });
  });

  it('does not read a word that starts a line as a bullet', () => {
    expect(segmentText('om detta ska vi tala\noch om mer').blocks[0]!.type).toBe('paragraph');
  });

  it('keeps numbered "1)" markers and marks such lists ordered', () => {
    const [list] = segmentText('1) Grundfinansiering\n2) Särskilda avtal').blocks;
    expect(list).toMatchObject({ type: 'list', ordered: true, items: [{ marker: '1)' }, { marker: '2)' }] });
  });

  it('splits a list from the lead-in line directly above it', () => {
    expect(render('Exempel på frågor är:\n- Bereda frågor\n- Planera')).toEqual([
      'paragraph@1:1-1:22 Exempel på frågor är:',
      'list@2:1-3:10 * Bereda frågor | * Planera',
    ]);
  });

  it('recognises footnote bodies', () => {
    expect(render('^[1] <https://www.example.se/kod>')).toEqual(['footnote@1:1-1:34 ^[1] <https://www.example.se/kod>']);
  });

  it('reads a multi-line block as a paragraph even when each line is short', () => {
    expect(render('Syftet är\natt samverka')).toEqual(['paragraph@1:1-2:13 Syftet är⏎att samverka']);
  });

  it('treats whitespace-only lines as blank', () => {
    expect(render('Rubrik\n \t \nText här.')).toHaveLength(2);
  });

  it('reads lines numbered one after the other as an ordered list (Uppsala: " 1. sprida kunskap ..."), a lone numbered line as a heading', () => {
    expect(render(' 1. sprida kunskap om överenskommelsen\n 2. utveckla former för samverkan\n 3. inte ta över verksamhet')).toEqual([
      'list@1:2-3:28 1. sprida kunskap om överenskommelsen | 2. utveckla former för samverkan | 3. inte ta över verksamhet',
    ]);
    expect(render('1. Dialog\n\nText.')).toEqual(['heading@1:1-1:10 1. Dialog', 'paragraph@3:1-3:6 Text.']);
    // Not numbered one after the other: no list.
    expect(render('1. Ett\n3. Tre')[0]).toMatch(/^paragraph@/u);
  });

  it('joins numbered paragraphs with blank lines between them into one list (Borås), a cut-off last item too', () => {
    expect(render(' 1. Självständighet och oberoende garanterar organisationernas identitet.\n\n 2. Dialog förutsätter en struktur.\n\n 3. Mångfald handlar')).toEqual([
      'list@1:2-5:21 1. Självständighet och oberoende garanterar organisationernas identitet. | 2. Dialog förutsätter en struktur. | 3. Mångfald handlar',
    ]);
  });

  it('reads the minus sign U+2212 as a list marker', () => {
    expect(render('\u2212 Det första.\n\u2212 Det andra.')).toEqual(['list@1:1-2:13 * Det första. | * Det andra.']);
  });
});
