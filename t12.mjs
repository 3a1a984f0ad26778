import { loadSwedishSpeller } from './dist/spell.js';
const s = await loadSwedishSpeller();
let t = Date.now(); for (const w of ['representater', 'överenskommlsen', 'skyddsnet']) s.suggest(w); console.log('3 suggest', Date.now() - t);
t = Date.now(); let n = 0; for (let i = 0; i < 20000; i++) { s.isWord('ord' + i); n++; } console.log('20000 isWord', Date.now() - t);
