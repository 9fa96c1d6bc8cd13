/** The transport and the signed links against servers that misbehave on purpose, over loopback. */
import * as assert from 'node:assert/strict';
import type { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { createPatsnapClient, ENDPOINTS } from '../../../../src/core/api/client';
import type { ClientConfig, PatsnapApi } from '../../../../src/core/api/types';
import { client, KEY_CREDENTIALS, rejectsWith, SECRET_CREDENTIALS, useSandbox } from './helpers';
import { drip, envelope, flood, PNG_BYTES, startHostile, startRaw, type Hostile } from './hostile';

const lookup = { numbers: ['US11205304B2'] };
const ITEM = [{ pn: 'US11205304B2', patent_id: 'p1', simple_legal_status: ['Active'] }];

function against(url: string, config: Partial<ClientConfig> = {}): PatsnapApi {
  return createPatsnapClient({ baseUrl: url, credentials: KEY_CREDENTIALS, maxRequestsPerSecond: 1000, retryBaseDelayMs: 1, maxRetries: 2, timeoutMs: 5000, ...config });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream as Readable) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

describe('hostile servers: deadlines', () => {
  let hostile: Hostile | undefined;
  afterEach(() => hostile?.close());

  it('an API answer that sends its headers and then drips fails at the deadline, once, and the socket is closed', async () => {
    hostile = await startHostile((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 100_000 });
      res.write('{');
      drip(res, 50);
    });
    const e = await rejectsWith(against(hostile.url, { timeoutMs: 300 }).legalStatus(lookup), 'network', /did not answer within 0\.3 s/);
    assert.equal(e.reason, 'timeout');
    assert.equal(hostile.requests.length, 1, 'a timeout is not retried');
    await hostile.closed();
  });

  it('a signed-link fetch that drips fails at the deadline', async () => {
    hostile = await startHostile((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.write(PNG_BYTES.subarray(0, 8));
      drip(res, 50, '\u0001');
    });
    const e = await rejectsWith(against(hostile.url, { timeoutMs: 300 }).fetchSignedBytes(`${hostile.url}/drawing.png?sign=x`), 'network', /did not answer within 0\.3 s/);
    assert.equal(e.reason, 'timeout');
    await hostile.closed();
  });

  it('a streamed download has no total deadline while bytes keep coming', async () => {
    hostile = await startHostile((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Length': 40 });
      let sent = 0;
      const timer = setInterval(() => {
        res.write('x');
        if (++sent === 40) {
          clearInterval(timer);
          res.end();
        }
      }, 20);
    });
    // 40 bytes 20 ms apart take about 0.8 s, well past the 0.4 s limit, yet none is 0.4 s late.
    const opened = await against(hostile.url, { timeoutMs: 400 }).openSignedStream(`${hostile.url}/export.csv`);
    assert.equal((await readAll(opened.stream)).length, 40);
  });

  it('a streamed download that stops sending fails as stalled, and the socket is closed', async () => {
    hostile = await startHostile((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Length': 1000 });
      res.write('PN,TTL\n');
    });
    const opened = await against(hostile.url, { timeoutMs: 300 }).openSignedStream(`${hostile.url}/export.csv`);
    await rejectsWith(readAll(opened.stream), 'network', /stalled: no data for 0\.3 s/);
    await hostile.closed();
  });
});

