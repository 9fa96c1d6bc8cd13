import * as assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ENDPOINTS } from '../../../../src/core/api/client';
import { ERROR_CODES, type PatsnapErrorKind } from '../../../../src/core/api/errors';
import { apiCalls, client, KEY_CREDENTIALS, rejectsWith, TOKEN, until, useSandbox } from './helpers';

const LEGAL = ENDPOINTS.legalStatus;
const lookup = { numbers: ['US11205304B2'] };

describe('client errors: every error code', () => {
  const ctx = useSandbox();
  const maxRetries = 2;

  for (const [codeText, info] of Object.entries(ERROR_CODES)) {
    const code = Number(codeText);
    // Attempts the client makes while the code persists.
    const attempts = { stop: 1, retry: 1 + maxRetries, slowDown: 1 + maxRetries, retryOnce: 2, refreshToken: 2 }[info.handling];
    it(`${code} -> ${info.kind}, ${attempts} attempt(s) (${info.handling})`, async () => {
      const api = client(ctx.sb, { maxRetries, maxRateRetries: maxRetries });
      ctx.sb.faults.add({ path: LEGAL, errorCode: code, times: 0 });
      const e = await rejectsWith(api.legalStatus(lookup), info.kind as PatsnapErrorKind);
      assert.equal(e.code, code);
      assert.equal(e.endpoint, LEGAL);
      assert.equal(ctx.sb.stats.calls(LEGAL), attempts);
      assert.equal(ctx.sb.stats.calls(TOKEN), info.handling === 'refreshToken' ? 2 : 1);
    });
  }

  it('an unknown error code stops at once and names the code', async () => {
    const api = client(ctx.sb);
    ctx.sb.faults.add({ path: LEGAL, errorCode: 12345678, times: 0 });
    await rejectsWith(api.legalStatus(lookup), 'serviceUnavailable', /12345678/);
    assert.equal(ctx.sb.stats.calls(LEGAL), 1);
  });

  it('a rejected parameter carries the service message naming it', async () => {
    const api = client(ctx.sb);
    await rejectsWith(api.search({ query: 'TTL:(unbalanced' }), 'invalidParameter', /query_text/);
  });
});

