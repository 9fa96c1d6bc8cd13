import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { call, getToken, ok, search } from './helpers';
import { startSandbox } from '../../../src/sandbox/server';
import { SANDBOX_CREDENTIALS } from '../../../src/core/sandboxCredentials';
import { until, useSandbox } from '../core/api/helpers';

describe('sandbox: faults, QPS limit and control', () => {
  const ctx = useSandbox();

  const q = { query_text: 'TTL:battery' };

  it('errorCode answers that code in the envelope, with HTTP 200 except 401 and 404', async () => {
    for (const [code, status] of [[67200002, 200], [67200005, 200], [68300008, 200], [67200003, 401], [67200101, 404]] as const) {
      ctx.sb.faults.add({ errorCode: code });
      const a = await search(ctx.sb, q);
      assert.equal(a.status, status, String(code));
      assert.deepEqual([a.body.status, a.body.error_code, a.body.data], [false, code, null]);
      assert.equal(typeof a.body.error_msg, 'string');
    }
    ok(await search(ctx.sb, q));
  });

  it('httpStatus answers that status with an envelope', async () => {
    ctx.sb.faults.add({ httpStatus: 503 });
    const a = await search(ctx.sb, q);
    assert.equal(a.status, 503);
    assert.equal(a.body.status, false);
    assert.equal(a.body.error_code, 67200100);
    ctx.sb.faults.add({ httpStatus: 429, errorCode: 67200002 });
    const b = await search(ctx.sb, q);
    assert.deepEqual([b.status, b.body.error_code], [429, 67200002]);
  });

  it('delayMs delays the answer: calls after it are answered while it waits, and it comes whole', async () => {
    // Held far past the test (no clock read): the next call, not delayed, is answered while the first still waits.
    ctx.sb.faults.add({ delayMs: 60_000 });
    const abort = new AbortController();
    let first: 'waiting' | 'answered' = 'waiting';
    const held = fetch(new URL('/search/patent/query-search-patent', ctx.sb.url), {
      method: 'POST',
      signal: abort.signal,
      headers: { authorization: `Bearer ${SANDBOX_CREDENTIALS.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(q),
    }).then(
      () => (first = 'answered'),
      () => undefined,
    );
    await until(() => ctx.sb.stats.calls('/search/patent/query-search-patent') === 1);
    ok(await search(ctx.sb, q));
    assert.equal(first, 'waiting', 'the delayed call is still waiting');
    abort.abort();
    await held;
    // A short delay: the answer, when it comes, is the whole answer.
    ctx.sb.faults.add({ delayMs: 1 });
    ok(await search(ctx.sb, q));
  });

  it('drop destroys the socket without an answer', async () => {
    ctx.sb.faults.add({ drop: true });
    await assert.rejects(search(ctx.sb, q));
    ok(await search(ctx.sb, q));
  });

  it('dropMidBody on an API path sends part of the JSON, then closes', async () => {
    ctx.sb.faults.add({ path: '/search/patent', dropMidBody: true });
    await assert.rejects(search(ctx.sb, q));
    ok(await search(ctx.sb, q));
  });

  it('malformed keeps a valid envelope but breaks the shape of data', async () => {
    ctx.sb.faults.add({ malformed: true });
    const a = await search(ctx.sb, q);
    assert.equal(a.body.status, true);
    assert.equal(a.body.error_code, 0);
    assert.equal(typeof (a.body.data as Record<string, unknown>).results, 'string');
    ctx.sb.faults.add({ malformed: true });
    const batch = await call(ctx.sb, '/basic-patent-data/simple-legal-status', { query: { patent_number: 'US11205304B2' } });
    assert.equal(typeof batch.body.data, 'string');
  });

  it('shapes error envelopes as the contract allows: data null, absent or {}, error_msg text, null or absent', async () => {
    const cases: Array<[Record<string, unknown>, string[], unknown, unknown]> = [
      [{}, ['data', 'status', 'error_code', 'error_msg'], null, 'string'],
      [{ errorData: 'absent' }, ['status', 'error_code', 'error_msg'], undefined, 'string'],
      [{ errorData: 'object' }, ['data', 'status', 'error_code', 'error_msg'], {}, 'string'],
      [{ errorMsg: 'null' }, ['data', 'status', 'error_code', 'error_msg'], null, 'object'],
      [{ errorMsg: 'absent', errorData: 'absent' }, ['status', 'error_code'], undefined, 'undefined'],
    ];
    for (const [shape, keys, data, msgType] of cases) {
      ctx.sb.faults.add({ errorCode: 67200002, ...shape });
      const a = await search(ctx.sb, q);
      assert.deepEqual(Object.keys(a.body), keys, JSON.stringify(shape));
      assert.deepEqual([a.body.status, a.body.error_code, a.body.data], [false, 67200002, data]);
      assert.equal(typeof a.body.error_msg, msgType);
    }
  });

  it('a server-wide envelope shape applies to every error answer, a fault may override it', async () => {
    const shaped = await startSandbox({ envelope: { errorData: 'absent', errorMsg: 'absent' } });
    try {
      assert.deepEqual((await call(shaped, '/no/such/path')).body, { status: false, error_code: 67200101 });
      assert.deepEqual((await call(shaped, '/search/patent/query-search-patent', { body: q, auth: null })).body, { status: false, error_code: 67200003 });
      shaped.faults.add({ errorCode: 67200100, errorMsg: 'text' });
      const a = await search(shaped, q);
      assert.deepEqual(Object.keys(a.body), ['status', 'error_code', 'error_msg']);
      assert.ok(ok(await search(shaped, q)));
    } finally {
      await shaped.close();
    }
    await assert.rejects(startSandbox({ envelope: { errorData: 'nothing' as 'null' } }), /errorData must be/);
  });

  it('retryAfter sends a Retry-After header with the error', async () => {
    ctx.sb.faults.add({ httpStatus: 429, retryAfter: 7 });
    const res = await fetch(new URL('/search/patent/query-search-patent', ctx.sb.url), { method: 'POST', body: JSON.stringify(q), headers: { authorization: 'Bearer x' } });
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '7');
  });

  it('nullData answers success with data null', async () => {
    ctx.sb.faults.add({ nullData: true });
    assert.deepEqual((await search(ctx.sb, q)).body, { data: null, status: true, error_code: 0 });
  });

  it('oddFields keeps pn and patent_id and gives every descriptive field an odd type', async () => {
    ctx.sb.faults.add({ oddFields: true });
    const [item] = (await call(ctx.sb, '/basic-patent-data/simple-legal-status', { query: { patent_number: 'US11205304B2' } })).body.data as Array<Record<string, unknown>>;
    assert.deepEqual(item, { pn: 'US11205304B2', patent_id: '718ead9c-4f3c-4674-8f5a-24e126827269', simple_legal_status: 3 });
    const bibliography = async (): Promise<Record<string, unknown>> =>
      ((await call(ctx.sb, '/basic-patent-data/simple-bibliography', { query: { patent_number: 'US11205304B2' } })).body.data as Array<{ bibliographic_data: Record<string, unknown> }>)[0]
        ?.bibliographic_data ?? {};
    const clean = await bibliography();
    ctx.sb.faults.add({ oddFields: true });
    const odd = await bibliography();
    assert.equal(typeof odd.invention_title, 'string');
    assert.equal(typeof odd.patent_type, 'number');
    assert.deepEqual(Object.keys(odd), Object.keys(clean));
    assert.ok(Object.values(odd.parties as Record<string, unknown>).every((v) => !Array.isArray(v)));
  });

  it('skip lets that many matching requests through first', async () => {
    ctx.sb.faults.add({ errorCode: 67200005, skip: 2 });
    ok(await search(ctx.sb, q));
    ok(await search(ctx.sb, q));
    assert.equal((await search(ctx.sb, q)).body.error_code, 67200005);
    ok(await search(ctx.sb, q));
  });

  it('faults apply in order, `times` each, and times 0 lasts until cleared', async () => {
    ctx.sb.faults.add({ errorCode: 67200002, times: 2 });
    ctx.sb.faults.add({ errorCode: 68300008 });
    assert.equal((await search(ctx.sb, q)).body.error_code, 67200002);
    assert.equal((await search(ctx.sb, q)).body.error_code, 67200002);
    assert.equal((await search(ctx.sb, q)).body.error_code, 68300008);
    ok(await search(ctx.sb, q));
    ctx.sb.faults.add({ errorCode: 67200100, times: 0 });
    for (let i = 0; i < 4; i++) assert.equal((await search(ctx.sb, q)).body.error_code, 67200100);
    ctx.sb.faults.clear();
    ok(await search(ctx.sb, q));
  });

  it('a path narrows a fault; without one it spares the token endpoint', async () => {
    ctx.sb.faults.add({ path: '/basic-patent-data/', errorCode: 67200004 });
    ok(await search(ctx.sb, q));
    assert.equal((await getToken(ctx.sb)).status, 200);
    assert.equal((await call(ctx.sb, '/basic-patent-data/simple-legal-status', { query: { patent_number: 'US11205304B2' } })).body.error_code, 67200004);
    ctx.sb.faults.add({ errorCode: 67200004 });
    assert.equal((await getToken(ctx.sb)).status, 200);
    assert.equal((await search(ctx.sb, q)).body.error_code, 67200004);
    ctx.sb.faults.add({ path: '/oauth/token', errorCode: 67200003 });
    assert.equal((await getToken(ctx.sb)).status, 401);
  });

  it('a fault that names the token endpoint (`token`) applies to the token call as well as to what its path picks', async () => {
    const post = (fault: unknown): Promise<Response> => fetch(`${ctx.sb.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify(fault) });
    assert.equal((await post({ httpStatus: 503, times: 2, token: true })).status, 200);
    assert.equal((await getToken(ctx.sb)).status, 503, 'the token call');
    assert.equal((await search(ctx.sb, q)).status, 503, 'a business call');
    assert.equal((await getToken(ctx.sb)).status, 200);
    ok(await search(ctx.sb, q));
    assert.equal((await post({ path: '/basic-patent-data/', errorCode: 67200004, token: true, times: 0 })).status, 200);
    const refused = await getToken(ctx.sb);
    assert.deepEqual([refused.body.error_code, refused.body.token], [67200004, undefined], 'the token call gets the error, no token');
    ok(await search(ctx.sb, q));
    assert.equal((await fetch(`${ctx.sb.url}/_sandbox/faults`, { method: 'DELETE' })).status, 200);
    assert.equal((await post({ token: 'yes' })).status, 400);
  });

  it('a held service (a delay of every call, token included) holds a client before its first token', async () => {
    // Held far past the test: the second token call, unheld, is answered while the first still waits.
    assert.equal((await fetch(`${ctx.sb.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ delayMs: 60_000, token: true }) })).status, 200);
    const abort = new AbortController();
    let held: 'waiting' | 'answered' = 'waiting';
    const first = fetch(new URL('/oauth/token', ctx.sb.url), { method: 'POST', signal: abort.signal, headers: { authorization: `Basic ${Buffer.from(`${SANDBOX_CREDENTIALS.clientId}:${SANDBOX_CREDENTIALS.clientSecret}`).toString('base64')}` } }).then(
      () => (held = 'answered'),
      () => undefined,
    );
    await until(() => ctx.sb.stats.calls('/oauth/token') === 1);
    assert.equal((await getToken(ctx.sb)).status, 200, 'the fault was used up by the first token call');
    assert.equal(held, 'waiting', 'the first token call is held');
    abort.abort();
    await first;
  });

  it('takes faults and reports stats over HTTP', async () => {
    const post = await fetch(`${ctx.sb.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ errorCode: 67200007, times: 0 }) });
    assert.equal(post.status, 200);
    assert.equal((await search(ctx.sb, q)).body.error_code, 67200007);
    assert.equal((await fetch(`${ctx.sb.url}/_sandbox/faults`, { method: 'DELETE' })).status, 200);
    ok(await search(ctx.sb, q));
    const bad = await fetch(`${ctx.sb.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ errorCode: 'x' }) });
    assert.equal(bad.status, 400);
    const unknown = await fetch(`${ctx.sb.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ eror: 1 }) });
    assert.equal(unknown.status, 400);
    for (const badShape of [{ errorData: 'gone' }, { errorMsg: 1 }, { retryAfter: -1 }, { nullData: 'yes' }, { skip: 1.5 }]) {
      assert.equal((await fetch(`${ctx.sb.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify(badShape) })).status, 400, JSON.stringify(badShape));
    }
    const stats = (await (await fetch(`${ctx.sb.url}/_sandbox/stats`)).json()) as { calls: Record<string, number> };
    assert.deepEqual(stats.calls, { '/search/patent/query-search-patent': 2 });
    assert.equal((await fetch(`${ctx.sb.url}/_sandbox/reset`, { method: 'POST' })).status, 200);
    assert.equal(ctx.sb.stats.calls(), 0);
  });

  it('counts calls per path, rejected ones too', async () => {
    await search(ctx.sb, q);
    await call(ctx.sb, '/search/patent/query-search-patent', { body: q, auth: null });
    await call(ctx.sb, '/basic-patent-data/simple-legal-status', { query: { patent_number: 'US11205304B2' } });
    await getToken(ctx.sb);
    assert.equal(ctx.sb.stats.calls('/search/patent/query-search-patent'), 2);
    assert.equal(ctx.sb.stats.calls('/basic-patent-data/simple-legal-status'), 1);
    assert.equal(ctx.sb.stats.calls('/oauth/token'), 1);
    assert.equal(ctx.sb.stats.calls(), 4);
    ctx.sb.stats.reset();
    assert.equal(ctx.sb.stats.calls(), 0);
  });

  it('answers 67200002 above maxRequestsPerSecond', async () => {
    const limited = await startSandbox({ maxRequestsPerSecond: 3 });
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, () => search(limited, q)));
      const codes = answers.map((a) => a.body.error_code);
      assert.equal(codes.filter((c) => c === 0).length, 3);
      assert.equal(codes.filter((c) => c === 67200002).length, 3);
      await new Promise((r) => setTimeout(r, 1050));
      ok(await search(limited, q));
    } finally {
      await limited.close();
    }
  });

  it('closes promptly even with a keep-alive connection open', async () => {
    const other = await startSandbox();
    await new Promise<void>((resolve, reject) => {
      const req = request(`${other.url}/_sandbox/health`, { agent: new Agent({ keepAlive: true }) }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end();
    });
    const t0 = performance.now();
    await other.close();
    assert.ok(performance.now() - t0 < 1000);
  });
});
