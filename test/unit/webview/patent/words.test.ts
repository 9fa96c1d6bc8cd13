import * as assert from 'node:assert/strict';
import { PANEL_STRING_KEYS, punctuation, setStrings, t } from '../../../../src/webview/patent/strings';
import { setDateLocale } from '../../../../src/webview/patent/wording';
import { applicationText, cardAnnouncement, citedByCountsText, dependsOnText, namesText } from '../../../../src/webview/patent/words';
import type { PatentView } from '../../../../src/webview/protocol';
import { asciiPunctuation } from '../../extension/localizedManifest';
import { panelMessages, panelWords } from './panelWords';

const PATENT = {
  number: 'CN105161234A',
  title: '一种图像分类装置',
  legalStatus: ['有效', '授权'],
  applicationNumber: 'CN201510123456.7',
  applicationDate: '2015-03-19',
} as unknown as PatentView;

const COUNTS = { citedBy: 12, threeYears: 4, fiveYears: 7, simpleFamily: 9 };

describe('the patent panel\u2019s sentences from pieces (webview)', () => {
  afterEach(() => {
    setStrings({});
    setDateLocale(undefined);
  });

  it('gets every word it uses from the extension, the marks included', () => {
    const messages = panelMessages();
    assert.deepEqual(PANEL_STRING_KEYS.filter((k) => messages[k] === undefined), []);
    assert.deepEqual(Object.keys(messages).filter((k) => !(PANEL_STRING_KEYS as readonly string[]).includes(k)), []);
  });

  it('reads as it always has in English', () => {
    setStrings(panelWords('en'));
    setDateLocale('en');
    assert.equal(cardAnnouncement({ ...PATENT, title: 'Image classifier', legalStatus: ['Active'] }, { note: 'Cached on Dec 1', refreshing: true }), 'CN105161234A: Image classifier, Active, Cached on Dec 1');
    assert.equal(applicationText(PATENT), 'CN201510123456.7, filed Mar 19, 2015');
    assert.equal(applicationText({ applicationNumber: 'US16/123,456' }), 'US16/123,456');
    assert.equal(namesText(['Acme, Inc.', 'Beta GmbH']), 'Acme, Inc.; Beta GmbH');
    assert.equal(dependsOnText([1, 3]), 'Depends on claim 1, 3');
    assert.equal(citedByCountsText(COUNTS), 'within 3 years: 4, within 5 years: 7, of the simple family: 9');
    assert.equal(citedByCountsText({ citedBy: 0 }), '');
  });

  for (const lang of ['zh-cn', 'ja'] as const) {
    it(`${lang}: the card\u2019s announcement, the application, names, a dependent claim and the citing counts take ${lang}\u2019s marks`, () => {
      setStrings(panelWords(lang));
      setDateLocale(lang);
      const list = lang === 'ja' ? '\u3001' : '\uff0c';
      const texts = [
        cardAnnouncement(PATENT, { note: t('loadingPatent'), refreshing: true }),
        applicationText(PATENT),
        namesText(['深圳示例智能科技有限公司', '北京示例大学']),
        dependsOnText([1, 3]),
        citedByCountsText(COUNTS),
      ];
      for (const text of texts) {
        assert.doesNotMatch(text, /\[untranslated\]/, text);
        assert.deepEqual(asciiPunctuation(text), [], text);
      }
      assert.ok(texts[0]?.startsWith(`CN105161234A\uff1a一种图像分类装置${list}有效${list}`), texts[0]);
      assert.equal(texts[2], '深圳示例智能科技有限公司\uff1b北京示例大学');
      assert.match(texts[3] ?? '', new RegExp(`1${list}3`, 'u'));
      assert.equal((texts[4]?.split(list) ?? []).length, 3, texts[4]);
    });

    it(`${lang}: no word the panel shows is left untranslated, and the marks are ${lang}\u2019s`, () => {
      const words = panelWords(lang);
      assert.deepEqual(Object.entries(words).filter(([, w]) => w.includes('[untranslated]')).map(([k]) => k), []);
      // Its own words too: a label's colon is \uff1a after Chinese or Japanese text, no ASCII list mark between it.
      assert.deepEqual(Object.values(words).filter((w) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]: /u.test(w) || asciiPunctuation(w).length > 0), []);
      setStrings(words);
      assert.equal(punctuation.t('{0}, {1}', 'a', 'b'), lang === 'ja' ? 'a\u3001b' : 'a\uff0cb');
      assert.equal(punctuation.t('{0}: {1}', 'a', 'b'), 'a\uff1ab');
    });
  }
});
