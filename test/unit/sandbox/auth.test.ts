import assert from 'node:assert/strict';
import { SANDBOX_CREDENTIALS } from '../../../src/core/sandboxCredentials';
import { startSandbox, type SandboxServer } from '../../../src/sandbox/server';
import { call, getToken, ok, type CallOptions } from './helpers';

describe('sandbox: authentication', () => {
  let sb: SandboxServer;
  let clock = Date.UTC(2024, 0, 1);
  before(async () => {
    sb = await startSandbox({ now: () => clock });
  });
  after(() => sb.close());
  afterEach(() => sb.reset());

  const searchWith = (auth: CallOptions['auth']) => call(sb, '/search/patent/query-search-patent', { body: { query_text: 'TTL:battery' }, auth });

  it('exchanges client id and secret for a token in the documented shape', async () => {
    const a = await getToken(sb);
    assert.equal(a.status, 200);
    assert.deepEqual(Object.keys(a.body).sort(), ['expires_in', 'issued_at', 'status', 'token', 'token_type']);
    assert.equal(a.body.token_type, 'BearerToken');
    assert.equal(a.body.expires_in, 1799);
    assert.equal(a.body.status, 'approved');
    assert.equal(a.body.issued_at, String(clock));
    assert.equal(typeof a.body.token, 'string');
  });

  it('answers the wrapped token shape when asked to', async () => {
    const other = await startSandbox({ tokenShape: 'wrapped', tokenTtlSeconds: 600 });
    try {
      const a = await getToken(other);
      assert.equal(a.body.status, true);
      assert.equal(a.body.error_code, 0);
      const data = a.body.data as Record<string, unknown>;
      assert.equal(data.expires_in, '600');
      assert.equal(typeof data.token, 'string');
    } finally {
      await other.close();
    }
  });

  it('refuses a wrong secret, a wrong id, a wrong grant and a secret in the body with 67200003 (HTTP 401)', async () => {
    for (const a of [await getToken(sb, SANDBOX_CREDENTIALS.clientId, 'nope'), await getToken(sb, 'someone', SANDBOX_CREDENTIALS.clientSecret)]) {
      assert.equal(a.status, 401);
      assert.equal(a.body.status, false);
      assert.equal(a.body.error_code, 67200003);
      assert.equal(typeof a.body.error_msg, 'string');
    }
    const basic = `Basic ${Buffer.from('sandbox-client:sandbox-secret').toString('base64')}`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const tries: RequestInit[] = [
      { method: 'POST', headers: { authorization: basic, ...form }, body: 'grant_type=password' },
      { method: 'POST', headers: { authorization: basic, ...form }, body: '' },
      { method: 'POST', headers: { authorization: basic, ...form }, body: 'grant_type=client_credentials&client_secret=sandbox-secret' },
      { method: 'POST', headers: { authorization: basic, 'content-type': 'application/json' }, body: '{"grant_type":"client_credentials"}' },
      { method: 'POST', headers: form, body: 'grant_type=client_credentials&client_id=sandbox-client' },
    ];
    for (const init of tries) {
      const res = await fetch(new URL('/oauth/token', sb.url), init);
      assert.equal(res.status, 401);
      assert.equal(((await res.json()) as { error_code: number }).error_code, 67200003);
    }
  });

  it('accepts Bearer token + apikey, and answers 67200008 without apikey and 67200009 for another client', async () => {
    const token = (await getToken(sb)).body.token as string;
    ok(await searchWith({ token, apikey: SANDBOX_CREDENTIALS.clientId }));
    const missing = await searchWith({ token });
    assert.equal(missing.body.error_code, 67200008);
    assert.equal(missing.body.status, false);
    const mismatch = await searchWith({ token, apikey: 'another-client' });
    assert.equal(mismatch.body.error_code, 67200009);
  });

  it('answers 67200003 (HTTP 401) for an unknown token, no credentials, or a wrong sk- key', async () => {
    for (const auth of [{ token: 'made-up', apikey: SANDBOX_CREDENTIALS.clientId }, null, { token: 'sk-wrong-key' }] as const) {
      const a = await searchWith(auth);
      assert.equal(a.status, 401);
      assert.equal(a.body.error_code, 67200003);
    }
  });

  it('expires tokens after their lifetime, by the clock', async () => {
    const token = (await getToken(sb)).body.token as string;
    clock += 1798 * 1000;
    ok(await searchWith({ token, apikey: SANDBOX_CREDENTIALS.clientId }));
    clock += 2000;
    const a = await searchWith({ token, apikey: SANDBOX_CREDENTIALS.clientId });
    assert.equal(a.status, 401);
    assert.equal(a.body.error_code, 67200003);
  });

  it('accepts the sk- key in the Authorization header, and refuses one anywhere in the URL (68300007), valid or not', async () => {
    ok(await searchWith({ token: SANDBOX_CREDENTIALS.apiKey }));
    const queries: Array<Record<string, string>> = [{ apikey: SANDBOX_CREDENTIALS.apiKey }, { apikey: 'sk-made-up' }, { other: `Bearer ${SANDBOX_CREDENTIALS.apiKey}` }];
    for (const query of queries) {
      const a = await call(sb, '/search/patent/query-search-patent', { body: { query_text: 'TTL:battery' }, query });
      assert.deepEqual([a.status, a.body.status, a.body.error_code], [200, false, 68300007], JSON.stringify(query));
      assert.match(String(a.body.error_msg), /Authorization header, never in the URL/);
    }
    const token = await fetch(new URL(`/oauth/token?apikey=${SANDBOX_CREDENTIALS.apiKey}`, sb.url), { method: 'POST' });
    assert.equal(((await token.json()) as { error_code: number }).error_code, 68300007);
  });

  it('answers 67200101 (HTTP 404) for a path that does not exist, credentials or not', async () => {
    for (const auth of ['sk', null] as const) {
      const a = await call(sb, '/basic-patent-data/no-such-thing', { auth });
      assert.equal(a.status, 404);
      assert.equal(a.body.error_code, 67200101);
    }
    const wrongMethod = await call(sb, '/search/patent/query-search-patent');
    assert.equal(wrongMethod.body.error_code, 67200101);
  });
});
