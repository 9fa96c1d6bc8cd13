import assert from 'node:assert/strict';
import { parseQuery, QuerySyntaxError, tokenize } from '../../../src/sandbox/query';
import { startSandbox, type SandboxServer } from '../../../src/sandbox/server';
import type { SamplePatent } from '../../../src/sandbox/data';
import { ok, pns, search } from './helpers';

describe('sandbox: query syntax', () => {
  it('parses fields, operators, groups, phrases, wildcards and ranges', () => {
    for (const q of [
      'battery',
      'TTL:battery AND ABST:cell',
      'ttl:battery or tacd:"virtual reality"',
      'TTL:(battery OR motor) NOT AN:TESLA',
      'AN:"MAGIC LEAP" PBD:[20200101 TO 20201231]',
      'APD:[* TO 2010] AND PN:US*',
      'TACD: virtual reality',
      'APNO:US14/706838',
      'IPC:H01M AND PNC:CN',
      'batter*',
      'NOT TTL:battery',
      '((TTL:battery))',
    ]) {
      assert.doesNotThrow(() => parseQuery(q), q);
    }
  });

  it('rejects malformed queries', () => {
    for (const q of ['', '   ', 'TTL:', 'FOO:bar', '(battery', 'battery)', 'TTL:battery AND', 'OR battery', '"open phrase', 'PBD:[2020 TO]', 'PBD:[20201301 TO 2021]', 'TTL:[2020 TO 2021]', 'PBD:[2021 TO 2020]', '()', ':x', 'PBD:yesterday']) {
      assert.throws(() => parseQuery(q), QuerySyntaxError, JSON.stringify(q));
    }
  });

  it('tokenizes case-insensitively and splits CJK characters', () => {
    assert.deepEqual(tokenize('Lithium-ion Battery'), ['lithium', 'ion', 'battery']);
    assert.deepEqual(tokenize('锂离子电池'), ['锂', '离', '子', '电', '池']);
  });
});

