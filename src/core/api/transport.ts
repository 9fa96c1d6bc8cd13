/**
 * The one place where PatSnap HTTP happens: one axios instance (base URL, no
 * redirects), a wall-clock deadline and a size cap per request, auth, the shared
 * adaptive rate, retries, the envelope check and zod parsing.
 *
 * Retries are a small loop here rather than axios-retry. The contract needs separate
 * budgets per call (transient failures with backoff, 68300005 retried only once,
 * "too many calls per second" answered by slowing down, and one token refresh for
 * 67200003/67200009 that is not a "retry" at all), a bound on the total time spent
 * waiting, and decisions taken on the parsed envelope of an HTTP 200 answer. With
 * axios-retry each of those becomes state smuggled through the request config
 * across interceptors; the loop states them directly.
 *
 * Bodies are read here, as streams, rather than by axios: so the deadline covers the
 * whole answer, an answer over the cap is refused at its Content-Length or as it
 * streams, and a body that is not JSON is told apart from a connection that failed.
 */
import axios, { type AxiosInstance, type RawAxiosResponseHeaders, type AxiosResponseHeaders } from 'axios';
import type { Readable } from 'node:stream';
import type * as z from 'zod/mini';
import { cancelledError, ERROR_CODES, fromErrorCode, invalidInput, PatsnapError, type PatsnapErrorReason } from './errors';
import { AdaptiveRateLimiter } from './rateLimiter';
import { envelopeSchema } from './schemas';
import { Deadline, MAX_ANSWER_BYTES, readLimited, TooLarge, wireError } from './wire';
import { sleep, throwIfAborted } from '../abort';
import type { AuthMaterial, TokenProvider, TokenRequest } from '../auth/tokenProvider';
import type { CallObserver } from './types';

export interface TransportOptions {
  baseUrl: string;
  /** Deadline of one request, from sending it to the last byte of the answer. */
  timeoutMs: number;
  maxRequestsPerSecond: number;
  /** Retries of transient failures (network, busy, HTTP 5xx), with backoff. */
  maxRetries: number;
  /** Retries after "too many calls per second", each after the shared rate went down. */
  maxRateRetries: number;
  maxRetryTimeMs: number;
  retryBaseDelayMs: number;
  /** Answers larger than this are refused; default 20 MB. */
  maxAnswerBytes?: number;
  /** The rate to share with other clients of the same account; default one of this transport's own. */
  rateLimiter?: AdaptiveRateLimiter;
  log?: (message: string) => void;
  /** Told of each call (its retries included) as it starts and as it ends. */
  onCall?: CallObserver;
}

export interface ApiRequest<T> {
  method: 'GET' | 'POST';
  path: string;
  params?: Record<string, string | number | undefined>;
  data?: unknown;
  schema: z.ZodMiniType<T>;
  signal?: AbortSignal;
}

/** One HTTP answer, its body read in full (within the cap). */
export interface RawAnswer {
  status: number;
  headers: RawAxiosResponseHeaders | AxiosResponseHeaders;
  body: Buffer;
}

type Decision = 'retry' | 'retryOnce' | 'refreshToken' | 'slowDown' | 'stop';

export interface RetryOptions {
  /** Drops the credential a call failed with; given, 67200003/67200009/HTTP 401 are tried once more after it. */
  refresh?: () => void;
  /** The shared rate to lower on "too many calls per second"; without it those are retried like other transient failures. */
  limiter?: AdaptiveRateLimiter;
}

/** An error the retry loop passes on as it is (the token exchange already retried its own failures). */
class Final {
  constructor(readonly error: unknown) {}
}

/** Backoff waits never exceed this, whatever the attempt number. */
const MAX_DELAY_MS = 10_000;

/** Failures that fail the same way however often they are tried. */
const FINAL_REASONS: ReadonlySet<PatsnapErrorReason> = new Set(['timeout', 'stalled', 'tooLarge', 'undecodable', 'redirected', 'redirectLoop', 'wrongContent', 'noData']);

