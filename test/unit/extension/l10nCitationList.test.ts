/**
 * The citation list's Markdown table, a list for reading, in the display language: its
 * headers, the words for a patent PatSnap has not, the legal statuses (statusLabelsOf) and
 * the dates (as the panel writes them). Read with both bundles. Without a translator (the
 * CLI) it is English, ISO dates and each status as PatSnap wrote it; the IDS lists, CSV,
 * CSL-JSON and BibTeX stay English in every language.
 */
import * as assert from 'node:assert/strict';
import { citationEntries, formatCitationList, type CitationFacts, type PatentFacts } from '../../../src/core/citations';
import { findPatentNumbers } from '../../../src/core/numbers';
import { dateWriter } from '../../../src/core/text/dates';
import { bundleTranslator } from './localizedManifest';

const LATIN_WORD = /[A-Za-z]{2,}/;

function facts(pn: string, more: Partial<PatentFacts> = {}): PatentFacts {
  return { pn, assignees: [], applicants: [], inventors: [], priority: [], ...more };
}

const known: CitationFacts = {
  publications: new Map([
    ['US11205304B2', { found: true as const, ...facts('US11205304B2', { title: 'Title', assignees: ['MAGIC LEAP, INC.', 'Johnson and Johnson'], inventors: ['James Smith', 'Smith, Jane'], publicationDate: '2021-12-21', applicationNumber: 'US14/706838', legal: { simple: ['Active'], detailed: ['Granted'], date: '2025-06-21' } }) }],
    ['EP1234567B1', { found: true as const, ...facts('EP1234567B1', { title: 'European', assignees: ['SIEMENS AKTIENGESELLSCHAFT'], publicationDate: '2005-04-06', legal: { simple: ['inactive'], detailed: ['Non-payment'] } }) }],
    ['US9999999B2', { found: false as const }],
  ]),
  applications: new Map([['US17/999999', { publications: [] }]]),
};
const entries = citationEntries(findPatentNumbers('US 11,205,304 B2; EP 1 234 567 B1; US 9,999,999 B2; U.S. Appl. No. 17/999,999; JP 2020-123456 A', { flagImpossible: true }), known);

/** The table's cells, row by row, without the Markdown escapes (`\,` is a comma to the reader). */
const cells = (table: string): string[][] => table.trimEnd().split('\n').map((line) => line.slice(2, -2).split(' | ').map((c) => c.replace(/\\(.)/g, '$1')));

describe('The citation list\u2019s Markdown table in the display language', () => {
  const EXPECTED = {
    'zh-cn': {
      header: ['#', '号码', '标题', '申请人／专利权人', '发明人', '公开', '申请', '法律状态'],
      published: '2021年12月21日',
      legal: ['有效，授权（2025年6月21日）', '失效，未缴年费'],
      notFound: ['PatSnap 中未找到', 'PatSnap 中未找到公开文本'],
    },
    ja: {
      header: ['#', '番号', 'タイトル', '出願人／権利者', '発明者', '公開', '出願', '法的状態'],
      published: '2021/12/21',
      legal: ['有効、登録（2025/06/21）', '失効、年金不納'],
      notFound: ['PatSnap に見つかりません', 'PatSnap に公報が見つかりません'],
    },
  } as const;

  for (const lang of ['zh-cn', 'ja'] as const) {
    it(`${lang}: headers, statuses, dates and "not found" in ${lang}; names and numbers as they are`, () => {
      const table = cells(formatCitationList(entries, 'markdown', { l10n: bundleTranslator(lang), date: dateWriter(lang).day }));
      const [header, , first, second, missing, unpublished] = table;
      assert.deepEqual(header, EXPECTED[lang].header);
      for (const title of header ?? []) assert.equal(title.match(LATIN_WORD), null, title);
      assert.deepEqual([first?.[5], first?.[7], second?.[7]], [EXPECTED[lang].published, ...EXPECTED[lang].legal]);
      assert.deepEqual([first?.[1], first?.[3], first?.[6]], ['US 11,205,304 B2', 'MAGIC LEAP, INC.; Johnson and Johnson', 'US14/706838']);
      assert.deepEqual([missing?.[2], unpublished?.[2]], EXPECTED[lang].notFound);
    });

    it(`${lang}: the IDS lists, CSV, CSL-JSON and BibTeX stay English`, () => {
      const options = { l10n: bundleTranslator(lang), date: dateWriter(lang).day };
      for (const format of ['ids', 'csv', 'csl-json', 'bibtex'] as const) assert.equal(formatCitationList(entries, format, options), formatCitationList(entries, format), format);
    });
  }

  it('English, ISO dates and each status as PatSnap wrote it without a translator (the CLI), as before', () => {
    assert.equal(
      formatCitationList(entries, 'markdown'),
      [
        '| # | Number | Title | Applicant / assignee | Inventors | Published | Application | Legal status |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        '| 1 | US 11,205,304 B2 | Title | MAGIC LEAP\\, INC\\.\\; Johnson and Johnson | James Smith\\; Smith\\, Jane | 2021-12-21 | US14/706838 | Active\\, Granted \\(2025\\-06\\-21\\) |',
        '| 2 | EP 1 234 567 B1 | European | SIEMENS AKTIENGESELLSCHAFT |  | 2005-04-06 |  | inactive, Non-payment |',
        '| 3 | US 9,999,999 B2 | Not found in PatSnap |  |  |  |  |  |',
        '| 4 | US 17/999,999 | No publication found in PatSnap |  |  |  | US17/999999 |  |',
        '| 5 | JP 2020-123456 A |  |  |  |  |  |  |',
        '',
      ].join('\n'),
    );
  });
});