describe('sandbox: query evaluation over HTTP', () => {
  let sb: SandboxServer;
  let all: readonly SamplePatent[];
  before(async () => {
    sb = await startSandbox();
    all = sb.data.patents;
  });
  after(() => sb.close());

  const expected = (pred: (p: SamplePatent) => boolean): string[] => all.filter(pred).map((p) => p.pn).sort();
  const words = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  const hasWord = (s: string, w: string): boolean => words(s).includes(w);
  const hasPhrase = (s: string, phrase: string): boolean => ` ${words(s).join(' ')} `.includes(` ${phrase} `);
  const titles = (p: SamplePatent): string => p.titles.map((t) => t.text).join(' \u0000 ');
  const abstracts = (p: SamplePatent): string => p.abstracts.map((t) => t.text).join(' \u0000 ');

  it('TTL, ABST and TACD search titles, abstracts and both', async () => {
    const ttl = await pns(sb, 'TTL:battery');
    assert.ok(ttl.length >= 5, `TTL:battery finds several (${ttl.length})`);
    assert.deepEqual([...ttl].sort(), expected((p) => hasWord(titles(p), 'battery')));
    assert.deepEqual((await pns(sb, 'ABST:electrode')).sort(), expected((p) => hasWord(abstracts(p), 'electrode')));
    const vr = await pns(sb, 'TACD:"virtual reality"');
    assert.ok(vr.length >= 3);
    assert.deepEqual([...vr].sort(), expected((p) => hasPhrase(titles(p), 'virtual reality') || hasPhrase(abstracts(p), 'virtual reality')));
    assert.deepEqual((await pns(sb, 'virtual reality')).sort(), expected((p) => [titles(p), abstracts(p)].join(' ').toLowerCase().includes('virtual') && [titles(p), abstracts(p)].join(' ').toLowerCase().includes('reality')));
  });

  it('phrases need the words together and in order', async () => {
    const phrase = await pns(sb, 'TACD:"reality virtual"');
    assert.deepEqual(phrase, []);
  });

  it('AN and IN match assignees and inventors, case-insensitively', async () => {
    const ml = await pns(sb, 'AN:"magic leap"');
    assert.ok(ml.length >= 3);
    assert.deepEqual([...ml].sort(), expected((p) => [...p.originalAssignees, ...p.currentAssignees].some((a) => a.name.startsWith('MAGIC LEAP'))));
    const someone = all[5]?.inventors[0]?.name as string;
    const found = await pns(sb, `IN:"${someone}"`);
    assert.ok(found.includes(all[5]?.pn as string));
    assert.deepEqual([...found].sort(), expected((p) => p.inventors.some((i) => hasPhrase(i.name, someone.toLowerCase()))));
  });

  it('PN and APNO find numbers, with or without kind code, and wildcards', async () => {
    assert.deepEqual(await pns(sb, 'PN:US11205304B2'), ['US11205304B2']);
    assert.deepEqual(await pns(sb, 'pn:us11205304'), ['US11205304B2']);
    assert.deepEqual((await pns(sb, 'APNO:KR10-2018-0086543')).sort(), ['KR102355140B1', 'KR20200012345A']);
    assert.deepEqual((await pns(sb, 'PN:KR*')).sort(), expected((p) => p.office === 'KR'));
  });

  it('date ranges on PBD and APD, with open ends and whole years', async () => {
    assert.deepEqual((await pns(sb, 'PBD:[20200101 TO 20201231]')).sort(), expected((p) => p.pbdt >= 20200101 && p.pbdt <= 20201231));
    assert.deepEqual((await pns(sb, 'PBD:2020')).sort(), expected((p) => p.pbdt >= 20200101 && p.pbdt <= 20201231));
    assert.deepEqual((await pns(sb, 'APD:[* TO 20050101]')).sort(), expected((p) => p.apdt <= 20050101));
  });

  it('AND, OR, NOT, implicit AND and parentheses combine as expected', async () => {
    const a = new Set(await pns(sb, 'TTL:battery'));
    const b = new Set(await pns(sb, 'PNC:CN'));
    const c = new Set(await pns(sb, 'TTL:method'));
    const sorted = (xs: Iterable<string>): string[] => [...xs].sort();
    assert.deepEqual(sorted(await pns(sb, 'TTL:battery AND PNC:CN')), sorted([...a].filter((x) => b.has(x))));
    assert.deepEqual(sorted(await pns(sb, 'TTL:battery PNC:CN')), sorted([...a].filter((x) => b.has(x))));
    assert.deepEqual(sorted(await pns(sb, 'TTL:battery OR PNC:CN')), sorted(new Set([...a, ...b])));
    assert.deepEqual(sorted(await pns(sb, 'TTL:battery NOT PNC:CN')), sorted([...a].filter((x) => !b.has(x))));
    assert.deepEqual(sorted(await pns(sb, 'TTL:battery AND NOT PNC:CN')), sorted([...a].filter((x) => !b.has(x))));
    assert.deepEqual(sorted(await pns(sb, '(TTL:battery OR TTL:method) AND PNC:CN')), sorted([...new Set([...a, ...c])].filter((x) => b.has(x))));
    assert.deepEqual(sorted(await pns(sb, 'TTL:(battery OR method) AND PNC:CN')), sorted([...new Set([...a, ...c])].filter((x) => b.has(x))));
    // AND binds tighter than OR.
    assert.deepEqual(sorted(await pns(sb, 'TTL:battery OR TTL:method AND PNC:CN')), sorted(new Set([...a, ...[...c].filter((x) => b.has(x))])));
  });

  it('sorts by publication date, application date, issue date and score, both ways', async () => {
    const run = async (field: string, order: string): Promise<SamplePatent[]> =>
      ok<{ results: Array<{ pn: string }> }>(await search(sb, { query_text: 'TTL:battery OR TTL:method', limit: 200, sort: [{ field, order }] })).results.map(
        (r) => all.find((p) => p.pn === r.pn) as SamplePatent,
      );
    const pbdDesc = (await run('PBDT_YEARMONTHDAY', 'DESC')).map((p) => p.pbdt);
    assert.deepEqual(pbdDesc, [...pbdDesc].sort((x, y) => y - x));
    const apdAsc = (await run('APD_YEARMONTHDAY', 'asc')).map((p) => p.apdt);
    assert.deepEqual(apdAsc, [...apdAsc].sort((x, y) => x - y));
    const isd = (await run('ISD', 'ASC')).map((p) => p.isd);
    const firstMissing = isd.indexOf(undefined);
    assert.ok(firstMissing > 0, 'grants first');
    assert.ok(isd.slice(firstMissing).every((d) => d === undefined), 'applications last');
    const granted = isd.slice(0, firstMissing) as number[];
    assert.deepEqual(granted, [...granted].sort((x, y) => x - y));
    // Relevance: a title hit outweighs an abstract hit.
    const byScore = ok<{ results: Array<{ pn: string }> }>(await search(sb, { query_text: 'electrode', limit: 200, sort: [{ field: 'SCORE', order: 'DESC' }] })).results;
    const inTitle = (pn: string): boolean => hasWord(titles(all.find((p) => p.pn === pn) as SamplePatent), 'electrode');
    const flags = byScore.map((r) => inTitle(r.pn));
    assert.deepEqual(flags, [...flags].sort((x, y) => Number(y) - Number(x)));
  });

  it('pages with offset and limit, and reports result_count and total', async () => {
    const full = await pns(sb, 'PNC:US', { sort: [{ field: 'PBDT_YEARMONTHDAY', order: 'DESC' }] });
    const page = ok<{ results: Array<{ pn: string }>; result_count: number; total_search_result_count: number }>(
      await search(sb, { query_text: 'PNC:US', limit: 7, offset: 10, sort: [{ field: 'PBDT_YEARMONTHDAY', order: 'DESC' }] }),
    );
    assert.deepEqual(page.results.map((r) => r.pn), full.slice(10, 17));
    assert.equal(page.result_count, 7);
    assert.equal(page.total_search_result_count, full.length);
    const past = ok<{ results: unknown[]; result_count: number }>(await search(sb, { query_text: 'PNC:US', limit: 10, offset: 5000 }));
    assert.deepEqual(past.results, []);
    assert.equal(past.result_count, 0);
    const dflt = ok<{ results: unknown[] }>(await search(sb, { query_text: 'PNC:US' }));
    assert.equal(dflt.results.length, 10);
  });

  it('collapses by application number and by families, keeping the member collapse_by asks for', async () => {
    const base = { query_text: 'APNO:KR10-2018-0086543 OR APNO:US10/851234', limit: 100 };
    assert.equal((await pns(sb, base.query_text)).length, 4);
    const latest = await pns(sb, base.query_text, { collapse_type: 'APNO', collapse_by: 'PBD', collapse_order: 'LATEST' });
    assert.deepEqual(latest.sort(), ['KR102355140B1', 'US7123456B2']);
    const oldest = await pns(sb, base.query_text, { collapse_type: 'APNO', collapse_by: 'PBD', collapse_order: 'OLDEST' });
    assert.deepEqual(oldest.sort(), ['KR20200012345A', 'US20050262868A1']);

    const family = all.filter((p) => p.docdbFamily === all.find((q) => q.pn === 'US11205304B2')?.docdbFamily);
    assert.ok(family.length >= 4);
    const q = family.map((p) => `PN:${p.pn}`).join(' OR ');
    assert.equal((await pns(sb, q, { collapse_type: 'DOCDB' })).length, 1);
    const authority = await pns(sb, q, { collapse_type: 'DOCDB', collapse_by: 'AUTHORITY', collapse_order_authority: ['JP', 'US'] });
    assert.equal(authority[0]?.slice(0, 2), 'JP');
    const inpadoc = await pns(sb, 'PNC:US', { collapse_type: 'INPADOC' });
    const docdb = await pns(sb, 'PNC:US', { collapse_type: 'DOCDB' });
    const extend = await pns(sb, 'PNC:US', { collapse_type: 'EXTEND' });
    const none = await pns(sb, 'PNC:US', { collapse_type: 'ALL' });
    assert.ok(extend.length <= inpadoc.length && inpadoc.length <= docdb.length && docdb.length < none.length, `${extend.length} ${inpadoc.length} ${docdb.length} ${none.length}`);
    assert.ok(inpadoc.length < docdb.length, 'some INPADOC families join several simple families');
  });

  it('answers 68300004 for invalid search parameters', async () => {
    const bad: Array<Record<string, unknown>> = [
      {},
      { query_text: '' },
      { query_text: 'x'.repeat(1501) },
      { query_text: 42 },
      { query_text: 'TTL:(battery' },
      { query_text: 'battery', limit: 1001 },
      { query_text: 'battery', limit: 0 },
      { query_text: 'battery', limit: '10' },
      { query_text: 'battery', limit: 2.5 },
      { query_text: 'battery', offset: -1 },
      { query_text: 'battery', offset: 19_991, limit: 10 },
      { query_text: 'battery', sort: [{ field: 'TITLE', order: 'ASC' }] },
      { query_text: 'battery', sort: [{ field: 'SCORE', order: 'UP' }] },
      { query_text: 'battery', sort: { field: 'SCORE', order: 'ASC' } },
      { query_text: 'battery', collapse_type: 'FAMILY' },
      { query_text: 'battery', collapse_by: 'TITLE' },
      { query_text: 'battery', collapse_order: 'NEWEST' },
      { query_text: 'battery', collapse_order_authority: 'CN' },
    ];
    for (const body of bad) {
      const a = await search(sb, body);
      assert.equal(a.status, 200);
      assert.equal(a.body.error_code, 68300004, JSON.stringify(body).slice(0, 80));
      assert.equal(a.body.status, false);
    }
    ok(await search(sb, { query_text: 'x'.repeat(1500) }));
    ok(await search(sb, { query_text: 'battery', offset: 19_000, limit: 1000 }));
  });
});
