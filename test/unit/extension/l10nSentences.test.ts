/**
 * Sentences the extension puts together from translated pieces read as the display
 * language writes them: in Chinese and Japanese no ASCII ", " "; " " (" or final "."
 * between the CJK pieces (core/text/punctuation gives the marks through the same
 * translator). Each is built by the code that shows it, with the zh-cn or ja bundle.
 */
import * as assert from 'node:assert/strict';
import { lintCitations } from '../../../src/core/citations';
import { describeComparison, type RunComparison } from '../../../src/core/notebook';
import { findPatentNumbers } from '../../../src/core/numbers';
import { quoted } from '../../../src/core/text/punctuation';
import { statusView } from '../../../src/extension/citations/checkSummary.pure';
import { dateRangeWords, formatWhen } from '../../../src/extension/common/format.pure';
import { fillArgs, useTranslator } from '../../../src/extension/common/l10n.pure';
import { dateRangeProblem, queryProblem } from '../../../src/extension/exports/wizardModel.pure';
import { describeCellOptions } from '../../../src/extension/notebook/cellOptions.pure';
import { patentRowText } from '../../../src/extension/search/resultsModel.pure';
import { describeSearchOptions } from '../../../src/extension/search/searchOptions.pure';
import { asciiPunctuation, bundleTranslator, readJson } from './localizedManifest';

const COMPARISON: Omit<RunComparison, 'summary'> = {
  since: '2026-11-03',
  added: [{ number: 'US1B2' }, { number: 'EP2A1' }],
  newPublications: 2,
  gone: [{ number: 'CN3A' }],
  newMembers: [{ number: 'JP4A' }],
  marks: [],
  totalBefore: 2,
  totalAfter: 13,
  exact: true,
  window: 13,
  queryChanged: true,
  optionsChanged: false,
};

