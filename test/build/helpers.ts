/** A throwaway agreements repository and what a build made of it. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ROOT } from '../helpers/seeds.js';

/** A copy of the bundled agreements and the project's .overens.yaml in a new folder; returns the folder. */
export function copyRepository(): string {
  const repo = mkdtempSync(join(tmpdir(), 'overens-build-'));
  cpSync(join(ROOT, 'agreements'), join(repo, 'agreements'), { recursive: true });
  cpSync(join(ROOT, '.overens.yaml'), join(repo, '.overens.yaml'));
  return repo;
}

/** Every file under a folder (with "/"), sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Each file's modification time, by path. */
export const mtimes = (dir: string) => Object.fromEntries(filesUnder(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));

/** Each file's bytes, by path. */
export const contents = (dir: string, except: string[] = []) => Object.fromEntries(filesUnder(dir).filter((f) => !except.includes(f)).map((f) => [f, readFileSync(join(dir, f))]));

const decode = (s: string) => s.replace(/&#(\d+);/gu, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/gu, '&');

/** The links of every HTML page under `out` that do not resolve: a missing file, or an anchor the target lacks. */
export function brokenLinks(out: string): string[] {
  const broken: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file)) ids.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]*)"/gu)].map((m) => decode(m[1]!))));
    return ids.get(file)!;
  };
  for (const page of filesUnder(out).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(out, page), 'utf8');
    for (const m of html.matchAll(/\shref="([^"]*)"/gu)) {
      const href = decode(m[1]!);
      if (/^[a-z]+:/u.test(href)) {
        broken.push(`${page}: ${href} (leaves the site)`);
        continue;
      }
      const [path, anchor] = href.split('#') as [string, string | undefined];
      const target = path === '' ? join(out, page) : join(out, page, '..', decodeURIComponent(path));
      let ok = false;
      try {
        ok = statSync(target).isFile();
      } catch {
        ok = false;
      }
      if (!ok) broken.push(`${page}: ${href} (no such file)`);
      else if (anchor !== undefined && target.endsWith('.html') && !idsOf(target).has(anchor)) broken.push(`${page}: ${href} (no such anchor)`);
    }
  }
  return broken;
}