describe('hostile servers: sizes', () => {
  let hostile: Hostile | undefined;
  afterEach(() => hostile?.close());

  it('an API answer announcing more than 20 MB is refused at its headers, not retried', async () => {
    hostile = await startHostile((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 10 * 1024 ** 3 });
      res.write('[');
    });
    const e = await rejectsWith(against(hostile.url).legalStatus(lookup), 'unexpectedResponse', /larger than 20 MB; it was refused/);
    assert.equal(e.reason, 'tooLarge');
    assert.doesNotMatch(e.message, /network|reach/i);
    assert.equal(hostile.requests.length, 1);
  });

  it('an API answer without a length is refused once it passes 20 MB, not buffered on', async () => {
    let written: Promise<number> = Promise.resolve(0);
    hostile = await startHostile((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      written = flood(res);
    });
    await rejectsWith(against(hostile.url).legalStatus(lookup), 'unexpectedResponse', /larger than 20 MB/);
    assert.equal(hostile.requests.length, 1);
    // What the server got rid of before the client hung up: the cap plus what sat in socket buffers.
    assert.ok((await written) < 64 * 1024 * 1024, `${await written} bytes`);
  });

  it('a signed file announcing more than maxBytes is refused before its body', async () => {
    hostile = await startHostile((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': 10 * 1024 ** 3 });
      res.write(PNG_BYTES);
    });
    await rejectsWith(against(hostile.url).fetchSignedBytes(`${hostile.url}/big.png`, { maxBytes: 1024 }), 'unexpectedResponse', /file at 127\.0\.0\.1:\d+ is larger than/);
    assert.equal(hostile.requests.length, 1);
  });
});