describe('l10n: sentences put together from pieces, in zh-cn and ja', () => {
  afterEach(() => useTranslator(fillArgs));

  it('finds ASCII punctuation between CJK text, and lets codes and numbers through', () => {
    assert.deepEqual(asciiPunctuation('12 个新专利, 1 个消失; 13 条结果 (+11).'), ['利, ', '失; ', '果 (', 'final .']);
    assert.deepEqual(asciiPunctuation('US1B2, 2 件'), [', 2 件']);
    assert.deepEqual(asciiPunctuation('12 个新专利，1 个消失；13 条结果（+11）。'), []);
    assert.deepEqual(asciiPunctuation('US 11,205,304 B2，EP 1 234 567 B1'), []);
    assert.deepEqual(asciiPunctuation('グラフ: 年'), []);
  });

  it('writes dates and times in VS Code\u2019s display language, not the host\u2019s', () => {
    const stored = new Date(2026, 10, 3, 14, 5).getTime();
    const now = new Date(2026, 11, 1, 9, 0).getTime();
    useTranslator(bundleTranslator('zh-cn').t, 'zh-cn');
    assert.equal(formatWhen(stored, now), '2026\u5e7411\u67083\u65e5 14:05');
    useTranslator(bundleTranslator('ja').t, 'ja');
    assert.equal(formatWhen(stored, now), '2026/11/03 14:05');
    useTranslator(fillArgs, 'en');
    assert.match(formatWhen(stored, now), /^Nov 3, 2026, 2:05\s?PM$/u);
  });

  it('says a date range in words and in the display language\u2019s dates, an open end as such', () => {
    useTranslator(fillArgs, 'en');
    assert.equal(dateRangeWords('20200101', '*', { t: fillArgs }), 'from Jan 1, 2020');
    assert.equal(dateRangeWords(undefined, '20231231', { t: fillArgs }), 'until Dec 31, 2023');
    assert.equal(dateRangeWords('20200101', '20231231', { t: fillArgs }), 'Jan 1, 2020 to Dec 31, 2023');
    assert.equal(dateRangeWords('*', undefined, { t: fillArgs }), '');
    useTranslator(bundleTranslator('ja').t, 'ja');
    assert.equal(dateRangeWords('20200101', '*', bundleTranslator('ja')), '2020\u5e741\u67081\u65e5\u4ee5\u964d');
    assert.equal(dateRangeWords('20200101', '20231231', bundleTranslator('ja')), '2020\u5e741\u67081\u65e5\uff5e2023\u5e7412\u670831\u65e5');
    useTranslator(bundleTranslator('zh-cn').t, 'zh-cn');
    assert.equal(dateRangeWords('20200101', undefined, bundleTranslator('zh-cn')), '2020\u5e741\u67081\u65e5\u8d77');
    assert.equal(dateRangeWords(undefined, '20231231', bundleTranslator('zh-cn')), '\u622a\u81f32023\u5e7412\u670831\u65e5');
  });

  it('quotes a name or a query with \u300c\u300d in Japanese and \u201c\u201d in Chinese, in the code and in every translation', () => {
    assert.equal(quoted(bundleTranslator('ja'), 'TTL:battery'), '\u300cTTL:battery\u300d');
    assert.equal(quoted(bundleTranslator('zh-cn'), 'TTL:battery'), '\u201cTTL:battery\u201d');
    assert.equal(quoted({ t: fillArgs }, 'TTL:battery'), '\u201cTTL:battery\u201d');
    const values = (file: string): string[] => Object.values(readJson(file) as Record<string, string | { message: string }>).map((v) => (typeof v === 'string' ? v : v.message));
    const ja = [...values('l10n/bundle.l10n.ja.json'), ...values('package.nls.ja.json')];
    assert.deepEqual(ja.filter((v) => /["\u201c\u201d]/.test(v)), [], 'Japanese quotes with \u300c\u300d');
    const zh = [...values('l10n/bundle.l10n.zh-cn.json'), ...values('package.nls.zh-cn.json')];
    assert.deepEqual(zh.filter((v) => /["\u300c\u300d]/.test(v)), [], 'Chinese quotes with \u201c\u201d');
  });

  for (const lang of ['zh-cn', 'ja'] as const) {
    it(`${lang}: the notebook's "what changed" line (describeComparison)`, () => {
      const text = describeComparison(COMPARISON, bundleTranslator(lang));
      assert.doesNotMatch(text, /\[untranslated\]/);
      assert.deepEqual(asciiPunctuation(text), [], text);
      assert.match(text, /（\+11）/u);
      assert.match(text, /。$/u);
      assert.match(text, lang === 'ja' ? /、.*；/u : /，.*；/u);
    });

    it(`${lang}: the query cell's options and charts (describeCellOptions)`, () => {
      const l10n = bundleTranslator(lang);
      const words = describeCellOptions({ facets: ['PUBLICATION_YEAR', 'ASSIGNEE', 'AUTHORITY'], collapseType: 'DOCDB' }, 20, l10n);
      const charts = words.at(-1) as string;
      useTranslator(l10n.t, lang);
      const dated = describeCellOptions({ publicationDate: { from: '20200101' } }, 20, l10n)[1] as string;
      assert.match(dated, lang === 'ja' ? /2020\u5e741\u67081\u65e5\u4ee5\u964d/u : /2020\u5e741\u67081\u65e5\u8d77/u);
      assert.doesNotMatch(dated, /20200101|\*| to /);
      assert.deepEqual(asciiPunctuation(charts), [], charts);
      assert.match(charts, lang === 'ja' ? /.、.+、./u : /.，.+，./u);
    });

    it(`${lang}: the citation check's status bar tooltip (statusView)`, () => {
      const citations = findPatentNumbers('EP 12345678901 B1, US 11,205,304 B2 and US11205304B2', { flagImpossible: true });
      const l10n = bundleTranslator(lang);
      const first = statusView({ citations: citations.length, problems: lintCitations(citations, { l10n }), lookups: 'off' }, l10n).tooltip.split('\n')[0] as string;
      assert.doesNotMatch(first, /\[untranslated\]/);
      assert.deepEqual(asciiPunctuation(first), [], first);
      assert.match(first, /；.*。$/u);
      const clean = statusView({ citations: 2, problems: [], lookups: 'done' }, l10n).tooltip.split('\n')[0] as string;
      assert.deepEqual(asciiPunctuation(clean), [], clean);
    });

    it(`${lang}: the export wizard's help for a range or a query it cannot take, with its examples as written`, () => {
      useTranslator(bundleTranslator(lang).t, lang);
      const range = dateRangeProblem('2011-2018') ?? '';
      const query = queryProblem('  ') ?? '';
      for (const [message, example] of [[range, '20200101-*'], [query, 'TTL:battery AND PBD:[20200101 TO *]']] as const) {
        assert.doesNotMatch(message, /\[untranslated\]/);
        assert.match(message, /[\u3040-\u30ff\u4e00-\u9fff]/u, message);
        assert.ok(message.includes(example), message);
      }
    });

    it(`${lang}: the results view's options line and a row's screen reader label`, () => {
      useTranslator(bundleTranslator(lang).t);
      const how = describeSearchOptions({ sort: 'publishedNewest', collapse: 'DOCDB' });
      assert.deepEqual(asciiPunctuation(how), [], how);
      assert.match(how, lang === 'ja' ? /.、./u : /.，./u);
      const row = patentRowText({ patentId: 'p1', pn: 'US12219441B1', title: '图像分类装置', currentAssignee: '深圳示例智能科技有限公司', publicationDate: 20250204 }, 'detailed');
      assert.deepEqual(asciiPunctuation(row.accessibilityLabel), [], row.accessibilityLabel);
      assert.ok(row.accessibilityLabel.startsWith(lang === 'ja' ? 'US12219441B1、图像分类装置、' : 'US12219441B1，图像分类装置，'), row.accessibilityLabel);
    });
  }
});
