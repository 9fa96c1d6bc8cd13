// `npm run package`, after vsce: the VSIX's entries that the size budget counts (all but
// the pdf.js bundle) deflated again by zopfli, 3-4 % smaller than zlib's best for the
// same inflate (scripts/lib/vsix-zip.cjs). The pdf.js bundle (2.6 MB raw, counted apart)
// stays as vsce deflated it: zopfli would take a minute over it for some 30 KB. Five
// iterations, not zopfli's fifteen: 0.2 KB bigger over the VSIX, in half the time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { deflateAsync } from '@gfx/zopfli';

const { recompressZip, PDFJS } = createRequire(import.meta.url)('./lib/vsix-zip.cjs');
const file = process.argv[2] ?? path.join(import.meta.dirname, '..', 'dist', 'patent-lookup.vsix');
const before = fs.readFileSync(file);
const started = performance.now();
const after = await recompressZip(before, (name) => !PDFJS.test(name), (data) => deflateAsync(data, { numiterations: 5 }));
fs.writeFileSync(file, after);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
process.stdout.write(`Recompressed ${path.basename(file)} with zopfli: ${kb(before.length)} -> ${kb(after.length)} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
