/**
 * A loopback proxy in front of the sandbox, for the in-host tests and the unit tests
 * alike (test/lib holds what more than one test tier uses): it records every request
 * (method, URL, headers, body), can rewrite the sandbox's answer for a path, so a test
 * can play a hostile or broken service while the rest stays real, and can hold a
 * path's requests until the test releases them.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Rewrites the parsed JSON answer of the sandbox (the envelope). */
export type Rewrite = (envelope: Record<string, unknown>) => unknown;

export interface RecordingProxy {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Answers requests whose path starts with `pathPrefix` with `rewrite` of the sandbox's answer, until cleared. */
  rewrite(pathPrefix: string, rewrite: Rewrite): void;
  clearRewrites(): void;
  /** Holds the requests whose path starts with `pathPrefix` until the returned release is called: a test orders what the extension sees by events, not by time. */
  hold(pathPrefix: string): () => void;
  /** Everything sent to the service, as one string: for "this never went out" checks. */
  sent(): string;
  close(): Promise<void>;
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const requests: RecordedRequest[] = [];
  const rewrites: Array<{ prefix: string; rewrite: Rewrite }> = [];
  const holds: Array<{ prefix: string; released: Promise<void> }> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: body.toString('utf8') });
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const rule = rewrites.find((r) => path.startsWith(r.prefix));
      const held = holds.find((h) => path.startsWith(h.prefix));
      void (held?.released ?? Promise.resolve()).then(() => {
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (up) => {
          if (!rule) {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
            return;
          }
          const answer: Buffer[] = [];
          up.on('data', (c: Buffer) => answer.push(c));
          up.on('end', () => {
            const rewritten = JSON.stringify(rule.rewrite(JSON.parse(Buffer.concat(answer).toString('utf8')) as Record<string, unknown>));
            res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(rewritten) });
            res.end(rewritten);
          });
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    rewrite: (prefix, rewrite) => rewrites.unshift({ prefix, rewrite }),
    clearRewrites: () => rewrites.splice(0),
    hold: (prefix) => {
      let release!: () => void;
      const hold = { prefix, released: new Promise<void>((resolve) => (release = resolve)) };
      holds.push(hold);
      return () => {
        holds.splice(holds.indexOf(hold), 1);
        release();
      };
    },
    sent: () => JSON.stringify(requests),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
