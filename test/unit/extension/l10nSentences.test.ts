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
import { useTranslator } from '../../../src/extension/common/l10n.pure';
import { dateRangeProblem, queryProblem } from '../../../src/extension/exports/wizardModel.pure';
import { describeCellOptions } from '../../../src/extension/notebook/cellOptions.pure';
import { patentRowText } from '../../../src/extension/search/resultsModel.pure';
import { describeSearchOptions } from '../../../src/extension/search/searchOptions.pure';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { asciiColons, asciiPunctuation, bundleTranslator, gluedLatin, paletteNames, readJson, ROOT, translatedStrings } from './localizedManifest';
import { fillArgs } from '../../../src/core/text/translator';

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
    assert.equal(dateRangeWords('20200101', '*', bundleTranslator('ja')), '2020/01/01\u4ee5\u964d');
    assert.equal(dateRangeWords('20200101', '20231231', bundleTranslator('ja')), '2020/01/01\uff5e2023/12/31');
    assert.equal(dateRangeWords('20200101', '*', bundleTranslator('ja'), 'published'), '\u516c\u958b\u65e5 2020/01/01\u4ee5\u964d');
    useTranslator(bundleTranslator('zh-cn').t, 'zh-cn');
    assert.equal(dateRangeWords('20200101', undefined, bundleTranslator('zh-cn')), '2020\u5e741\u67081\u65e5\u8d77');
    assert.equal(dateRangeWords(undefined, '20231231', bundleTranslator('zh-cn')), '\u622a\u81f3 2023\u5e7412\u670831\u65e5');
    // The dates a range limits in the same words: 申请日截至…, where "申请于 截至…" (a word before the range) read as two sentences.
    assert.equal(dateRangeWords(undefined, '20231231', bundleTranslator('zh-cn'), 'filed'), '\u7533\u8bf7\u65e5\u622a\u81f3 2023\u5e7412\u670831\u65e5');
    assert.equal(dateRangeWords('20200101', '20231231', bundleTranslator('zh-cn'), 'published'), '\u516c\u5f00\u65e5 2020\u5e741\u67081\u65e5 \u81f3 2023\u5e7412\u670831\u65e5');
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
      assert.equal(dated, lang === 'ja' ? '\u516c\u958b\u65e5 2020/01/01\u4ee5\u964d' : '\u516c\u5f00\u65e5 2020\u5e741\u67081\u65e5\u8d77');
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

/** Every message the extension passes as the operation a message names ("{0} failed: …", "{0} needs PatSnap API credentials."), read from the source. */
function operationNames(): string[] {
  const names = new Set<string>();
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (file.endsWith('.ts')) {
        const source = fs.readFileSync(file, 'utf8');
        for (const m of source.matchAll(/(?:what: |const what = |requireCredentials\([^,]+, )(?:vscode\.)?l10n\.t\('([^']+)'\)/g)) names.add(m[1] as string);
      }
    }
  };
  visit(path.join(ROOT, 'src'));
  return [...names];
}

