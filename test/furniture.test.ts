import { describe, expect, it } from 'vitest';
import { removeFurniture } from '../src/parse/layout/furniture.js';
import { toLines } from '../src/parse/layout/lines.js';
import { loadProfile } from '../src/parse/profile.js';
import type { Artifact } from '../src/model.js';

function run(text: string): { kept: string[]; removed: Array<[string, string]> } {
  const artifacts: Artifact[] = [];
  const lines = removeFurniture(toLines(text), loadProfile().furniture, artifacts);
  return { kept: lines.map((l) => l.text).filter((t) => t !== ''), removed: artifacts.map((a) => [a.kind, a.text]) };
}

describe('web and page furniture (shapes from the corpus)', () => {
  it('moves a skip-link line, logo alt texts, template placeholders and a language marker', () => {
    const r = run('Gå direkt till textinnehållet Startsida Nyheter Webbkarta\n\nLogotyp för Borås Stad\n\nÖverenskommelsen\n\n$left\n$middle\n\nsv');
    expect(r.kept).toEqual(['Överenskommelsen']);
    expect(r.removed.map(([k]) => k)).toEqual(['skip-link', 'logo', 'template-placeholder', 'template-placeholder', 'language-marker']);
  });

  it('moves a cookie notice block, even one cut off ("Vi använder kako")', () => {
    const r = run('Kakor (cookies)\n\nVi använder nödvändiga kakor.\nDu kan när du vill ändra dina inställningar.\n\nText om överenskommelsen.\n\nVi använder kako');
    expect(r.kept).toEqual(['Text om överenskommelsen.']);
    expect(r.removed.map(([k]) => k)).toEqual(['cookie-notice', 'cookie-notice', 'cookie-notice']);
  });

  it('moves a breadcrumb and the short navigation lines above it', () => {
    const r = run('Kultur och Fritid\n\nHem / Kultur och Fritid / Föreningsliv / Överenskommelsen\n\nÖverenskommelsen');
    expect(r.removed).toEqual([
      ['breadcrumb', 'Hem / Kultur och Fritid / Föreningsliv / Överenskommelsen'],
      ['navigation', 'Kultur och Fritid'],
    ]);
  });

  it('moves document-viewer chrome and page furniture such as "Sida 41 (69)"', () => {
    const r = run('Storlek: px\nStarta visningen från sidan:\n\nTranskript\n\nSida 41 (69)\n\nWORD  PNG  TXT  JPG');
    expect(r.kept).toEqual([]);
    expect(new Set(r.removed.map(([k]) => k))).toEqual(new Set(['document-viewer', 'page-number']));
  });

  it('keeps agreement text that merely mentions such words', () => {
    const text = 'Styrgruppen ska dela information.\n\nKommunen ansvarar för att sprida kunskap om överenskommelsen på webbplatsen.\n\nSv';
    expect(run(text).kept).toEqual(['Styrgruppen ska dela information.', 'Kommunen ansvarar för att sprida kunskap om överenskommelsen på webbplatsen.']);
  });
});