describe('hostile servers: redirects', () => {
  const servers: Hostile[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const start = async (handler: Parameters<typeof startHostile>[0]): Promise<Hostile> => {
    const s = await startHostile(handler);
    servers.push(s);
    return s;
  };

  for (const [model, credentials] of [
    ['sk- key', KEY_CREDENTIALS],
    ['client id + secret', SECRET_CREDENTIALS],
  ] as const) {
    it(`an API call (${model}) follows no redirect: the other host receives nothing`, async () => {
      const elsewhere = await start((_req, res) => res.end(envelope(ITEM)));
      const gateway = await start((_req, res) => {
        res.writeHead(307, { Location: `${elsewhere.url}/collect?stolen=1` });
        res.end();
      });
      const e = await rejectsWith(against(gateway.url, { credentials }).legalStatus(lookup), 'unexpectedResponse', /redirect \(HTTP 307\) to http:\/\/127\.0\.0\.1:\d+\. API calls follow no redirect/);
      assert.equal(e.reason, 'redirected');
      assert.doesNotMatch(e.message, /stolen|collect/);
      assert.equal(gateway.requests.length, 1, 'not retried');
      assert.equal(elsewhere.requests.length, 0);
    });
  }

  it('a signed link follows redirects, carrying no credential to either host', async () => {
    const storage = await start((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end(PNG_BYTES);
    });
    const link = await start((_req, res) => {
      res.writeHead(302, { Location: `${storage.url}/regional/drawing.png?X-Amz-Signature=abc` });
      res.end();
    });
    const got = await against(link.url).fetchSignedBytes(`${link.url}/drawing.png?X-Amz-Signature=abc`, { expect: 'image' });
    assert.equal(got.mediaType, 'image/png');
    for (const r of [...link.requests, ...storage.requests]) {
      assert.equal(r.headers.authorization, undefined);
      assert.equal(r.headers.cookie, undefined);
      assert.doesNotMatch(r.url, /apikey|sk-/);
    }
    assert.equal(storage.requests.length, 1);
  });

  it('a signed link that redirects in a loop fails at once, naming it', async () => {
    const loop = await start((req, res) => {
      res.writeHead(302, { Location: `${req.url ?? '/'}x` });
      res.end();
    });
    const e = await rejectsWith(against(loop.url).fetchSignedBytes(`${loop.url}/a`), 'unexpectedResponse', /redirected the request too many times/);
    assert.equal(e.reason, 'redirectLoop');
    assert.equal(loop.requests.length, 6, 'the first request and five redirects, no retry');
  });

  it('a signed link follows a relative redirect on its own host, and a stream follows as bytes do', async () => {
    const storage = await start((req, res) => {
      if (req.url?.startsWith('/link')) {
        res.writeHead(307, { Location: '/regional/export.csv?X-Amz-Signature=abc' });
        return res.end();
      }
      res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Length': 4 });
      res.end('a,b\n');
    });
    const opened = await against(storage.url).openSignedStream(`${storage.url}/link/export.csv`);
    assert.equal((await readAll(opened.stream)).toString(), 'a,b\n');
    assert.equal(opened.contentLength, 4);
    assert.deepEqual(
      storage.requests.map((r) => r.url),
      ['/link/export.csv', '/regional/export.csv?X-Amz-Signature=abc'],
    );
  });

  it('a redirect back to an address already asked for is a loop, refused at once', async () => {
    const a = await start((_req, res) => {
      res.writeHead(302, { Location: `${b.url}/b` });
      res.end();
    });
    const b = await start((_req, res) => {
      res.writeHead(301, { Location: `${a.url}/a` });
      res.end();
    });
    const e = await rejectsWith(against(a.url).fetchSignedBytes(`${a.url}/a`), 'unexpectedResponse', /redirected the request too many times/);
    assert.equal(e.reason, 'redirectLoop');
    assert.equal(a.requests.length + b.requests.length, 2, 'each address once, no retry');
  });

  it('a redirect passes on no cookie or header a hop set, and carries no user name or password', async () => {
    const storage = await start((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end(PNG_BYTES);
    });
    const link = await start((_req, res) => {
      res.writeHead(302, { Location: `${storage.url}/drawing.png`, 'Set-Cookie': 'session=stolen', 'WWW-Authenticate': 'Basic realm="x"' });
      res.end();
    });
    assert.equal((await against(link.url).fetchSignedBytes(`${link.url}/drawing.png`)).mediaType, 'image/png');
    assert.equal(storage.requests[0]?.headers.cookie, undefined);
    assert.equal(storage.requests[0]?.headers.authorization, undefined);

    const withUser = await start((_req, res) => {
      res.writeHead(302, { Location: `http://user:secret@${new URL(storage.url).host}/drawing.png` });
      res.end();
    });
    const e = await rejectsWith(against(withUser.url).fetchSignedBytes(`${withUser.url}/drawing.png`), 'unexpectedResponse', /redirected the request to an address with a user name or password/);
    assert.equal(e.reason, 'redirected');
    assert.doesNotMatch(e.message, /secret/);
    assert.equal(storage.requests.length, 1, 'the address with a password was not asked');
  });

  for (const [what, location, message] of [
    ['not http(s)', 'file:///etc/passwd', /to an address that is not http\(s\)/],
    ['not a URL', 'http://[not a host/', /to an address that is not a URL/],
  ] as const) {
    it(`a signed link redirected to an address that is ${what} is refused, not retried`, async () => {
      const link = await start((_req, res) => {
        res.writeHead(302, { Location: location });
        res.end();
      });
      const e = await rejectsWith(against(link.url).fetchSignedBytes(`${link.url}/drawing.png`), 'unexpectedResponse', message);
      assert.equal(e.reason, 'redirected');
      assert.equal(link.requests.length, 1);
    });
  }

  it('a 3xx without a Location, or one that is not a redirect, is an answer, not followed', async () => {
    const link = await start((req, res) => {
      res.writeHead(req.url === '/none' ? 302 : 304, req.url === '/none' ? {} : { Location: '/elsewhere' });
      res.end();
    });
    await rejectsWith(against(link.url).fetchSignedBytes(`${link.url}/none`), 'unexpectedResponse', /answered the link with HTTP 302/);
    await rejectsWith(against(link.url).fetchSignedBytes(`${link.url}/not-modified`), 'unexpectedResponse', /answered the link with HTTP 304/);
    assert.deepEqual(
      link.requests.map((r) => r.url),
      ['/none', '/not-modified'],
    );
  });

  it('the deadline covers the whole chain of redirects, not each hop', async () => {
    // Each hop answers within the deadline; the two together do not.
    const slow = await start((req, res) => {
      setTimeout(() => {
        if (req.url === '/first') res.writeHead(302, { Location: '/second' });
        else res.writeHead(200, { 'Content-Type': 'image/png' });
        res.end(req.url === '/first' ? undefined : PNG_BYTES);
      }, 200);
    });
    const e = await rejectsWith(against(slow.url, { timeoutMs: 300 }).fetchSignedBytes(`${slow.url}/first`), 'network', /did not answer within 0\.3 s/);
    assert.equal(e.reason, 'timeout');
  });
});

describe('hostile servers: answers that do not decode', () => {
  let hostile: (Hostile & { connections?: () => number }) | undefined;
  afterEach(() => hostile?.close());

  it('a gzip body that does not decompress fails at once, saying so', async () => {
    hostile = await startHostile((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end(Buffer.from('this is not gzip at all'));
    });
    const e = await rejectsWith(against(hostile.url).legalStatus(lookup), 'unexpectedResponse', /does not decompress/);
    assert.equal(e.reason, 'undecodable');
    assert.doesNotMatch(e.message, /reach|network/i);
    assert.equal(hostile.requests.length, 1);
  });

  it('a gzip body that does decompress is read', async () => {
    hostile = await startHostile((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end(gzipSync(envelope(ITEM)));
    });
    assert.deepEqual(await against(hostile.url).legalStatus(lookup), [{ patentId: 'p1', pn: 'US11205304B2', statuses: ['Active'] }]);
  });

  it('a login page with HTTP 200 is not JSON, and is not retried', async () => {
    hostile = await startHostile((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Sign in</title>');
    });
    const e = await rejectsWith(against(hostile.url).legalStatus(lookup), 'unexpectedResponse', /is not JSON \(it is text\/html\)/);
    assert.equal(e.reason, 'undecodable');
    assert.equal(hostile.requests.length, 1);
  });

  it('a proxy error page with HTTP 502 is a server error, retried', async () => {
    hostile = await startHostile((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html>Bad Gateway</html>');
    });
    await rejectsWith(against(hostile.url, { maxRetries: 2 }).legalStatus(lookup), 'serviceUnavailable', /HTTP 502/);
    assert.equal(hostile.requests.length, 3);
  });

  it('an answer that is not HTTP fails at once, saying so', async () => {
    const raw = await startRaw('SSH-2.0-OpenSSH_9.6\r\nnot http at all\r\n\r\n');
    hostile = raw;
    const e = await rejectsWith(against(raw.url).legalStatus(lookup), 'unexpectedResponse', /not valid HTTP \(HPE_/);
    assert.equal(e.reason, 'undecodable');
    assert.equal(raw.connections(), 1);
  });
});

describe('Retry-After', () => {
  const ctx = useSandbox();
  const LEGAL = ENDPOINTS.legalStatus;

  it('beyond the time left for retries fails at once and says how long to wait', async () => {
    const api = client(ctx.sb, { maxRetryTimeMs: 30_000 });
    ctx.sb.faults.add({ path: LEGAL, httpStatus: 429, retryAfter: 120, times: 0 });
    const e = await rejectsWith(api.legalStatus(lookup), 'rateLimited', /asks to wait 2 min before trying again/);
    assert.equal(e.retryAfterMs, 120_000);
    assert.equal(ctx.sb.stats.calls(LEGAL), 1);
  });

  it('for an error code in the envelope, too', async () => {
    const api = client(ctx.sb, { maxRetryTimeMs: 5_000 });
    ctx.sb.faults.add({ path: LEGAL, errorCode: 67200100, retryAfter: 3600, times: 0 });
    const e = await rejectsWith(api.legalStatus(lookup), 'serviceUnavailable', /asks to wait 60 min/);
    assert.equal(e.code, 67200100);
    assert.equal(ctx.sb.stats.calls(LEGAL), 1);
  });

  it('within the time left is waited for, then the call goes through', async () => {
    const api = client(ctx.sb);
    ctx.sb.faults.add({ path: LEGAL, errorCode: 67200002, retryAfter: 1 });
    const [s] = await api.legalStatus(lookup);
    assert.equal(s?.pn, 'US11205304B2');
    assert.equal(ctx.sb.stats.calls(LEGAL), 2);
  });
});