describe('l10n: colons and spacing in zh-cn and ja', () => {
  it('finds an ASCII label colon, and lets code, palette names and the Settings editor\u2019s label through', () => {
    const palette = ['\u7279\u8a31: API \u8a8d\u8a3c\u60c5\u5831\u3092\u8a2d\u5b9a\u2026'];
    assert.deepEqual(asciiColons('\u516c\u958b\u65e5: {0}', palette), ['\u516c\u958b\u65e5:']);
    assert.deepEqual(asciiColons('{0}: \u30af\u30a9\u30fc\u30bf\u5207\u308c', palette), ['{0}:']);
    assert.deepEqual(asciiColons('\u76f4\u3057\u3066\u304f\u3060\u3055\u3044:', palette), ['\u3057\u3066\u304f\u3060\u3055\u3044:']);
    assert.deepEqual(asciiColons('\uff08\u4f8b\uff1aTTL:battery AND PBD:[20200101 TO *]\uff09', palette), []);
    assert.deepEqual(asciiColons('\u300c\u7279\u8a31: API \u8a8d\u8a3c\u60c5\u5831\u3092\u8a2d\u5b9a\u2026\u300d\u3092\u5b9f\u884c', palette), []);
    assert.deepEqual(asciiColons('\uff08Patent Lookup \u203a Lookups: Enabled\uff09\u3002`a: b` http://127.0.0.1:43123 [x](command:patentLookup.search)', palette), []);
  });

  for (const lang of ['zh-cn', 'ja'] as const) {
    it(`${lang}: a label\u2019s colon is \uff1a in every translation (Command Palette names and code keep :)`, () => {
      const palette = paletteNames(lang);
      assert.ok(palette.length > 10, 'the palette names are read from package.json');
      const found = translatedStrings(lang).flatMap((s) => asciiColons(s, palette).map((c) => `${c} in ${JSON.stringify(s)}`));
      assert.deepEqual(found, []);
    });
  }

  it('finds a value glued to Chinese text with Latin letters or digits at the join, and lets a spaced or marked one through', () => {
    assert.deepEqual(gluedLatin('{0}\u9700\u8981 PatSnap API \u51ed\u636e\u3002', { 0: ['\u68c0\u7d22 PatSnap', '\u5bfc\u51fa'] }), ['\u68c0\u7d22 PatSnap\u9700']);
    assert.deepEqual(gluedLatin('\u6309{0}', { 0: ['IPC'] }), ['\u6309IPC']);
    assert.deepEqual(gluedLatin('\u6309 {0}', { 0: ['IPC'] }), []);
    assert.deepEqual(gluedLatin('\u201c{0}\u201d\u4e2d\u6ca1\u6709\u7a7a\u683c\u3002', { 0: ['\u5ba2\u6237\u7aef ID'] }), []);
    assert.deepEqual(gluedLatin('{0}\u5931\u8d25\uff1a{1}', { 0: ['\u83b7\u53d6 PDF \u6587\u4ef6'] }), []);
  });

  it('zh-cn: a placeholder that may hold Latin text or digits is spaced from Chinese text, as the bundle\u2019s own words are', () => {
    const bundle = readJson('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
    const t = (message: string): string => bundleTranslator('zh-cn').t(message);
    const operations = operationNames().map(t);
    assert.ok(operations.length >= 10, operations.join());
    const kinds = ['text', 'names', 'document numbers', 'classification codes', 'codes', 'dates (yyyyMMdd)', 'years (yyyy)', 'months (yyyyMM)', 'whole numbers'].map(t);
    const endpoints = ['search (P002)', 'hit count (P001)', 'facets (P003)', 'export (P055)'].map(t);
    const accounts = ['API key', 'client ID'].map(t);
    // Dates as the display language writes them in Chinese (core/text/dates); legal statuses as the API sends them, English or Chinese.
    const dates = ['2020\u5e741\u67081\u65e5', '2023\u5e7412\u670831\u65e5'];
    // What each placeholder that meets Chinese text may hold (a code, a name, a translated word, a date).
    const HOLDS: Readonly<Record<string, Readonly<Record<number, readonly string[]>>>> = {
      'By {0}': { 0: ['IPC', 'CPC'] },
      'Enter the {0}.': { 0: [t('client ID'), t('client secret')] },
      'The {0} has no spaces.': { 0: [t('client ID'), t('client secret')] },
      'Patent Lookup talks to PatSnap at {0} with the {1} ending \u2026{2}.': { 0: ['open-api.patsnap.com'], 1: accounts, 2: ['a1b2'] },
      'Patent Lookup talks to PatSnap at {0} with your {1}.': { 0: ['open-api.patsnap.com'], 1: accounts },
      'The query is {0} characters long with the cell\u2019s date range ({1} characters); PatSnap\u2019s {2} takes at most {3}. Shorten it by {4}.': { 0: ['1,600'], 1: ['40'], 2: endpoints, 3: ['1,500'], 4: ['140'] },
      'The query is {0} characters long; PatSnap\u2019s {1} takes at most {2}. Shorten it by {3}.': { 0: ['1,600'], 1: endpoints, 2: ['1,500'], 3: ['100'] },
      'from {0}': { 0: dates },
      'published from {0}': { 0: dates },
      'filed from {0}': { 0: dates },
      'until {0}': { 0: dates },
      '{0} to {1}': { 0: dates, 1: dates },
      // The search options' sort, and the search log's (its fields and orders as codes).
      'sorted by {0}': { 0: [...['Publication date, newest first', 'Application date, oldest first'].map((m) => t(m).toLowerCase()), 'PBDT_YEARMONTHDAY DESC'] },
      // The search fields' group names in completions: Chinese words.
      '{0} field': { 0: ['Text', 'Litigation', 'Re-examination and invalidation'].map(t) },
      '{0} failed: an unexpected error occurred; the details are in the Patent Lookup log.': { 0: operations },
      '{0} failed: {1}': { 0: operations },
      '{0} was cancelled.': { 0: operations },
      '{0} needs PatSnap API credentials.': { 0: operations },
      '{0} holds {1}: ranges work on dates and counts, as in {2}.': { 0: ['TTL'], 1: kinds, 2: ['PBD:[20200101 TO 20201231]'] },
      '{0} positions words in text; {1} holds {2}, so it has no effect there.': { 0: ['$W5'], 1: ['PBD'], 2: kinds },
      '{0} takes {1}, not "{2}".': { 0: ['PBD'], 1: kinds, 2: ['x'] },
      '{0} takes {1}, not a phrase.': { 0: ['PBD'], 1: kinds },
      '{0} is no longer in force ({1} since {2}).': { 0: ['US1B2'], 1: ['Expired', '\u5931\u6548'], 2: dates },
      // The Markdown link as the hover shows it: its text.
      '{0} to see the title, assignee and legal status.': { 0: [t('Set API credentials')] },
      // The export's confirmation: a count of patents, which ends in Chinese ("3 件专利").
      'Export {0} as {1}?': { 0: [t('{0} patents').replace('{0}', '3'), t('1 patent')], 1: ['CSV'] },
      'Export up to {0} as {1}?': { 0: [t('{0} patents').replace('{0}', '3')], 1: ['CSV'] },
    };
    const meetsChinese = new RegExp(String.raw`\p{Script=Han}\{\d+\}|\{\d+\}\p{Script=Han}`, 'u');
    const undecided = Object.keys(bundle).filter((k) => meetsChinese.test(bundle[k] as string) && !(k in HOLDS));
    assert.deepEqual(undecided, [], 'each placeholder that meets Chinese text: say what it may hold in HOLDS');
    const glued = Object.entries(HOLDS).flatMap(([message, holds]) => gluedLatin(bundle[message] ?? assert.fail(`${message} is not asked for`), holds).map((g) => `${g} (${message})`));
    assert.deepEqual(glued, []);
    // And the bundle's own words: no Latin letter or digit right against Chinese anywhere.
    const literal = translatedStrings('zh-cn').filter((s) => /\p{Script=Han}[A-Za-z0-9]|[A-Za-z0-9]\p{Script=Han}/u.test(s.replace(/\{\d+\}/g, ' ')));
    assert.deepEqual(literal, []);
  });
});
