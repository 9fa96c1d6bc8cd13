/**
 * The extension bundle's module tables (scripts/lib/module-table.cjs): modules packed as
 * functions into two files still load as files of their own would, each evaluated once
 * and only when first required, and the second file read only when a module in it is.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

interface TableFile {
  code: string;
  map?: SourceMapPayload;
}
interface TableModule {
  key: string;
  code: string;
  map?: { sources: string[]; names?: string[]; mappings: string };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's CommonJS helper, loaded as esbuild.mjs loads it
const { moduleTables } = require('../../../scripts/lib/module-table.cjs') as {
  moduleTables(entry: string, modules: TableModule[], eager: Set<string>, groups: Array<{ file: string; keys?: Set<string> }>, prelude?: string): { entry: TableFile; groups: Map<string, TableFile> };
};

/** The feature's own modules in one file, the rest in another. */
const GROUPS = [{ file: 'feature.js', keys: new Set(['chunks/feature.js']) }, { file: 'chunks.js' }];

/** Each module records its evaluation in `log` (a module of the entry's file). */
const MODULES: TableModule[] = [
  { key: 'extension.js', code: '"use strict";\nconst log = require("./chunks/log.js");\nlog.push("extension");\nexports.feature = () => require("./chunks/feature.js");\nexports.log = log;\nexports.self = this === exports;\n' },
  { key: 'chunks/log.js', code: 'module.exports = [];\n' },
  { key: 'chunks/feature.js', code: 'require("./log.js").push("feature");\nexports.path = require("node:path").posix.join("a", "b");\nexports.shared = require("./shared.js");\n' },
  { key: 'chunks/shared.js', code: 'require("./log.js").push("shared");\nmodule.exports = { id: Symbol("shared") };\n' },
  { key: 'chunks/flaky.js', code: 'const log = require("./log.js");\nlog.push("flaky");\nif (log.filter((e) => e === "flaky").length === 1) throw new Error("first time");\nexports.ok = true;\n' },
  { key: 'chunks/a.js', code: 'exports.early = "a";\nexports.b = require("./b.js");\nexports.late = "a";\n' },
  { key: 'chunks/b.js', code: 'const a = require("./a.js");\nexports.seen = { early: a.early, late: a.late };\n' },
];

interface Loaded {
  feature(): { path: string; shared: { id: symbol } };
  log: string[];
  self: boolean;
}

