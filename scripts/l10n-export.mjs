#!/usr/bin/env node
/**
 * `npm run l10n:export`: package.json's plain contribution strings into package.nls.json
 * (scripts/l10n-package.mjs), and every string given to `vscode.l10n.t` / `l10n.t` in
 * src/extension, and in the core modules that take a translator from it (src/core/api's input
 * checks, src/core/citations, src/core/notebook, src/core/query, src/core/text),
 * into l10n/bundle.l10n.json, by @vscode/l10n-dev, Microsoft's extractor.
 *
 * The extractor only looks at files that import `vscode`; the `*.pure.ts` modules take an
 * `Translator` instead (core/text/translator.ts) and call `l10n.t('literal')` just the same, so each
 * file is given to it with an `import * as vscode from 'vscode'` line in front. Its reading
 * of `\uXXXX` escapes is wrong (`'\u2026'` comes out as U+0202), so they are written out
 * as the characters they stand for first: the keys must be the strings `l10n.t` receives.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getL10nJson } from '@vscode/l10n-dev';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = path.join(ROOT, 'l10n', 'bundle.l10n.json');
const SOURCES = [path.join(ROOT, 'src', 'extension'), path.join(ROOT, 'src', 'core')];

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function unescapeUnicode(source) {
  return source.replace(/\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})/g, (_m, long, short) => String.fromCodePoint(parseInt(long ?? short, 16)));
}

/** The bundle the source asks for, keys sorted, as the text written to l10n/bundle.l10n.json. */
export async function exportedBundleText() {
  const files = SOURCES.flatMap(sourceFiles)
    .sort()
    .map((file) => ({ extension: '.ts', contents: `import * as vscode from 'vscode';\n${unescapeUnicode(fs.readFileSync(file, 'utf8'))}` }));
  const bundle = await getL10nJson(files);
  const sorted = Object.fromEntries(Object.keys(bundle).sort().map((k) => [k, bundle[k]]));
  return JSON.stringify(sorted, null, 2) + '\n';
}

async function main() {
  const { externalizePackageStrings } = await import('./l10n-package.mjs');
  externalizePackageStrings();
  const text = await exportedBundleText();
  fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
  fs.writeFileSync(BUNDLE, text);
  console.log(`l10n/bundle.l10n.json: ${Object.keys(JSON.parse(text)).length} strings.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
