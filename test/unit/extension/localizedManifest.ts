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

/** Every string of a translation: the l10n bundle's and package.nls's. */
export function translatedStrings(lang: 'zh-cn' | 'ja'): string[] {
  const values = (file: string): string[] => Object.values(readJson(file) as Record<string, string | { message: string }>).map((v) => (typeof v === 'string' ? v : v.message));
  return [...values(`l10n/bundle.l10n.${lang}.json`), ...values(`package.nls.${lang}.json`)];
}

/**
 * Command Palette names ("特許: API 認証情報を設定…"): VS Code itself joins a command's category
 * and title with ": ", so a message that names a command writes it as the palette shows it.
 */
export function paletteNames(lang: 'zh-cn' | 'ja'): string[] {
  const nls = readJson(`package.nls.${lang}.json`) as Record<string, string>;
  const manifest = readJson('package.json') as { contributes: { commands: Array<{ title: string; category?: string }> } };
  const key = (s: string | undefined): string | undefined => (s && /^%[^%]+%$/.test(s) ? nls[s.slice(1, -1)] : s);
  return manifest.contributes.commands.flatMap((c) => {
    const [category, title] = [key(c.category), key(c.title)];
    return category && title ? [`${category}: ${title}`] : [];
  });
}

/**
 * The ASCII colons a Chinese or Japanese string still has where the language writes "：":
 * after a label, whatever ends it (CJK text, a name, a placeholder), as the zh-cn bundle always
 * has. Left alone: a colon in code (a query term such as TTL:battery or {0}:[…], a URL, a
 * `code span`, a command link), a Command Palette name (`paletteNames`), and the Settings
 * editor's own English label "Lookups: Enabled". Each one found comes with what precedes it.
 */
export function asciiColons(text: string, palette: readonly string[]): string[] {
  let rest = text
    .replace(/`[^`]*`/g, ' ')
    .replace(/\(command:[^)]*\)/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/Lookups: Enabled/g, ' ');
  for (const name of palette) rest = rest.split(name).join(' ');
  // A colon followed by a space or ending the text is a label's; one followed by anything else is code's.
  return [...rest.matchAll(/(.{0,6}):(?= |$)/gmu)].map((m) => `${m[1] ?? ''}:`);
}

/**
 * Where `template` (a translation) puts what a placeholder may hold right against CJK text with
 * Latin letters or digits at the join ("{0}需要 PatSnap API 凭据" with {0} "检索 PatSnap"). The
 * Chinese bundle spaces Latin text and digits apart from Chinese ("位于 {0} 的", "PatSnap API 凭据"),
 * so a placeholder that may hold them is spaced too, or set off by a mark. `values[i]`: what {i}
 * may hold. Each glued join comes back as the text it makes.
 */
export function gluedLatin(template: string, values: Readonly<Record<number, readonly string[]>>): string[] {
  const cjk = new RegExp(`^${CJK}$`, 'u');
  const latin = /^[A-Za-z0-9]$/;
  const found: string[] = [];
  for (const m of template.matchAll(/\{(\d+)\}/g)) {
    const before = Array.from(template.slice(0, m.index)).at(-1) ?? '';
    const after = Array.from(template.slice(m.index + m[0].length))[0] ?? '';
    for (const v of values[Number(m[1])] ?? []) {
      if (cjk.test(before) && latin.test(v[0] ?? '')) found.push(`${before}${v}`);
      if (cjk.test(after) && latin.test(v.at(-1) ?? '')) found.push(`${v}${after}`);
    }
  }
  return found;
}

/**
 * Words that stay as they are in every language: names, formats, codes, and the query
 * syntax's own words (TTL:battery AND PBD:[…] is typed as it is). Latin words not listed
 * here, and not all capitals (codes, field names, kind codes), are English left behind.
 */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'PatSnap', 'Patent', 'Lookup', 'VS', 'Code', 'Excel', 'BibTeX', 'Markdown', 'Ctrl', 'Cmd', 'Enter', 'Esc',
  'yyyyMMdd', 'yyyyMM', 'yyyy', 'localhost', 'http', 'https', 'apikey', 'git', 'sk', 'Zotero', 'Pandoc', 'biblatex',
  // The settings editor's own name for patentLookup.lookups.enabled, which VS Code does not translate.
  'Lookups', 'Enabled',
]);

/** Latin words a translation still has that are neither names nor codes. */
export function strayEnglish(translated: string): string[] {
  const stripped = translated
    .replace(/\(command:[^)]*\)/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\$\([\w~-]+\)/g, ' ')
    .replace(/npm run \w+/g, ' ')
    .replace(/U\.S\. Appl\. No\./g, ' ') // how US applications are cited
    .replace(/PatSnap Open API/g, ' ') // the product's name
    .replace(/@\w+/g, ' ') // a BibTeX entry type
    .replace(/<\w+>/g, ' ') // an XML element's name
    .replace(/(^|[\s(（])\.[a-z]+\b/g, ' ') // a file extension
    .replace(/\bpatentLookup\.[\w.]+/g, ' ')
    .replace(/\b[\w.-]+:\[[^\]]*\]/g, ' ') // a query such as PBD:[20200101 TO *]
    .replace(/\b[A-Z]+:\w+/g, ' '); // a query term such as TTL:battery
  return [...stripped.matchAll(/[A-Za-z][A-Za-z'’]*/g)].map((m) => m[0]).filter((w) => !SAME_IN_EVERY_LANGUAGE.has(w) && !/^[A-Z0-9]+$/.test(w) && !/^[A-Z][A-Z0-9]*s$/.test(w));
}
