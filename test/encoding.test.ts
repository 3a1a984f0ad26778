import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parseFile } from '../src/parse/index.js';
import type { Agreement } from '../src/model.js';
import { SEED } from './helpers/seeds.js';

const dir = mkdtempSync(join(tmpdir(), 'overens-encoding-'));

/** The model without what necessarily differs between two encodings of one text. */
function comparable(model: Agreement): unknown {
  const { sha256: _sha, encoding: _enc, path: _path, ...source } = model.meta.source;
  return { ...model, meta: { ...model.meta, id: '', source }, warnings: model.warnings.map((w) => ({ ...w, file: '' })) };
}

describe('legacy encodings and line ends', () => {
  it('decodes Windows-1252, including the 0x80-0x9F range (dashes, quotes)', async () => {
    const model = await parseFile('test/fixtures/encoding/windows-1252.txt', { manifest: false });
    expect(model.meta.source.encoding).toBe('windows-1252');
    expect(JSON.stringify(model.sections)).toContain('Text med ä och – tankstreck och ”citat” i Windows-1252.');
  });

  const original = readFileSync(SEED.norrbottenDraft, 'utf8');
  const variants: Array<[string, Buffer, string]> = [
    ['Latin-1 (ISO-8859-1)', iconv.encode(original, 'latin1'), 'windows-1252'],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(original)]), 'utf-8'],
    ['UTF-16LE with a byte-order mark', iconv.encode(original, 'utf-16le', { addBOM: true }), 'utf-16le'],
    ['UTF-16BE with a byte-order mark', iconv.encode(original, 'utf-16be', { addBOM: true }), 'utf-16be'],
    ['CRLF line ends', Buffer.from(original.replace(/\n/gu, '\r\n')), 'utf-8'],
    ['CR line ends', Buffer.from(original.replace(/\n/gu, '\r')), 'utf-8'],
  ];

  it.each(variants)('a %s copy of the Word draft parses to the same model as the UTF-8 original', async (name, bytes, encoding) => {
    const file = join(dir, `${name.replace(/\W+/gu, '-')}.txt`);
    writeFileSync(file, bytes);
    const copy = await parseFile(file, { manifest: false });
    const utf8 = await parseFile(SEED.norrbottenDraft, { manifest: false });
    expect(copy.meta.source.encoding).toBe(encoding);
    expect(copy.principles).toHaveLength(7);
    expect(comparable(copy)).toEqual(comparable(utf8));
  });
});
