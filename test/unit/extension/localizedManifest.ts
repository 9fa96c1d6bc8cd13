/** package.json as VS Code shows it in English: each `%key%` replaced by its text in package.nls.json. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..', '..');

export function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as unknown;
}

/** package.json with its `%key%` strings taken from `nlsFile` (package.nls.json: English). */
export function localizedManifest<T>(nlsFile = 'package.nls.json'): T {
  const nls = readJson(nlsFile) as Record<string, string>;
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'), (_k, v: unknown) =>
    typeof v === 'string' && /^%[^%\s]+%$/.test(v) && nls[v.slice(1, -1)] !== undefined ? nls[v.slice(1, -1)] : v,
  ) as T;
}

/** A translator reading `l10n/bundle.l10n.<lang>.json`, as `vscode.l10n.t` does in that display language; a message it lacks is marked, so a test sees it. */
export function bundleTranslator(lang: 'zh-cn' | 'ja'): { t(message: string, ...args: Array<string | number | boolean>): string } {
  const bundle = readJson(`l10n/bundle.l10n.${lang}.json`) as Record<string, string>;
  return {
    t: (message, ...args) => (bundle[message] ?? `[untranslated] ${message}`).replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole)),
  };
}

const CJK = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]`;

/** The ASCII marks left between CJK text (or ending it), each with what is around it. */
export function asciiPunctuation(text: string): string[] {
  const between = new RegExp(String.raw`${CJK}(?:, |; | \()|(?:, |; )[\d +\u2212]*${CJK}`, 'gu');
  const found = [...text.matchAll(between)].map((m) => m[0]);
  return new RegExp(CJK, 'u').test(text) && /\.$/.test(text) ? [...found, 'final .'] : found;
}
