// Bundles only; type checking is `npm run typecheck`.
//
//   node esbuild.mjs                 development build of everything into dist/ (with source maps)
//   node esbuild.mjs --production    minified, no source maps, from an empty dist/ (what `npm run package` ships)
//   node esbuild.mjs --watch         development build, rebuilt on change
//   node esbuild.mjs --tests         only the in-host integration tests (run() entry + every suite/*.test.ts
//                                    and test/bench/host/*.bench.ts run in the host) to out/test/integration/
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hostBenches } from './scripts/lib/host-benches.mjs';
import { moduleTables } from './scripts/lib/module-table.cjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** @type {import('esbuild').BuildOptions} */
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'info', legalComments: 'none' };
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

// Code nobody calls, left out: axios' Node build imports form-data (and through it
// mime-db, 130 KB) for multipart bodies, which nothing here sends (Node's own FormData
// stands in); follow-redirects for requests that may redirect, which none may (signed
// links follow theirs by hand); its helpers log through `debug` only when DEBUG is set.
const alias = { 'form-data': './scripts/shims/form-data.cjs', 'follow-redirects': './scripts/shims/follow-redirects.cjs', debug: './scripts/shims/debug.cjs' };
// The extension alone: claim markup decoded with HTML 4's entity names, not HTML5's 47 KB table (scripts/shims/entities-decode.cjs).
const extensionAlias = { ...alias, 'entities/lib/decode.js': './scripts/shims/entities-decode.cjs' };
// In the extension and the CLI, axios' browser adapters too (XMLHttpRequest, fetch): in
// Node the http adapter is always the one chosen. Their helpers (cookies, fetch streams) go with them.
// So do the http adapter's helpers for requests nothing here makes: `data:` URLs, FormData
// bodies, HTTP/2 (scripts/shims/axios-unused.mjs, which throws if one is ever made).
const unusedAxiosHelpers = {
  'fromDataURI.js': 'export { default } from',
  'estimateDataURLDecodedBytes.js': 'export { estimateDataURLBufferAllocation } from',
  'formDataToStream.js': 'export { formData as default } from',
  'formDataToJSON.js': 'export { formData as default } from',
  'Http2Sessions.js': 'export { Http2Sessions as default } from',
};
const nodeAdapterOnly = {
  name: 'axios-node-adapter-only',
  setup(build) {
    build.onResolve({ filter: /^\.\/(xhr|fetch)\.js$/ }, (args) =>
      /[\\/]axios[\\/]lib[\\/]adapters$/.test(args.resolveDir) ? { path: path.resolve('scripts/shims/axios-browser-adapter.mjs') } : undefined,
    );
    build.onResolve({ filter: /^\.\.\/helpers\/[A-Za-z]+\.js$/ }, (args) => {
      const name = args.path.slice('../helpers/'.length);
      return /[\\/]axios[\\/]lib[\\/](adapters|defaults)$/.test(args.resolveDir) && Object.hasOwn(unusedAxiosHelpers, name) ? { path: name, namespace: 'axios-unused' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'axios-unused' }, (args) => ({
      contents: `${unusedAxiosHelpers[args.path]} ${JSON.stringify(path.resolve('scripts/shims/axios-unused.mjs'))};`,
      resolveDir: path.resolve('.'),
    }));
  },
};

/**
 * The CLI's module tables: dist/cli/find.js holds find and those of the chunks it loads that no
 * other command loads without the patent-number code (that code and the file reader; not the
 * argument parser, which every command loads); every other chunk stays a file of its own, as
 * esbuild split it, so no command's --help reads code it would not have read before.
 * @param {string[]} keys @param {{ closure: (key: string) => Set<string>, inputs: (key: string) => string[] }} bundle
 * @returns {{ file: string, from?: string[], keys?: string[] }[]}
 */
function cliTables(keys, { closure, inputs }) {
  const find = keys.find((k) => /^cli\/find-[A-Z0-9]{8}\.js$/.test(k));
  const numbers = keys.find((k) => inputs(k).includes('src/core/numbers/index.ts'));
  if (find === undefined || numbers === undefined) throw new Error('the CLI bundle has no find command or no patent-number chunk');
  const lazy = keys.filter((k) => /^cli\/(?!chunk-)\w+-[A-Z0-9]{8}\.js$/.test(k) && k !== find).map(closure);
  const withFind = [...closure(find)].filter((k) => k === find || (k.includes('/') && lazy.every((c) => !c.has(k) || c.has(numbers))));
  return [{ file: 'cli/find.js', keys: withFind }, ...keys.filter((k) => k.includes('/')).map((k) => ({ file: k, keys: [k] }))];
}

// Split builds: each `import()` becomes a module of its own, loaded on first use. esbuild
// splits code only into ES modules, so these bundle to ESM in a scratch folder and then
// rewrite each file to CommonJS: the extension host loads CommonJS (`vscode` is only
// there through `require`), and CommonJS starts the CLI faster (no ES module loader, no
// createRequire for the bundled CommonJS packages: ~6 ms of a 20 ms start). Shared
// modules land in shared chunks: every class has one copy, so `instanceof` holds across
// features and commands.
const splitBuilds = [
  // The extension: its chunks packed into module tables (scripts/lib/module-table.cjs), each
  // chunk a function evaluated when first required, so the VSIX holds three files, not fifty:
  // dist/extension.js (what activation loads), dist/editor.js (what an open editor loads
  // right after: the patent numbers, their lookups and citation checks), dist/chunks.js (the rest).
  {
    scratch: 'out/extension-esm',
    outputs: ['extension.js', 'editor.js', 'chunks.js', 'chunks'],
    entryPoints: { extension: 'src/extension/extension.ts' },
    external: ['vscode'],
    alias: extensionAlias,
    chunkNames: 'chunks/[name]-[hash]',
    tables: (keys) => [{ file: 'editor.js', from: keys.filter((k) => /^chunks\/(patentNumbersFeature|patentLookup|facts)-/.test(k)) }, { file: 'chunks.js' }],
  },
  // The CLI: `dist/cli.js`, each command and the HTTP client in dist/cli/, so that `--help`,
  // `find` and usage errors load neither axios nor zod (#11). In module tables too, since each
  // file Node loads costs about 0.25 ms of a 25 ms start: dist/cli.js holds what it loads at once
  // (six files before), dist/cli/find.js most of what find loads (eleven before; see cliTables).
  { scratch: 'out/cli-esm', outputs: ['cli.js', 'cli'], entryPoints: { cli: 'src/cli/bin.ts' }, chunkNames: 'cli/[name]-[hash]', executable: 'cli.js', tables: cliTables },
].map(({ scratch, outputs, executable, tables, ...options }) => ({
  scratch,
  options: { ...common, alias, ...options, outdir: scratch, splitting: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning', metafile: true, plugins: [nodeAdapterOnly] },
  toCommonJs: (/** @type {import('esbuild').BuildResult} */ result) => toCommonJs(scratch, result.metafile, { outputs, executable, tables }),
}));

/**
 * Rewrites the ES modules of `scratch` (its build's `metafile`) as CommonJS in dist/,
 * replacing `outputs` there: a file each, or, with `tables`, packed into module tables.
 * @param {string} scratch @param {import('esbuild').Metafile | undefined} metafile
 * @param {{ outputs: string[], executable?: string, tables?: (keys: string[], bundle: { closure: (key: string) => Set<string>, inputs: (key: string) => string[] }) => { file: string, from?: string[], keys?: string[] }[] }} how
 *   `tables`: the files after the entry's, each with the modules `keys`, or what the modules `from` load,
 *   or all those left; a module goes in the first that has it
 */
async function toCommonJs(scratch, metafile, { outputs, executable, tables }) {
  // What each output is made of, for esbuild's analyzeMetafile and the like (docs/DEVELOPMENT.md).
  if (metafile) fs.writeFileSync(path.join(scratch, 'meta.json'), JSON.stringify(metafile));
  for (const output of outputs) for (const f of [output, `${output}.map`]) fs.rmSync(path.join('dist', f), { recursive: true, force: true });
  const key = (file) => path.relative(scratch, file).split(path.sep).join('/');
  const files = Object.keys(metafile?.outputs ?? {}).filter((f) => f.endsWith('.js'));
  // Packed for production, the modules share one copy of esbuild's CommonJS helpers per file
  // (see sharedHelpers), so they are converted unminified first and minified after.
  const shareHelpers = production && tables !== undefined;
  let modules = await Promise.all(
    files.map(async (f) => {
      const { outputFiles } = await esbuild.build({
        entryPoints: [f],
        outfile: path.join('dist', key(f)),
        write: false,
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        // `import('./chunks/x.js')` becomes a lazy `require`, which VS Code's module hooks (or the module table) see.
        supported: { 'dynamic-import': false },
        // Packed in tables, the entry's file gets the line instead (below).
        banner: key(f) === executable && !tables ? { js: '#!/usr/bin/env node' } : undefined,
        sourcemap: !production,
        minify: production && !shareHelpers,
        legalComments: 'none',
        logLevel: 'warning',
      });
      const code = outputFiles.find((o) => o.path.endsWith('.js'));
      const map = outputFiles.find((o) => o.path.endsWith('.map'));
      return { key: key(f), code: code?.text ?? '', map: map === undefined ? undefined : JSON.parse(map.text) };
    }),
  );
  let prelude = '';
  if (shareHelpers) ({ modules, prelude } = await sharedHelpers(modules));
  /** @type {[string, string, object | undefined][]} what goes to dist/: name, code, source map */
  let written;
  if (tables) {
    // What the entry loads at once (its static imports, and theirs) goes in its own file.
    const closure = (from, into = new Set()) => {
      for (const file of from) {
        if (into.has(key(file))) continue;
        into.add(key(file));
        closure((metafile?.outputs[file]?.imports ?? []).filter((i) => i.kind === 'import-statement' && !i.external).map((i) => i.path), into);
      }
      return into;
    };
    const entry = files.find((f) => !key(f).includes('/')) ?? '';
    let eager = closure([entry]);
    const fileOf = (k) => files.find((f) => key(f) === k) ?? '';
    const bundle = { closure: (k) => closure([fileOf(k)]), inputs: (k) => Object.keys(metafile?.outputs[fileOf(k)]?.inputs ?? {}) };
    let groups = tables(files.map(key), bundle).map((g) => ({ file: g.file, keys: g.keys ? new Set(g.keys) : g.from && closure(g.from.map(fileOf)) }));
    if (production) {
      const ids = shortKeys(key(entry), modules);
      modules = modules.map((m) => ({ ...m, key: ids(m.key), code: m.code.replace(REQUIRE, (_, id) => `require("${relativeTo(ids(m.key), ids(path.posix.join(path.posix.dirname(m.key), id)))}")`) }));
      eager = new Set([...eager].map(ids));
      groups = groups.map((g) => ({ file: g.file, keys: g.keys && new Set([...g.keys].map(ids)) }));
    }
    const packed = moduleTables(key(entry), modules, eager, groups, prelude);
    let { code: entryCode, map: entryMap } = packed.entry;
    if (key(entry) === executable) {
      entryCode = `#!/usr/bin/env node\n${entryCode}`;
      if (entryMap) entryMap = { ...entryMap, mappings: `;${entryMap.mappings}` }; // one line more before the code
    }
    written = [[key(entry), entryCode, entryMap], ...[...packed.groups].map(([name, t]) => [name, t.code, t.map])];
  } else {
    written = modules.map((m) => [m.key, m.code.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n'), m.map]);
  }
  for (const [name, code, map] of written) {
    const file = path.join('dist', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, map ? `${code}//# sourceMappingURL=${path.basename(name)}.map\n` : code);
    if (map) fs.writeFileSync(`${file}.map`, JSON.stringify(map));
  }
  if (executable) fs.chmodSync(path.join('dist', executable), 0o755);
  const sizes = written.map(([name, code]) => `  dist/${name}  ${(code.length / 1024).toFixed(1)}kb`);
  process.stdout.write(`\n${sizes.join('\n')}\n`);
}

const REQUIRE = /\brequire\("(\.{1,2}\/[^"]*)"\)/g;

/**
 * Shorter names for the packed modules, without esbuild's hashes (incompressible, ~2 KB of
 * the ZIP across the three hundred `require`s and table keys): a feature's chunk keeps its
 * name (`chunks/patentPanelFeature.js`), a shared chunk is numbered (`chunks/7.js`). The entry keeps its name.
 * @param {string} entry @param {{ key: string }[]} modules @returns {(key: string) => string}
 */
function shortKeys(entry, modules) {
  const ids = new Map();
  const taken = new Set();
  modules.forEach((m, i) => {
    if (m.key === entry) return;
    const name = /^chunks\/(.+)-[A-Z0-9]{8}\.js$/.exec(m.key)?.[1];
    // A number is never a feature module's name (an identifier), so the two cannot meet.
    const id = name !== undefined && name !== 'chunk' && !taken.has(name) ? name : String(i);
    taken.add(id);
    ids.set(m.key, `chunks/${id}.js`);
  });
  return (k) => ids.get(k) ?? k;
}

/** `to` required from the module `from`, as a `./` path (all modules are in dist/ or dist/chunks/). */
function relativeTo(from, to) {
  const rel = path.posix.relative(path.posix.dirname(from), to);
  if (rel.startsWith('..')) throw new Error(`${from} requires ${to}, outside its folder`);
  return `./${rel}`;
}

/**
 * esbuild writes its CommonJS helpers (`__toESM`, `__export`, `__toCommonJS`, …) at the head of
 * every module it converts: 49 copies, ~6 KB of the ZIP, each minified under other names. Here
 * each module's copy (unminified, so the same text in all) is cut off and checked to be the one
 * copy the others have; the module is then minified, the helpers left as the free names they
 * are; and `prelude` defines them once at the head of each table file, in the modules' scope.
 * @param {{ key: string, code: string }[]} modules unminified CommonJS, without maps
 * @returns {Promise<{ modules: { key: string, code: string }[], prelude: string }>}
 */
async function sharedHelpers(modules) {
  /** @type {Map<string, string>} */
  const helpers = new Map();
  const minified = await Promise.all(
    modules.map(async (m) => {
      const lines = m.code.split('\n');
      let at = lines[0] === '"use strict";' ? 1 : 0;
      for (let name; (name = /^var (__\w+) = /.exec(lines[at] ?? '')?.[1]); ) {
        let end = at + 1;
        while (end < lines.length && /^(\s|\}|\))/.test(lines[end])) end++;
        // Minified alone, so that a parameter renamed to keep clear of the module's names (`to2`) compares equal.
        const { code: text } = await esbuild.transform(lines.slice(at, end).join('\n'), { minify: true, target: 'node20', legalComments: 'none' });
        if ((helpers.get(name) ?? text) !== text) throw new Error(`esbuild's helper ${name} differs in ${m.key}: the modules cannot share it`);
        helpers.set(name, text);
        at = end;
      }
      const rest = lines.slice(at).join('\n');
      const { code } = await esbuild.transform(rest, { minify: true, format: 'cjs', platform: 'node', target: 'node20', legalComments: 'none' });
      return { ...m, code };
    }),
  );
  // Each minified as a script, not a module: its top-level name stays, for the modules that use it.
  const prelude = [...helpers.values()].join('');
  for (const name of helpers.keys()) if (!new RegExp(`\\b${name}=`).test(prelude)) throw new Error(`the shared helpers lost ${name}: ${prelude}`);
  return { modules: minified, prelude };
}

const builds = [
  { ...node, entryPoints: ['src/sandbox/main.ts'], outfile: 'dist/sandbox.js' },
  // Webview pages: browser bundles, loaded by the panels from dist/webview/.
  { ...common, entryPoints: { patent: 'src/webview/patent/main.ts' }, outdir: 'dist/webview', platform: 'browser', format: 'iife', target: 'es2022' },
  // The PDF viewer: pdf.js's library and viewer components (legacy build, see src/webview/pdf/pdfjs.ts) with
  // our page, and pdf_viewer.css with its icons inlined. Loaded only by a viewer's page, never by the extension.
  {
    ...common,
    entryPoints: { pdf: 'src/webview/pdf/main.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.gif': 'dataurl' },
    // pdf.js's Node.js branches (canvas, fs) never run in a webview.
    external: ['canvas', '@napi-rs/canvas', 'fs', 'path', 'url', 'module'],
  },
  // The search notebook's renderer: VS Code loads it as an ES module exporting activate().
  { ...common, entryPoints: { notebookRenderer: 'src/webview/notebook/renderer.ts' }, outdir: 'dist/webview', platform: 'browser', format: 'esm', target: 'es2022' },
];

/**
 * pdf.js's worker (already minified by pdf.js) and its WebAssembly decoders (JBIG2,
 * JPEG 2000, ICC colour), copied as they ship: the viewer's page starts the worker from
 * a blob of its text and hands the decoders' folder to pdf.js.
 */
function copyPdfjs() {
  const from = 'node_modules/pdfjs-dist';
  const to = 'dist/webview/pdfjs';
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(path.join(to, 'wasm'), { recursive: true });
  fs.copyFileSync(path.join(from, 'legacy/build/pdf.worker.min.mjs'), path.join(to, 'pdf.worker.min.mjs'));
  for (const f of ['jbig2.wasm', 'openjpeg.wasm', 'qcms_bg.wasm']) fs.copyFileSync(path.join(from, 'wasm', f), path.join(to, 'wasm', f));
  fs.copyFileSync(path.join(from, 'LICENSE'), path.join(to, 'LICENSE'));
}

const filesIn = (dir, suffix) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(suffix)).map((f) => `${dir}/${f}`) : []);
const integrationSuites = filesIn('test/integration/suite', '.test.ts');
// (Not a bench that drives the workbench from outside: scripts/run-e2e.mjs --bench runs those.)
const inHostBenches = hostBenches('.').inHost;
const testBuilds = [
  // mocha is bundled in; its parallel mode (the require.resolve warnings) is never used.
  { ...node, sourcemap: false, entryPoints: ['test/integration/index.ts'], outfile: 'out/test/integration/index.js', external: ['vscode'], logOverride: { 'require-resolve-not-external': 'silent' } },
  { ...node, sourcemap: 'inline', entryPoints: integrationSuites, outdir: 'out/test/integration/suite', external: ['vscode'] },
  { ...node, sourcemap: 'inline', entryPoints: inHostBenches, outdir: 'out/test/integration/bench', external: ['vscode'] },
];

if (tests) {
  fs.rmSync('out/test/integration', { recursive: true, force: true });
  await Promise.all(testBuilds.map((b) => esbuild.build(b)));
} else if (watch) {
  copyPdfjs();
  for (const b of builds) await (await esbuild.context(b)).watch();
  for (const split of splitBuilds) {
    const plugins = [{ name: 'to-commonjs', setup: (build) => build.onEnd((r) => (r.errors.length ? undefined : split.toCommonJs(r))) }];
    await (await esbuild.context({ ...split.options, plugins: [...split.options.plugins, ...plugins] })).watch();
  }
} else {
  // A production build starts from nothing, so no development file (a source map) can ship.
  if (production) fs.rmSync('dist', { recursive: true, force: true });
  for (const split of splitBuilds) fs.rmSync(split.scratch, { recursive: true, force: true });
  await Promise.all([...builds.map((b) => esbuild.build(b)), ...splitBuilds.map((split) => esbuild.build(split.options).then(split.toCommonJs))]);
  copyPdfjs();
}
