/** docs/rules.md, written from the rules themselves (`npm run docs:rules`); a test fails when it is stale. */
import type { TObject } from '@sinclair/typebox';
import { RULES } from '../rules/index.js';

const fence = (text: string, lang: string) => `\`\`\`${lang}\n${text.replace(/\n$/u, '')}\n\`\`\``;

export function rulesMarkdown(): string {
  const out: string[] = [
    '# Rules of `overens check`',
    '',
    '<!-- Written by `npm run docs:rules` from src/rules/*.ts. Do not edit: edit the rule. -->',
    '',
    'Each rule has an id, a default level (`error`, `warning` or `info`), and may be set to another',
    'level or `off` in `.overens.yaml` (`rules: { spelling: off }`) or with `--rule spelling=off`.',
    'Parse warnings are the findings of the rule that owns them. In Markdown, a line can be exempted',
    'from rules with a comment on the line before it: `<!-- overens-disable-next-line spelling -->`',
    '(several rule ids separated by spaces or commas; none: every rule).',
    '',
    '| rule | category | level | fixable | what it checks |',
    '| --- | --- | --- | --- | --- |',
    ...RULES.map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.category} | ${r.level} | ${r.fixable ? 'yes' : ''} | ${r.description.en.replace(/\|/gu, '\\|')} |`),
    '',
  ];
  for (const r of RULES) {
    out.push(`## ${r.id}`, '', r.description.en, '', `*${r.description.sv}*`, '', `Category: ${r.category}. Default level: ${r.level}.${r.fixable ? ' `--fix` applies its fixes.' : ''}`);
    if (r.fromParse?.length) out.push('', `Parse warnings it reports: ${r.fromParse.map((id) => `\`${id}\``).join(', ')}.`);
    const options = (r.options as TObject | undefined)?.properties;
    if (options && Object.keys(options).length > 0) {
      out.push('', 'Options:', '');
      for (const [name, schema] of Object.entries(options)) out.push(`- \`${name}\`: ${(schema as { description?: string }).description ?? ''} Default: \`${JSON.stringify((schema as { default?: unknown }).default)}\``.replace(/: {2}Default/u, ': Default'));
    }
    const lang = r.examples.path?.endsWith('.yaml') ? 'yaml' : r.examples.path?.endsWith('.txt') ? 'text' : 'md';
    if (r.examples.parties) out.push('', `With the parties ${r.examples.parties.map((p) => `"${p}"`).join(' and ')} in the manifest:`);
    if (r.examples.bad !== '') out.push('', 'Flagged:', '', fence(r.examples.bad, lang));
    else if (r.examples.path) out.push('', `Flagged: a Word file with changes still tracked, such as \`${r.examples.path}\`.`);
    out.push('', 'Not flagged:', '', fence(r.examples.good, lang === 'text' ? 'text' : lang), '');
  }
  return `${out.join('\n')}\n`;
}
