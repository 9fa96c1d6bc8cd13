/**
 * The local PatSnap-compatible server: the contract of ../shared/patsnap-api.md on
 * 127.0.0.1, with sample data, both account models, signed file links, export
 * tasks, a QPS limit and faults switched on by tests (in process or over HTTP).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ApiError, SandboxApi, httpStatusFor, type LinkLifetimes, type ServedFile } from './api';
import { SANDBOX_CREDENTIALS } from '../core/sandboxCredentials';
import { generateSampleData, type SampleData } from './data';
import { FaultQueue, faultProblem, type Fault, type RequestCategory } from './faults';
import { UrlSigner } from './signing';
import { InvalidParameter } from './validate';

export type { Fault } from './faults';

export interface SandboxOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Clock in epoch ms for token, link and task lifetimes; tests move it. Default Date.now. */
  now?: () => number;
  /** Default 1799. */
  tokenTtlSeconds?: number;
  /** 'documented' (default): {token, token_type, expires_in, status, issued_at}; 'wrapped': the enveloped variant. */
  tokenShape?: 'documented' | 'wrapped';
  /** Polls that answer PENDING before SUCCESS or FAIL; default 2. */
  exportPendingPolls?: number;
  /** Default 86 400 (24 hours). */
  exportTaskTtlSeconds?: number;
  /** When set, every finished export is a synthetic CSV of exactly this many bytes, streamed. */
  syntheticExportBytes?: number;
  /** Business calls allowed per second (sliding window, real time); default no limit. */
  maxRequestsPerSecond?: number;
  /** Link lifetimes in seconds; defaults: image 9 h, pdf 10 days, examDoc 1 h, export 7 days. */
  linkTtlSeconds?: Partial<LinkLifetimes>;
  /** Sample size; default 400 (a few more, to finish the last family). */
  patentCount?: number;
  /** Seed of the sample data. */
  seed?: number;
  /** Debug lines (method and path only, never credentials or query text). */
  log?: (line: string) => void;
}

export interface SandboxServer {
  url: string;
  port: number;
  close(): Promise<void>;
  faults: { add(f: Fault): void; clear(): void };
  /** Requests per path (not /_sandbox; signed files count under '/_files'). */
  stats: { calls(path?: string): number; reset(): void };
  /** Clears faults, stats, export tasks and the QPS window; issued tokens stay valid. */
  reset(): void;
  /** The sample patents, for tests that need to know what is there. */
  readonly data: SampleData;
}

const DEFAULT_LINKS: LinkLifetimes = { image: 9 * 3600, pdf: 10 * 86400, examDoc: 3600, export: 7 * 86400 };
const MAX_BODY = 1 << 20;

