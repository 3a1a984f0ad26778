// A copy of the project's shared benchmark generator (shared/bench/gen.mjs), unchanged apart from this line, so the benchmark and its CI smoke run need nothing outside the repository; bench/checksums.md5 (also copied) proves it writes the same inputs.
// Deterministic input generator for the word-diff benchmark.
// Usage: node gen.mjs [seedDir] [outDir]   (defaults: ../seeds next to this file, ./bench-data)
// Produces outDir/{real,100k,1m,10m,1m-light}.{a,b}.md
//   real      : the Norrbotten Word draft vs its PDF layout proof (seeds), verbatim
//   100k/1m/10m: concatenation of all seeds, repeated (copies >0 get a "# Bilaga N" heading and
//               ~5% of words swapped so repeats are not byte-identical), normalised to "\n\n"
//               paragraph separators; b = a with ~2% word edits, a few paragraphs deleted and
//               inserted, and one block of paragraphs moved from ~10% to ~90% of the document.
//   1m-light  : like 1m but only ~0.2% word edits (to show dependence on edit distance D).
//   3m        : extra scaling point, same recipe as 1m/10m.
//   shuffle-1m: adversarial: 1m.a vs the same paragraphs in random order.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const seedDir = process.argv[2] ?? new URL('../seeds', import.meta.url).pathname;
const outDir = process.argv[3] ?? 'bench-data';
mkdirSync(outDir, { recursive: true });

function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const WORD = /[\p{L}\p{N}]+/gu;
const files = readdirSync(seedDir).filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md').sort();
const seeds = files.map((f) => readFileSync(join(seedDir, f), 'utf8'));
const vocab = [...new Set(seeds.join('\n').match(WORD).filter((w) => /\p{L}/u.test(w)))].sort();
const pick = (rnd, arr) => arr[Math.floor(rnd() * arr.length)];
const paras = (t) => t.split(/\n[ \t]*\n\s*/).map((p) => p.replace(/\s+$/, '')).filter((p) => p.length);

// ---- base document of ~target bytes, as an array of paragraphs
function base(target, rnd) {
  const out = [];
  let bytes = 0;
  for (let copy = 0; ; copy++) {
    for (let i = 0; i < seeds.length; i++) {
      let ps = paras(seeds[i]);
      if (copy > 0) {
        ps = ps.map((p) => p.replace(WORD, (w) => (rnd() < 0.05 ? (/^\d+$/.test(w) ? String(+w + copy) : pick(rnd, vocab)) : w)));
        ps.unshift(`# Bilaga ${copy}.${i + 1}`);
      }
      for (const p of ps) {
        const b = Buffer.byteLength(p) + 2;
        if (bytes + b > target) return out;
        out.push(p); bytes += b;
      }
    }
  }
}

// ---- realistic word-level edit of one paragraph
function editWords(p, rnd, rate) {
  return p.replace(WORD, (w) => {
    if (rnd() >= rate) return w;
    if (/^\d+$/.test(w)) return String(+w + 1 + Math.floor(rnd() * 9));
    const r = rnd();
    if (r < 0.45) return pick(rnd, vocab);                                   // substitute word
    if (r < 0.65) return w.length > 4 && rnd() < 0.5 ? w.slice(0, -1) : w + pick(rnd, ['na', 'en', 's', 'ar']); // inflection
    if (r < 0.80) return '';                                                  // delete word
    if (r < 0.90) return w + ' ' + pick(rnd, vocab);                          // insert word
    const i = Math.floor(rnd() * (w.length - 1));                            // typo / case
    return w.length > 2 ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w.toUpperCase();
  });
}
function newPara(rnd) {
  const n = 30 + Math.floor(rnd() * 60);
  const ws = [];
  for (let i = 0; i < n; i++) ws.push(pick(rnd, vocab).toLowerCase());
  ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
  return ws.join(' ').replace(/((?:\S+ ){8,14}\S+) /g, '$1. ') + '.';
}

function revise(ps, rnd, rate) {
  const P = ps.length;
  const k = Math.max(3, Math.round(P * 0.004));
  // 1. move one block of k paragraphs from ~10% to ~90% (moved text itself left untouched)
  const from = Math.floor(P * 0.1), to = Math.floor(P * 0.9);
  const block = ps.slice(from, from + k);
  let rest = ps.slice(0, from).concat(ps.slice(from + k)).map((p) => editWords(p, rnd, rate));
  rest.splice(to - k, 0, ...block);
  // 2. delete k paragraphs (random positions), 3. insert k new paragraphs
  for (let i = 0; i < k; i++) rest.splice(Math.floor(rnd() * rest.length), 1);
  for (let i = 0; i < k; i++) rest.splice(Math.floor(rnd() * rest.length), 0, newPara(rnd));
  return { b: rest, stats: { paragraphs: P, moved: k, deleted: k, inserted: k, from, to } };
}

const sizes = [['100k', 100 * 1024, 0.02], ['1m', 1024 * 1024, 0.02], ['10m', 10 * 1024 * 1024, 0.02], ['1m-light', 1024 * 1024, 0.002], ['3m', 3 * 1024 * 1024, 0.02]];
const meta = {};
for (const [name, target, rate] of sizes) {
  const rnd = mulberry32(0x5eed ^ target);
  const a = base(target, rnd);
  const { b, stats } = revise(a, rnd, rate);
  const at = a.join('\n\n') + '\n', bt = b.join('\n\n') + '\n';
  writeFileSync(join(outDir, `${name}.a.md`), at);
  writeFileSync(join(outDir, `${name}.b.md`), bt);
  meta[name] = { ...stats, wordRate: rate, bytesA: Buffer.byteLength(at), bytesB: Buffer.byteLength(bt), wordsA: at.match(WORD).length };
}
// adversarial: the 1m base with its paragraphs randomly permuted (no word edits)
{
  const rnd = mulberry32(0xadd);
  const a = base(1024 * 1024, mulberry32(0x5eed ^ (1024 * 1024)));
  const b = a.slice();
  for (let i = b.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [b[i], b[j]] = [b[j], b[i]]; }
  writeFileSync(join(outDir, 'shuffle-1m.a.md'), a.join('\n\n') + '\n');
  writeFileSync(join(outDir, 'shuffle-1m.b.md'), b.join('\n\n') + '\n');
  meta['shuffle-1m'] = { paragraphs: a.length, note: 'b = a with all paragraphs randomly permuted' };
}
const seedNamed = (name) => seeds[files.indexOf(name)];
const realA = seedNamed('norrbotten-word-draft.txt'), realB = seedNamed('norrbotten-layout-proof.pdf.txt');
writeFileSync(join(outDir, 'real.a.md'), realA);
writeFileSync(join(outDir, 'real.b.md'), realB);
meta.real = { bytesA: Buffer.byteLength(realA), bytesB: Buffer.byteLength(realB), wordsA: realA.match(WORD).length };
writeFileSync(join(outDir, 'meta.json'), JSON.stringify(meta, null, 1));
console.log(JSON.stringify(meta, null, 1));
