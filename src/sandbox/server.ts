/**
 * The local PatSnap-compatible server: the contract of ../shared/patsnap-api.md on
 * 127.0.0.1, with sample data, both account models, signed file links, export
 * tasks, a QPS limit and faults switched on by tests (in process or over HTTP).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SandboxApi, type LinkLifetimes } from './api';
import { generateSampleData, LATER_UNTIL, type SampleData } from './data';
import { envelopeOf, envelopeShapeProblem, FaultQueue, type EnvelopeShape, type Fault, type RequestCategory } from './faults';
import { handleSignedFile } from './handlers/files';
import { SandboxAuth } from './handlers/auth';
import { handleBusinessCall } from './handlers/business';
import { handleControl } from './handlers/control';
import { BadRequest, codeForStatus, sendError } from './http';
import { UrlSigner } from './signing';

export type { EnvelopeShape, Fault } from './faults';

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
  /** Random sample patents besides the canonical families; default 400 (a few more, to finish the last family). */
  patentCount?: number;
  /** Seed of the sample data. */
  seed?: number;
  /**
   * How every error envelope looks unless a fault says otherwise (`data` null, absent
   * or `{}`; `error_msg` text, null or absent): the shapes the contract allows.
   */
  envelope?: EnvelopeShape;
  /** Debug lines (method and path only, never credentials or query text). */
  log?: (line: string) => void;
  /** Start with the later publications up to this date (yyyyMMdd) published; see `SandboxServer.publish`. */
  publishedUntil?: number;
}

export interface SandboxServer {
  url: string;
  port: number;
  close(): Promise<void>;
  faults: { add(f: Fault): void; clear(): void };
  /** Requests per path (not /_sandbox; signed files count under '/_files'). */
  stats: { calls(path?: string): number; reset(): void };
  /**
   * Publishes the later publications (patents published after the sample's reference
   * date: new families, and grants of pending applications) up to `until` (yyyyMMdd;
   * default all of them), or withdraws them (null), so a search run again finds
   * something new. Deterministic. Over HTTP: `POST /_sandbox/publish {"until": 20251231}`,
   * `DELETE /_sandbox/publish`. Returns the numbers published now.
   */
  publish(until?: number | null): string[];
  /** Clears faults, stats, export tasks and the QPS window, and withdraws later publications (unless `publishedUntil` says otherwise); issued tokens stay valid. */
  reset(): void;
  /** The sample patents, for tests that need to know what is there. */
  readonly data: SampleData;
}

const DEFAULT_LINKS: LinkLifetimes = { image: 9 * 3600, pdf: 10 * 86400, examDoc: 3600, export: 7 * 86400 };

/** Business calls allowed per second: a sliding window over real time, as a gateway's QPS limit. */
class QpsWindow {
  private times: number[] = [];

  constructor(private readonly limit: number | undefined) {}

  /** Whether this call is one too many; a call that is not counts. */
  over(): boolean {
    if (!this.limit) return false;
    const t = performance.now();
    this.times = this.times.filter((x) => t - x < 1000);
    if (this.times.length >= this.limit) return true;
    this.times.push(t);
    return false;
  }

  clear(): void {
    this.times = [];
  }
}

/** Waits `ms`, or until the client goes away (a held request the client gave up on, or the sandbox closing). */
function delay(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    res.once('close', done);
  });
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
  const envelopeProblem = options.envelope ? envelopeShapeProblem({ ...options.envelope }) : undefined;
  if (envelopeProblem) throw new TypeError(envelopeProblem);
  const faults = new FaultQueue();
  const calls = new Map<string, number>();
  const qps = new QpsWindow(options.maxRequestsPerSecond);
  const auth = new SandboxAuth({ now, tokenTtlSeconds: options.tokenTtlSeconds ?? 1799, tokenShape: options.tokenShape ?? 'documented' });
  const publish = (until?: number | null): string[] => api.publish(until === null ? undefined : (until ?? LATER_UNTIL)).map((p) => p.pn);
  if (options.publishedUntil !== undefined) publish(options.publishedUntil);
  const reset = (): void => {
    faults.clear();
    calls.clear();
    qps.clear();
    api.reset();
    publish(options.publishedUntil ?? null);
  };

  // ---- dispatch ---------------------------------------------------------------------

  /** The fault of each request, so an error answered from the catch below keeps its envelope shape. */
  const errorShapes = new WeakMap<ServerResponse, Fault | undefined>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    log(`${req.method} ${path}`);
    if (path.startsWith('/_sandbox/')) return handleControl({ faults, calls, reset, publish, publishedUntil: () => data.publishedUntil }, req, res, url);
    const category: RequestCategory = path.startsWith('/_files/') ? 'file' : path === '/oauth/token' ? 'token' : 'api';
    const key = category === 'file' ? '/_files' : path;
    calls.set(key, (calls.get(key) ?? 0) + 1);

    const taken = faults.take(path, category);
    // The server's envelope shape, unless the fault gives its own.
    const fault: Fault | undefined = taken || options.envelope ? { ...taken, ...envelopeOf(options.envelope, taken) } : undefined;
    errorShapes.set(res, fault);
    if (fault?.delayMs) await delay(fault.delayMs, res);
    if (res.destroyed) return; // the client went away while held: nobody to answer
    if (fault?.drop) {
      req.socket.destroy();
      return;
    }
    if (fault?.httpStatus !== undefined) return sendError(res, fault.errorCode ?? codeForStatus(fault.httpStatus), undefined, fault.httpStatus, fault);
    if (fault?.errorCode !== undefined) return sendError(res, fault.errorCode, undefined, undefined, fault);
    if (category === 'file') return handleSignedFile(api, signer, req, res, url, fault);
    if (qps.over()) return sendError(res, 67200002, undefined, undefined, fault);
    if (category === 'token') {
      if (req.method !== 'POST') return sendError(res, 67200101, undefined, undefined, fault);
      return auth.handleToken(req, res, url, fault);
    }
    return handleBusinessCall(api, auth, req, res, url, fault);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`sandbox error: ${e instanceof Error ? e.message : String(e)}`);
      if (e instanceof BadRequest && !res.headersSent) sendError(res, 68300007, e.message, undefined, errorShapes.get(res));
      else if (!res.headersSent) sendError(res, 68300008, undefined, 500, errorShapes.get(res));
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
    publish,
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