describe('the extension bundle\u2019s module tables', () => {
  let dir: string;
  let featureFile: string;
  let restFile: string;
  let entry: Loaded;
  // The loader's require, for the modules the entry itself never names.
  let load: (key: string) => unknown;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'module-table-'));
    const tables = moduleTables('extension.js', MODULES, new Set(['chunks/log.js']), GROUPS);
    // A way in for the test: the entry's loader, reached as a module of the rest's table reaches it.
    fs.writeFileSync(path.join(dir, 'extension.js'), tables.entry.code.replace('module.exports = load("extension.js");', 'module.exports = load("extension.js");\nmodule.exports.load = load;'));
    featureFile = path.join(dir, 'feature.js');
    restFile = path.join(dir, 'chunks.js');
    fs.writeFileSync(featureFile, tables.groups.get('feature.js')?.code ?? '');
    fs.writeFileSync(restFile, tables.groups.get('chunks.js')?.code ?? '');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the file just written, as the extension host loads it
    entry = require(path.join(dir, 'extension.js')) as Loaded;
    load = (entry as unknown as { load(key: string): unknown }).load;
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('evaluates the entry and what it requires at once, without reading the other files', () => {
    assert.deepEqual(entry.log, ['extension']);
    assert.equal(entry.self, true, 'a module\u2019s `this` is its exports, as in a file');
    assert.equal(require.cache[featureFile], undefined, 'feature.js not read yet');
    assert.equal(require.cache[restFile], undefined, 'chunks.js not read yet');
  });

  it('evaluates a lazy module when first required, once, with what it requires, reading only their files', () => {
    const feature = entry.feature();
    assert.deepEqual(entry.log, ['extension', 'feature', 'shared']);
    assert.ok(require.cache[featureFile], 'feature.js read now');
    assert.ok(require.cache[restFile], 'chunks.js read now, for chunks/shared.js');
    assert.equal(entry.feature(), feature, 'the same exports the second time');
    assert.equal(feature.shared, (load('chunks/shared.js') as { id: symbol }), 'a shared module has one copy');
    assert.deepEqual(entry.log, ['extension', 'feature', 'shared'], 'nothing evaluated twice');
  });

  it('resolves a relative require in its own folder, anything else with Node\u2019s require', () => {
    assert.equal(entry.feature().path, 'a/b');
  });

  it('evaluates a module that threw again when it is next required, as Node does', () => {
    assert.throws(() => load('chunks/flaky.js'), /first time/);
    assert.deepEqual(load('chunks/flaky.js'), { ok: true });
  });

  it('hands a cycle the exports so far, as Node does', () => {
    const a = load('chunks/a.js') as { b: { seen: { early?: string; late?: string } } };
    assert.deepEqual(a.b.seen, { early: 'a', late: undefined });
  });

  it('fails on a key that is in neither table', () => {
    assert.throws(() => load('chunks/missing.js'), /chunks\/missing\.js is not in the extension's bundle/);
  });

  it('refuses to build a table whose modules require what it cannot resolve, or that leaves a module out', () => {
    const broken = [...MODULES, { key: 'chunks/broken.js', code: 'require("./gone.js");\n' }];
    assert.throws(() => moduleTables('extension.js', broken, new Set(), GROUPS), /chunks\/broken\.js requires \.\/gone\.js/);
    const upward = [...MODULES, { key: 'chunks/up.js', code: 'require("../extension.js");\n' }];
    assert.throws(() => moduleTables('extension.js', upward, new Set(), GROUPS), /chunks\/up\.js requires \.\.\/extension\.js/);
    assert.throws(() => moduleTables('extension.js', MODULES, new Set(), [GROUPS[0]!]), /no file for chunks\/log\.js/);
  });

  it('gives the modules of every file the prelude\u2019s names, one copy per file, and keeps them out of the exports', () => {
    // As esbuild's helpers are shared in production: defined once per file, used as free names by its modules.
    const prelude = 'var __twice = (n) => 2 * n;\nvar __files = (globalThis.__moduleTablePreludes ??= []).push(1);\n';
    const modules: TableModule[] = [
      { key: 'extension.js', code: 'exports.here = __twice(1);\nexports.feature = () => require("./chunks/feature.js");\nexports.rest = () => require("./chunks/rest.js");\n' },
      { key: 'chunks/feature.js', code: 'exports.here = __twice(2);\n' },
      { key: 'chunks/rest.js', code: 'exports.here = __twice(3);\n' },
    ];
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'module-table-prelude-'));
    const g = globalThis as { __moduleTablePreludes?: number[] };
    const runs = (): number => g.__moduleTablePreludes?.length ?? 0;
    delete g.__moduleTablePreludes;
    try {
      const tables = moduleTables('extension.js', modules, new Set(), GROUPS.map((x) => (x.keys ? { file: x.file, keys: new Set(['chunks/feature.js']) } : x)), prelude);
      fs.writeFileSync(path.join(own, 'extension.js'), tables.entry.code);
      for (const [file, t] of tables.groups) fs.writeFileSync(path.join(own, file), t.code);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the file just written, as the extension host loads it
      const loaded = require(path.join(own, 'extension.js')) as { here: number; feature(): { here: number }; rest(): { here: number } };
      assert.deepEqual([loaded.here, loaded.feature().here, loaded.rest().here], [2, 4, 6]);
      assert.equal(runs(), 3, 'the prelude ran once in each of the three files');
      assert.equal(Object.hasOwn(loaded, '__twice'), false);
      for (const code of [tables.entry.code, ...[...tables.groups.values()].map((t) => t.code)]) assert.equal(code.split('var __twice').length, 2, 'one copy in each file');
    } finally {
      delete g.__moduleTablePreludes;
      fs.rmSync(own, { recursive: true, force: true });
    }
  });

  it('maps each module\u2019s lines to its own source map, the sources seen from the tables\u2019 folder', () => {
    // Each module's map: its first line from line 1 of its source, its second from line 2.
    const withMaps = MODULES.map((m) => ({ ...m, map: { sources: [`../src/${m.key.replace(/^chunks\//, '')}.ts`], names: [], mappings: 'AAAA;AACA' } }));
    const { entry: file } = moduleTables('extension.js', withMaps, new Set(['chunks/log.js']), GROUPS);
    assert.ok(file.map);
    const map = new SourceMap(file.map as SourceMapPayload);
    const lines = file.code.split('\n');
    const firstLine = (key: string): number => lines.indexOf(`${JSON.stringify(key)}: function (module, exports, require) {`) + 1;
    const at = (line: number): unknown[] => {
      const e = map.findEntry(line, 0) as { originalSource?: string; originalLine?: number };
      return [e.originalSource, e.originalLine];
    };
    assert.deepEqual(at(firstLine('extension.js')), ['../src/extension.js.ts', 0]);
    assert.deepEqual(at(firstLine('extension.js') + 1), ['../src/extension.js.ts', 1]);
    assert.equal(lines[firstLine('chunks/log.js')], 'module.exports = [];');
    assert.deepEqual(at(firstLine('chunks/log.js')), ['src/log.js.ts', 0], 'a chunk\u2019s sources seen from dist/, not dist/chunks/');
  });
});