/** The host of a URL (never its user info, path or query), for messages. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || 'the API host';
  } catch {
    return 'the API host';
  }
}

/** An HTTP error status that came without a PatSnap envelope. */
export function httpStatusError(status: number, endpoint: string, host: string): PatsnapError {
  const o = { endpoint, httpStatus: status };
  if (status === 401) return new PatsnapError('credentials', 'PatSnap refused the credentials (HTTP 401).', o);
  if (status === 403) return new PatsnapError('forbidden', `PatSnap refused access to ${endpoint} (HTTP 403).`, o);
  if (status === 404) return new PatsnapError('notFound', `${host} has no API at ${endpoint} (HTTP 404): check the API base URL.`, o);
  if (status === 429) return new PatsnapError('rateLimited', 'PatSnap is refusing calls: too many requests (HTTP 429).', o);
  if (status >= 500) return new PatsnapError('serviceUnavailable', `PatSnap had a server error (HTTP ${status}); try again later.`, o);
  if (status === 400) return new PatsnapError('invalidParameter', `PatSnap rejected the request to ${endpoint} (HTTP 400).`, o);
  return new PatsnapError('unexpectedResponse', `PatSnap answered ${endpoint} with HTTP ${status}.`, o);
}

function decide(e: PatsnapError): Decision {
  if (e.reason !== undefined && FINAL_REASONS.has(e.reason)) return 'stop';
  if (e.code !== undefined) return ERROR_CODES[e.code]?.handling ?? 'stop';
  if (e.kind === 'network') return 'retry';
  const s = e.httpStatus;
  if (s === 401) return 'refreshToken';
  if (s === 429) return 'slowDown';
  if (s !== undefined && s >= 500) return 'retry';
  return 'stop';
}

/** Retry-After headers of the answers errors came from. */
const retryAfterOf = new WeakMap<PatsnapError, string>();

/** Retry-After in ms (seconds or an HTTP date), if the answer gave one. */
function retryAfterMs(e: PatsnapError): number | undefined {
  const header = retryAfterOf.get(e)?.trim();
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function duration(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 2 * 3600) return `${Math.ceil(s / 60)} min`;
  return `${Math.round(s / 360) / 10} h`;
}

