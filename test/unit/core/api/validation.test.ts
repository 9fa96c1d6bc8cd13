import * as assert from 'node:assert/strict';
import type { ExamDocsParams, ExportParams, FacetParams, SearchParams } from '../../../../src/core/api/types';
import { checkExamDocsParams, checkExportParams, checkFacetParams, checkSearchParams, isYmd } from '../../../../src/core/api/validation';
import { client, rejectsWith, useSandbox } from './helpers';

const search = (p: Partial<SearchParams>): SearchParams => ({ query: 'TTL:battery', ...p }) as SearchParams;
const exp = (p: Partial<ExportParams>): ExportParams => ({ query: 'TTL:battery', fields: ['PN'], exportType: 'csv', rows: 10, ...p }) as ExportParams;

describe('input validation', () => {
  it('accepts good search parameters', () => {
    assert.deepEqual(checkSearchParams(search({ limit: 1000, offset: 19000, sort: [{ field: 'SCORE', order: 'DESC' }], collapseType: 'DOCDB', collapseBy: 'AUTHORITY', collapseOrderAuthority: ['CN', 'US'] })), []);
    assert.deepEqual(checkSearchParams(search({ query: 'x'.repeat(1500) })), []);
  });

  const badSearch: Array<[string, Partial<SearchParams>, string]> = [
    ['empty query', { query: '' }, 'query'],
    ['blank query', { query: '   ' }, 'query'],
    ['query over 1500 characters', { query: 'x'.repeat(1501) }, 'query'],
    ['limit 0', { limit: 0 }, 'limit'],
    ['limit 1001', { limit: 1001 }, 'limit'],
    ['fractional limit', { limit: 2.5 }, 'limit'],
    ['negative offset', { offset: -1 }, 'offset'],
    ['offset + limit over 20000', { offset: 19500, limit: 501 }, 'offset'],
    ['unknown sort field', { sort: [{ field: 'TITLE' as never, order: 'ASC' }] }, 'sort'],
    ['unknown sort order', { sort: [{ field: 'SCORE', order: 'desc' as never }] }, 'sort'],
    ['unknown collapse type', { collapseType: 'FAMILY' as never }, 'collapseType'],
    ['unknown collapse by', { collapseBy: 'X' as never }, 'collapseBy'],
    ['unknown collapse order', { collapseOrder: 'NEWEST' as never }, 'collapseOrder'],
    ['authority order without AUTHORITY', { collapseBy: 'PBD', collapseOrderAuthority: ['US'] }, 'collapseOrderAuthority'],
    ['bad authority codes', { collapseBy: 'AUTHORITY', collapseOrderAuthority: ['usa'] }, 'collapseOrderAuthority'],
  ];
  for (const [what, p, parameter] of badSearch) {
    it(`search: refuses ${what}`, () => {
      const problems = checkSearchParams(search(p));
      assert.equal(problems[0]?.parameter, parameter, JSON.stringify(problems));
      assert.ok((problems[0]?.message.length ?? 0) > 10);
    });
  }

  const facets = (p: Partial<FacetParams>): FacetParams => ({ query: 'TTL:battery', fields: ['ASSIGNEE'], ...p }) as FacetParams;

  it('accepts good facet parameters', () => {
    assert.deepEqual(checkFacetParams(facets({ fields: ['assignee', ' PUBLICATION_YEAR ', 'IPC_SUBCLASS', 'AUTHORITY', 'INVENTOR'], limit: 100, offset: 100, lang: 'jp' })), []);
    assert.deepEqual(checkFacetParams(facets({ query: 'TTL:"cost $50"' })), []);
  });

  const badFacets: Array<[string, Partial<FacetParams>, string]> = [
    ['an empty query', { query: ' ' }, 'query'],
    ['$W in the query', { query: 'TTL:(battery $W5 cell)' }, 'query'],
    ['$PRE in the query', { query: 'battery $pre2 cell' }, 'query'],
    ['$WS in the query', { query: 'battery $WS cell' }, 'query'],
    ['$SEN, $PARA and $FREQ', { query: 'a $SEN b' }, 'query'],
    ['no field', { fields: [] }, 'fields'],
    ['six fields', { fields: ['A', 'B', 'C', 'D', 'E', 'F'] }, 'fields'],
    ['a field twice', { fields: ['ASSIGNEE', 'assignee'] }, 'fields'],
    ['a field that is not a code', { fields: ['ASSIGNEE,INVENTOR'] }, 'fields'],
    ['limit 0', { limit: 0 }, 'limit'],
    ['limit 101', { limit: 101 }, 'limit'],
    ['offset + limit over 200', { limit: 60, offset: 150 }, 'offset'],
    ['an unknown language', { lang: 'de' as never }, 'lang'],
  ];
  for (const [what, p, parameter] of badFacets) {
    it(`facets: refuses ${what}`, () => {
      const problems = checkFacetParams(facets(p));
      assert.equal(problems[0]?.parameter, parameter, JSON.stringify(problems));
    });
  }

  const badExam: Array<[string, ExamDocsParams, string]> = [
    ['none of apno, id, number', {}, 'patentNumber'],
    ['two of them', { apno: 'US14/706838', patentNumber: 'US11205304B2' }, 'patentNumber'],
    ['a CN application', { apno: 'CN201510570472.5' }, 'apno'],
    ['a CN number', { patentNumber: 'cn104169186a' }, 'patentNumber'],
    ['a bad doc code', { patentNumber: 'US11205304B2', docCodes: ['CT NF'] }, 'docCodes'],
    ['an impossible date', { patentNumber: 'US11205304B2', dateFrom: 20230231 }, 'dateFrom'],
    ['a date that is not yyyyMMdd', { patentNumber: 'US11205304B2', dateTo: 2023 }, 'dateTo'],
    ['from after to', { patentNumber: 'US11205304B2', dateFrom: 20240101, dateTo: 20230101 }, 'dateFrom'],
    ['limit 0', { patentNumber: 'US11205304B2', limit: 0 }, 'limit'],
    ['negative offset', { patentNumber: 'US11205304B2', offset: -5 }, 'offset'],
  ];
  for (const [what, p, parameter] of badExam) {
    it(`examination documents: refuses ${what}`, () => {
      assert.equal(checkExamDocsParams(p)[0]?.parameter, parameter, JSON.stringify(checkExamDocsParams(p)));
    });
  }
  it('examination documents: accepts one ref with codes and a date range', () => {
    assert.deepEqual(checkExamDocsParams({ apno: 'US14/706838', docCodes: ['CTNF', 'ids', 'ISSUE.NTF'], dateFrom: 20200229, dateTo: 20241231, limit: 50, offset: 0 }), []);
  });

  const badExport: Array<[string, Partial<ExportParams>, string]> = [
    ['no fields', { fields: [] }, 'fields'],
    ['an unknown field', { fields: ['PN', 'FOO'] }, 'fields'],
    ['DESC in a csv', { fields: ['PN', 'DESC'] }, 'fields'],
    ['CLMS in a csv', { fields: ['CLMS'] }, 'fields'],
    ['TTL in full_text', { exportType: 'full_text', fields: ['PN', 'TTL'] }, 'fields'],
    ['an unknown type', { exportType: 'docx' as never }, 'exportType'],
    ['rows 0', { rows: 0 }, 'rows'],
    ['pdf rows over 1000', { exportType: 'pdf', rows: 1001 }, 'rows'],
    ['csv rows over 100000', { rows: 100_001 }, 'rows'],
    ['rows + offset over 100000', { rows: 60_000, offset: 40_001 }, 'offset'],
    ['a bad date', { apdtFrom: '2020-01-01' }, 'apdtFrom'],
    ['from after to', { pbdtFrom: '20240101', pbdtTo: '20230101' }, 'pbdtFrom'],
    ['an unknown lang', { lang: 'es' as never }, 'lang'],
    ['an unknown trans_lang', { transLang: 'de' as never }, 'transLang'],
    ['a query over 2000 characters', { query: 'x'.repeat(2001) }, 'query'],
  ];
  for (const [what, p, parameter] of badExport) {
    it(`export: refuses ${what}`, () => {
      assert.equal(checkExportParams(exp(p))[0]?.parameter, parameter, JSON.stringify(checkExportParams(exp(p))));
    });
  }
  it('export: accepts the rules of the contract', () => {
    assert.deepEqual(checkExportParams(exp({ exportType: 'full_text', fields: ['PN', 'ABST', 'CLMS', 'DESC'], rows: 1000 })), []);
    assert.deepEqual(checkExportParams(exp({ exportType: 'pdf', fields: ['PN', 'CLMS'], apdtFrom: '*', apdtTo: '20240229', lang: 'kr', transLang: 'jp', stemming: true })), []);
    assert.deepEqual(checkExportParams(exp({ rows: 90_000, offset: 10_000 })), []);
  });

  it('isYmd knows the calendar', () => {
    assert.equal(isYmd(20240229), true);
    assert.equal(isYmd(20230229), false);
    assert.equal(isYmd('20241301'), false);
    assert.equal(isYmd('2024011'), false);
  });
});

describe('input validation happens before any call', () => {
  const ctx = useSandbox();
  it('the client throws invalidParameter for the first problem and the service sees nothing', async () => {
    const api = client(ctx.sb);
    await rejectsWith(api.search({ query: 'x', limit: 5000 }), 'invalidParameter', /limit/);
    await rejectsWith(api.searchWithDetails({ query: ' ' }), 'invalidParameter');
    await rejectsWith(api.examinationDocuments({ apno: 'CN201510570472.5' }), 'invalidParameter', /Chinese/);
    await rejectsWith(api.createExport(exp({ fields: ['DESC'] })), 'invalidParameter', /DESC/);
    await rejectsWith(api.exportStatus('not a task id!'), 'invalidParameter');
    const e = await rejectsWith(api.createExport(exp({ rows: 0 })), 'invalidParameter');
    assert.equal(e.parameter, 'rows');
    assert.equal(ctx.sb.stats.calls(), 0);
  });
});
