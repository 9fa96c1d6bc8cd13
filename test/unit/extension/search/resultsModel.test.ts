import * as assert from 'node:assert/strict';
import type { SearchHit, SearchPage } from '../../../../src/core/api/types';
import { appendPage, firstResults, nextPage, patentTooltip, resultRows, resultsDescription, type ResultsState } from '../../../../src/extension/search/resultsModel.pure';
import { DEFAULT_SEARCH_OPTIONS, readSearchOptions, searchParams } from '../../../../src/extension/search/searchOptions.pure';
import { useTranslator } from '../../../../src/extension/common/l10n.pure';
import { bundleTranslator } from '../localizedManifest';
import { fillArgs } from '../../../../src/core/text/translator';

function hit(i: number): SearchHit {
  return { patentId: `id-${i}`, pn: `US${10000000 + i}B2`, title: `Title ${i}` };
}

function page(offset: number, limit: number, total: number, count = Math.min(limit, Math.max(0, total - offset))): SearchPage {
  return { hits: Array.from({ length: count }, (_, i) => hit(offset + i)), resultCount: count, total, offset, limit };
}

const options = DEFAULT_SEARCH_OPTIONS;

describe('search results model', () => {
  // Dates in the display language: English here, whatever the host's locale.
  before(() => useTranslator(fillArgs, 'en'));
  afterEach(() => useTranslator(fillArgs, 'en'));
  after(() => useTranslator(fillArgs));

  it('shows a page of patents and a "Load more" row with the count', () => {
    const state: ResultsState = { kind: 'results', results: firstResults('q', options, page(0, 50, 2500)) };
    const rows = resultRows(state, 50);
    assert.equal(rows.length, 51);
    assert.deepEqual(rows[0], { kind: 'patent', id: 'patent/id-0', hit: hit(0) });
    assert.deepEqual(rows[50], { kind: 'loadMore', id: 'loadMore', label: 'Load 50 more', description: '50 of 2,500', after: 50 });
    assert.equal(resultsDescription(state), '50 of 2,500');
  });

  it('appends the next page and stops at the last result', () => {
    let set = firstResults('q', options, page(0, 50, 120));
    assert.deepEqual(nextPage(set, 50), { offset: 50, limit: 50 });
    set = appendPage(set, page(50, 50, 120));
    assert.deepEqual(nextPage(set, 50), { offset: 100, limit: 50 });
    set = appendPage(set, page(100, 50, 120));
    assert.equal(set.hits.length, 120);
    assert.equal(nextPage(set, 50), undefined);
    const rows = resultRows({ kind: 'results', results: set }, 50);
    assert.equal(rows.filter((r) => r.kind === 'loadMore').length, 0);
  });

  it('keeps ids unique when the result list shifts between pages', () => {
    const set = appendPage(firstResults('q', options, page(0, 3, 10)), { ...page(3, 3, 10), hits: [hit(2), hit(3), hit(4)] });
    assert.deepEqual(set.hits.map((h) => h.patentId), ['id-0', 'id-1', 'id-2', 'id-3', 'id-4']);
    const ids = resultRows({ kind: 'results', results: set }, 3).map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('pages only through the first 20,000 results, then says so', () => {
    const set = { ...firstResults('q', options, page(0, 1000, 50_000)), nextOffset: 19_950 };
    assert.deepEqual(nextPage(set, 1000), { offset: 19_950, limit: 50 });
    const done = { ...set, nextOffset: 20_000 };
    assert.equal(nextPage(done, 1000), undefined);
    const last = resultRows({ kind: 'results', results: done }, 1000).at(-1);
    assert.equal(last?.kind, 'message');
    assert.match(last?.kind === 'message' ? last.text : '', /first 20,000/);
  });

  it('shows an empty search and a failed one as rows with their action', () => {
    const empty = resultRows({ kind: 'results', results: firstResults('q', options, page(0, 50, 0)) }, 50);
    assert.deepEqual(empty, [{ kind: 'message', id: 'message/empty', text: 'No patents match this search.', severity: 'info', action: { kind: 'editSearch', title: 'Edit Search' } }]);
    const failed = resultRows({ kind: 'failed', query: 'q', options, error: { message: 'Search failed: PatSnap rejected the credentials.', actions: ['setCredentials'] } }, 50);
    assert.deepEqual(failed, [
      { kind: 'message', id: 'message/error', text: 'Search failed: PatSnap rejected the credentials.', severity: 'error', action: { kind: 'setCredentials', title: 'Set API Credentials' } },
    ]);
    assert.deepEqual(resultRows({ kind: 'none' }, 50), []);
  });

  it('builds a plain-text tooltip with assignee and dates', () => {
    const tip = patentTooltip({ ...hit(1), currentAssignee: 'ACME <b>Corp</b>', publicationDate: 20210105, applicationDate: 20190301, applicationNumber: 'US16/123456' });
    assert.equal(tip, 'US10000001B2\nTitle 1\nAssignee: ACME <b>Corp</b>\nPublished: Jan 5, 2021\nFiled: Mar 1, 2019 (US16/123456)');
    useTranslator(bundleTranslator('ja').t, 'ja');
    const ja = patentTooltip({ ...hit(1), publicationDate: 20210105, applicationDate: 20190301 });
    assert.equal(ja.split('\n').slice(2).join('\n'), '\u516c\u958b\u65e5\uff1a2021/01/05\n\u51fa\u9858\u65e5\uff1a2019/03/01');
  });

  it('turns the toolbar choices into search parameters', () => {
    assert.deepEqual(searchParams('q', DEFAULT_SEARCH_OPTIONS, 0, 50), { query: 'q', offset: 0, limit: 50 });
    assert.deepEqual(searchParams('q', { sort: 'publishedNewest', collapse: 'DOCDB' }, 50, 50), {
      query: 'q',
      offset: 50,
      limit: 50,
      sort: [{ field: 'PBDT_YEARMONTHDAY', order: 'DESC' }],
      collapseType: 'DOCDB',
    });
    assert.deepEqual(readSearchOptions({ sort: 'bogus', collapse: 'APNO' }), { sort: 'relevance', collapse: 'APNO' });
    assert.deepEqual(readSearchOptions(undefined), DEFAULT_SEARCH_OPTIONS);
  });
});
