import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPatsnapClient, ENDPOINTS } from '../../../../src/core/api/client';
import { describeCitations, legalTimeline, parseClaims } from '../../../../src/core/record';
import { client, KEY_CREDENTIALS, rejectsWith, useSandbox } from './helpers';

describe('client: the patent record against the sandbox', () => {
  const ctx = useSandbox();

  it('legalStatusDetail (P013): the three statuses, a revoked EP among them', async () => {
    const api = client(ctx.sb);
    const [us, ep] = await api.legalStatusDetail({ numbers: ['US11205304B2', 'EP1234567B1'] });
    assert.deepEqual([us?.pn, us?.simple, us?.detailed], ['US11205304B2', ['Active'], ['Granted']]);
    assert.deepEqual([ep?.simple, ep?.detailed, ep?.events], [['Inactive'], ['Revoked'], ['Opposition']]);
    assert.match(String(ep?.legalDate), /^20\d{6}$/);
  });

  it('family (P014): members composed as publication numbers, the patent among them', async () => {
    const [f] = await client(ctx.sb).family({ numbers: ['US11205304B2'] });
    assert.ok(f?.simple.some((m) => m.number === 'US11205304B2'));
    assert.ok(f?.simple.every((m) => m.number === `${m.country}${m.docNumber}${m.kind ?? ''}`));
    assert.ok((f?.inpadoc.length ?? 0) >= (f?.simple.length ?? 0));
    assert.match(f?.simpleFamilyId ?? '', /^\d+$/);
  });

  it('citations (P016) and citedBy (P015) agree both ways', async () => {
    const api = client(ctx.sb);
    const citing = ctx.sb.data.patents.find((p) => p.citedPatents.length > 1)!;
    const [c] = await api.citations({ numbers: [citing.pn] });
    assert.deepEqual(c?.patents.map((p) => p.number), citing.citedPatents.map((x) => x.pn));
    const back = await api.citedBy({ numbers: c?.patents.map((p) => p.number) ?? [] });
    assert.equal(back.length, c?.patents.length);
    for (const b of back) assert.ok(b.patents.some((p) => p.number === citing.pn), `${b.pn} is cited by ${citing.pn}`);
    const view = describeCitations(c, back[0]);
    assert.ok(view.cites.every((x) => x.citeTypes.length === 1 && x.citeTypes[0]?.label !== x.citeTypes[0]?.code));
  });

  it('claims (P018): parsed into a tree; a family member\u2019s claims only with replaceByRelated', async () => {
    const api = client(ctx.sb);
    const [cn] = await api.claims({ numbers: ['CN104169186A'] });
    assert.deepEqual(cn?.texts.map((t) => t.lang), ['CN', 'EN']);
    const claims = parseClaims(cn?.texts[0]?.html ?? '');
    assert.equal(claims[0]?.independent, true);
    assert.deepEqual(claims[1]?.parents, [1]);
    assert.equal(claims.length, cn?.claimCount);
    const [none] = await api.claims({ numbers: ['US20050262868A1'] });
    assert.deepEqual(none, { patentId: 'ddfc29cf-71c6-4bb3-b35b-10f256767152', pn: 'US20050262868A1', texts: [] });
    const [related] = await api.claims({ numbers: ['US20050262868A1'] }, { replaceByRelated: true });
    assert.equal(related?.pnRelated, 'US7123456B2');
    assert.ok((related?.texts.length ?? 0) > 0);
  });

  it('legalEvents (P026): one timeline, oldest first; numeric codes read as text', async () => {
    const [br] = await client(ctx.sb).legalEvents({ numbers: ['BR102019012345B1'] });
    assert.ok(br?.official.some((e) => e.code === '16.1'), JSON.stringify(br?.official));
    const timeline = legalTimeline(br!);
    const dates = timeline.map((e) => e.date ?? '');
    assert.deepEqual(dates, [...dates].sort());
    assert.ok(timeline.some((e) => e.source === 'inpadoc') && timeline.some((e) => e.source === 'office' && e.office === 'BR'));
  });

  it('standardNumber (P069): an application number, a loosely written number, an office filter', async () => {
    const api = client(ctx.sb);
    assert.deepEqual((await api.standardNumber({ apno: 'US10/851234' })).hits.map((h) => h.pn), ['US20050262868A1', 'US7123456B2']);
    const page = await api.standardNumber({ pn: 'US 7,123,456', limit: 5 });
    assert.deepEqual(page.hits.map((h) => [h.pn, h.applicationNumber]), [['US7123456B2', 'US10/851234']]);
    assert.equal(page.total, 1);
    assert.deepEqual((await api.standardNumber({ apno: 'CN201510570472.5', authority: ['cn'] })).hits.map((h) => h.pn), ['CN105161234A', 'CN105161234B']);
    assert.deepEqual((await api.standardNumber({ apno: 'US99/999999' })).hits, []);
  });

  it('standardNumber refuses what cannot be sent before any call', async () => {
    const api = client(ctx.sb);
    await rejectsWith(api.standardNumber({}), 'invalidParameter', /one number/);
    await rejectsWith(api.standardNumber({ pn: 'US1', apno: 'US14/706838' }), 'invalidParameter', /one number/);
    await rejectsWith(api.standardNumber({ pn: 'US11205304B2, EP1234567B1' }), 'invalidParameter', /not a list/);
    await rejectsWith(api.standardNumber({ pn: 'US1', limit: 1001 }), 'invalidParameter', /limit/);
    await rejectsWith(api.standardNumber({ pn: 'US1', authority: ['USA'] }), 'invalidParameter', /authority/);
    assert.equal(ctx.sb.stats.calls(), 0);
    // Commas between digits are a number as written, not a list.
    assert.equal((await api.standardNumber({ pn: 'US 11,205,304 B2' })).hits[0]?.pn, 'US11205304B2');
  });

  it('batches at 100: 250 numbers cost three calls per endpoint, answers in input order', async () => {
    const api = client(ctx.sb);
    const numbers = ctx.sb.data.patents.slice(0, 250).map((p) => p.pn);
    const [statuses, families] = await Promise.all([api.legalStatusDetail({ numbers }), api.family({ numbers })]);
    assert.deepEqual(statuses.map((s) => s.pn), numbers);
    assert.equal(families.length, 250);
    assert.equal(ctx.sb.stats.calls(ENDPOINTS.legalStatusDetail), 3);
    assert.equal(ctx.sb.stats.calls(ENDPOINTS.family), 3);
  });

  it('empty and error answers: unknown numbers give nothing, error codes their typed error, a bad shape names the endpoint', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS });
    assert.deepEqual(await api.citations({ numbers: ['US0000001B1'] }), []);
    assert.deepEqual(await api.legalEvents({ numbers: [] }), []);
    ctx.sb.faults.add({ path: ENDPOINTS.claims, errorCode: 67200004 });
    await rejectsWith(api.claims({ numbers: ['US11205304B2'] }), 'quota', /not included/);
    ctx.sb.faults.add({ path: ENDPOINTS.family, malformed: true });
    const e = await rejectsWith(api.family({ numbers: ['US11205304B2'] }), 'unexpectedResponse');
    assert.equal(e.endpoint, ENDPOINTS.family);
    ctx.sb.faults.add({ path: ENDPOINTS.standardNumber, errorCode: 68300004 });
    await rejectsWith(api.standardNumber({ apno: 'US14/706838' }), 'invalidParameter');
  });
});

