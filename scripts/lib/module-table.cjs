// The extension's split build packed into two files of module tables. esbuild splits the
// extension into an entry and chunks (one per lazily loaded feature, plus shared ones);
// shipped as one file each they cost a ZIP entry apiece and compress separately, most of
// them under 1 KB. Here every chunk (already CommonJS) becomes a function in a table, its
// body evaluated only when it is first required, as a file of its own would be: the entry
// file holds the entry and what it loads at once, and a few files the rest, grouped by
// when they are first needed, each read with the first of its modules. V8 only pre-parses a
// function it has not called (about 30 ms a MB here), so a group's file costs that on top
// of the modules run from it. Used by esbuild.mjs; tested in
// test/unit/extension/moduleTable.test.ts.
'use strict';
const path = require('node:path');
const { decode, encode } = require('@jridgewell/sourcemap-codec');

/**
 * Resolves a module's `require('./x.js')` in the tables, anything else (vscode, node:*)
 * with Node's own; `homes` names the file of each module not in the entry's.
 */
const loader = (files, homes) => `const files = ${JSON.stringify(files.map((f) => `./${f}`))};
const homes = { __proto__: null, ${Object.entries(homes).map(([k, i]) => `${JSON.stringify(k)}: ${i}`).join(', ')} };
const tables = [];
const evaluated = new Map();
function load(key) {
  const known = evaluated.get(key);
  if (known !== undefined) return known.exports;
  const home = homes[key];
  const define = home === undefined ? modules[key] : (tables[home] ??= require(files[home]))[key];
  if (define === undefined) throw new Error(\`\${key} is not in the extension's bundle\`);
  const module = { exports: {} };
  evaluated.set(key, module);
  const dir = key.slice(0, key.lastIndexOf("/") + 1);
  try {
    define.call(module.exports, module, module.exports, function (id) {
      return id.startsWith("./") ? load(dir + id.slice(2)) : require(id);
    });
  } catch (e) {
    evaluated.delete(key);
    throw e;
  }
  return module.exports;
}
`;

/**
 * @typedef {{ sources: string[], sourcesContent?: (string | null)[], names?: string[], mappings: string }} SourceMap
 * @typedef {{ key: string, code: string, map?: SourceMap }} TableModule
 *   `key`: its path as esbuild wrote it ('extension.js', 'chunks/x.js'); `code`: CommonJS,
 *   whose `require('./…')`s name other keys; `map`: its source map (sources relative to the key's folder).
 * @typedef {{ code: string, map?: SourceMap & { version: 3 } }} TableFile
 */

/**
 * The entry's file (`entry` and the keys in `eager`, with the loader), then one file per
 * group (`keys` of `groups[i]`, not in an earlier file; a group without keys takes every
 * module left), all for the same folder. A group's file is read when one of its modules
 * is first required. With maps, each file's map joins the modules' own. `prelude`, code the
 * modules share (esbuild's CommonJS helpers), heads every file, in the scope of its modules.
 * @param {string} entry @param {TableModule[]} modules @param {Set<string>} eager
 * @param {{ file: string, keys?: Set<string> }[]} groups @param {string} [prelude]
 * @returns {{ entry: TableFile, groups: Map<string, TableFile> }}
 */
function moduleTables(entry, modules, eager, groups, prelude = '') {
  const keys = new Set(modules.map((m) => m.key));
  if (!keys.has(entry)) throw new Error(`the entry ${entry} is not among the modules`);
  for (const m of modules) {
    for (const [, id] of m.code.matchAll(/\brequire\("(\.{1,2}\/[^"]*)"\)/g)) {
      const target = path.posix.join(path.posix.dirname(m.key), id);
      if (!id.startsWith('./') || !keys.has(target)) throw new Error(`${m.key} requires ${id}, which the module table cannot resolve`);
    }
  }
  const first = modules.filter((m) => m.key === entry || eager.has(m.key));
  let left = modules.filter((m) => !first.includes(m));
  /** @type {Record<string, number>} */
  const homes = {};
  const tables = new Map();
  groups.forEach((g, i) => {
    const mine = left.filter((m) => g.keys === undefined || g.keys.has(m.key));
    left = left.filter((m) => !mine.includes(m));
    for (const m of mine) homes[m.key] = i;
    tables.set(g.file, table(mine, prelude, 'module.exports = {', '};\n'));
  });
  if (left.length > 0) throw new Error(`no file for ${left.map((m) => m.key).join(', ')}`);
  return {
    entry: table(first, prelude, 'const modules = {', `};\n${loader(groups.map((g) => g.file), homes)}module.exports = load(${JSON.stringify(entry)});\n`),
    groups: tables,
  };
}

/** @param {TableModule[]} modules @param {string} prelude @param {string} open @param {string} close @returns {TableFile} */
function table(modules, prelude, open, close) {
  let code = `"use strict";\n${prelude}${prelude === '' || prelude.endsWith('\n') ? '' : '\n'}${open}\n  __proto__: null,\n`;
  /** @type {{ sources: string[], sourcesContent: (string | null)[], names: string[], lines: ReturnType<typeof decode> }} */
  const map = { sources: [], sourcesContent: [], names: [], lines: [] };
  for (const m of modules) {
    // Not in parentheses: V8 compiles a parenthesised function at once, this one when called.
    code += `${JSON.stringify(m.key)}: function (module, exports, require) {\n`;
    const body = m.code.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
    if (m.map) append(map, m.map, path.posix.dirname(m.key), code.split('\n').length - 1);
    code += `${body.endsWith('\n') ? body : `${body}\n`}},\n`;
  }
  code += close;
  if (map.sources.length === 0) return { code };
  const { lines, ...rest } = map;
  return { code, map: { version: 3, ...rest, mappings: encode(lines) } };
}

/**
 * Adds a module's map to the file's, its first line at `line` (column 0), its sources
 * seen from the file's folder, not the module's `dir`. (Node applies no index map, `sections`, to stack traces.)
 */
function append(map, moduleMap, dir, line) {
  const sourceBase = map.sources.length;
  const nameBase = map.names.length;
  map.sources.push(...moduleMap.sources.map((s) => path.posix.normalize(path.posix.join(dir, s))));
  map.sourcesContent.push(...moduleMap.sources.map((_, i) => moduleMap.sourcesContent?.[i] ?? null));
  map.names.push(...(moduleMap.names ?? []));
  while (map.lines.length < line) map.lines.push([]);
  for (const segments of decode(moduleMap.mappings)) {
    map.lines.push(
      segments.map((s) => {
        if (s.length === 1) return s;
        const [column, source, sourceLine, sourceColumn] = s;
        return s.length === 5 ? [column, source + sourceBase, sourceLine, sourceColumn, s[4] + nameBase] : [column, source + sourceBase, sourceLine, sourceColumn];
      }),
    );
  }
}

module.exports = { moduleTables };
