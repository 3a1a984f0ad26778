/**
 * What every diff output shares: the Swedish words a reader sees (output
 * documents are in Swedish whatever the message language), how a change is
 * headed, and how long unchanged stretches are shortened.
 */
import type { Change, ChangeKind, Diff } from '../diff/model.js';

export const KIND_SV: Record<ChangeKind, string> = {
  added: 'tillagt',
  removed: 'borttaget',
  modified: 'ändrat',
  moved: 'flyttat',
  renumbered: 'omnumrerat',
  split: 'delat',
  merged: 'sammanfogat',
};

/** Singular and plural of each layout piece. */
export const ARTIFACT_SV: Record<string, [string, string]> = {
  'page-number': ['sidnummer', 'sidnummer'],
  'running-header': ['sidhuvud eller sidfot', 'sidhuvuden eller sidfötter'],
  'pull-quote': ['citat i marginalen', 'citat i marginalen'],
  'figure-label': ['figurtext', 'figurtexter'],
  annotation: ['granskarkommentar', 'granskarkommentarer'],
  'cookie-notice': ['kakmeddelande', 'kakmeddelanden'],
  breadcrumb: ['brödsmulespår', 'brödsmulespår'],
  navigation: ['navigering', 'navigeringar'],
  'skip-link': ['genvägslänk', 'genvägslänkar'],
  logo: ['logotyptext', 'logotyptexter'],
  'page-meta': ['sidinformation', 'sidinformationer'],
  'template-placeholder': ['mallplatshållare', 'mallplatshållare'],
  'language-marker': ['språkmarkering', 'språkmarkeringar'],
  'document-viewer': ['dokumentvisarens text', 'dokumentvisarens texter'],
  'page-title': ['sidtitel', 'sidtitlar'],
  'page-header': ['sidhuvud på webbsidan', 'sidhuvuden på webbsidan'],
  'page-footer': ['sidfot på webbsidan', 'sidfötter på webbsidan'],
  aside: ['sidospalt', 'sidospalter'],
  form: ['formulär', 'formulär'],
  search: ['sökruta', 'sökrutor'],
  dialog: ['dialogruta', 'dialogrutor'],
  hidden: ['dold text', 'dolda texter'],
  share: ['delningslänk', 'delningslänkar'],
  language: ['språkval', 'språkval'],
  'outside-main': ['text utanför huvudinnehållet', 'texter utanför huvudinnehållet'],
};

/** What a layout piece is, in Swedish ("citat i marginalen"); an unknown kind as it is named. */
export function artifactName(kind: string): string {
  return ARTIFACT_SV[kind]?.[0] ?? kind;
}

/** A path as a reader says it: "Princip 4 Dialog / Åtagande 4" is "Princip 4 Dialog, åtagande 4". */
export function spokenPath(path: string): string {
  const [head, ...rest] = path.split(' / ');
  return [head, ...rest.map((part) => part.charAt(0).toLocaleLowerCase('sv') + part.slice(1))].join(', ');
}

/** Where a moved element came from: "flyttat från Princip 2 Kvalitet, åtagande 1", or a new place in the order. */
export function movedFrom(c: Change): string {
  return c.oldPath && c.oldPath !== c.path ? `${KIND_SV.moved} från ${spokenPath(c.oldPath)}` : `${KIND_SV.moved} till en ny plats i ordningen`;
}

/** "Princip 4 Dialog, åtagande 4: ändrat (stavning)", "… flyttat från Princip 2 Kvalitet, åtagande 1". */
export function changeHeading(c: Change): string {
  const oldNumber = /^principle-(\d+)$/u.exec(c.oldId ?? '')?.[1];
  const what =
    c.kind === 'renumbered' && oldNumber
      ? `${KIND_SV.renumbered} (var ${oldNumber})`
      : c.kind !== 'moved'
        ? KIND_SV[c.kind]
        : movedFrom(c);
  const spelling = c.spelling ? ' (stavning)' : '';
  const where = c.element === 'principle' ? `${spokenPath(c.path)}, rubrik` : spokenPath(c.path);
  return `${where}: ${what}${spelling}`;
}

/** One line per kind of layout piece found in a revision: "8 citat i marginalen, 1 sidnummer". */
export function artifactCounts(list: Diff['artifacts']['new']): string {
  const counts = new Map<string, number>();
  for (const a of list) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${ARTIFACT_SV[kind]?.[n === 1 ? 0 : 1] ?? kind}`).join(', ');
}

/** "2 sammanfogade, 1 delat" for paragraphs regrouped with the same words, or '' when none. */
export function regroupedLine(d: Diff): string {
  const merged = d.regrouped.filter((r) => r.kind === 'merged').length;
  const split = d.regrouped.length - merged;
  const parts = [merged ? `${merged} ${merged === 1 ? 'sammanfogat' : 'sammanfogade'}` : '', split ? `${split} ${split === 1 ? 'delat' : 'delade'}` : ''].filter(Boolean);
  return parts.length ? `Stycken omgrupperade med samma ord (layout, inte ändringar): ${parts.join(', ')}` : '';
}

/** "7 ändrade (6 stavning), 2 flyttade, 1 tillagt" or "inga ändringar". */
export function summaryLine(d: Diff): string {
  const s = d.summary;
  const parts: string[] = [];
  // One is singular ("1 tillagt", the words of KIND_SV), more plural.
  const plural: Record<ChangeKind, string> = {
    added: 'tillagda',
    removed: 'borttagna',
    modified: 'ändrade',
    moved: 'flyttade',
    renumbered: 'omnumrerade',
    split: 'delade',
    merged: 'sammanfogade',
  };
  for (const kind of ['added', 'removed', 'modified', 'moved', 'renumbered', 'split', 'merged'] as const) {
    const n = s[kind];
    if (n === 0) continue;
    parts.push(`${n} ${n === 1 ? KIND_SV[kind] : plural[kind]}${kind === 'modified' && s.spelling ? ` (${s.spelling} stavning)` : ''}`);
  }
  return parts.length ? parts.join(', ') : 'inga ändringar';
}

/**
 * "Jämför bara avsnittet ”Stödstruktur för överenskommelsen”", with a note for
 * a side that lacks it; '' when the whole agreements are compared.
 */
export function scopeLine(d: Diff): string {
  if (!d.scope) return '';
  const missing = (['old', 'new'] as const).filter((side) => !d.scope!.found[side]).map((side) => (side === 'old' ? 'den gamla' : 'den nya'));
  const note = missing.length ? ` (saknas i ${missing.join(' och ')} versionen, som jämförs i sin helhet)` : '';
  return `Jämför bara avsnittet ”${d.scope.section}”${note}`;
}
