/** The user's language: English or Swedish (a module of its own, so the fastest answers need no message catalog). */
export type Lang = 'en' | 'sv';

/** The language from an explicit choice, else from the locale variables (sv* means Swedish). */
export function resolveLang(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (explicit !== undefined) {
    const lower = explicit.toLowerCase();
    if (lower.startsWith('sv')) return 'sv';
    if (lower.startsWith('en')) return 'en';
    return 'en';
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}
