import * as assert from 'node:assert/strict';
import { isPatsnapError } from '../../../../src/core/api/errors';
import { ClientSecretTokenProvider, createTokenProvider, parseTokenAnswer, tokenRequest, type TokenRequest } from '../../../../src/core/auth';
import { SANDBOX_CREDENTIALS } from '../../../../src/core/sandboxCredentials';
import { apiCalls, client, KEY_CREDENTIALS, rejectsWith, SECRET_CREDENTIALS, TOKEN, useSandbox } from '../api/helpers';

describe('auth: token answers', () => {
  it('reads the documented shape', () => {
    assert.deepEqual(parseTokenAnswer({ token: 't', token_type: 'BearerToken', expires_in: 1799, status: 'approved', issued_at: '1692347672874' }), { token: 't', lifetimeSeconds: 1799 });
  });
  it('reads the wrapped shape with expires_in as a string', () => {
    assert.deepEqual(parseTokenAnswer({ status: true, error_code: 0, data: { token: 't', expires_in: '1799' } }), { token: 't', lifetimeSeconds: 1799 });
  });
  it('assumes 30 minutes when no lifetime is given', () => {
    assert.equal(parseTokenAnswer({ token: 't' }).lifetimeSeconds, 1800);
    assert.equal(parseTokenAnswer({ token: 't', expires_in: 'soon' }).lifetimeSeconds, 1800);
  });
  it('refuses an answer without a token', () => {
    for (const body of [{}, { access_token: 't' }, { token: '' }, { status: true, error_code: 0, data: {} }, 'token', null]) {
      assert.throws(() => parseTokenAnswer(body), (e: unknown) => isPatsnapError(e, 'unexpectedResponse') && /\/oauth\/token/.test(e.message));
    }
  });
  it('puts the secret in the Basic header only', () => {
    const req = tokenRequest('id', 'se:cret');
    assert.equal(req.headers.Authorization, `Basic ${Buffer.from('id:se:cret').toString('base64')}`);
    assert.equal(req.body, 'grant_type=client_credentials');
    assert.equal(req.headers['Content-Type'], 'application/x-www-form-urlencoded');
  });
});

describe('auth: ClientSecretTokenProvider', () => {
  function fake(): { calls: TokenRequest[]; provider: ClientSecretTokenProvider; clock: { t: number }; answer<T>(pending: Promise<T>): Promise<T> } {
    const calls: TokenRequest[] = [];
    const clock = { t: 1_000_000 };
    let gate: () => void = () => undefined;
    let n = 0;
    const provider = new ClientSecretTokenProvider(
      'id',
      'secret',
      async (req) => {
        calls.push(req);
        await new Promise<void>((r) => (gate = r));
        return { token: `tok${++n}`, expires_in: 1800 };
      },
      { now: () => clock.t },
    );
    /** Lets the exchange `pending` waits on begin, answers it, and waits for `pending`. */
    const answer = async <T>(pending: Promise<T>): Promise<T> => {
      await new Promise((r) => setImmediate(r));
      gate();
      return pending;
    };
    return { calls, provider, clock, answer };
  }

  it('shares one exchange among concurrent callers and caches the token', async () => {
    const f = fake();
    const got = await f.answer(Promise.all([f.provider.get(), f.provider.get(), f.provider.get()]));
    assert.deepEqual(new Set(got.map((a) => a.bearer)), new Set(['tok1']));
    assert.equal(got[0]?.apikey, 'id');
    assert.equal((await f.provider.get()).bearer, 'tok1');
    assert.equal(f.calls.length, 1);
  });

  it('refreshes 60 s before expiry', async () => {
    const f = fake();
    await f.answer(f.provider.get());
    f.clock.t += 1739_000;
    assert.equal((await f.provider.get()).bearer, 'tok1');
    f.clock.t += 2_000;
    assert.equal((await f.answer(f.provider.get())).bearer, 'tok2');
    assert.equal(f.calls.length, 2);
  });

  it('invalidate(bearer) drops only that token', async () => {
    const f = fake();
    await f.answer(f.provider.get());
    f.provider.invalidate('some-older-token');
    assert.equal((await f.provider.get()).bearer, 'tok1');
    f.provider.invalidate('tok1');
    assert.equal((await f.answer(f.provider.get())).bearer, 'tok2');
  });

  it('a caller that aborts does not cancel the exchange for the others', async () => {
    const f = fake();
    const ac = new AbortController();
    const a = f.provider.get(ac.signal);
    const b = f.provider.get();
    ac.abort();
    await rejectsWith(a, 'cancelled');
    assert.equal((await f.answer(b)).bearer, 'tok1');
  });

  it('rejects unusable credentials on use, not on creation', async () => {
    const exchange = async (): Promise<unknown> => assert.fail('no exchange expected');
    await rejectsWith(createTokenProvider({ kind: 'apiKey', apiKey: 'not-a-key' }, exchange).get(), 'credentials', /sk-/);
    await rejectsWith(createTokenProvider({ kind: 'clientSecret', clientId: 'id', clientSecret: ' ' }, exchange).get(), 'credentials');
  });
});

