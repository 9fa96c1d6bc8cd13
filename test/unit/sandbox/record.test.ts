import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findByNumber } from '../../../src/sandbox/data';
import { startSandbox, type SandboxServer } from '../../../src/sandbox/server';
import { TOPICS } from '../../../src/sandbox/vocabulary';
import { call, ok } from './helpers';

const EXAMPLES = join(__dirname, '../../fixtures/patsnap-examples');
const example = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as Record<string, unknown>;

/** Key paths with the JSON type at each leaf; arrays contribute every element. */
function shape(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    out.set(prefix, 'array');
    for (const v of value) shape(v, `${prefix}[]`, out);
  } else if (value !== null && typeof value === 'object') {
    out.set(prefix, 'object');
    for (const [k, v] of Object.entries(value)) shape(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value === null ? 'null' : typeof value);
  return out;
}

/** Every key the answer has, the example has with the same type, and the other way round. */
function sameShape(answer: unknown, file: string): void {
  const a = shape(answer);
  const e = shape(example(file));
  // A numeric event code (P026) is allowed beside the textual ones; the example has one of each.
  const fits = (k: string, t: string, other: Map<string, string>): boolean => other.get(k) === t || (k.endsWith('.event_code') && other.has(k));
  assert.deepEqual([...a].filter(([k, t]) => !fits(k, t, e)).map(([k, t]) => `${k}:${t}`), [], `keys the example ${file} does not have`);
  assert.deepEqual([...e].filter(([k, t]) => !fits(k, t, a)).map(([k, t]) => `${k}:${t}`), [], `keys of ${file} missing from the answer`);
}

type Item = Record<string, unknown> & { pn: string; patent_id: string };
type Ref = { country: string; doc_number: string; kind: string; sequence: number };
const num = (r: { country: string; doc_number: string; kind: string }): string => `${r.country}${r.doc_number}${r.kind}`;

