import * as assert from 'node:assert/strict';
import { pickLanguage } from '../../../src/core/api/mapping';
import { DATA_LANGUAGES, dataLanguageOf, preferredDataLanguage } from '../../../src/extension/dataLanguage.pure';
import { localizedManifest } from './localizedManifest';

describe('data language: patentLookup.language, or VS Code\u2019s display language', () => {
  it('maps display languages to PatSnap\u2019s codes, English for the rest', () => {
    const cases: Array<[string, string]> = [
      ['zh-cn', 'cn'], ['zh-CN', 'cn'], ['zh-tw', 'cn'], ['ja', 'jp'], ['ko', 'kr'], ['de', 'de'], ['fr', 'fr'], ['fr-ca', 'fr'],
      ['en', 'en'], ['en-gb', 'en'], ['es', 'en'], ['pt-br', 'en'], ['ru', 'en'], ['', 'en'],
    ];
    for (const [display, data] of cases) assert.equal(dataLanguageOf(display), data, display);
  });

  it('keeps the setting when the user set it, whatever the display language', () => {
    assert.equal(preferredDataLanguage('en', 'zh-cn'), 'en');
    assert.equal(preferredDataLanguage('de', 'ja'), 'de');
    assert.equal(preferredDataLanguage(undefined, 'ja'), 'jp');
    assert.equal(preferredDataLanguage('  ', 'ko'), 'kr');
  });

  it('offers exactly the setting\u2019s values (design.md)', () => {
    const manifest = localizedManifest<{ contributes: { configuration: { properties: Record<string, { enum?: string[] }> } } }>();
    assert.deepEqual(manifest.contributes.configuration.properties['patentLookup.language']?.enum, [...DATA_LANGUAGES]);
    for (const display of ['zh-cn', 'ja', 'ko', 'de', 'fr', 'it']) assert.ok(DATA_LANGUAGES.includes(dataLanguageOf(display)), display);
  });

  it('then falls back to English, then to the first language given', () => {
    const titles = [{ lang: 'DE', text: 'Batterie' }, { lang: 'EN', text: 'Battery' }, { lang: 'CN', text: '电池' }];
    assert.equal(pickLanguage(titles, preferredDataLanguage(undefined, 'zh-cn'))?.text, '电池');
    assert.equal(pickLanguage(titles, preferredDataLanguage(undefined, 'ja'))?.text, 'Battery');
    assert.equal(pickLanguage(titles.filter((t) => t.lang !== 'EN'), preferredDataLanguage(undefined, 'ko'))?.text, 'Batterie');
  });
});
