/**
 * The patent panel's counts, dates and badges, with the words the host really sends
 * (panelStrings.ts's messages, in English and translated with the zh-cn bundle).
 */
import * as assert from 'node:assert/strict';
import type { Bibliography } from '../../../../src/core/api/types';
import { formatYmd } from '../../../../src/extension/common/format.pure';
import { toPatentView } from '../../../../src/extension/patent/patentView.pure';
import { PANEL_STRING_KEYS, setStrings } from '../../../../src/webview/patent/strings';
import { countText, displayDate, distinctStatuses, familySummaryText, setDateLocale } from '../../../../src/webview/patent/wording';
import { parseToWebview } from '../../../../src/webview/protocol';
import { panelWords } from './panelWords';

describe('patent panel wording', () => {
  const english = panelWords('en');
  afterEach(() => {
    setStrings({});
    setDateLocale(undefined);
  });

  it('reads every key the webview asks for from panelStrings.ts', () => {
    assert.deepEqual(PANEL_STRING_KEYS.filter((k) => !(k in english)), []);
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
