import * as assert from 'node:assert/strict';
import { checkExportParams } from '../../../../src/core/api/validation';
import {
  billableCount,
  countParams,
  dateRangeProblem,
  draftToParams,
  exportConfirmation,
  exportFormats,
  fieldChoices,
  fieldPresets,
  fieldsProblem,
  formatLabel,
  keepValidFields,
  newDraft,
  offsetProblem,
  parseDateRange,
  parseWholeNumber,
  queryProblem,
  rowsProblem,
  shortenQuery,
} from '../../../../src/extension/exports/wizardModel.pure';

describe('export wizard: fields step', () => {
  it('offers "Bibliographic basics" for tabular formats but not for full text', () => {
    const csv = fieldPresets('csv').map((p) => p.label);
    assert.ok(csv.includes('Bibliographic basics'));
    assert.deepEqual(fieldPresets('csv').find((p) => p.label === 'Bibliographic basics')?.fields, ['PN', 'TTL', 'AN', 'APD', 'PBD']);
    assert.ok(!csv.includes('Full text'), 'DESC is full_text only');
    assert.ok(!csv.includes('Front page with claims'), 'CLMS is full_text/pdf only');
    const fullText = fieldPresets('full_text').map((p) => p.label);
    assert.ok(fullText.includes('Full text'));
    assert.ok(!fullText.includes('Bibliographic basics'));
    assert.ok(fieldPresets('pdf').some((p) => p.label === 'Front page with claims'));
  });

  it('offers only the fields the chosen format allows', () => {
    assert.deepEqual(fieldChoices('full_text').map((c) => c.field), ['PN', 'ABST', 'CLMS', 'DESC']);
    assert.deepEqual(fieldChoices('pdf').map((c) => c.field), ['PN', 'APNO', 'TTL', 'ABST', 'AN', 'IN', 'APD', 'PBD', 'IPC', 'CPC', 'LEGAL_STATUS', 'CLMS']);
    for (const type of ['csv', 'xls', 'json', 'xml'] as const) {
      const fields = fieldChoices(type).map((c) => c.field);
      assert.ok(!fields.includes('CLMS') && !fields.includes('DESC'), `${type}: ${fields.join(', ')}`);
      assert.equal(fields.length, 11);
    }
    // Every field offered passes the contract's own check for that format.
    for (const type of ['csv', 'xls', 'json', 'xml', 'pdf', 'full_text'] as const) {
      assert.deepEqual(checkExportParams({ query: 'q', exportType: type, fields: fieldChoices(type).map((c) => c.field), rows: 1 }), [], type);
    }
  });

  it('explains an invalid pick in one sentence, with the format\'s plain name', () => {
    assert.equal(fieldsProblem(['PN', 'TTL'], 'csv'), undefined);
    assert.match(fieldsProblem([], 'csv') ?? '', /at least one field/);
    assert.equal(fieldsProblem(['PN', 'CLMS'], 'csv'), 'Claims (CLMS) cannot be exported as CSV.');
    assert.equal(fieldsProblem(['PN', 'DESC'], 'pdf'), 'Description (DESC) cannot be exported as PDF (ZIP of PDFs).');
    assert.equal(fieldsProblem(['PN', 'TTL'], 'full_text'), 'Title (TTL) cannot be exported as Full text (ZIP of XML).');
  });

  it('names formats plainly, never by PatSnap\'s names for them', () => {
    assert.deepEqual(
      exportFormats().map((f) => f.label),
      ['CSV', 'Excel (XLS)', 'JSON', 'XML', 'PDF (ZIP of PDFs)', 'Full text (ZIP of XML)'],
    );
    assert.equal(formatLabel('full_text'), 'Full text (ZIP of XML)');
    assert.ok(!exportFormats().some((f) => /full_text/.test(`${f.label} ${f.description}`)));
  });

  it('keeps the earlier fields a new format still takes', () => {
    assert.deepEqual(keepValidFields(['PN', 'TTL', 'ABST', 'CLMS'], 'full_text'), ['PN', 'ABST', 'CLMS']);
    assert.deepEqual(keepValidFields(['PN', 'CLMS', 'DESC'], 'csv'), ['PN']);
  });
});

