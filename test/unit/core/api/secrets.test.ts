/** Where credentials travel, and that errors and messages never hold them. */
import * as assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { createPatsnapClient, ENDPOINTS } from '../../../../src/core/api/client';
import type { Credentials, PatsnapApi } from '../../../../src/core/api/types';
import { SANDBOX_CREDENTIALS } from '../../../../src/core/sandboxCredentials';
import { client, KEY_CREDENTIALS, rejectsWith, SECRET_CREDENTIALS, useSandbox } from './helpers';
import { envelope, startHostile, type Hostile } from './hostile';

const KEY = SANDBOX_CREDENTIALS.apiKey;

describe('secrets: where the key goes', () => {
  let hostile: Hostile | undefined;
  afterEach(() => hostile?.close());

  it('an sk- key travels only in the Authorization header, never in a URL', async () => {
    hostile = await startHostile((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(envelope(req.url?.startsWith(ENDPOINTS.search) ? { results: [], total_search_result_count: 0 } : []));
    });
    const api = createPatsnapClient({ baseUrl: hostile.url, credentials: KEY_CREDENTIALS, maxRequestsPerSecond: 1000 });
    await api.search({ query: 'TTL:battery' });
    await api.bibliography({ numbers: ['US11205304B2'] });
    await api.legalStatus({ patentIds: ['x'] });
    assert.equal(hostile.requests.length, 3);
    for (const r of hostile.requests) {
      assert.doesNotMatch(decodeURIComponent(r.url), /sk-|apikey/, r.url);
      assert.equal(r.headers.authorization, `Bearer ${KEY}`);
    }
  });

  describe('against the sandbox, which refuses an sk- key in the URL', () => {
    const ctx = useSandbox();
    it('every endpoint works with the key, and the client id model still sends apikey', async () => {
      for (const credentials of [KEY_CREDENTIALS, SECRET_CREDENTIALS]) {
        const api = client(ctx.sb, { credentials });
        await api.search({ query: 'TTL:battery', limit: 1 });
        await api.count({ query: 'TTL:battery' });
        await api.facets({ query: 'TTL:battery', fields: ['ASSIGNEE'] });
        await api.legalStatus({ numbers: ['US11205304B2'] });
        await api.examinationDocuments({ patentNumber: 'US11205304B2' });
      }
    });
  });
});

describe('secrets: errors hold no transport object, messages no URL parts', () => {
  const ctx = useSandbox();

  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    return port;
  }

  /** Everything an error holds, as deep as it goes: what a log line or a crash report could show. */
  function everything(e: unknown): string {
    return inspect(e, { depth: 20, showHidden: true, getters: true });
  }

  it('no failure keeps headers, the key, the token or the request config', async () => {
    const port = await closedPort();
    const failures: Array<[string, (api: PatsnapApi) => Promise<unknown>, Credentials, string?]> = [
      ['refused connection', (api) => api.search({ query: 'TTL:a' }), KEY_CREDENTIALS, `http://127.0.0.1:${port}`],
      ['timeout', (api) => api.search({ query: 'TTL:a' }), KEY_CREDENTIALS],
      ['dropped socket', (api) => api.legalStatus({ numbers: ['US1B2'] }), SECRET_CREDENTIALS],
      ['HTTP 500', (api) => api.legalStatus({ numbers: ['US1B2'] }), SECRET_CREDENTIALS],
      ['wrong shape', (api) => api.legalStatus({ numbers: ['US1B2'] }), KEY_CREDENTIALS],
      ['credentials refused', (api) => api.legalStatus({ numbers: ['US1B2'] }), { kind: 'apiKey', apiKey: 'sk-not-the-key' }],
    ];
    const faults = [undefined, { delayMs: 400 }, { drop: true, times: 0 }, { httpStatus: 500, times: 0 }, { malformed: true }, undefined];
    for (const [i, [what, run, credentials, baseUrl]] of failures.entries()) {
      ctx.sb.reset();
      const fault = faults[i];
      if (fault) ctx.sb.faults.add(fault);
      const api = client(ctx.sb, { credentials, maxRetries: 1, timeoutMs: 150, ...(baseUrl ? { baseUrl } : {}) });
      const e = await run(api).then(
        () => assert.fail(`${what}: expected a failure`),
        (x: unknown) => x,
      );
      const all = everything(e);
      for (const secret of [KEY, 'sk-not-the-key', SANDBOX_CREDENTIALS.clientSecret, 'Bearer', 'Basic ', 'uthorization', 'AxiosError', 'httpAgent']) {
        assert.ok(!all.includes(secret), `${what}: the error holds "${secret}"`);
      }
    }
  });

  it('user info and query of the base URL appear in no message, and are not sent', async () => {
    const port = await closedPort();
    const base = (p: number): string => `http://someone:pa55word@127.0.0.1:${p}/?token=s3cr3t#frag`;
    const down = createPatsnapClient({ baseUrl: base(port), credentials: KEY_CREDENTIALS, maxRetries: 0 });
    const e = await rejectsWith(down.search({ query: 'TTL:a' }), 'network', new RegExp(`127\\.0\\.0\\.1:${port}`));
    const up = createPatsnapClient({ baseUrl: base(ctx.sb.port), credentials: KEY_CREDENTIALS, maxRetries: 0 });
    ctx.sb.faults.add({ httpStatus: 404 });
    const notFound = await rejectsWith(up.search({ query: 'TTL:a' }), 'notFound');
    for (const message of [e.message, notFound.message, everything(e), everything(notFound)]) {
      assert.doesNotMatch(message, /someone|pa55word|s3cr3t|frag/);
    }
    // The path is the API's, without the base URL's query.
    const [status] = await up.legalStatus({ numbers: ['US11205304B2'] });
    assert.equal(status?.pn, 'US11205304B2');
  });

  it('an unusable base URL fails every call with a clear error, sending nothing', async () => {
    for (const baseUrl of ['not a url', 'ftp://connect.patsnap.com']) {
      const api = createPatsnapClient({ baseUrl, credentials: KEY_CREDENTIALS });
      const e = await rejectsWith(api.search({ query: 'TTL:a' }), 'invalidParameter', /API base URL/);
      assert.equal(e.parameter, 'baseUrl');
      assert.doesNotMatch(e.message, /ftp:|not a url/);
    }
  });
});
