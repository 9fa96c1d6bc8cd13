import * as assert from 'node:assert/strict';
import { queryOptionsSchema } from '../../../../src/core/notebook';
import { useTranslator } from '../../../../src/extension/common/l10n.pure';
import { describeCellOptions, parseDateRange, sortChoiceOf, withCharts, withCollapse, withDateRange, withKept, withSort } from '../../../../src/extension/notebook/cellOptions.pure';
import { RunCache, runCacheKey } from '../../../../src/extension/notebook/runCache.pure';
import { ENGLISH, fillArgs } from '../../../../src/core/text/translator';

describe('a query cell\u2019s options', () => {
  it('reads date ranges as typed, and says what is wrong', () => {
    assert.deepEqual(parseDateRange('', ENGLISH), {});
    assert.deepEqual(parseDateRange('20200101 to *', ENGLISH), { range: { from: '20200101' } });
    assert.deepEqual(parseDateRange('2020-01-01 to 2023-12-31', ENGLISH), { range: { from: '20200101', to: '20231231' } });
    assert.deepEqual(parseDateRange('* to 20231231', ENGLISH), { range: { to: '20231231' } });
    assert.deepEqual(parseDateRange('20200101', ENGLISH), { range: { from: '20200101' } });
    assert.match((parseDateRange('20200231 to *', ENGLISH) as { problem: string }).problem, /"20200231" is not a date/);
    assert.match((parseDateRange('20240101 to 20200101', ENGLISH) as { problem: string }).problem, /starts after it ends/);
    assert.match((parseDateRange('2020 to 2021 to 2022', ENGLISH) as { problem: string }).problem, /FROM to TO/);
  });

  it('changes one option at a time, into options the notebook file accepts', () => {
    let o = withSort({}, 'publishedNewest');
    assert.deepEqual(o.sort, [{ field: 'PBDT_YEARMONTHDAY', order: 'DESC' }]);
    assert.equal(sortChoiceOf(o), 'publishedNewest');
    o = withCollapse(o, 'DOCDB');
    assert.deepEqual([o.collapseType, o.collapseBy, o.collapseOrder], ['DOCDB', 'PBD', 'LATEST']);
    o = withDateRange(o, 'applicationDate', { from: '20150101' });
    o = withKept(o, 50);
    o = withCharts(o, ['PUBLICATION_YEAR', 'ASSIGNEE', 'AUTHORITY', 'INVENTOR', 'PATENT_TYPE', 'IPC_GROUP']);
    assert.equal(o.facets?.length, 5, 'at most five charts');
    assert.ok(queryOptionsSchema.safeParse(o).success);
    o = withSort(withCollapse(withDateRange(withCharts(o, []), 'applicationDate', undefined), 'ALL'), 'relevance');
    assert.deepEqual(o, { limit: 50 });
  });

  it('says the options in a few words, a date range in the display language\u2019s dates', () => {
    useTranslator(fillArgs, 'en');
    try {
      const words = describeCellOptions({ sort: [{ field: 'APD_YEARMONTHDAY', order: 'ASC' }], collapseType: 'INPADOC', publicationDate: { from: '20200101' }, facets: ['PUBLICATION_YEAR', 'AUTHORITY'] }, 20, ENGLISH);
      assert.deepEqual(words, ['Application date, oldest first', 'One per INPADOC family', 'published from Jan 1, 2020', 'top 20', 'charts: year, office']);
      assert.deepEqual(describeCellOptions({ sort: [{ field: 'ISD', order: 'ASC' }], limit: 3 }, 20, ENGLISH), ['Sorted as written in the cell', 'top 3']);
      assert.deepEqual(describeCellOptions({ applicationDate: { from: '20150101', to: '20191231' }, publicationDate: { to: '20231231' } }, 20, ENGLISH).slice(1, 3), ['published until Dec 31, 2023', 'filed Jan 1, 2015 to Dec 31, 2019']);
    } finally {
      useTranslator(fillArgs);
    }
  });

  it('caches runs by what they send, whatever order the options were written in', () => {
    const a = runCacheKey({ count: { query: 'q', collapseType: 'DOCDB' }, search: { query: 'q', limit: 20, offset: 0, sort: [{ field: 'SCORE', order: 'DESC' }] } });
    const b = runCacheKey({ search: { sort: [{ order: 'DESC', field: 'SCORE' }], offset: 0, limit: 20, query: 'q' }, count: { collapseType: 'DOCDB', query: 'q' } });
    assert.equal(a, b);
    assert.notEqual(a, runCacheKey({ count: { query: 'q', collapseType: 'DOCDB' }, search: { query: 'q', limit: 21, offset: 0 } }));
  });

  it('keeps at most so many runs in the session’s cache, dropping the one stored longest ago', () => {
    const cache = new RunCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 3); // stored again: now the newest
    cache.set('c', 4);
    assert.deepEqual([cache.get('a'), cache.has('b'), cache.get('c')], [3, false, 4]);
    cache.delete('a');
    assert.equal(cache.has('a'), false);
    cache.clear();
    assert.equal(cache.get('c'), undefined);
  });
});