describe('export wizard: rows and offset', () => {
  it('reads whole numbers as people type them', () => {
    assert.equal(parseWholeNumber('1,000'), 1000);
    assert.equal(parseWholeNumber(' 250 '), 250);
    assert.equal(parseWholeNumber('1e3'), undefined);
    assert.equal(parseWholeNumber('-5'), undefined);
    assert.equal(parseWholeNumber('2.5'), undefined);
  });

  it('holds rows to the format limit', () => {
    assert.equal(rowsProblem('100000', 'csv'), undefined);
    assert.equal(rowsProblem('100001', 'csv'), 'CSV exports take at most 100,000 patents.');
    assert.equal(rowsProblem('1000', 'pdf'), undefined);
    assert.equal(rowsProblem('1001', 'full_text'), 'Full text (ZIP of XML) exports take at most 1,000 patents.');
    assert.equal(rowsProblem('0', 'csv'), 'Type how many patents to export: a whole number from 1 to 100,000.');
    assert.equal(rowsProblem('ten', 'pdf'), 'Type how many patents to export: a whole number from 1 to 1,000.');
  });

  it('holds rows + offset to 100,000 from either side', () => {
    assert.equal(rowsProblem('50000', 'csv', 50000), undefined);
    assert.equal(rowsProblem('50001', 'csv', 50000), 'PatSnap exports only the first 100,000 results: with 50,000 skipped, take at most 50,000.');
    assert.equal(offsetProblem('99900', 100), undefined);
    assert.equal(offsetProblem('', 100), undefined, 'empty means none');
    assert.equal(offsetProblem('99901', 100), 'PatSnap exports only the first 100,000 results: with 100 patents, skip at most 99,900.');
    assert.equal(offsetProblem('x', 100), 'Type how many results to skip: a whole number, 0 for none.');
  });
});

describe('export wizard: date ranges and query', () => {
  it('parses FROM-TO with * and single days', () => {
    assert.equal(parseDateRange(''), undefined);
    assert.equal(parseDateRange('*-*'), undefined);
    assert.deepEqual(parseDateRange('20110101-20180619'), { from: '20110101', to: '20180619' });
    assert.deepEqual(parseDateRange('20200101 - *'), { from: '20200101', to: '*' });
    assert.deepEqual(parseDateRange('20200101'), { from: '20200101', to: '20200101' });
    assert.equal(parseDateRange('2020-01-01'), 'invalid');
  });

  it('says what is wrong with a range', () => {
    assert.equal(dateRangeProblem('20110101-20180619'), undefined);
    assert.equal(dateRangeProblem(''), undefined);
    assert.match(dateRangeProblem('2011-2018') ?? '', /FROM-TO with dates as yyyyMMdd/);
    assert.equal(dateRangeProblem('20230230-*'), '20230230 is not a date: write yyyyMMdd, e.g. 20180619.');
    assert.equal(dateRangeProblem('20200101-20190101'), 'The range starts (20200101) after it ends (20190101).');
  });

  it('needs a query of at most 2,000 characters', () => {
    assert.match(queryProblem('  ') ?? '', /Type a PatSnap query/);
    assert.equal(queryProblem('TTL:battery'), undefined);
    assert.equal(queryProblem('a'.repeat(2001)), 'The query is 2,001 characters long; PatSnap takes at most 2,000.');
  });
});

describe('export wizard: draft to request', () => {
  it('turns the default draft into a request the core accepts', () => {
    const params = draftToParams(newDraft({ query: 'TTL:battery', lang: 'de', collapseType: 'DOCDB' }));
    assert.deepEqual(params, { query: 'TTL:battery', fields: ['PN', 'TTL', 'AN', 'APD', 'PBD'], exportType: 'csv', rows: 100, lang: 'de', transLang: 'en', stemming: false, collapseType: 'DOCDB' });
    assert.deepEqual(checkExportParams(params), []);
  });

  it('leaves out open ends and a zero offset', () => {
    const draft = { ...newDraft({ query: 'q' }), offset: 0, apdtFrom: '*', apdtTo: '20200101', pbdtFrom: undefined };
    const params = draftToParams(draft);
    assert.equal('offset' in params, false);
    assert.equal('apdtFrom' in params, false);
    assert.equal(params.apdtTo, '20200101');
    assert.equal(draftToParams({ ...draft, offset: 20 }).offset, 20);
  });

  it('ignores an unknown language setting', () => {
    assert.equal(newDraft({ lang: 'xx' }).lang, 'en');
  });
});

