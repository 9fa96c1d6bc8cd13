// The VSIX's size as its budget counts it: the extension without the pdf.js bundle
// (target <= 200 KB), and the pdf.js bundle apart (the viewer's page, its worker and
// decoders), from the ZIP's own compressed sizes. `npm run package` prints it.
import * as fs from 'node:fs';
import * as path from 'node:path';

const file = process.argv[2] ?? path.join(import.meta.dirname, '..', 'dist', 'patent-lookup.vsix');
const zip = fs.readFileSync(file);
const PDFJS = /^extension\/dist\/webview\/(pdf\.(js|css)|pdfjs\/)/;

// The central directory: its end record is in the last 64 KB + 22 bytes.
const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
if (end < 0) throw new Error(`${file} is not a ZIP file`);
let at = zip.readUInt32LE(end + 16);
const entries = zip.readUInt16LE(end + 10);
let pdfjs = 0;
for (let i = 0; i < entries; i++) {
  const compressed = zip.readUInt32LE(at + 20);
  const nameLength = zip.readUInt16LE(at + 28);
  const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
  // Each entry also costs its local header (30 bytes + name) and its directory record.
  const cost = compressed + 30 + nameLength + 46 + nameLength;
  if (PDFJS.test(name)) pdfjs += cost;
  at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
process.stdout.write(`VSIX ${kb(zip.length)}: the extension ${kb(zip.length - pdfjs)} (target <= 200 KB), the pdf.js bundle ${kb(pdfjs)} (counted apart)\n`);
