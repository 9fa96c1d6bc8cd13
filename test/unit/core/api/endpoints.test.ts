import * as assert from 'node:assert/strict';
import { ENDPOINTS } from '../../../../src/core/api/client';
import type { Credentials, ExamDocument } from '../../../../src/core/api/types';
import { apiCalls, client, KEY_CREDENTIALS, rejectsWith, SECRET_CREDENTIALS, TOKEN, useSandbox } from './helpers';

const models: Array<[string, Credentials]> = [
  ['client id + secret', SECRET_CREDENTIALS],
  ['sk- API key', KEY_CREDENTIALS],
];

for (const [model, credentials] of models) {
  describe(`client endpoints (${model})`, () => {
    const ctx = useSandbox({ exportPendingPolls: 1 });

    it('search (P002): hits, counts, paging, sort and collapse sent as the contract names them', async () => {
      const api = client(ctx.sb, { credentials });
      const page = await api.search({ query: 'TTL:battery', limit: 5, offset: 2, sort: [{ field: 'PBDT_YEARMONTHDAY', order: 'DESC' }], collapseType: 'DOCDB', collapseBy: 'PBD', collapseOrder: 'LATEST' });
      assert.equal(page.hits.length, 5);
      assert.equal(page.limit, 5);
      assert.equal(page.offset, 2);
      assert.ok(page.total >= 5);
      assert.ok(page.hits.every((h) => h.pn && h.patentId));
      // v1 gives pn and patent_id only.
      assert.equal(page.hits[0]?.title, undefined);
      const dates = (await api.searchWithDetails({ query: 'TTL:battery', limit: 5, offset: 2, sort: [{ field: 'PBDT_YEARMONTHDAY', order: 'DESC' }], collapseType: 'DOCDB', collapseBy: 'PBD', collapseOrder: 'LATEST' })).hits.map((h) => h.publicationDate ?? 0);
      assert.deepEqual(dates, [...dates].sort((a, b) => b - a));
    });

    it('count (P001): the total of the same search, collapse applied, no results fetched', async () => {
      const api = client(ctx.sb, { credentials });
      const page = await api.search({ query: 'TTL:battery', limit: 1 });
      ctx.sb.stats.reset();
      assert.equal(await api.count({ query: 'TTL:battery' }), page.total);
      assert.equal(ctx.sb.stats.calls(ENDPOINTS.count), 1);
      assert.equal(ctx.sb.stats.calls(ENDPOINTS.search), 0);
      const collapsed = await api.search({ query: 'TTL:battery', limit: 1, collapseType: 'INPADOC' });
      const families = await api.count({ query: 'TTL:battery', collapseType: 'INPADOC' });
      assert.equal(families, collapsed.total);
      assert.ok(families < page.total, 'collapsing by family counts fewer');
    });

    it('count (P001) refuses an empty or over-long query before any call', async () => {
      const api = client(ctx.sb, { credentials });
      await rejectsWith(api.count({ query: '  ' }), 'invalidParameter', /empty/);
      await rejectsWith(api.count({ query: `TTL:${'a'.repeat(1500)}` }), 'invalidParameter', /at most 1500/);
      assert.equal(ctx.sb.stats.calls(), 0);
    });

    it('facets (P003): top values of each field asked, under its code, in order; refused before any call when invalid', async () => {
      const api = client(ctx.sb, { credentials });
      const counts = await api.facets({ query: 'TTL:battery', fields: ['authority', 'SIMPLE_LEGAL_STATUS'], limit: 3 });
      assert.deepEqual(Object.keys(counts), ['AUTHORITY', 'SIMPLE_LEGAL_STATUS']);
      const authority = counts.AUTHORITY ?? [];
      assert.ok(authority.length > 0 && authority.length <= 3);
      assert.ok(authority.every((v) => /^[A-Z]{2}$/.test(v.name) && v.count > 0));
      // The counts are over the query's results: no office has more than the search finds.
      const total = (await api.search({ query: 'TTL:battery', limit: 1 })).total;
      assert.ok((counts.SIMPLE_LEGAL_STATUS ?? []).every((v) => v.count <= total));
      ctx.sb.stats.reset();
      await rejectsWith(api.facets({ query: 'TTL:(battery $W2 cell)', fields: ['ASSIGNEE'] }), 'invalidParameter', /positional operators such as \$W2/);
      await rejectsWith(api.facets({ query: 'TTL:battery', fields: ['A', 'B', 'C', 'D', 'E', 'F'] }), 'invalidParameter', /At most 5 fields/);
      assert.equal(ctx.sb.stats.calls(), 0);
    });

    it('searchWithDetails (P002 + one P011 batch) fills title, assignee and dates', async () => {
      const api = client(ctx.sb, { credentials });
      const page = await api.searchWithDetails({ query: 'TTL:battery', limit: 20 });
      assert.equal(page.hits.length, 20);
      for (const h of page.hits) {
        assert.ok(h.title && h.currentAssignee && h.applicationDate && h.publicationDate, `details for ${h.pn}`);
      }
      assert.equal(ctx.sb.stats.calls(ENDPOINTS.search), 1);
      assert.equal(ctx.sb.stats.calls(ENDPOINTS.bibliography), 1);
    });

    it('searchWithDetails keeps every hit when one P011 batch of details fails', async () => {
      const api = client(ctx.sb, { credentials });
      // 150 hits take two P011 batches; the second to arrive is unreadable.
      ctx.sb.faults.add({ path: ENDPOINTS.bibliography, malformed: true, skip: 1 });
      const page = await api.searchWithDetails({ query: 'PBD:[19000101 TO 20991231]', limit: 150 });
      assert.equal(page.hits.length, 150);
      const detailed = page.hits.filter((h) => h.title !== undefined).length;
      assert.ok(detailed === 100 || detailed === 50, `${detailed} hits with details`);
      assert.ok(page.hits.every((h) => h.pn && h.patentId));
    });

    it('bibliography (P011)', async () => {
      const api = client(ctx.sb, { credentials });
      const [b] = await api.bibliography({ numbers: ['US11205304B2'] });
      assert.equal(b?.pn, 'US11205304B2');
      assert.match(b?.title ?? '', /augmented or virtual reality/);
      assert.equal(b?.applicationNumber, 'US14/706838');
      assert.ok((b?.assignees.length ?? 0) > 0);
    });

    it('legal status (P041), abstract images (P021) and PDFs (P020, with replace_by_related)', async () => {
      const api = client(ctx.sb, { credentials });
      const [status] = await api.legalStatus({ numbers: ['US11205304B2'] });
      assert.ok((status?.statuses.length ?? 0) > 0);
      const [image] = await api.abstractImages({ numbers: ['US11205304B2'] });
      assert.match(image?.url ?? '', /^http:\/\/127\.0\.0\.1:\d+\/_files\/abstract-image\//);
      const withoutPdf = ctx.sb.data.patents.filter((p) => !p.hasPdf).map((p) => p.pn);
      const plain = await api.pdfs({ numbers: withoutPdf.slice(0, 20) });
      assert.ok(plain.every((p) => p.url === undefined));
      const related = await api.pdfs({ numbers: withoutPdf.slice(0, 20) }, { replaceByRelated: true });
      assert.ok(related.some((p) => p.url && p.pnRelated), 'a family member stands in for some');
    });

    it('examination documents (P048) with code and date filters', async () => {
      const api = client(ctx.sb, { credentials });
      const all = await api.examinationDocuments({ patentNumber: 'US11205304B2', limit: 1000 });
      assert.equal(all.apno, 'US14/706838');
      assert.equal(all.documents.length, all.detailCount);
      const code = all.documents[0]?.docCode ?? 'CTNF';
      const some = await api.examinationDocuments({ apno: 'US14/706838', docCodes: [code.toLowerCase()], dateFrom: 19000101, dateTo: 20991231, limit: 1000 });
      assert.ok(some.documents.length > 0 && some.documents.every((d) => d.docCode === code));
      const byId = await api.examinationDocuments({ patentId: all.patentId, limit: 2, offset: 1 });
      assert.equal(byId.documents.length, 2);
      // Links are signed per answer (the signature carries the time), so compare the documents without them.
      const unsigned = (d: ExamDocument | undefined): Partial<ExamDocument> => ({ ...d, url: d?.url?.split('?')[0] });
      assert.deepEqual(unsigned(byId.documents[0]), unsigned(all.documents[1]));
    });

    it('export (P055): create, poll PENDING then SUCCESS with a link', async () => {
      const api = client(ctx.sb, { credentials });
      const task = await api.createExport({ query: 'TTL:battery', fields: ['PN', 'TTL'], exportType: 'csv', rows: 3, lang: 'en', stemming: true, apdtFrom: '*', apdtTo: '20991231' });
      assert.equal(task.count, 3);
      assert.deepEqual(await api.exportStatus(task.taskId), { status: 'PENDING', count: 3 });
      const done = await api.exportStatus(task.taskId);
      assert.equal(done.status, 'SUCCESS');
      const file = await api.fetchSignedBytes(done.url ?? '');
      assert.equal(file.bytes.toString('utf8').trim().split('\n').length, 4);
    });

    it('counts every call per endpoint path', async () => {
      const api = client(ctx.sb, { credentials });
      await api.legalStatus({ numbers: ['US11205304B2'] });
      await api.legalStatus({ numbers: ['US7123456B2'] });
      await api.search({ query: 'TTL:battery' });
      assert.equal(api.callCounts.get(ENDPOINTS.legalStatus), 2);
      assert.equal(api.callCounts.get(ENDPOINTS.search), 1);
      assert.equal(api.callCounts.get(TOKEN), credentials.kind === 'clientSecret' ? 1 : undefined);
      assert.equal(apiCalls(ctx.sb), 3);
    });
  });
}

describe('client logging', () => {
  const ctx = useSandbox();
  it('logs method, path, status and retries, never the query, secret, token or apikey', async () => {
    const lines: string[] = [];
    const api = client(ctx.sb, { log: (l) => lines.push(l) });
    ctx.sb.faults.add({ path: ENDPOINTS.search, errorCode: 67200100 });
    await api.search({ query: 'TTL:"very private invention"' });
    const all = lines.join('\n');
    assert.match(all, /POST \/search\/patent\/query-search-patent 200/);
    assert.match(all, /retry 1/);
    for (const secret of ['private', SECRET_CREDENTIALS.kind === 'clientSecret' ? SECRET_CREDENTIALS.clientSecret : '', 'Bearer', 'Basic', 'apikey', 'sandbox-client']) {
      assert.ok(!all.includes(secret), `log mentions ${secret}`);
    }
  });
});