describe('export confirmation', () => {
  const query = `TTL:battery AND ${'ABST:"solid state" OR '.repeat(20)}AN:Acme`;
  const params = { query, fields: ['PN', 'TTL'], exportType: 'csv', rows: 2500, offset: 100 } as const;

  it('states the count PatSnap will bill, the search\u2019s total, the format and the shortened query', () => {
    const c = exportConfirmation(params, 'exports/ in demo', { total: 2_450, billed: 2_350 });
    assert.equal(c.message, 'Export 2,350 patents as CSV?');
    assert.match(c.detail, /PatSnap will bill 2,350 patents for this export: the search finds 2,450; 2,500 requested, skipping the first 100\./);
    assert.doesNotMatch(c.detail, /up to/);
    assert.match(c.detail, /Format: CSV, fields PN, TTL/);
    assert.match(c.detail, /Saved to: exports\/ in demo/);
    const queryLine = c.detail.split('\n').find((l) => l.startsWith('Query: ')) ?? '';
    assert.ok(queryLine.length <= 'Query: '.length + 200 && queryLine.endsWith('…'), queryLine);
    assert.equal(c.button, 'Export 2,350 patents');
  });

  it('says "patent" for one', () => {
    const c = exportConfirmation({ query: 'q', fields: ['PN'], exportType: 'pdf', rows: 10 }, '/tmp/x.zip', { total: 1, billed: 1 });
    assert.equal(c.message, 'Export 1 patent as PDF (ZIP of PDFs)?');
    assert.equal(c.button, 'Export 1 patent');
  });

  it('says "at most" and why only when the query cannot be counted', () => {
    const c = exportConfirmation(params, 'exports/ in demo');
    assert.equal(c.message, 'Export up to 2,500 patents as CSV?');
    assert.match(c.detail, /at most 2,500 patents .* too long to count/);
  });

  it('says that stemming may match more than was counted', () => {
    assert.match(exportConfirmation({ ...params, stemming: true }, 'x', { total: 10, billed: 10 }).detail, /without stemming/);
  });

  it('bills the total less the skipped results, capped by the rows', () => {
    assert.equal(billableCount(2_450, { rows: 2_500, offset: 100 }), 2_350);
    assert.equal(billableCount(100_000, { rows: 5 }), 5);
    assert.equal(billableCount(3, { rows: 5, offset: 10 }), 0);
    assert.equal(billableCount(0, { rows: 5 }), 0);
  });

  it('counts with the export\u2019s date ranges and collapsing, and not at all past P001\u2019s query limit', () => {
    assert.deepEqual(countParams({ query: 'TTL:battery', fields: ['PN'], exportType: 'csv', rows: 5 }), { query: 'TTL:battery' });
    assert.deepEqual(countParams({ query: 'TTL:a OR TTL:b', fields: ['PN'], exportType: 'csv', rows: 5, apdtFrom: '20110101', pbdtTo: '20201231', collapseType: 'DOCDB' }), {
      query: '(TTL:a OR TTL:b) AND APD:[20110101 TO *] AND PBD:[* TO 20201231]',
      collapseType: 'DOCDB',
    });
    assert.equal(countParams({ query: `TTL:${'x'.repeat(1_600)}`, fields: ['PN'], exportType: 'csv', rows: 5 }), undefined);
  });

  it('shortens long queries to one line', () => {
    assert.equal(shortenQuery('a\n  b', 10), 'a b');
    assert.equal(shortenQuery('abcdefghijk', 5), 'abcd…');
  });
});
