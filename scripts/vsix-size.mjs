// The VSIX's size as its budget counts it: the extension without the pdf.js bundle
// (target <= 200 KB), and the pdf.js bundle apart (the viewer's page, its worker and
// decoders), from the ZIP's own compressed sizes, then what the extension's part is made
// of. `npm run package` prints it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const { readZip, entryCost, PDFJS } = createRequire(import.meta.url)('./lib/vsix-zip.cjs');
const file = process.argv[2] ?? path.join(import.meta.dirname, '..', 'dist', 'patent-lookup.vsix');
const zip = fs.readFileSync(file);
/** The parts the budget is spent on, each entry in the first whose pattern matches its name. */
const PARTS = [
  ['pdf.js (apart)', PDFJS],
  ['code', /^extension\/dist\/[^/]+\.js$/],
  ['webviews', /^extension\/(dist\/webview\/|media\/[^/]+\.css$)/],
  ['translations', /^extension\/(l10n\/|package\.nls\.)/],
  ['walkthrough pictures', /^extension\/media\/walkthrough\//],
  ['README', /^extension\/readme\.md$/i],
  ['package.json', /^extension\/package\.json$/],
  ['the rest', /./],
];
const parts = new Map(PARTS.map(([name]) => [name, { bytes: 0, raw: 0 }]));
// The ZIP's end record and comment.
let rest = zip.length;
for (const e of readZip(zip).entries) {
  const part = parts.get(PARTS.find(([, re]) => re.test(e.name))[0]);
  part.bytes += entryCost(e);
  part.raw += e.size;
  rest -= entryCost(e);
}
parts.get('the rest').bytes += rest;
const pdfjs = parts.get('pdf.js (apart)').bytes;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
process.stdout.write(`VSIX ${kb(zip.length)}: the extension ${kb(zip.length - pdfjs)} (target <= 200 KB), the pdf.js bundle ${kb(pdfjs)} (counted apart)\n`);
for (const [name, { bytes, raw }] of parts) if (name !== 'pdf.js (apart)') process.stdout.write(`  ${name.padEnd(22)}${kb(bytes).padStart(9)} (${kb(raw)} raw)\n`);
