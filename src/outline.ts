/**
 * A compact, line-per-element rendering of the model: id, source range and
 * the start of the text. Golden-file tests compare this, so a failing test
 * shows which element moved or changed, not a wall of JSON.
 */
import type { Agreement, Block, Node, Position } from './model.js';
import { squash } from './text.js';

const WIDTH = 60;

function clip(text: string): string {
  const s = squash(text);
  return s.length <= WIDTH ? s : `${s.slice(0, WIDTH - 1)}…`;
}

function at(p: Position): string {
  return `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}`;
}

function blockLines(b: Block, indent: string, out: string[]): void {
  if (b.type === 'paragraph') out.push(`${indent}${b.id} ${at(b.position)}${b.role ? ` (${b.role})` : ''} ${clip(b.text)}`);
  else if (b.type === 'table') out.push(`${indent}${b.id} ${at(b.position)} table ${b.rows.length} rows`);
  else {
    out.push(`${indent}${b.id} ${at(b.position)} list ${b.items.length} items`);
    for (const item of b.items) out.push(`${indent}  ${item.id} ${at(item.position)} ${clip(item.text)}`);
  }
}

function nodeLines(n: Node, indent: string, out: string[]): void {
  if (n.type === 'ref') out.push(`${indent}-> ${n.target}`);
  else if (n.type === 'section') {
    out.push(`${indent}${n.id} ${at(n.position)} depth ${n.depth}${n.role ? ` [${n.role}]` : ''}${n.heading ? ` "${clip(n.heading.text)}"` : ''}`);
    for (const c of n.content) nodeLines(c, `${indent}  `, out);
  } else blockLines(n, indent, out);
}

export function outline(model: Agreement): string {
  const out: string[] = [];
  const m = model.meta;
  out.push(`title: ${m.title ?? '-'}`);
  out.push(`parties: ${m.parties.join(' | ') || '-'}`);
  out.push(`region: ${m.region ?? '-'}`);
  if (model.vision) out.push(`vision ${at(model.vision.position)}${model.vision.quotedIn ? ` quoted in ${model.vision.quotedIn}` : ''}: ${clip(model.vision.text)}`);
  if (model.purpose) out.push(`purpose ${at(model.purpose.position)}${model.purpose.quotedIn ? ` quoted in ${model.purpose.quotedIn}` : ''}: ${clip(model.purpose.text)}`);
  for (const g of model.goals) {
    out.push(`${g.id} ${at(g.position)}${g.quotedIn ? ` quoted in ${g.quotedIn}` : ''} ${clip(g.text)}`);
    if (g.elaboration) {
      out.push(`  ${g.elaboration.id} ${at(g.elaboration.position)} "${clip(g.elaboration.heading.text)}"`);
      for (const b of g.elaboration.paragraphs) blockLines(b, '    ', out);
    }
  }
  for (const p of model.principles) {
    const stated = p.statedAs && p.statedAs !== 'heading' ? ` ${p.statedAs}${p.quotedIn ? ` in ${p.quotedIn}` : ''}` : '';
    out.push(`${p.id} ${at(p.position)}${stated} "${p.title}" ${p.commitments.length} commitments`);
    for (const b of p.paragraphs) blockLines(b, '  ', out);
    for (const c of p.commitments) out.push(`  ${c.id} ${at(c.position)} ${clip(c.text)}`);
  }
  for (const g of model.partyCommitments) {
    out.push(`${g.id} ${at(g.position)} "${clip(g.party)}" ${g.commitments.length} commitments`);
    for (const c of g.commitments) out.push(`  ${c.id} ${at(c.position)} ${clip(c.text)}`);
  }
  for (const b of model.bodies) {
    const comp = b.composition ? ` composition "${b.composition.text}"` : '';
    out.push(`${b.id} ${at(b.position)} ${b.kind} "${b.name}"${b.abbreviation ? ` (${b.abbreviation})` : ''}${comp}`);
    for (const d of b.description) blockLines(d, '  ', out);
  }
  for (const a of model.developmentAreas) {
    out.push(`${a.id} ${at(a.position)} "${a.title}" ${a.items.length} items`);
    for (const p of a.paragraphs) blockLines(p, '  ', out);
    for (const i of a.items) out.push(`  ${i.id} ${at(i.position)} ${clip(i.text)}`);
  }
  const r = model.report;
  if (r) {
    out.push('report:');
    for (const p of r.phases) out.push(`  ${p.id} ${at(p.position)} ${p.from} "${p.name}"${p.description ? ` ${clip(p.description)}` : ''}`);
    for (const e of r.events) out.push(`  ${e.id} ${at(e.position)} ${e.when ?? '-'} [${e.years.join(',')}] ${clip(e.text)} -> ${e.phase ?? '-'}`);
    if (r.timePlan) {
      out.push(`  time-plan ${at(r.timePlan.position)} "${r.timePlan.heading}"`);
      for (const p of r.timePlan.periods) out.push(`    "${p.label}" ${p.year ?? '-'} ${p.columns.length} columns: ${p.rows.map((row) => [row.label, ...row.cells].join(' ')).join(' | ')}`);
    }
    for (const l of r.listedPrinciples) out.push(`  ${l.id} ${at(l.position)} ${clip(l.leadIn)}: ${l.items.join(' | ')}`);
    for (const a of r.assessment) out.push(`  ${a.kind} ${at(a.position)} ${a.section}`);
  }
  for (const f of model.footnotes) {
    out.push(`${f.id} ${at(f.position)} ${clip(f.text)}${f.attachments.map((a) => ` [bilaga ${a.number}]`).join('')}${f.markers.length ? ` <- ${f.markers.join(', ')}` : ''}`);
  }
  out.push('sections:');
  for (const n of model.sections) nodeLines(n, '  ', out);
  for (const a of model.artifacts) out.push(`artifact ${a.id} ${a.kind} ${at(a.position)} ${clip(a.text)}`);
  for (const w of model.warnings) out.push(`warning ${w.ruleId} ${at(w.place)}${w.element ? ` ${w.element}` : ''}`);
  return `${out.join('\n')}\n`;
}
