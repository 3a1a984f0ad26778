/** Swedish forms a rendered agreement uses: long dates and lists of parties. */

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** An ISO date the Swedish way: "2026-11-23" → "23 november 2026", "2026-11" → "november 2026"; anything else as it is. */
export function swedishDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u.exec(iso.trim());
  if (!m) return iso;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (m[2] && month === undefined) return iso;
  if (!month) return m[1]!;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** Names joined the Swedish way: "A", "A och B", "A, B och C" (no comma before "och"). */
export function joinSwedish(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} och ${names[names.length - 1]}`;
}

/** A revision status in Swedish ("proof" → "korrektur"); "unknown" has none. */
export const STATUS_SV: Record<string, string> = { draft: 'utkast', remiss: 'remissversion', proof: 'korrektur', decided: 'beslutad', signed: 'undertecknad', report: 'rapport' };