describe('sandbox: the patent record (P013, P014, P015, P016, P018, P026, P069)', () => {
  let sb: SandboxServer;
  before(async () => {
    sb = await startSandbox();
  });
  after(() => sb.close());
  const get = async (path: string, query: Record<string, string>): Promise<Item[]> => ok<Item[]>(await call(sb, path, { query }));

  it('answers the shapes of the published examples', async () => {
    const statuses = await get('/basic-patent-data/legal-status', { patent_number: sb.data.patents.slice(0, 100).map((p) => p.pn).join(',') });
    const withEvents = statuses.find((s) => ((s.patent_legal as { event_status: string[] }).event_status.length > 0));
    sameShape({ data: [withEvents], status: true, error_code: 0 }, 'P013-legal-status.json');
    sameShape((await call(sb, '/basic-patent-data/patent-family', { query: { patent_number: 'US11205304B2' } })).body, 'P014-patent-family.json');
    const citing = sb.data.patents.find((p) => p.citedPatents.some((c) => c.pn === 'US7123456B2'));
    assert.ok(citing, 'US7123456B2 is cited');
    sameShape((await call(sb, '/basic-patent-data/backward-citation', { query: { patent_number: 'US7123456B2' } })).body, 'P015-cited-by-patents.json');
    const withBoth = sb.data.patents.find((p) => p.citedPatents.length > 0 && p.citedPatents.every((c) => c.category.length > 0) && p.citedOthers.length > 0 && p.citedOthers.every((o) => o.doi && o.copyright))!;
    sameShape((await call(sb, '/advanced-patent-data/forward-citation', { query: { patent_number: withBoth.pn } })).body, 'P016-patent-citation.json');
    sameShape((await call(sb, '/basic-patent-data/claim-data', { query: { patent_number: 'US20050262868A1', replace_by_related: '1' } })).body, 'P018-claims.json');
    sameShape((await call(sb, '/search/patent/patent-search-pn', { body: { apno: 'US14/706838' } })).body, 'P069-standard-number-search.json');
    const br = (await call(sb, '/advanced-patent-data/legal-data', { query: { patent_number: 'BR102019012345B1' } })).body;
    sameShape(br, 'P026-legal-events.json');
  });

  it('P013: the simple status of P041, with the detailed and event status of the same story', async () => {
    const numbers = 'US11205304B2,EP1234567B1,US20050262868A1,CN104169186A';
    const [detail, simple] = await Promise.all([get('/basic-patent-data/legal-status', { patent_number: numbers }), get('/basic-patent-data/simple-legal-status', { patent_number: numbers })]);
    assert.deepEqual(detail.map((d) => d.pn), ['US11205304B2', 'EP1234567B1', 'US20050262868A1', 'CN104169186A']);
    for (const [i, d] of detail.entries()) assert.deepEqual((d.patent_legal as Record<string, unknown>).simple_legal_status, simple[i]?.simple_legal_status);
    assert.deepEqual(detail[1]?.patent_legal, { event_status: ['Opposition'], legal_status: ['Revoked'], simple_legal_status: ['Inactive'] });
    assert.match(String(detail[0]?.legal_date), /^20\d{6}$/);
  });

  it('P014: the three families, each with the patent itself, members sequenced; one family for every member', async () => {
    const [item] = await get('/basic-patent-data/patent-family', { patent_number: 'WO2013136789A1' });
    const f = item?.patent_family as Record<string, Ref[] | number>;
    const simple = (f.simple_family as Ref[]).map(num);
    const inpadoc = (f.inpadoc_family as Ref[]).map(num);
    assert.ok(simple.includes('WO2013136789A1') && inpadoc.includes('WO2013136789A1'));
    assert.ok(simple.every((n) => inpadoc.includes(n)), 'the simple family is part of the INPADOC family');
    assert.ok(inpadoc.length > 90 && inpadoc.length <= 100, String(inpadoc.length));
    assert.deepEqual((f.inpadoc_family as Ref[]).map((m) => m.sequence), inpadoc.map((_, i) => i + 1));
    assert.equal(typeof f.inpadoc_family_id, 'number');
    const other = (f.simple_family as Ref[]).find((m) => num(m) !== 'WO2013136789A1') as Ref;
    const [again] = await get('/basic-patent-data/patent-family', { patent_number: num(other) });
    assert.deepEqual((again?.patent_family as { simple_family: Ref[] }).simple_family.map(num), simple);
    assert.equal((again?.patent_family as Record<string, number>).simple_family_id, f.simple_family_id);
  });

  it('P016 and P015 agree both ways and point back in time, with categories, cite types and literature', async () => {
    const sample = sb.data.patents.filter((p) => p.citedPatents.length > 0).slice(0, 40);
    const cites = await get('/advanced-patent-data/forward-citation', { patent_number: sample.map((p) => p.pn).join(',') });
    for (const item of cites) {
      const ref = item.patsnap_reference_cited as { cited_patents: Array<Ref & { category: string[]; cite_type: string[]; num: string }> };
      const citing = findByNumber(sb.data, item.pn)!;
      const [back] = await get('/basic-patent-data/backward-citation', { patent_number: num(ref.cited_patents[0]!) });
      const by = (back?.patent_cited as { cited_by_patents: Ref[] }).cited_by_patents.map(num);
      assert.ok(by.includes(item.pn), `${num(ref.cited_patents[0]!)} is cited by ${item.pn}`);
      for (const c of ref.cited_patents) {
        assert.ok(findByNumber(sb.data, num(c))!.pbdt < citing.apdt, 'cites only what was published before');
        assert.equal(c.cite_type.length, 1);
        assert.match(c.num, /^\d{4}$/);
      }
    }
    const [counts] = await get('/basic-patent-data/backward-citation', { patent_number: 'US7123456B2' });
    const c = counts?.patent_cited as { cited_by_3y: number; cited_by_5y: number; cited_by_simple_family: number; cited_by_inpadoc_family: number; cited_by_patsnap_family: number; cited_by_patents: unknown[] };
    assert.ok(c.cited_by_3y <= c.cited_by_5y && c.cited_by_5y <= c.cited_by_patents.length && c.cited_by_patents.length <= c.cited_by_simple_family);
    assert.ok(c.cited_by_simple_family <= c.cited_by_inpadoc_family && c.cited_by_inpadoc_family <= c.cited_by_patsnap_family);
  });

  it('P018: every English claim names a feature with "a" or "an" before "the" refers to it, in it or a claim it refers to', () => {
    const features = [...new Set(TOPICS.flatMap((t) => t.features.map((f) => f.replace(/^(?:a|an)\s+/i, ''))))].sort((a, b) => b.length - a.length);
    const missing: string[] = [];
    let referred = 0;
    for (const patent of sb.data.patents) {
      for (const set of patent.claims.filter((c) => c.lang === 'EN')) {
        const byNum = new Map(set.claims.map((c) => [c.num, c]));
        const chain = (num: number, seen = new Set<number>()): string => {
          const claim = byNum.get(num);
          if (!claim || seen.has(num)) return '';
          seen.add(num);
          // The claims it depends on, and those it names ("providing the system of claim 1").
          const text = claim.paragraphs.join(' ');
          const named = [...text.matchAll(/\bclaim (\d+)\b/g)].map((m) => Number(m[1]));
          return [text, ...[...claim.parents, ...named].map((p) => chain(p, seen))].join(' ');
        };
        for (const claim of set.claims) {
          const own = claim.paragraphs.join(' ');
          const context = chain(claim.num);
          for (const feature of features) {
            if (!own.includes(`the ${feature}`)) continue;
            referred++;
            if (!new RegExp(`\\ban? ${feature.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(context)) missing.push(`${patent.pn} claim ${claim.num}: "the ${feature}"`);
          }
        }
      }
    }
    assert.ok(referred > 100, `${referred} references checked`);
    assert.deepEqual(missing.slice(0, 10), [], `${missing.length} references without antecedent`);
  });

  it('P018: claim HTML per language, parents left out for some, a family member\u2019s claims only when asked', async () => {
    const [cn] = await get('/basic-patent-data/claim-data', { patent_number: 'CN104169186A' });
    const claims = cn?.claims as Array<{ lang: string; claim_text: string; data_format: string; claim_independent_count: number }>;
    assert.deepEqual(claims.map((c) => [c.lang, c.data_format]), [['CN', 'original'], ['EN', 'translation']]);
    assert.match(claims[0]!.claim_text, /^<div class="indep-clm" num="1">1\.一种/);
    assert.match(claims[0]!.claim_text, /<div class="dep-clm" num="2"( parent="1")?><seg-con>2\.根据权利要求1所述的/);
    const without = sb.data.patents.find((p) => p.omitClaimParents && p.claims.length > 0)!;
    const [w] = await get('/basic-patent-data/claim-data', { patent_number: without.pn });
    assert.ok(!/parent=/.test((w?.claims as Array<{ claim_text: string }>)[0]!.claim_text));
    assert.deepEqual(await get('/basic-patent-data/claim-data', { patent_number: 'US20050262868A1' }), [{ pn: 'US20050262868A1', patent_id: 'ddfc29cf-71c6-4bb3-b35b-10f256767152' }]);
    const [related] = await get('/basic-patent-data/claim-data', { patent_number: 'US20050262868A1', replace_by_related: '1' });
    assert.equal(related?.pn_related, 'US7123456B2', 'the grant of the same application stands in');
    assert.equal((await call(sb, '/basic-patent-data/claim-data', { query: { patent_number: 'US7123456B2', replace_by_related: 'yes' } })).body.error_code, 68300004);
  });

  it('P026: INPADOC and office events oldest first; the Chinese office in Chinese', async () => {
    const [cn] = await get('/advanced-patent-data/legal-data', { patent_number: 'CN104169186A' });
    const data = cn?.patsnap_legal_data as { inpadoc_legal_data: Array<{ event_code: string; event_date: number }>; official_legal_data: Array<{ event_desc: string; event_date: number }> };
    assert.deepEqual(data.inpadoc_legal_data.map((e) => e.event_code).slice(0, 2), ['PB01', 'SE01']);
    const dates = data.inpadoc_legal_data.map((e) => e.event_date);
    assert.deepEqual(dates, [...dates].sort((a, b) => a - b));
    assert.equal(data.official_legal_data[0]?.event_desc, '公开');
  });

  it('the record endpoints keep the batch rules: at most 100, ids win, unknown left out', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `US${9000000 + i}B2`).join(',');
    for (const path of ['/basic-patent-data/legal-status', '/basic-patent-data/patent-family', '/basic-patent-data/backward-citation', '/advanced-patent-data/forward-citation', '/basic-patent-data/claim-data', '/advanced-patent-data/legal-data']) {
      assert.equal((await call(sb, path, { query: { patent_number: many } })).body.error_code, 68300004, path);
      assert.equal((await call(sb, path)).body.error_code, 68300004, path);
      const items = ok<Item[]>(await call(sb, path, { query: { patent_id: '52ee4f52-3edc-4e41-854e-c76dd8b7d14f', patent_number: 'US11205304B2' } }));
      assert.deepEqual(items.map((i) => i.pn), ['CN104169186A'], path);
      assert.deepEqual(ok(await call(sb, path, { query: { patent_number: 'US0000001B1' } })), [], path);
    }
  });

  it('P069 resolves application numbers and loosely written numbers to publications', async () => {
    const search = (body: Record<string, unknown>) => call(sb, '/search/patent/patent-search-pn', { body });
    const pns = async (body: Record<string, unknown>): Promise<string[]> => ok<{ results: Array<{ pn: string }> }>(await search(body)).results.map((r) => r.pn);
    assert.deepEqual(await pns({ apno: 'US10/851234' }), ['US20050262868A1', 'US7123456B2']);
    assert.deepEqual(await pns({ apno: 'CN201510570472.5' }), ['CN105161234A', 'CN105161234B']);
    assert.deepEqual(await pns({ apno: 'US17/521392' }), ['US20230145678A1', 'US11985678B2']);
    assert.deepEqual(await pns({ pn: 'US 7,123,456' }), ['US7123456B2']);
    assert.deepEqual(await pns({ pn: 'US2005262868A1' }), ['US20050262868A1'], 'the DOCDB form');
    assert.deepEqual(await pns({ pn: 'GB 2512345' }), ['GB2512345A', 'GB2512345B']);
    assert.deepEqual(await pns({ pn: 'GB2512345B' }), ['GB2512345B']);
    assert.deepEqual(await pns({ apno: 'US10/851234', authority: ['EP'] }), []);
    const paged = ok<{ results: unknown[]; result_count: number; total_search_result_count: number }>(await search({ apno: 'US10/851234', limit: 1, offset: 1 }));
    assert.deepEqual([paged.results.length, paged.result_count, paged.total_search_result_count], [1, 1, 2]);
    for (const body of [{}, { pn: '  ' }, { pn: 7 }, { apno: 'US10/851234', limit: 1001 }, { apno: 'US10/851234', limit: 0 }, { pn: 'US1', authority: 'US' }, { pn: 'US1', authority: ['usa'] }, { pn: 'X'.repeat(101) }]) {
      assert.equal((await search(body)).body.error_code, 68300004, JSON.stringify(body));
    }
  });
});
