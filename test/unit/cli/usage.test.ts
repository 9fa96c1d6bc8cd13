import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../src/sandbox/server';
import { SANDBOX_CREDENTIALS } from '../../../src/core/sandboxCredentials';
import { clientConfigFromEnv } from '../../../src/cli/config';
import { lines, runIn } from './harness';
import { useSandbox } from '../core/api/helpers';

describe('patent-lookup: help, usage errors and exit codes', () => {
  const ctx = useSandbox();
  const run = (argv: string[], env?: Record<string, string>) => runIn(ctx.sb.url, argv, { env });

  it('--help lists every command and exits 0', async () => {
    const r = await run(['--help']);
    assert.equal(r.code, 0);
    for (const c of ['search', 'lookup', 'image', 'exam-docs', 'export', 'find', 'sandbox']) assert.match(r.stdout, new RegExp(`^  ${c}\\s`, 'm'));
    assert.match(r.stdout, /PATSNAP_API_KEY/);
    assert.equal(r.stderr, '');
  });

  it('shows per-command help with --help or help COMMAND', async () => {
    const a = await run(['export', '--help']);
    const b = await run(['help', 'export']);
    assert.equal(a.code, 0);
    assert.match(a.stdout, /^Usage: patent-lookup export QUERY --format/);
    assert.match(a.stdout, /--yes/);
    assert.equal(b.stdout, a.stdout);
  });

  it('exits 2 with the overview when no command is given', async () => {
    const r = await run([]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Commands:/);
  });

  it('exits 2 on an unknown command, naming the commands', async () => {
    const r = await run(['serch', 'x']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Unknown command "serch"/);
    assert.match(r.stderr, /search, lookup/);
  });

  for (const [argv, message] of [
    [['search', 'TTL:car', '--bogus'], /Unknown option '--bogus'/],
    [['search'], /Missing QUERY/],
    [['search', 'x', '--limit', 'ten'], /--limit takes a whole number 1 to 1000/],
    [['search', 'x', '--limit'], /argument missing/],
    [['search', 'x', '--sort', 'TITLE:UP'], /--sort takes FIELD:ORDER/],
    [['lookup'], /Missing NUMBER/],
    [['lookup', 'US14/706838'], /application number/],
    [['exam-docs', 'US11205304B2', '--from', '2020-13-01'], /--from takes a date/],
    [['export', 'TTL:car', '--fields', 'PN', '--rows', '5'], /Missing --out/],
    [['export', 'TTL:car', '--fields', 'PN,DESC', '--rows', '5', '--out', 'x.csv'], /DESC/],
    [['export', 'TTL:car', '--format', 'docx', '--fields', 'PN', '--rows', '5', '--out', 'x.csv'], /--format takes one of/],
    [['find'], /Missing FILE/],
  ] as const) {
    it(`exits 2 with a usage line: ${argv.join(' ')}`, async () => {
      const r = await run([...argv]);
      assert.equal(r.code, 2, r.stderr);
      const [first, second, ...rest] = lines(r.stderr);
      assert.match(first ?? '', /^patent-lookup: /);
      assert.match(first ?? '', message);
      assert.match(second ?? '', /^Usage: patent-lookup /);
      assert.deepEqual(rest, []);
      assert.equal(r.stdout, '');
      assert.equal(ctx.sb.stats.calls(), 0, 'nothing was sent');
    });
  }

  it('exits 2 naming the environment variables when credentials are missing', async () => {
    const r = await runIn(undefined, ['search', 'TTL:car'], { env: {} });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /PATSNAP_API_KEY/);
    assert.match(r.stderr, /PATSNAP_CLIENT_ID and PATSNAP_CLIENT_SECRET/);
    const half = await run(['search', 'TTL:car'], { PATSNAP_CLIENT_ID: 'sandbox-client' });
    assert.equal(half.code, 2);
    assert.match(half.stderr, /PATSNAP_CLIENT_SECRET is not set/);
  });

  it('exits 3 when the credentials are rejected, without echoing the key', async () => {
    const r = await run(['search', 'TTL:car'], { PATSNAP_API_KEY: 'sk-wrong-key-123' });
    assert.equal(r.code, 3, r.stderr);
    assert.equal(lines(r.stderr).length, 1);
    assert.match(r.stderr, /credentials/i);
    assert.doesNotMatch(r.stderr, /sk-wrong-key-123/);
    const secret = await run(['search', 'TTL:car'], { PATSNAP_CLIENT_ID: SANDBOX_CREDENTIALS.clientId, PATSNAP_CLIENT_SECRET: 'not-the-secret' });
    assert.equal(secret.code, 3, secret.stderr);
    assert.doesNotMatch(secret.stderr, /not-the-secret/);
  });

  it('works with client id + secret (token exchange)', async () => {
    const r = await run(['search', 'TTL:battery', '--limit', '2'], { PATSNAP_CLIENT_ID: SANDBOX_CREDENTIALS.clientId, PATSNAP_CLIENT_SECRET: SANDBOX_CREDENTIALS.clientSecret });
    assert.equal(r.code, 0, r.stderr);
  });

  it('exits 4 when the quota is spent', async () => {
    ctx.sb.faults.add({ errorCode: 67200005 });
    const r = await run(['search', 'TTL:car']);
    assert.equal(r.code, 4, r.stderr);
    assert.equal(lines(r.stderr).length, 1);
    assert.match(r.stderr, /balance or call count is exhausted/);
  });

  it('exits 4 when the API is not licensed', async () => {
    ctx.sb.faults.add({ errorCode: 67200004 });
    assert.equal((await run(['lookup', 'US11205304B2'])).code, 4);
  });

  it('exits 5 on another API error, in one line', async () => {
    ctx.sb.faults.add({ errorCode: 67200012 });
    const r = await run(['search', 'TTL:car']);
    assert.equal(r.code, 5, r.stderr);
    assert.deepEqual(lines(r.stderr), ['patent-lookup: PatSnap refused the request as illegal.']);
  });

  it('exits 5 when the service keeps failing, and says to try later', async () => {
    ctx.sb.faults.add({ httpStatus: 503, times: 0 });
    const r = await run(['search', 'TTL:car']);
    assert.equal(r.code, 5, r.stderr);
    assert.equal(lines(r.stderr).length, 1);
  });

  it('exits 5 when the server cannot be reached, naming the URL to check', async () => {
    const closed = await startSandbox();
    const url = closed.url;
    await closed.close();
    const r = await runIn(url, ['search', 'TTL:car']);
    assert.equal(r.code, 5, r.stderr);
    assert.match(r.stderr, /PATSNAP_BASE_URL/);
    assert.equal(lines(r.stderr).length, 1);
  });

  it('exits 2 when PatSnap rejects a parameter', async () => {
    const r = await run(['search', 'x'.repeat(1501)]);
    assert.equal(r.code, 2, r.stderr);
  });

  it('exits 2 on a malformed PATSNAP_BASE_URL', async () => {
    const r = await runIn('not a url', ['search', 'x']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /PATSNAP_BASE_URL/);
  });

  for (const [url, message] of [
    ['http://patsnap.example.com', /must use https: plain http is accepted only for this machine .*not patsnap\.example\.com/],
    ['https://user:hunter2@connect.patsnap.com', /takes no user name or password/],
    ['https://connect.patsnap.com/?apikey=hunter2', /takes no query string or fragment/],
    ['ftp://hunter2@example.com', /must be an https:\/\/ URL, not ftp:/],
  ] as const) {
    it(`exits 2 on PATSNAP_BASE_URL=${url.replace('hunter2', '…')}, before any call and without echoing it`, async () => {
      const r = await runIn(url, ['search', 'TTL:car']);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /hunter2/);
    });
  }

  it('accepts plain http on this machine (the sandbox, a local proxy)', async () => {
    for (const url of [ctx.sb.url, ctx.sb.url.replace('127.0.0.1', 'localhost')]) {
      const r = await runIn(url, ['search', 'TTL:battery', '--limit', '1']);
      assert.equal(r.code, 0, `${url}: ${r.stderr}`);
    }
  });

  describe('PATSNAP_TIMEOUT_MS and PATSNAP_MAX_RPS', () => {
    for (const [name, value] of [
      ['PATSNAP_TIMEOUT_MS', 'abc'],
      ['PATSNAP_TIMEOUT_MS', '0'],
      ['PATSNAP_TIMEOUT_MS', '999'],
      ['PATSNAP_TIMEOUT_MS', '300001'],
      ['PATSNAP_TIMEOUT_MS', '1e4'],
      ['PATSNAP_TIMEOUT_MS', '30s'],
      ['PATSNAP_TIMEOUT_MS', '-5000'],
      ['PATSNAP_MAX_RPS', 'fast'],
      ['PATSNAP_MAX_RPS', '0'],
      ['PATSNAP_MAX_RPS', '0.05'],
      ['PATSNAP_MAX_RPS', '101'],
      ['PATSNAP_MAX_RPS', 'NaN'],
      ['PATSNAP_MAX_RPS', 'Infinity'],
      ['PATSNAP_MAX_RPS', '-1'],
    ] as const) {
      it(`exits 2 on ${name}=${value}, naming the variable and its range, before any call`, async () => {
        const r = await run(['search', 'TTL:car'], { PATSNAP_API_KEY: SANDBOX_CREDENTIALS.apiKey, [name]: value });
        assert.equal(r.code, 2, r.stderr);
        assert.deepEqual(lines(r.stderr).length, 1);
        assert.match(r.stderr, new RegExp(`^patent-lookup: ${name} is .* from [\\d.]+ to \\d+ \\(default \\d+\\), not "${value.replace('.', '\\.')}"\\.$`, 'm'));
        assert.equal(ctx.sb.stats.calls(), 0);
      });
    }

    it('take effect: the environment wins over the built-in defaults', () => {
      const env = { PATSNAP_API_KEY: 'sk-x', PATSNAP_TIMEOUT_MS: ' 45000 ', PATSNAP_MAX_RPS: '2.5' };
      const config = clientConfigFromEnv(env, { maxRequestsPerSecond: 1000, retryBaseDelayMs: 1 });
      assert.equal(config.timeoutMs, 45_000);
      assert.equal(config.maxRequestsPerSecond, 2.5);
      assert.equal(config.retryBaseDelayMs, 1);
      const unset = clientConfigFromEnv({ PATSNAP_API_KEY: 'sk-x', PATSNAP_MAX_RPS: '' });
      assert.equal(unset.timeoutMs, undefined, "the client's own default (30 s) applies");
      assert.equal(unset.maxRequestsPerSecond, undefined);
    });

    it('PATSNAP_TIMEOUT_MS limits each request: one slower than it fails at the limit', async () => {
      // The client's timer (1 s) starts before the sandbox's delay (2 s) and so fires first, whatever the load;
      // with the default limit (30 s) the same search succeeds.
      ctx.sb.faults.add({ path: '/search/patent', delayMs: 2000 });
      const r = await run(['search', 'TTL:battery', '--limit', '1'], { PATSNAP_API_KEY: SANDBOX_CREDENTIALS.apiKey, PATSNAP_TIMEOUT_MS: '1000' });
      assert.equal(r.code, 5, r.stderr);
      assert.match(r.stderr, /did not answer within 1 s/);
      ctx.sb.faults.add({ path: '/search/patent', delayMs: 2000 });
      const unset = await run(['search', 'TTL:battery', '--limit', '1'], { PATSNAP_API_KEY: SANDBOX_CREDENTIALS.apiKey });
      assert.equal(unset.code, 0, unset.stderr);
    });
  });
});
