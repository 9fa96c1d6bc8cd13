/**
 * pdf.js, as the viewer uses it: the legacy build, whose polyfills let it run in the
 * Chromium of every VS Code this extension supports (the modern build calls
 * `Map.prototype.getOrInsertComputed`, which VS Code 1.100's Electron lacks). Its
 * viewer components read the library from `globalThis.pdfjsLib`, so this module is
 * imported first. pdf.js 6 has no `eval` or `new Function` path left: its PostScript
 * functions compile to WebAssembly, hence the viewer's CSP allows `wasm-unsafe-eval`
 * (WebAssembly only, never JavaScript from strings).
 */
import * as pdfjsLib from 'pdfjs-dist/legacy/build/pdf.mjs';

(globalThis as unknown as { pdfjsLib: typeof pdfjsLib }).pdfjsLib = pdfjsLib;

export { pdfjsLib };
