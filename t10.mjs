import { parseFileWithSource } from './dist/index.js';
import { check } from './dist/check/index.js';
for (const f of process.argv.slice(2)) {
  const { model, source } = await parseFileWithSource(f);
  const fs = await check(model, { sourceText: source.text });
  console.log('==', f.split('/').pop(), fs.length);
  for (const x of fs) console.log(`  ${x.place.start.line}:${x.place.start.column} ${x.severity} ${x.ruleId} ${x.message.slice(0, 130)}`);
}