function header(headers: RawAnswer['headers'], name: string): string | undefined {
  const v = (headers as Record<string, unknown>)[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The media type of a Content-Type header, if it is one (it is the server's text). */
function mediaType(headers: RawAnswer['headers']): string | undefined {
  return /^\s*([\w.+-]{1,40}\/[\w.+-]{1,80})/.exec(header(headers, 'content-type') ?? '')?.[1]?.toLowerCase();
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8').replace(/^\uFEFF/, '')) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Origin and path of the base URL: its user info, query and fragment are never sent or shown. */
function apiBase(baseUrl: string): { base: string; problem?: string } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { base: '', problem: 'The API base URL is not a URL.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { base: '', problem: 'The API base URL must be an http(s) URL.' };
  return { base: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}

export class Transport {
  readonly http: AxiosInstance;
  readonly callCounts = new Map<string, number>();
  readonly host: string;
  readonly limiter?: AdaptiveRateLimiter;
  private readonly maxAnswerBytes: number;
  private readonly baseProblem?: string;
  private provider?: TokenProvider;

  constructor(private readonly options: TransportOptions) {
    this.host = hostOf(options.baseUrl);
    const { base, problem } = apiBase(options.baseUrl);
    this.baseProblem = problem;
    this.maxAnswerBytes = options.maxAnswerBytes ?? MAX_ANSWER_BYTES;
    this.http = axios.create({
      baseURL: base,
      // The Deadline covers the whole exchange; axios' timeout is only a socket idle timer.
      timeout: 0,
      // A gateway does not redirect: a redirect must not carry the key, the token or the body elsewhere.
      maxRedirects: 0,
      // Every status is read here: the envelope decides, not only the HTTP status.
      validateStatus: () => true,
      headers: { Accept: 'application/json' },
      responseType: 'stream',
    });
    const rps = options.maxRequestsPerSecond;
    this.limiter = options.rateLimiter ?? (Number.isFinite(rps) && rps > 0 ? new AdaptiveRateLimiter({ maxPerSecond: rps }) : undefined);
  }

  setTokenProvider(provider: TokenProvider): void {
    this.provider = provider;
  }

  /** A business call: Bearer (+ apikey for the client-id model), envelope checked, `data` parsed with the schema. */
  async call<T>(req: ApiRequest<T>): Promise<T> {
    const provider = this.provider;
    if (!provider) throw new Error('Transport used before its token provider was set.');
    if (this.baseProblem) throw invalidInput('baseUrl', this.baseProblem);
    let auth: AuthMaterial | undefined;
    const refresh = provider.refreshable ? (): void => provider.invalidate(auth?.bearer) : undefined;
    return this.retry(
      req.path,
      req.signal,
      async () => {
        auth = await provider.get(req.signal).catch((e: unknown) => {
          throw new Final(e);
        });
        // An sk- key travels only in the Authorization header: `apikey` is the client id's.
        const params = auth.apikey === undefined ? req.params : { ...req.params, apikey: auth.apikey };
        const answer = await this.send(req.method, req.path, req.signal, { params, data: req.data, headers: { Authorization: `Bearer ${auth.bearer}` } });
        const value = this.interpret(answer, req.path, req.schema);
        this.limiter?.succeeded();
        return value;
      },
      { refresh, limiter: this.limiter },
    );
  }

  /** The token exchange: same limits and retries, no bearer; answers the raw JSON body. */
  async exchangeToken(request: TokenRequest): Promise<unknown> {
    if (this.baseProblem) throw invalidInput('baseUrl', this.baseProblem);
    return this.retry(
      request.path,
      undefined,
      async () => {
        const answer = await this.send('POST', request.path, undefined, { data: request.body, headers: request.headers });
        if (answer.status >= 300 && answer.status < 400) throw this.redirectError(answer, request.path);
        const json = parseJson(answer.body);
        const env = json.ok ? envelopeSchema.safeParse(json.value) : undefined;
        if (env?.success && (env.data.status !== true || env.data.error_code !== 0)) {
          const code = env.data.error_code;
          if (ERROR_CODES[code]?.kind === 'credentials' || answer.status === 401) {
            throw new PatsnapError('credentials', 'PatSnap refused the client ID and secret: check them, and that the client is enabled.', { code, httpStatus: answer.status, endpoint: request.path });
          }
          throw this.codeError(code, request.path, env.data.error_msg, answer);
        }
        if (answer.status === 401) throw new PatsnapError('credentials', 'PatSnap refused the client ID and secret (HTTP 401).', { httpStatus: 401, endpoint: request.path });
        if (answer.status < 200 || answer.status >= 300) throw this.statusError(answer, request.path);
        if (!json.ok) throw this.notJson(answer, request.path);
        this.limiter?.succeeded();
        return json.value;
      },
      { limiter: this.limiter },
    );
  }

  /**
   * Runs `attempt` until it succeeds or fails for good: transient failures again with
   * backoff (bounded by maxRetries and maxRetryTimeMs), 68300005 once more, "too many
   * calls per second" after lowering the shared rate (bounded by maxRateRetries), and a
   * refused credential once after `refresh`. A Retry-After longer than the time left
   * fails at once and says how long to wait. Abort ends it at once.
   */
  async retry<T>(endpoint: string, signal: AbortSignal | undefined, attempt: (n: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
    const settled = this.options.onCall?.(endpoint);
    if (!settled) return this.retryLoop(endpoint, signal, attempt, options);
    try {
      const value = await this.retryLoop(endpoint, signal, attempt, options);
      settled({});
      return value;
    } catch (e) {
      settled({ error: e });
      throw e;
    }
  }

  private async retryLoop<T>(endpoint: string, signal: AbortSignal | undefined, attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
    let transient = 0;
    let slowed = 0;
    let retriedOnce = false;
    let refreshed = false;
    let waited = 0;
    for (let n = 1; ; n++) {
      throwIfAborted(signal, endpoint);
      let error: PatsnapError;
      try {
        return await attempt(n);
      } catch (e) {
        if (e instanceof Final) throw e.error;
        error = e instanceof PatsnapError ? e : wireError(e, { host: this.host, endpoint, subject: `The answer to ${endpoint}` });
      }
      if (error.kind === 'cancelled' || signal?.aborted) throw cancelledError(endpoint);
      let decision = decide(error);
      if (decision === 'slowDown' && !options.limiter) decision = 'retry';
      if (decision === 'refreshToken' && !refreshed && options.refresh) {
        refreshed = true;
        options.refresh();
        this.options.log?.(`${endpoint}: credentials refused (${error.code ?? error.httpStatus}); refreshing the token once`);
        continue;
      }
      let delay = 0;
      let label: string;
      if (decision === 'slowDown') {
        options.limiter?.limited();
        if (slowed >= this.options.maxRateRetries) throw error;
        slowed++;
        label = `rate now ${Math.round((options.limiter?.rate ?? 0) * 100) / 100}/s; retry ${slowed} of ${this.options.maxRateRetries}`;
      } else {
        const mayRetry = decision === 'retry' || (decision === 'retryOnce' && !retriedOnce);
        if (!mayRetry || transient >= this.options.maxRetries || this.options.maxRetryTimeMs - waited <= 0) throw error;
        if (decision === 'retryOnce') retriedOnce = true;
        // Exponential backoff with jitter, so parallel batches do not retry in step.
        const exp = Math.min(MAX_DELAY_MS, this.options.retryBaseDelayMs * 2 ** transient);
        delay = Math.min(this.options.maxRetryTimeMs - waited, Math.round(exp / 2 + (Math.random() * exp) / 2));
        transient++;
        label = `retry ${transient} of ${this.options.maxRetries}`;
      }
      const asked = retryAfterMs(error);
      if (asked !== undefined) {
        if (asked > this.options.maxRetryTimeMs - waited) {
          throw error.with(`${error.message} PatSnap asks to wait ${duration(asked)} before trying again.`, { retryAfterMs: Math.ceil(asked) });
        }
        delay = Math.max(delay, asked);
      }
      waited += delay;
      this.options.log?.(`${endpoint}: ${error.code ?? error.httpStatus ?? error.reason ?? error.kind}; ${label}${delay > 0 ? ` in ${delay} ms` : ''}`);
      if (delay > 0) await sleep(delay, signal, endpoint);
    }
  }

  /** One HTTP exchange within the deadline, through the rate limiter; counted and logged (path and status only). */
  private async send(
    method: 'GET' | 'POST',
    path: string,
    signal: AbortSignal | undefined,
    extra: { params?: Record<string, string | number | undefined>; data?: unknown; headers?: Record<string, string> },
  ): Promise<RawAnswer> {
    if (this.limiter) await this.limiter.acquire(signal, path);
    throwIfAborted(signal, path);
    this.callCounts.set(path, (this.callCounts.get(path) ?? 0) + 1);
    const started = performance.now();
    const deadline = new Deadline(this.options.timeoutMs, signal);
    try {
      const res = await this.http.request<Readable>({ method, url: path, params: extra.params, data: extra.data, headers: extra.headers, signal: deadline.signal });
      const length = Number(header(res.headers, 'content-length'));
      if (Number.isFinite(length) && length > this.maxAnswerBytes) {
        res.data.destroy();
        throw new TooLarge(this.maxAnswerBytes);
      }
      const body = await readLimited(res.data, this.maxAnswerBytes, deadline.signal);
      this.options.log?.(`${method} ${path} ${res.status} ${Math.round(performance.now() - started)} ms`);
      return { status: res.status, headers: res.headers, body };
    } catch (e) {
      const error = wireError(e, { host: this.host, endpoint: path, subject: `The answer from ${this.host} to ${path}` }, deadline);
      this.options.log?.(`${method} ${path} failed after ${Math.round(performance.now() - started)} ms: ${error.reason ?? error.kind}`);
      throw error;
    } finally {
      deadline.clear();
    }
  }

  private interpret<T>(answer: RawAnswer, endpoint: string, schema: z.ZodMiniType<T>): T {
    if (answer.status >= 300 && answer.status < 400) throw this.redirectError(answer, endpoint);
    const json = parseJson(answer.body);
    const env = json.ok ? envelopeSchema.safeParse(json.value) : undefined;
    if (env?.success && (env.data.status !== true || env.data.error_code !== 0)) {
      if (env.data.error_code === 0) throw new PatsnapError('unexpectedResponse', `PatSnap answered ${endpoint} with a failure but no error code.`, { endpoint, httpStatus: answer.status });
      throw this.codeError(env.data.error_code, endpoint, env.data.error_msg, answer);
    }
    if (answer.status < 200 || answer.status >= 300) throw this.statusError(answer, endpoint);
    if (!json.ok) throw this.notJson(answer, endpoint);
    if (!env?.success) throw new PatsnapError('unexpectedResponse', `PatSnap's answer from ${endpoint} is not the expected envelope {status, error_code, data}.`, { endpoint, httpStatus: answer.status });
    const data = env.data.data;
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      if (data === undefined || data === null) {
        throw new PatsnapError('unexpectedResponse', `PatSnap answered ${endpoint} with success but without its data.`, { endpoint, httpStatus: answer.status, reason: 'noData' });
      }
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at data.${issue.path.join('.')}` : '';
      throw new PatsnapError('unexpectedResponse', `PatSnap's answer from ${endpoint} has an unexpected shape${where}.`, { endpoint, httpStatus: answer.status });
    }
    return parsed.data;
  }

  private notJson(answer: RawAnswer, endpoint: string): PatsnapError {
    const type = mediaType(answer.headers);
    const what = answer.body.length === 0 ? 'is empty' : `is not JSON${type && type !== 'application/json' ? ` (it is ${type})` : ''}`;
    return new PatsnapError('unexpectedResponse', `PatSnap's answer from ${endpoint} ${what}: is the API base URL a PatSnap gateway?`, { endpoint, httpStatus: answer.status, reason: 'undecodable' });
  }

  private redirectError(answer: RawAnswer, endpoint: string): PatsnapError {
    const location = header(answer.headers, 'location');
    let to = '';
    try {
      // A relative Location stays on this host; only the origin is shown (the rest may quote our query).
      if (location) to = ` to ${new URL(location, this.http.defaults.baseURL).origin}`;
    } catch {
      to = '';
    }
    return new PatsnapError(
      'unexpectedResponse',
      `${this.host} answered ${endpoint} with a redirect (HTTP ${answer.status})${to}. API calls follow no redirect, so no credential goes elsewhere: if that is PatSnap's gateway, set the API base URL to it.`,
      { endpoint, httpStatus: answer.status, reason: 'redirected' },
    );
  }

  private codeError(code: number, endpoint: string, serviceMessage: string | null | undefined, answer: RawAnswer): PatsnapError {
    return withRetryAfter(fromErrorCode(code, endpoint, serviceMessage ?? undefined, answer.status), answer);
  }

  private statusError(answer: RawAnswer, endpoint: string): PatsnapError {
    return withRetryAfter(httpStatusError(answer.status, endpoint, this.host), answer);
  }
}

function withRetryAfter(error: PatsnapError, answer: RawAnswer): PatsnapError {
  const value = header(answer.headers, 'retry-after');
  if (value) retryAfterOf.set(error, value);
  return error;
}
