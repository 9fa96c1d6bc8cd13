/**
 * The one place where PatSnap HTTP happens: one axios instance (base URL, timeout),
 * auth, the client-side rate limit, retries, the envelope check and zod parsing.
 *
 * Retries are a small loop here rather than axios-retry. The contract needs three
 * separate budgets per call (transient failures with backoff, 68300005 retried only
 * once, and one token refresh for 67200003/67200009 that is not a "retry" at all),
 * a bound on the total time spent waiting, and decisions taken on the parsed
 * envelope of an HTTP 200 answer. With axios-retry each of those becomes state
 * smuggled through the request config across interceptors (and it re-sends a
 * mutated config, shrinking the timeout); the loop states them directly.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import Bottleneck from 'bottleneck';
import type { z } from 'zod';
import { cancelledError, ERROR_CODES, fromErrorCode, PatsnapError } from './errors';
import { envelopeSchema } from './schemas';
import { raceAbort, sleep, throwIfAborted } from '../abort';
import type { AuthMaterial, TokenProvider, TokenRequest } from '../auth/tokenProvider';

export interface TransportOptions {
  baseUrl: string;
  timeoutMs: number;
  maxRequestsPerSecond: number;
  maxRetries: number;
  maxRetryTimeMs: number;
  retryBaseDelayMs: number;
  log?: (message: string) => void;
}

export interface ApiRequest<T> {
  method: 'GET' | 'POST';
  path: string;
  params?: Record<string, string | number | undefined>;
  data?: unknown;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
}

type Decision = 'retry' | 'retryOnce' | 'refreshToken' | 'stop';

/** An error the retry loop passes on as it is (the token exchange already retried its own failures). */
class Final {
  constructor(readonly error: unknown) {}
}

/** Backoff waits never exceed this, whatever the attempt number. */
const MAX_DELAY_MS = 10_000;

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A failure without an HTTP answer (socket error, DNS, timeout) as a typed error naming the host only. */
export function networkError(e: unknown, host: string, timeoutMs: number, endpoint: string, signal?: AbortSignal): PatsnapError {
  if (signal?.aborted || axios.isCancel(e)) return cancelledError(endpoint);
  const code = axios.isAxiosError(e) ? e.code : undefined;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message)) {
    return new PatsnapError('network', `${host} did not answer within ${Math.round(timeoutMs / 100) / 10} s.`, { endpoint, cause: e });
  }
  if (code === 'ECONNRESET' || /hang up|aborted|terminated|premature/i.test(message)) {
    return new PatsnapError('network', `The connection to ${host} closed before the answer was complete.`, { endpoint, cause: e });
  }
  return new PatsnapError('network', `Could not reach ${host}${code ? ` (${code})` : ''}.`, { endpoint, cause: e });
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
  if (e.code !== undefined) return ERROR_CODES[e.code]?.handling ?? 'stop';
  if (e.kind === 'network') return 'retry';
  const s = e.httpStatus;
  if (s === 401) return 'refreshToken';
  if (s === 429 || (s !== undefined && s >= 500)) return 'retry';
  return 'stop';
}

/** Retry-After headers of the answers errors came from. */
const retryAfterOf = new WeakMap<PatsnapError, string>();

