/**
 * The translations: l10n/bundle.l10n.json is what the source asks for (a fresh export
 * by @vscode/l10n-dev), package.json's strings are all `%key%`s package.nls.json has,
 * and every string has a Simplified Chinese and a Japanese translation with the same
 * placeholders and no English left in it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJson, ROOT, strayEnglish } from './localizedManifest';

type Messages = Record<string, string | { message: string; comment: string[] }>;

const LANGUAGES = ['zh-cn', 'ja'] as const;

function text(m: string | { message: string }): string {
  return typeof m === 'string' ? m : m.message;
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
}

function check(english: Messages, translatedFile: string): string[] {
  const file = path.join(ROOT, translatedFile);
  if (!fs.existsSync(file)) return [`${translatedFile} is missing`];
  const translated = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  const problems: string[] = [];
  for (const [key, value] of Object.entries(english)) {
    const source = text(value);
    const t = translated[key];
    if (typeof t !== 'string' || t.trim() === '') {
      problems.push(`${translatedFile}: no translation of ${JSON.stringify(key)}`);
      continue;
    }
    if (placeholders(t).join() !== placeholders(source).join()) problems.push(`${translatedFile}: ${JSON.stringify(key)} has placeholders ${placeholders(t).join() || 'none'}, the English ${placeholders(source).join() || 'none'}`);
    const stray = strayEnglish(t);
    if (stray.length) problems.push(`${translatedFile}: ${JSON.stringify(key)} still has English: ${stray.join(', ')}`);
    if ((source.match(/\(command:[^)]*\)/g) ?? []).join() !== (t.match(/\(command:[^)]*\)/g) ?? []).join()) problems.push(`${translatedFile}: ${JSON.stringify(key)} changes its command links`);
  }
  for (const key of Object.keys(translated)) if (!(key in english)) problems.push(`${translatedFile}: ${JSON.stringify(key)} is not asked for any more`);
  return problems;
}

describe('l10n: translations', function () {
  this.timeout(60_000);

  it('l10n/bundle.l10n.json is what the source asks for (npm run l10n:export writes it)', async () => {
    const { exportedBundleText } = (await import(path.join(ROOT, 'scripts', 'l10n-export.mjs'))) as { exportedBundleText(): Promise<string> };
    const fresh = JSON.parse(await exportedBundleText()) as Messages;
    const committed = readJson('l10n/bundle.l10n.json') as Messages;
    assert.deepEqual(Object.keys(committed).sort(), Object.keys(fresh).sort(), 'run npm run l10n:export');
    assert.ok(Object.keys(fresh).length > 200, 'the export found the source\u2019s strings');
    // Keys are the strings l10n.t receives: '\u2026' in the source is the character, not what the extractor misreads.
    assert.ok('Use Local Sandbox\u2026' in committed);
    assert.deepEqual(Object.keys(committed).filter((k) => /[\u0100-\u024f]/.test(k)), []);
  });

  it('package.json has no plain contribution string, and package.nls.json every key it names', async () => {
    const { plainContributionStrings, referencedKeys } = (await import(path.join(ROOT, 'scripts', 'l10n-package.mjs'))) as {
      plainContributionStrings(pkg: unknown): Record<string, string>;
      referencedKeys(pkg: unknown): Set<string>;
    };
    const pkg = readJson('package.json');
    assert.deepEqual(plainContributionStrings(pkg), {}, 'run npm run l10n:export');
    const nls = readJson('package.nls.json') as Record<string, string>;
    const keys = [...referencedKeys(pkg)];
    assert.ok(keys.length > 50);
    assert.deepEqual(keys.filter((k) => typeof nls[k] !== 'string' || nls[k].trim() === ''), []);
    assert.deepEqual(Object.keys(nls).filter((k) => !keys.includes(k)), [], 'package.nls.json keys no contribution uses');
  });

  for (const lang of LANGUAGES) {
    it(`every string of the bundle and of package.nls.json has a ${lang} translation: same placeholders, no English left`, () => {
      const problems = [...check(readJson('l10n/bundle.l10n.json') as Messages, `l10n/bundle.l10n.${lang}.json`), ...check(readJson('package.nls.json') as Messages, `package.nls.${lang}.json`)];
      assert.deepEqual(problems, []);
    });
  }

  it('finds English left in a translation, and lets names and codes through', () => {
    assert.deepEqual(strayEnglish('搜索 failed: {0}'), ['failed']);
    assert.deepEqual(strayEnglish('导出为 CSV、JSON 或 PDF（PatSnap 按件计费）'), []);
    assert.deepEqual(strayEnglish('[设置 API 凭据](command:patentLookup.setCredentials)'), []);
    assert.deepEqual(strayEnglish('例如 TTL:battery AND PBD:[20200101 TO 20231231]'), []);
    assert.deepEqual(strayEnglish('US 11,205,304 B2 の請求項'), []);
    assert.deepEqual(strayEnglish('Open {0}'), ['Open']);
  });
});
