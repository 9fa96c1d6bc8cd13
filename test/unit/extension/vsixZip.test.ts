/**
 * The VSIX's ZIP rewritten with some entries deflated anew (scripts/lib/vsix-zip.cjs, run by
 * `npm run package` through scripts/vsix-recompress.mjs): another ZIP reader (fflate's) reads
 * every entry as it was written, the picked entries are smaller, the others are the same bytes.
 */
import * as assert from 'node:assert/strict';
import * as zlib from 'node:zlib';
import { deflateAsync } from '@gfx/zopfli';
import { Zip, ZipDeflate, strToU8, unzipSync, zipSync } from 'fflate';

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  size: number;
  time: number;
  date: number;
  externalAttributes: number;
  data: Buffer;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's CommonJS helper, loaded as the package scripts load it
const { readZip, recompressZip, entryCost, PDFJS } = require('../../../scripts/lib/vsix-zip.cjs') as {
  readZip(zip: Buffer): { entries: ZipEntry[]; comment: Buffer };
  recompressZip(zip: Buffer, which: (name: string) => boolean, deflate: (data: Buffer) => Promise<Uint8Array>): Promise<Buffer>;
  entryCost(entry: ZipEntry): number;
  PDFJS: RegExp;
};

const prose = Array.from({ length: 400 }, (_, i) => `line ${i}: the quick brown fox ${i % 7 === 0 ? 'jumps' : 'walks'} over ${i * 37} lazy dogs\n`).join('');
const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
const FILES: Record<string, Uint8Array> = {
  'extension/dist/chunks.js': strToU8(prose),
  'extension/media/picture.webp': binary,
  'extension/empty.txt': new Uint8Array(0),
  'extension/l10n/bundle.l10n.zh-cn.json': strToU8(JSON.stringify({ 'Search patents': '搜索专利', note: prose.slice(0, 2000) })),
  'extension/dist/webview/pdf.js': strToU8(prose.toUpperCase()),
};

/** A ZIP as vsce's writer makes them: deflated at a fast level, the picture stored. */
function fastZip(): Buffer {
  const input = Object.fromEntries(Object.entries(FILES).map(([name, data]) => [name, [data, { level: name.endsWith('.webp') ? 0 : 1, mtime: new Date(2026, 11, 1, 19, 6) }] as const]));
  return Buffer.from(zipSync(input as Parameters<typeof zipSync>[0]));
}

const zopfli = (data: Buffer) => deflateAsync(data, { numiterations: 5 });

describe('The VSIX recompressed (scripts/lib/vsix-zip.cjs)', () => {
  it('reads back every entry with another ZIP reader, the picked ones smaller and the rest unchanged', async () => {
    const before = fastZip();
    const after = await recompressZip(before, (name) => !PDFJS.test(name), zopfli);
    const read = unzipSync(after);
    assert.deepEqual(Object.keys(read).sort(), Object.keys(FILES).sort());
    for (const [name, data] of Object.entries(FILES)) assert.deepEqual(Buffer.from(read[name] ?? []), Buffer.from(data), name);

    const old = new Map(readZip(before).entries.map((e) => [e.name, e]));
    const fresh = readZip(after);
    for (const e of fresh.entries) {
      const was = old.get(e.name);
      assert.ok(was, e.name);
      assert.deepEqual([e.method, e.crc, e.size, e.time, e.date, e.externalAttributes], [was.method, was.crc, was.size, was.time, was.date, was.externalAttributes], e.name);
      if (e.name === 'extension/dist/chunks.js' || e.name.endsWith('.json')) assert.ok(e.data.length < was.data.length, `${e.name}: ${e.data.length} >= ${was.data.length}`);
      else assert.deepEqual(e.data, was.data, e.name);
    }
    assert.ok(after.length < before.length);
    // Every byte of the file is an entry's, the central directory's or its end's.
    assert.equal(fresh.entries.reduce((n, e) => n + entryCost(e), 0) + 22, after.length);
  });

  it('keeps an entry as it was when deflating it again is not smaller', async () => {
    const before = fastZip();
    const after = await recompressZip(before, () => true, (data) => Promise.resolve(zlib.deflateRawSync(data, { level: 0 })));
    assert.deepEqual(after, before);
  });

  it('writes sizes into the local headers of entries that had them in a data descriptor', async () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const file = new ZipDeflate('extension/README.md', { level: 1 });
    zip.add(file);
    file.push(strToU8(prose), true);
    zip.end();
    const before = Buffer.concat(chunks);
    assert.equal((readZip(before).entries[0]?.flags ?? 0) & 0x8, 0x8, 'fflate streams with a data descriptor');

    const after = await recompressZip(before, () => true, zopfli);
    const [entry] = readZip(after).entries;
    assert.equal((entry?.flags ?? 0x8) & 0x8, 0);
    assert.equal(after.readUInt32LE(18), entry?.data.length, "the local header's compressed size");
    assert.equal(after.readUInt32LE(22), prose.length, "the local header's size");
    assert.equal(new TextDecoder().decode(unzipSync(after)['extension/README.md']), prose);
  });

  it('refuses a file that is not a ZIP, and an entry whose data does not match its CRC', async () => {
    await assert.rejects(recompressZip(Buffer.from('PK not really a zip file, only text'), () => true, zopfli), /not a ZIP file/);
    const zip = fastZip();
    const entry = readZip(zip).entries.find((e) => e.name === 'extension/dist/chunks.js');
    assert.ok(entry);
    const damaged = Buffer.from(zip);
    // The entry's record in the central directory (whose CRC the rewrite checks the data against).
    const directory = damaged.readUInt32LE(damaged.length - 22 + 16);
    const at = damaged.indexOf(entry.name, directory) - 46;
    damaged.writeUInt32LE((entry.crc ^ 1) >>> 0, at + 16);
    await assert.rejects(recompressZip(damaged, () => true, zopfli), /extension\/dist\/chunks\.js: its data does not match its size and CRC/);
  });
});