describe('client: the patent record from a hostile service', () => {
  let server: Server;
  let url: string;
  const answers = new Map<string, unknown>();
  before(async () => {
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ status: true, error_code: 0, data: answers.get(path) ?? null }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const api = () => createPatsnapClient({ baseUrl: url, credentials: KEY_CREDENTIALS, maxRequestsPerSecond: 1000, retryBaseDelayMs: 1, maxRetries: 0 });

  it('drops what does not fit, keeps the rest, and claim markup stays data', async () => {
    answers.set(ENDPOINTS.claims, [
      {
        pn: 'US1B2',
        patent_id: 'a',
        claim_count: 'many',
        claims: [
          { lang: 'EN', claim_text: '<div class="indep-clm" num="1">1. A <script>alert(1)</script><img src=x onerror=alert(2)>thing \u001b]8;;http://evil\u0007link\u001b]8;;\u0007.</div><div class="dep-clm" num="2" parent="1">2. The thing of claim 1.</div>' },
          { lang: 5, claim_text: null },
          'junk',
        ],
      },
    ]);
    answers.set(ENDPOINTS.citations, [
      { pn: 'US1B2', patent_id: 'a', patsnap_reference_cited: { cited_patents: [{ country: 'US', doc_number: '1', kind: 'B1', category: 'X', cite_type: [7, 'EXA'] }, { doc_number: 'x' }], cited_others: [{ title: 'Paper', doi: 'javascript:alert(1)' }, { title: 'Real', doi: 'doi:10.1000/xyz<>"' }] } },
    ]);
    answers.set(ENDPOINTS.family, [{ pn: 'US1B2', patent_id: 'a', patent_family: { simple_family: [{ country: 'EP', doc_number: '1' }, { country: 3 }], inpadoc_family: {} } }]);
    const [claims] = await api().claims({ numbers: ['US1B2'] });
    assert.equal(claims?.texts.length, 1);
    assert.equal(claims?.claimCount, undefined);
    const parsed = parseClaims(claims?.texts[0]?.html ?? '');
    assert.deepEqual(parsed.map((c) => c.text), ['A thing ]8;;http://evillink]8;;.', 'The thing of claim 1.']);
    const [c] = await api().citations({ numbers: ['US1B2'] });
    const view = describeCitations(c, undefined);
    assert.deepEqual(view.cites.map((x) => [x.number, x.categories.map((k) => k.code), x.citeTypes.map((k) => k.code)]), [['US1B1', ['X'], ['EXA']]]);
    assert.deepEqual(view.nonPatent.map((x) => x.doiUrl), [undefined, 'https://doi.org/10.1000/xyz%3C%3E%22']);
    const [f] = await api().family({ numbers: ['US1B2'] });
    assert.deepEqual([f?.simple.map((m) => m.number), f?.inpadoc], [['EP1'], []]);
  });

  it('an answer whose batch list is not a list is an error naming the endpoint', async () => {
    answers.set(ENDPOINTS.legalEvents, { not: 'a list' });
    const e = await rejectsWith(api().legalEvents({ numbers: ['US1B2'] }), 'unexpectedResponse');
    assert.equal(e.endpoint, ENDPOINTS.legalEvents);
  });
});
