import * as assert from 'node:assert/strict';
import type { Bibliography } from '../../../../src/core/api/types';
import { formatYmd } from '../../../../src/extension/common/format.pure';
import { toPatentView } from '../../../../src/extension/patent/patentView.pure';
import { PANEL_STRING_KEYS, punctuation, setStrings, t } from '../../../../src/webview/patent/strings';
import { applicationText, cardAnnouncement, citedByCountsText, countText, dependsOnText, displayDate, distinctStatuses, familySummaryText, namesText, setDateLocale } from '../../../../src/webview/patent/words';
import { parseToWebview, type PatentView } from '../../../../src/webview/protocol';
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

// The keys panelStrings.ts gives are checked above ("gets every word it uses from the extension").
describe('the patent panel\u2019s counts, dates and badges (webview)', () => {
  const english = panelWords('en');
  afterEach(() => {
    setStrings({});
    setDateLocale(undefined);
  });

  it('counts one of a thing in the singular, and more in the plural', () => {
    setStrings(english);
    assert.equal(countText(1, 'citesHeadingOne', 'citesHeading'), 'Cites: 1 patent');
    assert.equal(countText(9, 'citesHeadingOne', 'citesHeading'), 'Cites: 9 patents');
    assert.equal(countText(0, 'citesHeadingOne', 'citesHeading'), 'Cites: 0 patents');
    assert.equal(countText(1, 'literatureHeadingOne', 'literatureHeading'), 'Cites: 1 other document');
    assert.equal(countText(1, 'citedByHeadingOne', 'citedByHeading'), 'Cited by: 1 patent');
    assert.equal(countText(1, 'loadedLegalOne', 'loadedLegal'), 'Legal status: 1 event');
    assert.equal(countText(1, 'claimsSummaryOne', 'claimsSummary', 1), '1 claim, 1 independent');
    assert.equal(countText(20, 'claimsSummaryOne', 'claimsSummary', 3), '20 claims, 3 independent');
    assert.equal(familySummaryText(1, 1), '1 member at 1 office');
    assert.equal(familySummaryText(2, 1), '2 members at 1 office');
    assert.equal(familySummaryText(6, 6), '6 members at 6 offices');
  });

  it('counts one in Chinese with the translation of the singular string', () => {
    setStrings(panelWords('zh-cn'));
    assert.equal(countText(1, 'citesHeadingOne', 'citesHeading'), '引用：1 件专利');
    assert.equal(countText(1, 'claimsSummaryOne', 'claimsSummary', 0), '1 项权利要求，其中 0 项独立权利要求');
    assert.equal(familySummaryText(3, 1), '3 个成员，分布于 1 个专利局');
  });

  it('writes a whole date in the display language the host sent', () => {
    setDateLocale('en');
    assert.equal(displayDate('2025-02-20'), 'Feb 20, 2025');
    assert.equal(displayDate('2015-11-03'), 'Nov 3, 2015');
    setDateLocale('zh-cn');
    assert.equal(displayDate('2025-02-20'), '2025年2月20日');
    setDateLocale('ja');
    assert.equal(displayDate('2025-02-20'), '2025/02/20');
  });

  it('shows a partial, impossible or odd date as given, never another day, "Invalid Date" or NaN', () => {
    setDateLocale('en');
    for (const odd of ['2025-02-00', '2025-00-10', '2025-13-40', '2025-02-30', '2023-02-29', '0020-01-01', '2025', '20250220', '', 'yesterday', '2025-2-3']) {
      assert.equal(displayDate(odd), odd);
    }
    assert.equal(displayDate('2024-02-29'), 'Feb 29, 2024');
    setDateLocale('not a locale');
    assert.doesNotMatch(displayDate('2025-02-20'), /Invalid|NaN/);
    assert.match(displayDate('2025-02-20'), /2025/);
  });

  it('takes the API\u2019s hostile dates to the panel as given or as nothing', () => {
    assert.equal(formatYmd(20250200), '2025-02-00');
    assert.equal(displayDate(formatYmd(20250200) as string), '2025-02-00');
    for (const nothing of [0, 2025, 202502, -20250220, 20250220.5, Number.NaN, undefined]) assert.equal(formatYmd(nothing), undefined, String(nothing));
    const bib: Bibliography = { patentId: 'p1', pn: 'US1B2', titles: {}, assignees: [], applicants: [], inventors: [], priorityClaims: [], applicationDate: 20221340, publicationDate: 0 };
    const view = toPatentView(bib, []);
    assert.equal(view.applicationDate, '2022-13-40');
    assert.equal(view.publicationDate, undefined);
    assert.equal(displayDate(view.applicationDate as string), '2022-13-40');
  });

  it('the strings message carries the display language, and drops one that is not a language tag (keeping the words)', () => {
    const strings = { citesHeading: 'Cites: {0} patents' };
    const locale = (raw: unknown): unknown => {
      const parsed = parseToWebview(raw);
      assert.ok(parsed.ok && parsed.message.type === 'strings', JSON.stringify(parsed));
      assert.deepEqual(parsed.message.strings, strings);
      return parsed.message.locale;
    };
    assert.equal(locale({ type: 'strings', strings, locale: 'zh-cn' }), 'zh-cn');
    assert.equal(locale({ type: 'strings', strings }), undefined);
    assert.equal(locale({ type: 'strings', strings, locale: 'en"><script>' }), undefined);
    assert.equal(locale({ type: 'strings', strings, locale: 42 }), undefined);
  });

  it('shows a status once when two lists say the same, whatever the case', () => {
    assert.deepEqual(distinctStatuses(['Undetermined'], ['Undetermined']), [['Undetermined'], []]);
    assert.deepEqual(distinctStatuses(['Inactive'], ['Withdrawn']), [['Inactive'], ['Withdrawn']]);
    assert.deepEqual(distinctStatuses(['Active', 'ACTIVE'], ['active ', 'Granted'], ['Granted', 'Examination']), [['Active'], ['Granted'], ['Examination']]);
    assert.deepEqual(distinctStatuses(['未确认'], ['未确认']), [['未确认'], []]);
    assert.deepEqual(distinctStatuses([]), [[]]);
  });
});
