/**
 * Every rule has its docs (docs/rules.md, generated from the rules) and a
 * document it flags and one it does not; the seeds give the findings the
 * issue lists, and not the correct Swedish around them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseFileWithSource } from '../../src/parse/index.js';
import { check, checkManifest } from '../../src/check/index.js';
import { resolveConfig } from '../../src/check/config.js';
import { rulesMarkdown } from '../../src/check/docs.js';
import { loadManifest } from '../../src/manifest.js';
import { RULES } from '../../src/rules/index.js';
import type { Rule } from '../../src/check/types.js';
import { ROOT, SEED } from '../helpers/seeds.js';

/** The findings of one rule on an example document (or manifest). */
async function findingsOf(rule: Rule, text: string, path?: string) {
  if (rule.checkManifest) {
    const dir = mkdtempSync(join(tmpdir(), 'overens-rule-'));
    writeFileSync(join(dir, 'manifest.yaml'), text);
    writeFileSync(join(dir, 'overenskommelse.md'), '# Överenskommelse\n');
    return checkManifest(await loadManifest(join(dir, 'manifest.yaml')), text).filter((f) => f.ruleId === rule.id);
  }
  const bytes = text === '' && path ? readFileSync(join(ROOT, path)) : text;
  const model = await parse(bytes, { path: path ?? 'example.md' });
  if (rule.examples.parties) model.meta.parties = rule.examples.parties;
  return (await check(model, { sourceText: typeof bytes === 'string' ? bytes : '' })).filter((f) => f.ruleId === rule.id);
}

describe('every rule', () => {
  it('is documented in docs/rules.md, which is the one generated from the rules (npm run docs:rules)', () => {
    const doc = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
    expect(doc).toBe(rulesMarkdown());
    for (const r of RULES) expect(doc).toContain(`## ${r.id}\n`);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s flags its bad example and not its good one', async (_id, rule) => {
    expect(rule.description.en.length).toBeGreaterThan(20);
    expect(rule.description.sv.length).toBeGreaterThan(20);
    expect((await findingsOf(rule, rule.examples.bad, rule.examples.path)).length).toBeGreaterThan(0);
    expect(await findingsOf(rule, rule.examples.good, rule.examples.path?.endsWith('.docx') ? undefined : rule.examples.path)).toEqual([]);
  });

  it('are unique by id, and every parse warning has an owner', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    const owned = new Set(RULES.flatMap((r) => r.fromParse ?? []));
    for (const id of ['principle-without-commitments', 'party-without-commitments', 'annotation', 'untyped-goals', 'tracked-change', 'markdown-defused', 'principle-count', 'duplicate-principle', 'untyped-commitments', 'unknown-shape']) expect(owned.has(id), id).toBe(true);
  });
});

describe('the seeds, with the project\'s own .overens.yaml', () => {
  const config = resolveConfig(join(ROOT, '.overens.yaml'));
  const run = async (file: string, kind = 'agreement') => {
    const { model, source } = await parseFileWithSource(file);
    return (await check(model, { config, sourceText: source.text, kind })).map((f) => `${f.ruleId} ${f.message}`);
  };

  it('the Norrbotten Word draft: the misspelt principle title, its other misspellings and the stale page reference, nothing else', async () => {
    const found = await run(SEED.norrbottenDraft);
    const expected = ['"Självtändighet"', '"skyddsnet"', '"medborgardeltaktighet"', '"samhällliga"', 'page reference "på sida 11-17"'];
    for (const e of expected) expect(found.some((f) => f.includes(e)), e).toBe(true);
    expect(found).toHaveLength(expected.length);
  });

  it('the layout proof: the new misspelling and the reviewer\'s comment; its page reference is fine in a proof', async () => {
    const found = await run(SEED.norrbottenProof);
    expect(found.some((f) => f.startsWith('spelling "representater"'))).toBe(true);
    expect(found.some((f) => f.startsWith('annotation') && f.includes('sofoqu01'))).toBe(true);
    expect(found.some((f) => f.startsWith('page-reference'))).toBe(false);
    expect(found).toHaveLength(2);
  });

  it('the revised Stödstruktur: its misspelt heading (a section revision needs no vision)', async () => {
    const found = await run(SEED.norrbottenStodstruktur, 'section');
    expect(found.some((f) => f.startsWith('spelling "överenskommlsen"'))).toBe(true);
    expect(found.some((f) => f.startsWith('required-sections'))).toBe(false);
  });

  it('Västerbotten: PKD AU / PKB AU, the X ledamöter placeholders, the bilaga to be numbered, its misspelling and "hälso-och"', async () => {
    const found = await run(SEED.vasterbotten);
    for (const e of ['abbreviation-consistency "PKB AU" where the text defines "PKD AU"', 'placeholder placeholder left in: "X ledamöter"', 'placeholder placeholder left in: "(bilagan kommer att numreras)"', 'spelling "uppräknig"', 'suspended-compound "hälso-och"']) {
      expect(found.some((f) => f.startsWith(e)), e).toBe(true);
    }
    expect(found.filter((f) => f.startsWith('placeholder placeholder left in: "X ledamöter"'))).toHaveLength(2);
    // Its compounds (förtroendepersonsorganisation, tjänstepersonsnivå) are Swedish.
    expect(found.filter((f) => f.startsWith('spelling'))).toEqual([expect.stringContaining('"uppräknig"')]);
  });
});
