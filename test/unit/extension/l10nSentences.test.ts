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
import { statusView } from '../../../src/extension/citations/checkSummary.pure';
import { formatWhen } from '../../../src/extension/common/format.pure';
import { fillArgs, useTranslator } from '../../../src/extension/common/l10n.pure';
import { describeCellOptions } from '../../../src/extension/notebook/cellOptions.pure';
import { patentRowText } from '../../../src/extension/search/resultsModel.pure';
import { describeSearchOptions } from '../../../src/extension/search/searchOptions.pure';
import { bundleTranslator } from './localizedManifest';

const CJK = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]`;

/** The ASCII marks left between CJK text (or ending it), each with what is around it. */
export function asciiPunctuation(text: string): string[] {
  const between = new RegExp(String.raw`${CJK}(?:, |; | \()|(?:, |; )[\d +\u2212]*${CJK}`, 'gu');
  const found = [...text.matchAll(between)].map((m) => m[0]);
  return new RegExp(CJK, 'u').test(text) && /\.$/.test(text) ? [...found, 'final .'] : found;
}

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
