import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type SandboxServer } from '../../../src/sandbox/server';
import { call, ok, search } from './helpers';

const EXAMPLES = join(__dirname, '../../fixtures/patsnap-examples');
const example = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as Record<string, unknown>;

/** Key paths with the JSON type at each leaf; arrays contribute their first element. */
function shape(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    out.set(prefix, 'array');
    if (value.length > 0) shape(value[0], `${prefix}[]`, out);
  } else if (value !== null && typeof value === 'object') {
    out.set(prefix, 'object');
    for (const [k, v] of Object.entries(value)) shape(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, value === null ? 'null' : typeof value);
  }
  return out;
}

/** Paths of `a` that `b` lacks or types differently. */
function extra(a: unknown, b: unknown): string[] {
  const sb = shape(b);
  return [...shape(a)].filter(([k, t]) => sb.get(k) !== t).map(([k, t]) => `${k}:${t} (example: ${sb.get(k) ?? 'absent'})`);
}

describe('sandbox: endpoint shapes and batch rules', () => {
  let sb: SandboxServer;
  before(async () => {
    sb = await startSandbox();
  });
  after(() => sb.close());

  const matchesExample = (answer: Record<string, unknown>, file: string, allowedMissing: string[] = []): void => {
    const ex = example(file);
    assert.deepEqual(extra(answer, ex), [], `keys the example ${file} does not have`);
    const missing = extra(ex, answer).filter((p) => !allowedMissing.some((m) => p.startsWith(m)));
    assert.deepEqual(missing, [], `keys of ${file} missing from the answer`);
  };

  it('P001 answers exactly the example shape, with the total P002 gives for the same query', async () => {
    const a = await call(sb, '/search/patent/query-search-count', { body: { query_text: 'TTL:battery', collapse_type: 'DOCDB' } });
    matchesExample(a.body, 'P001-query-search-count.json');
    const s = ok<{ total_search_result_count: number }>(await search(sb, { query_text: 'TTL:battery', collapse_type: 'DOCDB' }));
    assert.equal(ok<{ total_search_result_count: number }>(a).total_search_result_count, s.total_search_result_count);
    const bad = await call(sb, '/search/patent/query-search-count', { body: { query_text: 'TTL:(battery' } });
    assert.equal(bad.body.error_code, 68300004);
  });

  it('P002 answers exactly the example shape, and v2 adds the documented fields', async () => {
    const a = await search(sb, { query_text: 'PN:US11205304B2' });
    matchesExample(a.body, 'P002-query-search.json');
    const data = ok<{ results: Array<Record<string, unknown>> }>(a);
    assert.deepEqual(data.results[0], { pn: 'US11205304B2', patent_id: '718ead9c-4f3c-4674-8f5a-24e126827269' });

    const v2 = ok<{ results: Array<Record<string, unknown>> }>(await call(sb, '/search/patent/query-search-patent/v2', { body: { query_text: 'PN:US11205304B2' } }));
    const r = v2.results[0] as Record<string, unknown>;
    assert.deepEqual(Object.keys(r).sort(), ['apdt', 'apno', 'current_assignee', 'inventor', 'original_assignee', 'patent_id', 'pbdt', 'pn', 'title'].sort());
    assert.equal(r.apno, 'US14/706838');
    assert.equal(r.apdt, 20150507);
    assert.equal(r.pbdt, 20211221);
    assert.equal(r.current_assignee, 'MAGIC LEAP, INC.');
    assert.equal(r.title, 'Systems and methods for rendering user interfaces for augmented or virtual reality');
    const withSeveral = ok<{ results: Array<{ inventor: string }> }>(await call(sb, '/search/patent/query-search-patent/v2', { body: { query_text: 'AN:"MAGIC LEAP"', limit: 100 } }));
    assert.ok(withSeveral.results.some((x) => x.inventor.includes(' | ')), 'inventors are joined with " | "');
  });

  it('P011 answers the example shape for US11205304B2', async () => {
    const a = await call(sb, '/basic-patent-data/simple-bibliography', { query: { patent_number: 'US11205304B2' } });
    matchesExample(a.body, 'P011-simple-bibliography.json', ['data[].bibliographic_data.classification_data.classification_loc']);
    const item = ok<Array<{ bibliographic_data: Record<string, Record<string, unknown>> }>>(a)[0];
    assert.deepEqual(item?.bibliographic_data.application_reference, { apno: 'US14/706838', date: 20150507 });
    assert.deepEqual(item?.bibliographic_data.publication_reference, { date: 20211221, kind: 'B2', country: 'US', doc_number: '11205304' });
  });

  it('P011 gives designs a Locarno class and CN patents a Chinese and an English title', async () => {
    const data = ok<Array<{ pn: string; bibliographic_data: Record<string, unknown> }>>(
      await call(sb, '/basic-patent-data/simple-bibliography', { query: { patent_number: 'USD912345S,CN104169186A' } }),
    );
    const design = data.find((d) => d.pn === 'USD912345S')?.bibliographic_data;
    assert.equal(design?.patent_type, 'DESIGN');
    assert.ok(Array.isArray((design?.classification_data as Record<string, unknown>).classification_loc));
    const cn = data.find((d) => d.pn === 'CN104169186A')?.bibliographic_data;
    assert.deepEqual((cn?.invention_title as Array<{ lang: string }>).map((t) => t.lang), ['CN', 'EN']);
  });

  it('P021, P041 and P020 answer the example shapes', async () => {
    matchesExample((await call(sb, '/basic-patent-data/abstract-image', { query: { patent_number: 'CN104169186A' } })).body, 'P021-abstract-image.json');
    matchesExample((await call(sb, '/basic-patent-data/simple-legal-status', { query: { patent_number: 'US11205304B2' } })).body, 'P041-simple-legal-status.json');
    matchesExample((await call(sb, '/basic-patent-data/pdf-data', { query: { patent_number: 'US20050262868A1', replace_by_related: '1' } })).body, 'P020-pdf.json');
  });

  it('P020 gives a family member\u2019s PDF with pn_related only when asked', async () => {
    const without = ok<Array<Record<string, unknown>>>(await call(sb, '/basic-patent-data/pdf-data', { query: { patent_number: 'US20050262868A1' } }));
    assert.deepEqual(without, [{ pn: 'US20050262868A1', patent_id: 'ddfc29cf-71c6-4bb3-b35b-10f256767152' }]);
    const withRelated = ok<Array<{ pn_related?: string; pdf?: { path: string } }>>(
      await call(sb, '/basic-patent-data/pdf-data', { query: { patent_number: 'US20050262868A1', replace_by_related: '1' } }),
    );
    const related = withRelated[0]?.pn_related as string;
    const member = sb.data.patents.find((p) => p.pn === related);
    assert.ok(member?.hasPdf);
    assert.equal(member?.docdbFamily, sb.data.patents.find((p) => p.pn === 'US20050262868A1')?.docdbFamily);
    assert.match(withRelated[0]?.pdf?.path ?? '', new RegExp(`/_files/pdf/${related}/`));
    const own = ok<Array<Record<string, unknown>>>(await call(sb, '/basic-patent-data/pdf-data', { query: { patent_number: 'US7123456B2', replace_by_related: '1' } }));
    assert.equal(own[0]?.pn_related, undefined);
    const bad = await call(sb, '/basic-patent-data/pdf-data', { query: { patent_number: 'US7123456B2', replace_by_related: 'yes' } });
    assert.equal(bad.body.error_code, 68300004);
  });

  it('batch endpoints: one item per found patent in input order, unknown omitted, ids win, kind code optional', async () => {
    const path = '/basic-patent-data/simple-legal-status';
    const items = ok<Array<{ pn: string }>>(await call(sb, path, { query: { patent_number: 'EP1234567B1,US0000001B1,US7123456,KR102355140B1,EP1234567B1' } }));
    assert.deepEqual(items.map((i) => i.pn), ['EP1234567B1', 'US7123456B2', 'KR102355140B1']);
    const idWins = ok<Array<{ pn: string }>>(await call(sb, path, { query: { patent_id: '52ee4f52-3edc-4e41-854e-c76dd8b7d14f', patent_number: 'US11205304B2' } }));
    assert.deepEqual(idWins.map((i) => i.pn), ['CN104169186A']);
    const none = ok<unknown[]>(await call(sb, path, { query: { patent_number: 'US0000001B1' } }));
    assert.deepEqual(none, []);
  });

  it('batch endpoints refuse more than 100 numbers and a call with neither ids nor numbers (68300004)', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `US${9000000 + i}B2`).join(',');
    for (const path of ['/basic-patent-data/simple-bibliography', '/basic-patent-data/abstract-image', '/basic-patent-data/simple-legal-status', '/basic-patent-data/pdf-data']) {
      const tooMany = await call(sb, path, { query: { patent_number: many } });
      assert.equal(tooMany.body.error_code, 68300004, path);
      assert.match(String(tooMany.body.error_msg), /patent_number/);
      assert.equal((await call(sb, path)).body.error_code, 68300004, path);
    }
    ok(await call(sb, '/basic-patent-data/simple-legal-status', { query: { patent_number: many.split(',').slice(0, 100).join(',') } }));
  });

  it('P048 answers the example shape, with doc_count 98 for US11205304B2', async () => {
    const a = await call(sb, '/advanced-patent-data/overseas-patent-documents', { body: { patent_number: 'US11205304B2' } });
    matchesExample(a.body, 'P048-examination-documents.json');
    const data = ok<{ doc_count: number; doc_detail_count: number; doc_detail: unknown[]; apno: string; patent_id: string }>(a);
    assert.equal(data.doc_count, 98);
    assert.equal(data.doc_detail_count, 98);
    assert.equal(data.doc_detail.length, 10);
    assert.equal(data.apno, 'US14/706838');
    const byApno = ok<{ patent_id: string }>(await call(sb, '/advanced-patent-data/overseas-patent-documents', { body: { apno: 'US14/706838', limit: 1 } }));
    assert.equal(byApno.patent_id, '718ead9c-4f3c-4674-8f5a-24e126827269');
  });

  it('P048 filters by doc_code and dates and pages with limit/offset', async () => {
    type Page = { doc_count: number; doc_detail_count: number; doc_detail: Array<{ doc_code: string; date: number; page_number: number; path: string }> };
    const endpoint = '/advanced-patent-data/overseas-patent-documents';
    const all = ok<Page>(await call(sb, endpoint, { body: { patent_number: 'US11205304B2', limit: 1000 } }));
    assert.equal(all.doc_detail.length, 98);
    const dates = all.doc_detail.map((d) => d.date);
    assert.deepEqual(dates, [...dates].sort((x, y) => y - x), 'newest first');
    const codes = ok<Page>(await call(sb, endpoint, { body: { patent_number: 'US11205304B2', doc_code: 'CTNF,IDS', limit: 1000 } }));
    assert.ok(codes.doc_detail.length > 0);
    assert.ok(codes.doc_detail.every((d) => d.doc_code === 'CTNF' || d.doc_code === 'IDS'));
    assert.equal(codes.doc_detail_count, all.doc_detail.filter((d) => d.doc_code === 'CTNF' || d.doc_code === 'IDS').length);
    assert.equal(codes.doc_count, 98);
    const mid = dates[50] as number;
    const ranged = ok<Page>(await call(sb, endpoint, { body: { patent_number: 'US11205304B2', date_from: mid, date_to: 20251231, limit: 1000 } }));
    assert.ok(ranged.doc_detail.every((d) => d.date >= mid));
    assert.equal(ranged.doc_detail_count, dates.filter((d) => d >= mid).length);
    const page2 = ok<Page>(await call(sb, endpoint, { body: { patent_number: 'US11205304B2', limit: 5, offset: 5 } }));
    assert.deepEqual(page2.doc_detail.map((d) => d.path.split('?')[0]), all.doc_detail.slice(5, 10).map((d) => d.path.split('?')[0]));
  });

  it('P048 refuses CN patents and applications, and bad parameters, with 68300004', async () => {
    const endpoint = '/advanced-patent-data/overseas-patent-documents';
    for (const body of [
      { patent_number: 'CN104169186A' },
      { patent_id: '52ee4f52-3edc-4e41-854e-c76dd8b7d14f' },
      { apno: 'CN201380014118.3' },
      {},
      { patent_number: 'US11205304B2', date_from: 20181301 },
      { patent_number: 'US11205304B2', date_from: '20180101' },
      { patent_number: 'US11205304B2', date_from: 20200101, date_to: 20190101 },
      { patent_number: 'US11205304B2', limit: 0 },
      { patent_number: 'US11205304B2', offset: -1 },
    ]) {
      const a = await call(sb, endpoint, { body });
      assert.equal(a.body.error_code, 68300004, JSON.stringify(body));
      assert.equal(a.body.status, false);
    }
  });

  it('P048: patent_id wins over patent_number; an unknown patent has no documents', async () => {
    const endpoint = '/advanced-patent-data/overseas-patent-documents';
    const kr = sb.data.patents.find((p) => p.pn === 'KR102355140B1');
    const a = ok<{ patent_number: string }>(await call(sb, endpoint, { body: { patent_id: kr?.patentId, patent_number: 'US11205304B2' } }));
    assert.equal(a.patent_number, 'KR102355140B1');
    const none = ok<{ doc_count: number; doc_detail: unknown[] }>(await call(sb, endpoint, { body: { patent_number: 'US1000000B1' } }));
    assert.equal(none.doc_count, 0);
    assert.deepEqual(none.doc_detail, []);
  });

  it('answers 68300007 for a body that is not JSON', async () => {
    const a = await call(sb, '/search/patent/query-search-patent', { body: '{"query_text": ' });
    assert.equal(a.body.error_code, 68300007);
  });
});
