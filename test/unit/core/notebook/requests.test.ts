import * as assert from 'node:assert/strict';
import { checkCountParams, checkSearchParams } from '../../../../src/core/api/validation';
import { cellRequests, diagnoseCell, effectiveQuery, type QueryCell } from '../../../../src/core/notebook';

const cell = (source: string, options: QueryCell['options'] = {}): QueryCell => ({ kind: 'query', source, options, runs: [] });

describe('what a query cell sends', () => {
  it('adds the cell\u2019s date ranges to the query, in parentheses so its ORs stay inside', () => {
    assert.equal(effectiveQuery(cell('TTL:car OR TTL:truck')), 'TTL:car OR TTL:truck');
    assert.equal(effectiveQuery(cell('TTL:car OR TTL:truck', { publicationDate: { from: '20200101' }, applicationDate: { from: '*', to: '20191231' } })), '(TTL:car OR TTL:truck) AND PBD:[20200101 TO *] AND APD:[* TO 20191231]');
    assert.equal(effectiveQuery(cell('x', { publicationDate: { from: '*', to: '*' } })), 'x', 'an open range adds nothing');
  });

  it('asks P001, P002 and P003 with the cell\u2019s options, within the contract', () => {
    const r = cellRequests(cell('TTL:car', { limit: 50, sort: [{ field: 'PBDT_YEARMONTHDAY', order: 'DESC' }], collapseType: 'DOCDB', collapseBy: 'PBD', collapseOrder: 'LATEST', facets: ['PUBLICATION_YEAR', 'ASSIGNEE', 'AUTHORITY'], facetLimit: 25 }));
    assert.deepEqual(r.count, { query: 'TTL:car', collapseType: 'DOCDB', collapseBy: 'PBD', collapseOrder: 'LATEST' });
    assert.deepEqual(r.search, { query: 'TTL:car', limit: 50, offset: 0, sort: [{ field: 'PBDT_YEARMONTHDAY', order: 'DESC' }], collapseType: 'DOCDB', collapseBy: 'PBD', collapseOrder: 'LATEST' });
    assert.deepEqual(checkSearchParams(r.search), []);
    assert.deepEqual(checkCountParams(r.count), []);
    assert.deepEqual(r.facets, { query: 'TTL:car', fields: ['PUBLICATION_YEAR', 'ASSIGNEE', 'AUTHORITY'], limit: 25, offset: 0 });
    assert.ok((r.facets?.offset ?? 0) + (r.facets?.limit ?? 0) <= 200);
    assert.equal(r.calls, 3);
    const plain = cellRequests(cell('TTL:car'));
    assert.equal(plain.facets, undefined);
    assert.equal(plain.calls, 2);
    assert.equal(plain.search.limit, 20);
  });

  it('diagnoses the cell as it will be sent: its date range counts against 1,500, and facets refuse $W', () => {
    const long = `TTL:(${'a'.repeat(1480)})`;
    assert.deepEqual(diagnoseCell(cell(long)), []);
    const d = diagnoseCell(cell(long, { publicationDate: { from: '20200101' } }));
    assert.equal(d[0]?.code, 'tooLong');
    assert.match(d[0]?.message ?? '', /with the cell\u2019s date range/);
    assert.deepEqual(diagnoseCell(cell('book $W2 case')), []);
    assert.equal(diagnoseCell(cell('book $W2 case', { facets: ['ASSIGNEE'] }))[0]?.code, 'positionalNotAllowed');
    assert.equal(diagnoseCell(cell('CLMS:x'), 'sandbox')[0]?.code, 'backend');
  });
});