/** Retry-After in ms (seconds or an HTTP date), if the answer gave one. */
function retryAfterMs(e: PatsnapError): number | undefined {
  const header = retryAfterOf.get(e);
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export class Transport {
  readonly http: AxiosInstance;
  readonly callCounts = new Map<string, number>();
  readonly host: string;
  private readonly limiter?: Bottleneck;
  private provider?: TokenProvider;

  constructor(private readonly options: TransportOptions) {
    this.host = hostOf(options.baseUrl);
    this.http = axios.create({
      baseURL: options.baseUrl.replace(/\/+$/, ''),
      timeout: options.timeoutMs,
      // Every status is read here: the envelope decides, not only the HTTP status.
      validateStatus: () => true,
      headers: { Accept: 'application/json' },
      responseType: 'json',
    });
    const rps = options.maxRequestsPerSecond;
    if (Number.isFinite(rps) && rps > 0) this.limiter = new Bottleneck({ minTime: Math.floor(1000 / rps) });
  }

  setTokenProvider(provider: TokenProvider): void {
    this.provider = provider;
  }

  /** A business call: Bearer + apikey, envelope checked, `data` parsed with the schema. */
  async call<T>(req: ApiRequest<T>): Promise<T> {
    const provider = this.provider;
    if (!provider) throw new Error('Transport used before its token provider was set.');
    let auth: AuthMaterial | undefined;
    const refresh = provider.refreshable ? (): void => provider.invalidate(auth?.bearer) : undefined;
    return this.retry(req.path, req.signal, async () => {
      auth = await provider.get(req.signal).catch((e: unknown) => {
        throw new Final(e);
      });
      const res = await this.send(req.method, req.path, req.signal, {
        params: { ...req.params, apikey: auth.apikey },
        data: req.data,
        headers: { Authorization: `Bearer ${auth.bearer}` },
      });
      return this.interpret(res, req.path, req.schema);
    }, refresh);
  }

  /** The token exchange: same limits and retries, no bearer; answers the raw JSON body. */
  async exchangeToken(request: TokenRequest): Promise<unknown> {
    return this.retry(request.path, undefined, async () => {
      const res = await this.send('POST', request.path, undefined, { data: request.body, headers: request.headers });
      const env = envelopeSchema.safeParse(res.data);
      if (env.success && (env.data.status !== true || env.data.error_code !== 0)) {
        const code = env.data.error_code;
        const info = ERROR_CODES[code];
        if (info?.kind === 'credentials' || res.status === 401) {
          throw new PatsnapError('credentials', 'PatSnap refused the client ID and secret: check them, and that the client is enabled.', { code, httpStatus: res.status, endpoint: request.path });
        }
        throw this.codeError(code, request.path, env.data.error_msg, res);
      }
      if (res.status === 401) throw new PatsnapError('credentials', 'PatSnap refused the client ID and secret (HTTP 401).', { httpStatus: 401, endpoint: request.path });
      if (res.status < 200 || res.status >= 300) throw this.statusError(res, request.path);
      return res.data;
    });
  }

  /**
   * Runs `attempt` until it succeeds or fails for good: transient failures again with
   * backoff (bounded by maxRetries and maxRetryTimeMs), 68300005 once more, and a
   * refused credential once after `refresh` (when given). Abort ends it at once.
   */
  async retry<T>(endpoint: string, signal: AbortSignal | undefined, attempt: (n: number) => Promise<T>, refresh?: () => void): Promise<T> {
    let transient = 0;
    let retriedOnce = false;
    let refreshed = false;
    let waited = 0;
    for (let n = 1; ; n++) {
      throwIfAborted(signal, endpoint);
      try {
        return await attempt(n);
      } catch (e) {
        if (e instanceof Final) throw e.error;
        const error = e instanceof PatsnapError ? e : networkError(e, this.host, this.options.timeoutMs, endpoint, signal);
        if (error.kind === 'cancelled' || signal?.aborted) throw cancelledError(endpoint);
        const decision = decide(error);
        if (decision === 'refreshToken' && !refreshed && refresh) {
          refreshed = true;
          refresh();
          this.options.log?.(`${endpoint}: credentials refused (${error.code ?? error.httpStatus}); refreshing the token once`);
          continue;
        }
        const mayRetry = decision === 'retry' || (decision === 'retryOnce' && !retriedOnce);
        const budget = this.options.maxRetryTimeMs - waited;
        if (!mayRetry || transient >= this.options.maxRetries || budget <= 0) throw error;
        if (decision === 'retryOnce') retriedOnce = true;
        // Exponential backoff with jitter, so parallel batches do not retry in step.
        const exp = Math.min(MAX_DELAY_MS, this.options.retryBaseDelayMs * 2 ** transient);
        const delay = Math.min(budget, Math.max(retryAfterMs(error) ?? 0, Math.round(exp / 2 + (Math.random() * exp) / 2)));
        transient++;
        waited += delay;
        this.options.log?.(`${endpoint}: ${error.code ?? error.httpStatus ?? error.kind}; retry ${transient} of ${this.options.maxRetries} in ${delay} ms`);
        await sleep(delay, signal, endpoint);
      }
    }
  }

  /** One HTTP attempt, through the rate limiter; counted and logged (path and status only). */
  private async send(
    method: 'GET' | 'POST',
    path: string,
    signal: AbortSignal | undefined,
    extra: { params?: Record<string, string | number | undefined>; data?: unknown; headers?: Record<string, string> },
  ): Promise<AxiosResponse<unknown>> {
    if (this.limiter) await raceAbort(this.limiter.schedule(() => Promise.resolve()), signal, path);
    throwIfAborted(signal, path);
    this.callCounts.set(path, (this.callCounts.get(path) ?? 0) + 1);
    const started = performance.now();
    try {
      const res = await this.http.request<unknown>({ method, url: path, params: extra.params, data: extra.data, headers: extra.headers, signal });
      this.options.log?.(`${method} ${path} ${res.status} ${Math.round(performance.now() - started)} ms`);
      return res;
    } catch (e) {
      const error = networkError(e, this.host, this.options.timeoutMs, path, signal);
      this.options.log?.(`${method} ${path} failed after ${Math.round(performance.now() - started)} ms: ${error.kind}`);
      throw error;
    }
  }

  private interpret<T>(res: AxiosResponse<unknown>, endpoint: string, schema: z.ZodType<T>): T {
    const env = envelopeSchema.safeParse(res.data);
    if (env.success && (env.data.status !== true || env.data.error_code !== 0)) {
      if (env.data.error_code === 0) throw new PatsnapError('unexpectedResponse', `PatSnap answered ${endpoint} with a failure but no error code.`, { endpoint, httpStatus: res.status });
      throw this.codeError(env.data.error_code, endpoint, env.data.error_msg, res);
    }
    if (res.status < 200 || res.status >= 300) throw this.statusError(res, endpoint);
    if (!env.success) throw new PatsnapError('unexpectedResponse', `PatSnap's answer from ${endpoint} is not the expected envelope {status, error_code, data}.`, { endpoint, httpStatus: res.status });
    const parsed = schema.safeParse(env.data.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at data.${issue.path.join('.')}` : '';
      throw new PatsnapError('unexpectedResponse', `PatSnap's answer from ${endpoint} has an unexpected shape${where}.`, { endpoint, httpStatus: res.status, cause: parsed.error });
    }
    return parsed.data;
  }

  private codeError(code: number, endpoint: string, serviceMessage: string | null | undefined, res: AxiosResponse<unknown>): PatsnapError {
    let error = fromErrorCode(code, endpoint, serviceMessage ?? undefined, res.status);
    // For a rejected parameter the service's own words say which one.
    if (error.kind === 'invalidParameter' && serviceMessage) {
      error = new PatsnapError('invalidParameter', `${error.message} ${serviceMessage}`, { code, endpoint, httpStatus: res.status });
    }
    return withRetryAfter(error, res);
  }

  private statusError(res: AxiosResponse<unknown>, endpoint: string): PatsnapError {
    return withRetryAfter(httpStatusError(res.status, endpoint, this.host), res);
  }
}

function withRetryAfter(error: PatsnapError, res: AxiosResponse<unknown>): PatsnapError {
  const header = res.headers['retry-after'] as unknown;
  if (typeof header === 'string') retryAfterOf.set(error, header);
  return error;
}
