/** The user's language: English or Swedish (a module of its own, so the fastest answers need no message catalog). */
export type Lang = 'en' | 'sv';

/** The language from an explicit choice, else from the locale variables (sv* means Swedish). */
export function resolveLang(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  const chosen = explicit ?? (env.LC_ALL || env.LC_MESSAGES || env.LANG || '');
  return chosen.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}
