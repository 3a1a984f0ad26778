import { parseFileWithSource } from './dist/index.js';
import { check } from './dist/check/index.js';
import { loadSwedishSpeller } from './dist/spell.js';
const speller = await loadSwedishSpeller();
for (const f of process.argv.slice(2)) {
  for (let k = 0; k < 2; k++) {
    let t = Date.now();
    const { model, source } = await parseFileWithSource(f);
    const tp = Date.now() - t; t = Date.now();
    await check(model, { sourceText: source.text, speller });
    console.log(f.split('/').pop(), 'parse', tp, 'check', Date.now() - t);
  }
}
