// The VSIX as the ZIP file it is: its entries read from the central directory, and the
// file written again with some entries deflated anew (by zopfli: `npm run package`
// recompresses what the size budget counts, #11). vsce's ZIP writer (yazl) deflates at
// zlib's default level; the same deflate format, searched harder, is 3-4 % smaller and
// any ZIP reader inflates it as before. No library rewrites a ZIP's entries with
// compressed data of one's own (fflate's streaming writer would add a data descriptor
// to each entry and drop vsce's attributes), so the few records are written here.
// Used by scripts/vsix-recompress.mjs and scripts/vsix-size.mjs; tested in
// test/unit/extension/vsixZip.test.ts.
'use strict';
const zlib = require('node:zlib');

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** General purpose flag bit 3: sizes and CRC in a data descriptor after the data. */
const DATA_DESCRIPTOR = 0x8;
const DEFLATE = 8;

/**
 * @typedef {{ name: string, nameBytes: Buffer, versionMadeBy: number, versionNeeded: number, flags: number,
 *   method: number, time: number, date: number, crc: number, compressedSize: number, size: number,
 *   extra: Buffer, comment: Buffer, internalAttributes: number, externalAttributes: number,
 *   localExtra: Buffer, data: Buffer }} ZipEntry
 *   `extra`, `comment`: the central directory's; `localExtra`: the local header's; `data`: as stored (compressed).
 */

/**
 * Every entry of `zip`, in the central directory's order.
 * @param {Buffer} zip @returns {{ entries: ZipEntry[], comment: Buffer }}
 */
function readZip(zip) {
  // The end record is the last 22 bytes, before a comment of at most 64 KB.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END && at + 22 + zip.readUInt16LE(at + 20) === zip.length) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP file: no end of central directory record');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new Error('a ZIP64 file: not supported');
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error(`entry ${i}: no central directory record at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const offset = zip.readUInt32LE(at + 42);
    if (compressedSize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) throw new Error(`entry ${i}: ZIP64 sizes are not supported`);
    const nameBytes = zip.subarray(at + 46, at + 46 + nameLength);
    if (zip.readUInt32LE(offset) !== LOCAL) throw new Error(`${nameBytes}: no local header at ${offset}`);
    const localExtraStart = offset + 30 + zip.readUInt16LE(offset + 26);
    const dataStart = localExtraStart + zip.readUInt16LE(offset + 28);
    entries.push({
      name: nameBytes.toString('utf8'),
      nameBytes,
      versionMadeBy: zip.readUInt16LE(at + 4),
      versionNeeded: zip.readUInt16LE(at + 6),
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      time: zip.readUInt16LE(at + 12),
      date: zip.readUInt16LE(at + 14),
      crc: zip.readUInt32LE(at + 16),
      compressedSize,
      size,
      extra: zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength),
      comment: zip.subarray(at + 46 + nameLength + extraLength, at + 46 + nameLength + extraLength + commentLength),
      internalAttributes: zip.readUInt16LE(at + 36),
      externalAttributes: zip.readUInt32LE(at + 38),
      localExtra: zip.subarray(localExtraStart, dataStart),
      data: zip.subarray(dataStart, dataStart + compressedSize),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, comment: zip.subarray(end + 22) };
}

/** The pdf.js viewer's files (its page, worker and decoders): the size budget counts them apart. */
const PDFJS = /^extension\/dist\/webview\/(pdf\.(js|css)|pdfjs\/)/;

/** What an entry costs in the file: its data, its local header and its central directory record. */
function entryCost(/** @type {ZipEntry} */ e) {
  return 30 + e.nameBytes.length + e.localExtra.length + e.data.length + 46 + e.nameBytes.length + e.extra.length + e.comment.length;
}

/**
 * `zip` again, each deflated entry that `which(name)` picks deflated anew by `deflate`
 * (raw deflate), kept as it was where that is not smaller. Names, times, attributes and
 * order stay; sizes and CRCs go in the local headers (no data descriptors).
 * @param {Buffer} zip @param {(name: string) => boolean} which
 * @param {(data: Buffer) => Promise<Uint8Array>} deflate
 * @returns {Promise<Buffer>}
 */
async function recompressZip(zip, which, deflate) {
  const { entries, comment } = readZip(zip);
  for (const e of entries) {
    if (e.method !== DEFLATE || !which(e.name)) continue;
    const content = zlib.inflateRawSync(e.data);
    if (content.length !== e.size || crc32(content) !== e.crc) throw new Error(`${e.name}: its data does not match its size and CRC`);
    const data = Buffer.from(await deflate(content));
    if (data.length < e.data.length) e.data = data;
  }
  return writeZip(entries, comment);
}

/** @param {ZipEntry[]} entries @param {Buffer} comment @returns {Buffer} */
function writeZip(entries, comment) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const flags = e.flags & ~DATA_DESCRIPTOR;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    writeFileFields(local, 4, e, flags, e.localExtra.length);
    parts.push(local, e.nameBytes, e.localExtra, e.data);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(CENTRAL, 0);
    record.writeUInt16LE(e.versionMadeBy, 4);
    writeFileFields(record, 6, e, flags, e.extra.length);
    record.writeUInt16LE(e.comment.length, 32);
    record.writeUInt16LE(0, 34);
    record.writeUInt16LE(e.internalAttributes, 36);
    record.writeUInt32LE(e.externalAttributes, 38);
    record.writeUInt32LE(offset, 42);
    central.push(record, e.nameBytes, e.extra, e.comment);
    offset += 30 + e.nameBytes.length + e.localExtra.length + e.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...parts, directory, end, comment]);
}

/**
 * The fields a local header (from its byte 4) and a central directory record (from its
 * byte 6) share, in the same order: version needed, flags, method, time, date, CRC, sizes,
 * the name's length and the extra field's.
 * @param {Buffer} buffer @param {number} at @param {ZipEntry} e @param {number} flags @param {number} extraLength
 */
function writeFileFields(buffer, at, e, flags, extraLength) {
  buffer.writeUInt16LE(e.versionNeeded, at);
  buffer.writeUInt16LE(flags, at + 2);
  buffer.writeUInt16LE(e.method, at + 4);
  buffer.writeUInt16LE(e.time, at + 6);
  buffer.writeUInt16LE(e.date, at + 8);
  buffer.writeUInt32LE(e.crc, at + 10);
  buffer.writeUInt32LE(e.data.length, at + 14);
  buffer.writeUInt32LE(e.size, at + 18);
  buffer.writeUInt16LE(e.nameBytes.length, at + 22);
  buffer.writeUInt16LE(extraLength, at + 24);
}

/** CRC-32 as ZIP uses it (zlib.crc32 from Node 20.15). */
function crc32(/** @type {Buffer} */ data) {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(data);
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

module.exports = { readZip, recompressZip, entryCost, PDFJS };