describe('client errors: retries', () => {
  const ctx = useSandbox();

  it('a transient failure that clears is retried to success', async () => {
    const api = client(ctx.sb, { maxRetries: 4 });
    ctx.sb.faults.add({ path: LEGAL, errorCode: 67200002, times: 2 });
    ctx.sb.faults.add({ path: LEGAL, errorCode: 68300008, times: 1 });
    const [s] = await api.legalStatus(lookup);
    assert.equal(s?.pn, 'US11205304B2');
    assert.equal(ctx.sb.stats.calls(LEGAL), 4);
    assert.equal(api.callCounts.get(LEGAL), 4);
  });

  it('"too many calls per second" has its own budget, apart from the transient one', async () => {
    const api = client(ctx.sb, { maxRetries: 0, maxRateRetries: 3 });
    ctx.sb.faults.add({ path: LEGAL, errorCode: 67200002, times: 0 });
    await rejectsWith(api.legalStatus(lookup), 'rateLimited');
    assert.equal(ctx.sb.stats.calls(LEGAL), 4);
    ctx.sb.reset();
    const both = client(ctx.sb, { maxRetries: 1, maxRateRetries: 3 });
    ctx.sb.faults.add({ path: LEGAL, errorCode: 67200002, times: 3 });
    ctx.sb.faults.add({ path: LEGAL, errorCode: 67200100, times: 1 });
    const [s] = await both.legalStatus(lookup);
    assert.equal(s?.pn, 'US11205304B2');
    assert.equal(ctx.sb.stats.calls(LEGAL), 5);
  });

  const statuses: Array<[number, PatsnapErrorKind, number]> = [
    [429, 'rateLimited', 3],
    [500, 'serviceUnavailable', 3],
    [502, 'serviceUnavailable', 3],
    [503, 'serviceUnavailable', 3],
    [401, 'credentials', 2],
    [403, 'forbidden', 1],
    [404, 'notFound', 1],
  ];
  for (const [status, kind, attempts] of statuses) {
    it(`HTTP ${status} -> ${kind} after ${attempts} attempt(s)`, async () => {
      const api = client(ctx.sb, { maxRetries: 2, maxRateRetries: 2 });
      ctx.sb.faults.add({ path: LEGAL, httpStatus: status, times: 0 });
      const e = await rejectsWith(api.legalStatus(lookup), kind);
      assert.equal(e.httpStatus, status);
      assert.equal(ctx.sb.stats.calls(LEGAL), attempts);
    });
  }

  it('a dropped socket is a network error naming the host, retried', async () => {
    const api = client(ctx.sb, { maxRetries: 1 });
    ctx.sb.faults.add({ path: LEGAL, drop: true, times: 0 });
    const e = await rejectsWith(api.legalStatus(lookup), 'network', new RegExp(`127\\.0\\.0\\.1:${ctx.sb.port}`));
    assert.equal(ctx.sb.stats.calls(LEGAL), 2);
    ctx.sb.faults.clear();
    ctx.sb.faults.add({ path: LEGAL, drop: true, times: 1 });
    await api.legalStatus(lookup);
    assert.ok(!e.message.includes('US11205304B2'));
  });

  it('an answer cut off mid-body is retried', async () => {
    const api = client(ctx.sb, { maxRetries: 1 });
    ctx.sb.faults.add({ path: LEGAL, dropMidBody: true, times: 1 });
    await api.legalStatus(lookup);
    assert.equal(ctx.sb.stats.calls(LEGAL), 2);
  });

  it('a timeout is a network error naming the host (not the query), and fails at the deadline without a retry', async () => {
    const api = client(ctx.sb, { timeoutMs: 300, maxRetries: 1 });
    // A first call gets the token and leaves a kept-alive connection, so the timed call's request
    // is on the wire at once: the sandbox counts it however late a loaded machine runs the deadline.
    await api.search({ query: 'TTL:battery' });
    ctx.sb.stats.reset();
    // Held until the client goes away (the sandbox ends a delay when its response closes).
    ctx.sb.faults.add({ path: ENDPOINTS.search, delayMs: 60_000, times: 0 });
    const e = await rejectsWith(api.search({ query: 'TTL:secretword' }), 'network', /did not answer within 0\.3 s/);
    assert.equal(e.reason, 'timeout');
    assert.match(e.message, /127\.0\.0\.1/);
    assert.ok(!e.message.includes('secretword'));
    // A retry would have been sent before the rejection: once the held call is counted, there is no other.
    await until(() => ctx.sb.stats.calls(ENDPOINTS.search) >= 1);
    assert.equal(ctx.sb.stats.calls(ENDPOINTS.search), 1);
  });

  it('a refused connection is a network error naming the host', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    const api = client(ctx.sb, { baseUrl: `http://127.0.0.1:${port}`, credentials: KEY_CREDENTIALS, maxRetries: 1 });
    await rejectsWith(api.search({ query: 'TTL:battery' }), 'network', new RegExp(`Could not reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
  });

  it('retries stop at maxRetries', async () => {
    const api = client(ctx.sb, { maxRetries: 5, retryBaseDelayMs: 1 });
    ctx.sb.faults.add({ path: LEGAL, errorCode: 67200100, times: 0 });
    await rejectsWith(api.legalStatus(lookup), 'serviceUnavailable');
    assert.equal(ctx.sb.stats.calls(LEGAL), 6);
    ctx.sb.reset();
    const none = client(ctx.sb, { maxRetries: 0 });
    ctx.sb.faults.add({ path: LEGAL, errorCode: 67200100, times: 0 });
    await rejectsWith(none.legalStatus(lookup), 'serviceUnavailable');
    assert.equal(ctx.sb.stats.calls(LEGAL), 1);
  });

  it('retries stop when the waits would pass maxRetryTimeMs', async () => {
    // Waits of 25 ms doubling: at most two or three fit in 60 ms, far fewer than 20 retries.
    const api = client(ctx.sb, { maxRetries: 20, retryBaseDelayMs: 50, maxRetryTimeMs: 60 });
    ctx.sb.faults.add({ path: LEGAL, errorCode: 67200100, times: 0 });
    const started = Date.now();
    await rejectsWith(api.legalStatus(lookup), 'serviceUnavailable');
    const calls = ctx.sb.stats.calls(LEGAL);
    assert.ok(calls >= 2 && calls <= 4, `${calls} attempts`);
    assert.ok(Date.now() - started < 3000);
  });

  it('an answer of the wrong shape is an unexpectedResponse naming the endpoint, not retried', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS });
    const calls: Array<[string, () => Promise<unknown>]> = [
      [ENDPOINTS.search, () => api.search({ query: 'TTL:battery' })],
      [ENDPOINTS.bibliography, () => api.bibliography(lookup)],
      [ENDPOINTS.legalStatus, () => api.legalStatus(lookup)],
      [ENDPOINTS.abstractImage, () => api.abstractImages(lookup)],
      [ENDPOINTS.pdf, () => api.pdfs(lookup)],
      [ENDPOINTS.examDocs, () => api.examinationDocuments({ patentNumber: 'US11205304B2' })],
      [ENDPOINTS.createExport, () => api.createExport({ query: 'TTL:battery', fields: ['PN'], exportType: 'csv', rows: 1 })],
    ];
    for (const [path, call] of calls) {
      ctx.sb.faults.add({ path, malformed: true });
      const e = await rejectsWith(call(), 'unexpectedResponse');
      assert.ok(e.message.includes(path), e.message);
      assert.equal(ctx.sb.stats.calls(path), 1, path);
    }
  });
});

describe('client errors: cancellation', () => {
  const ctx = useSandbox();

  it('an already aborted signal makes no call', async () => {
    const api = client(ctx.sb);
    const ac = new AbortController();
    ac.abort();
    await rejectsWith(api.search({ query: 'TTL:battery' }, { signal: ac.signal }), 'cancelled');
    await rejectsWith(api.legalStatus(lookup, { signal: ac.signal }), 'cancelled');
    assert.equal(ctx.sb.stats.calls(), 0);
  });

  it('aborting during a request rejects promptly', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS });
    ctx.sb.faults.add({ path: ENDPOINTS.search, delayMs: 3000 });
    const ac = new AbortController();
    const started = Date.now();
    const call = api.search({ query: 'TTL:battery' }, { signal: ac.signal });
    await until(() => ctx.sb.stats.calls(ENDPOINTS.search) === 1);
    ac.abort();
    await rejectsWith(call, 'cancelled');
    assert.ok(Date.now() - started < 2000);
  });

  it('aborting during a backoff wait rejects promptly, without another attempt', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS, retryBaseDelayMs: 4000 });
    ctx.sb.faults.add({ path: LEGAL, errorCode: 67200100, times: 0 });
    const ac = new AbortController();
    const started = Date.now();
    const call = api.legalStatus(lookup, { signal: ac.signal });
    await until(() => ctx.sb.stats.calls(LEGAL) === 1);
    await new Promise((r) => setTimeout(r, 20));
    ac.abort();
    await rejectsWith(call, 'cancelled');
    assert.ok(Date.now() - started < 1500);
    assert.equal(ctx.sb.stats.calls(LEGAL), 1);
  });

  it('aborting while waiting for the token exchange rejects promptly', async () => {
    const api = client(ctx.sb);
    ctx.sb.faults.add({ path: TOKEN, delayMs: 3000 });
    const ac = new AbortController();
    const call = api.search({ query: 'TTL:battery' }, { signal: ac.signal });
    await until(() => ctx.sb.stats.calls(TOKEN) === 1);
    ac.abort();
    await rejectsWith(call, 'cancelled');
    assert.equal(apiCalls(ctx.sb), 0);
  });
});

describe('client rate limit', () => {
  const ctx = useSandbox({ maxRequestsPerSecond: 15 });

  it('keeps a burst under the service QPS, retries included', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS, maxRequestsPerSecond: 10, maxRetries: 0 });
    await Promise.all(Array.from({ length: 16 }, () => api.legalStatus(lookup)));
    assert.equal(ctx.sb.stats.calls(LEGAL), 16);
  });

  it('(control) the same burst without the client limit is refused by the service', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS, maxRequestsPerSecond: 1000, maxRetries: 0, maxRateRetries: 0 });
    const results = await Promise.allSettled(Array.from({ length: 16 }, () => api.legalStatus(lookup)));
    assert.ok(results.some((r) => r.status === 'rejected'));
  });
});