describe('auth over HTTP: client id + secret', () => {
  const clock = { t: Date.now() };
  const ctx = useSandbox({ now: () => clock.t, tokenTtlSeconds: 1799 });
  const sameClock = { now: () => clock.t };

  it('exchanges once and reuses the token for later and concurrent calls', async () => {
    const api = client(ctx.sb, sameClock);
    await Promise.all([1, 2, 3, 4, 5].map(() => api.legalStatus({ numbers: ['US11205304B2'] })));
    await api.legalStatus({ numbers: ['US7123456B2'] });
    assert.equal(ctx.sb.stats.calls(TOKEN), 1);
    assert.equal(api.callCounts.get(TOKEN), 1);
    assert.equal(apiCalls(ctx.sb), 6);
  });

  it('refreshes about a minute before the token expires', async () => {
    const api = client(ctx.sb, sameClock);
    await api.legalStatus({ numbers: ['US11205304B2'] });
    clock.t += 1700_000; // 99 s left
    await api.legalStatus({ numbers: ['US11205304B2'] });
    assert.equal(ctx.sb.stats.calls(TOKEN), 1);
    clock.t += 45_000; // 54 s left
    await api.legalStatus({ numbers: ['US11205304B2'] });
    assert.equal(ctx.sb.stats.calls(TOKEN), 2);
    assert.equal(apiCalls(ctx.sb), 3, 'no call was refused');
  });

  it('refreshes once when the service says the token expired (67200003), then repeats the call', async () => {
    // The client's clock lags: the service sees an expired token, the client does not.
    const lagging = { t: clock.t };
    const api = client(ctx.sb, { now: () => lagging.t });
    await api.legalStatus({ numbers: ['US11205304B2'] });
    clock.t += 1800_000;
    const [status] = await api.legalStatus({ numbers: ['US11205304B2'] });
    assert.deepEqual(status?.pn, 'US11205304B2');
    assert.equal(ctx.sb.stats.calls(TOKEN), 2);
    assert.equal(apiCalls(ctx.sb), 3);
  });

  for (const code of [67200003, 67200009]) {
    it(`refreshes once on ${code}; when it persists, fails with a credentials error`, async () => {
      const api = client(ctx.sb, sameClock);
      ctx.sb.faults.add({ path: '/basic-patent-data', errorCode: code, times: 0 });
      await rejectsWith(api.legalStatus({ numbers: ['US11205304B2'] }), 'credentials');
      assert.equal(ctx.sb.stats.calls(TOKEN), 2);
      assert.equal(apiCalls(ctx.sb), 2);
    });
  }

  it('a wrong secret is a credentials error after one exchange and no business call', async () => {
    const api = client(ctx.sb, { ...sameClock, credentials: { ...SECRET_CREDENTIALS, clientSecret: 'wrong' } as typeof SECRET_CREDENTIALS });
    await rejectsWith(api.search({ query: 'TTL:battery' }), 'credentials', /client ID and secret/);
    assert.equal(ctx.sb.stats.calls(TOKEN), 1);
    assert.equal(apiCalls(ctx.sb), 0);
  });

  it('retries a token exchange that failed transiently', async () => {
    const api = client(ctx.sb, sameClock);
    ctx.sb.faults.add({ path: TOKEN, httpStatus: 503 });
    await api.legalStatus({ numbers: ['US11205304B2'] });
    assert.equal(ctx.sb.stats.calls(TOKEN), 2);
  });

  it('a token answer of the wrong shape is an unexpectedResponse naming the endpoint', async () => {
    const api = client(ctx.sb, sameClock);
    ctx.sb.faults.add({ path: TOKEN, malformed: true });
    await rejectsWith(api.legalStatus({ numbers: ['US11205304B2'] }), 'unexpectedResponse', /\/oauth\/token/);
  });

  it('verifyCredentials makes a fresh exchange and no business call', async () => {
    const api = client(ctx.sb, sameClock);
    await api.verifyCredentials();
    await api.verifyCredentials();
    assert.equal(ctx.sb.stats.calls(TOKEN), 2);
    assert.equal(apiCalls(ctx.sb), 0);
    const bad = client(ctx.sb, { credentials: { kind: 'clientSecret', clientId: SANDBOX_CREDENTIALS.clientId, clientSecret: 'nope' } });
    await rejectsWith(bad.verifyCredentials(), 'credentials');
  });
});

describe('auth over HTTP: the wrapped token answer', () => {
  const ctx = useSandbox({ tokenShape: 'wrapped' });
  it('is accepted, expires_in given as a string', async () => {
    const api = client(ctx.sb);
    await api.legalStatus({ numbers: ['US11205304B2'] });
    await api.legalStatus({ numbers: ['US11205304B2'] });
    assert.equal(ctx.sb.stats.calls(TOKEN), 1);
  });
});

describe('auth over HTTP: sk- API key', () => {
  const ctx = useSandbox();

  it('sends the key as bearer, makes no exchange', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS });
    await api.legalStatus({ numbers: ['US11205304B2'] });
    assert.equal(ctx.sb.stats.calls(TOKEN), 0);
  });

  it('a wrong key is a credentials error at once (nothing to refresh)', async () => {
    const api = client(ctx.sb, { credentials: { kind: 'apiKey', apiKey: 'sk-wrong' } });
    await rejectsWith(api.legalStatus({ numbers: ['US11205304B2'] }), 'credentials');
    assert.equal(apiCalls(ctx.sb), 1);
    assert.equal(ctx.sb.stats.calls(TOKEN), 0);
  });

  it('verifyCredentials makes one call that bills nothing', async () => {
    await client(ctx.sb, { credentials: KEY_CREDENTIALS }).verifyCredentials();
    assert.equal(apiCalls(ctx.sb), 1);
    await rejectsWith(client(ctx.sb, { credentials: { kind: 'apiKey', apiKey: 'sk-wrong' } }).verifyCredentials(), 'credentials');
  });
});