class BadRequest extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new BadRequest('The request body is too large.'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Every value of the wrong type: a valid envelope whose data no schema accepts. */
function mangle(data: unknown): unknown {
  if (Array.isArray(data)) return 'malformed: a list was expected here';
  if (data !== null && typeof data === 'object') {
    return Object.fromEntries(
      Object.entries(data).map(([k, v]) => [k, Array.isArray(v) ? 'not-a-list' : typeof v === 'number' ? 'not-a-number' : typeof v === 'string' ? 12345 : typeof v === 'object' ? ['not-an-object'] : 'not-a-boolean']),
    );
  }
  return { unexpected: data };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxServer> {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((): void => undefined);
  const data = generateSampleData({ seed: options.seed, count: options.patentCount });
  let origin = '';
  const signer = new UrlSigner(() => origin, now);
  const api = new SandboxApi(data, signer, {
    now,
    links: { ...DEFAULT_LINKS, ...options.linkTtlSeconds },
    exportPendingPolls: options.exportPendingPolls ?? 2,
    exportTaskTtlSeconds: options.exportTaskTtlSeconds ?? 86400,
    syntheticExportBytes: options.syntheticExportBytes,
  });
  const faults = new FaultQueue();
  const calls = new Map<string, number>();
  const tokens = new Map<string, { clientId: string; expiresAt: number }>();
  let window: number[] = [];
  const tokenTtl = options.tokenTtlSeconds ?? 1799;

  const sendJson = (res: ServerResponse, status: number, body: unknown, fault?: Fault): void => {
    const bytes = Buffer.from(JSON.stringify(body));
    res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': bytes.length });
    if (fault?.dropMidBody) res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
    else res.end(bytes);
  };
  const sendError = (res: ServerResponse, code: number, detail?: string, status = httpStatusFor(code)): void => {
    const error = new ApiError(code, detail);
    sendJson(res, status, { data: null, status: false, error_code: code, error_msg: error.message });
  };
  const sendStorageError = (res: ServerResponse, status: number, code: string, message: string): void => {
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>\n`;
    res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };

  /** A status without an error code still gets one, so clients can read the envelope. */
  const codeForStatus = (status: number): number =>
    status === 401 ? 67200003 : status === 404 ? 67200101 : status === 429 ? 67200002 : status === 403 ? 67200012 : status >= 500 ? 67200100 : 68300007;

  const overQps = (): boolean => {
    const limit = options.maxRequestsPerSecond;
    if (!limit) return false;
    const t = performance.now();
    window = window.filter((x) => t - x < 1000);
    if (window.length >= limit) return true;
    window.push(t);
    return false;
  };

  // ---- authentication ------------------------------------------------------------

  const handleToken = async (req: IncomingMessage, res: ServerResponse, url: URL, fault?: Fault): Promise<void> => {
    const body = await readBody(req);
    const form = new URLSearchParams(body);
    const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const decoded = basic ? Buffer.from(basic[1] as string, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const [id, secret] = colon < 0 ? ['', ''] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
    const formEncoded = /^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '');
    // The secret goes only in the Basic header: one in the body or URL is refused outright.
    const leaked = form.has('client_secret') || url.searchParams.has('client_secret');
    if (!formEncoded || form.get('grant_type') !== 'client_credentials' || leaked || !sameSecret(id, SANDBOX_CREDENTIALS.clientId) || !sameSecret(secret, SANDBOX_CREDENTIALS.clientSecret)) {
      sendError(res, 67200003);
      return;
    }
    const token = randomBytes(24).toString('base64url');
    const issuedAt = now();
    tokens.set(token, { clientId: id, expiresAt: issuedAt + tokenTtl * 1000 });
    const answer =
      options.tokenShape === 'wrapped'
        ? { status: true, error_code: 0, data: { token, expires_in: String(tokenTtl) } }
        : { token, token_type: 'BearerToken', expires_in: tokenTtl, status: 'approved', issued_at: String(issuedAt) };
    if (fault?.malformed) sendJson(res, 200, options.tokenShape === 'wrapped' ? { ...answer, data: mangle((answer as { data: unknown }).data) } : mangle(answer), fault);
    else sendJson(res, 200, answer, fault);
  };

  /** Undefined when the caller may go on, else the error code. */
  const authenticate = (req: IncomingMessage, url: URL): number | undefined => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!bearer) return 67200003;
    const credential = bearer[1] as string;
    if (credential.startsWith('sk-')) return sameSecret(credential, SANDBOX_CREDENTIALS.apiKey) ? undefined : 67200003;
    const apikey = url.searchParams.get('apikey');
    if (!apikey) return 67200008;
    const token = tokens.get(credential);
    if (!token || token.expiresAt <= now()) return 67200003;
    if (apikey !== token.clientId) return 67200009;
    return undefined;
  };

  // ---- business calls ---------------------------------------------------------------

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL, fault?: Fault): Promise<void> => {
    const handler = api.routes.get(`${req.method} ${url.pathname}`);
    if (!handler) {
      sendError(res, 67200101);
      return;
    }
    const denied = authenticate(req, url);
    if (denied !== undefined) {
      sendError(res, denied);
      return;
    }
    let body: Record<string, unknown> = {};
    if (req.method === 'POST') {
      const text = await readBody(req);
      if (text.trim() !== '') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          sendError(res, 68300007, 'The body is not valid JSON.');
          return;
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
          sendError(res, 68300007, 'The body must be a JSON object.');
          return;
        }
        body = parsed as Record<string, unknown>;
      }
    }
    try {
      const result = handler({ query: url.searchParams, body });
      sendJson(res, 200, { data: fault?.malformed ? mangle(result) : result, status: true, error_code: 0 }, fault);
    } catch (e) {
      if (e instanceof InvalidParameter) sendError(res, 68300004, e.message);
      else if (e instanceof ApiError) sendError(res, e.code);
      else throw e;
    }
  };

  // ---- signed files -----------------------------------------------------------------

  const handleFile = (req: IncomingMessage, res: ServerResponse, url: URL, fault?: Fault): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendStorageError(res, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
      return;
    }
    // Like object storage: a pre-signed URL is the credential; a second one is an error.
    if (req.headers.authorization !== undefined || url.searchParams.has('apikey')) {
      sendStorageError(res, 400, 'InvalidArgument', 'Only one auth mechanism allowed.');
      return;
    }
    const check = signer.check(url.pathname, url.searchParams);
    if (check === 'unsigned') return sendStorageError(res, 403, 'AccessDenied', 'Access Denied');
    if (check === 'badSignature') return sendStorageError(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    if (check === 'expired') return sendStorageError(res, 403, 'AccessDenied', 'Request has expired');
    const file = api.file(url.pathname);
    if (!file) return sendStorageError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
    serveFile(req, res, file, fault);
  };

  const serveFile = (req: IncomingMessage, res: ServerResponse, file: ServedFile, fault?: Fault): void => {
    const size = file.kind === 'bytes' ? file.bytes.length : file.size;
    let start = 0;
    let end = size; // exclusive
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    const headers: Record<string, string | number> = {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Accept-Ranges': 'bytes',
    };
    let status = 200;
    if (req.headers.range !== undefined) {
      const from = range?.[1] ?? '';
      const to = range?.[2] ?? '';
      if (!range || (from === '' && to === '')) return sendStorageError(res, 416, 'InvalidRange', 'The requested range is not satisfiable');
      if (from === '') start = Math.max(0, size - Number(to));
      else {
        start = Number(from);
        end = to === '' ? size : Math.min(size, Number(to) + 1);
      }
      if (start >= size || start >= end) {
        res.setHeader('Content-Range', `bytes */${size}`);
        return sendStorageError(res, 416, 'InvalidRange', 'The requested range is not satisfiable');
      }
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end - 1}/${size}`;
    }
    headers['Content-Length'] = end - start;
    res.writeHead(status, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stop = fault?.dropMidBody ? start + Math.floor((end - start) / 2) : end;
    if (file.kind === 'bytes') {
      const chunk = file.bytes.subarray(start, stop);
      if (fault?.dropMidBody) res.write(chunk, () => res.destroy());
      else res.end(chunk);
      return;
    }
    const stream = file.open(start, stop);
    res.on('close', () => stream.destroy());
    if (fault?.dropMidBody) {
      stream.pipe(res, { end: false });
      stream.on('end', () => res.write(Buffer.alloc(0), () => res.destroy()));
    } else {
      stream.pipe(res);
    }
  };

  // ---- control ----------------------------------------------------------------------

  const reset = (): void => {
    faults.clear();
    calls.clear();
    window = [];
    api.reset();
  };

  const handleControl = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const route = `${req.method} ${url.pathname}`;
    if (route === 'POST /_sandbox/faults') {
      let fault: unknown;
      try {
        fault = JSON.parse(await readBody(req));
      } catch {
        fault = undefined;
      }
      const problem = faultProblem(fault);
      if (problem) return sendJson(res, 400, { ok: false, error: problem });
      faults.add(fault as Fault);
      return sendJson(res, 200, { ok: true });
    }
    if (route === 'DELETE /_sandbox/faults') {
      faults.clear();
      return sendJson(res, 200, { ok: true });
    }
    if (route === 'GET /_sandbox/stats') return sendJson(res, 200, { calls: Object.fromEntries(calls) });
    if (route === 'POST /_sandbox/reset') {
      reset();
      return sendJson(res, 200, { ok: true });
    }
    if (route === 'GET /_sandbox/health') return sendJson(res, 200, { ok: true });
    return sendJson(res, 404, { ok: false, error: 'No such sandbox control.' });
  };

  // ---- dispatch ---------------------------------------------------------------------

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    log(`${req.method} ${path}`);
    if (path.startsWith('/_sandbox/')) return handleControl(req, res, url);
    const category: RequestCategory = path.startsWith('/_files/') ? 'file' : path === '/oauth/token' ? 'token' : 'api';
    const key = category === 'file' ? '/_files' : path;
    calls.set(key, (calls.get(key) ?? 0) + 1);

    const fault = faults.take(path, category);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault?.drop) {
      req.socket.destroy();
      return;
    }
    if (fault?.httpStatus !== undefined) return sendError(res, fault.errorCode ?? codeForStatus(fault.httpStatus), undefined, fault.httpStatus);
    if (fault?.errorCode !== undefined) return sendError(res, fault.errorCode);
    if (category === 'file') return handleFile(req, res, url, fault);
    if (overQps()) return sendError(res, 67200002);
    if (category === 'token') {
      if (req.method !== 'POST') return sendError(res, 67200101);
      return handleToken(req, res, url, fault);
    }
    return handleApi(req, res, url, fault);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`sandbox error: ${e instanceof Error ? e.message : String(e)}`);
      if (e instanceof BadRequest && !res.headersSent) sendError(res, 68300007, e.message);
      else if (!res.headersSent) sendError(res, 68300008, undefined, 500);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    port,
    data,
    faults: { add: (f) => faults.add(f), clear: () => faults.clear() },
    stats: {
      calls: (path) => (path === undefined ? [...calls.values()].reduce((a, b) => a + b, 0) : (calls.get(path) ?? 0)),
      reset: () => calls.clear(),
    },
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
