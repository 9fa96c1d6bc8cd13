/**
 * Typed errors of the PatSnap client. Every failure the client can report is one
 * of these, so callers (the extension's single error path, the CLI's exit codes)
 * switch on `kind` and never on message text.
 */

export type PatsnapErrorKind =
  | 'credentials' // rejected or missing credentials (67200003 after one refresh, HTTP 401)
  | 'quota' // quota, balance, licence, activation or daily limit (67200000/1/4/5/6/7)
  | 'rateLimited' // 67200002 or HTTP 429 after retries ran out
  | 'invalidParameter' // 68300004/68300007, or our own validation before any call
  | 'serviceUnavailable' // 67200100, 68300005, 68300008, HTTP 5xx after retries ran out
  | 'notFound' // 67200101 (wrong base URL or path), HTTP 404
  | 'forbidden' // 67200012 illegal request, 68300006, 68300010, HTTP 403
  | 'network' // socket error, DNS failure, timeout
  | 'unexpectedResponse' // the answer did not have the shape the contract gives
  | 'cancelled'; // the caller aborted

/**
 * What exactly went wrong, where the kind alone does not say: callers word their
 * advice by it (a timeout is not a refused connection, a redirect is not a bad shape).
 */
export type PatsnapErrorReason =
  | 'timeout' // no complete answer within the deadline
  | 'stalled' // a streamed download sent no bytes for the stall limit
  | 'tooLarge' // the answer is larger than the cap
  | 'undecodable' // not HTTP, not JSON, or a compressed body that does not decompress
  | 'redirected' // an API call was answered with a redirect, which API calls never follow
  | 'redirectLoop' // a signed link redirected too many times
  | 'wrongContent' // a file is not what was expected (a login page served as a drawing)
  | 'noData' // a success envelope without the data the endpoint must give
  | 'refusedInput'; // our own input checks (validation.ts) refused it before any call: the message names the parameter

export interface PatsnapErrorOptions {
  /** PatSnap's `error_code`, when the service sent one. */
  code?: number;
  /** HTTP status, when there was a response. */
  httpStatus?: number;
  /** The endpoint path, e.g. `/search/patent/query-search-patent`. */
  endpoint?: string;
  /** For invalid input: the parameter at fault. */
  parameter?: string;
  reason?: PatsnapErrorReason;
  /** How long the service asked to wait (Retry-After), when it asked for longer than the client would wait. */
  retryAfterMs?: number;
  /**
   * The service's own `error_msg`, as sent (control characters removed, at most 500
   * characters): hostile text, for the log. The message never depends on it, except
   * that a rejected parameter's message quotes it.
   */
  serviceMessage?: string;
  /** Only our own errors: never a transport object (axios errors hold the request's headers). */
  cause?: unknown;
}

export class PatsnapError extends Error {
  readonly kind: PatsnapErrorKind;
  // Declared, not initialised: only the fields that are set exist, so logs and JSON stay short.
  declare readonly code?: number;
  declare readonly httpStatus?: number;
  declare readonly endpoint?: string;
  declare readonly parameter?: string;
  declare readonly reason?: PatsnapErrorReason;
  declare readonly retryAfterMs?: number;
  declare readonly serviceMessage?: string;

  constructor(kind: PatsnapErrorKind, message: string, options: PatsnapErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PatsnapError';
    this.kind = kind;
    if (options.code !== undefined) this.code = options.code;
    if (options.httpStatus !== undefined) this.httpStatus = options.httpStatus;
    if (options.endpoint !== undefined) this.endpoint = options.endpoint;
    if (options.parameter !== undefined) this.parameter = options.parameter;
    if (options.reason !== undefined) this.reason = options.reason;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.serviceMessage !== undefined) this.serviceMessage = options.serviceMessage;
  }

  /** The same error with another message and more fields (the cause stays). */
  with(message: string, more: Omit<PatsnapErrorOptions, 'cause'> = {}): PatsnapError {
    return new PatsnapError(this.kind, message, { ...fieldsOf(this), ...more, cause: this.cause });
  }

  /** Transient failures worth another try with backoff. */
  get retryable(): boolean {
    return this.kind === 'rateLimited' || this.kind === 'serviceUnavailable' || this.kind === 'network';
  }
}

export function isPatsnapError(e: unknown, kind?: PatsnapErrorKind): e is PatsnapError {
  return e instanceof PatsnapError && (kind === undefined || e.kind === kind);
}

export function cancelledError(endpoint?: string): PatsnapError {
  return new PatsnapError('cancelled', 'The request was cancelled.', { endpoint });
}

export function invalidInput(parameter: string, message: string): PatsnapError {
  return new PatsnapError('invalidParameter', message, { parameter });
}

/**
 * A problem the input checks found, before any call: its message is written in the
 * language of the translator the checks were given, so a caller shows it as it is.
 */
export function refusedInput(problem: { parameter: string; message: string }): PatsnapError {
  return new PatsnapError('invalidParameter', problem.message, { parameter: problem.parameter, reason: 'refusedInput' });
}

interface CodeInfo {
  kind: PatsnapErrorKind;
  /** One short sentence a person can act on. */
  message: string;
  /**
   * What the client does before giving up: `retry` with backoff, `retryOnce`, `refreshToken`
   * once, `slowDown` (lower the shared rate and retry, with its own budget), or `stop`.
   */
  handling: 'stop' | 'retry' | 'refreshToken' | 'retryOnce' | 'slowDown';
}

/** The error-code table of the contract (../shared/patsnap-api.md), in one place. */
export const ERROR_CODES: Readonly<Record<number, CodeInfo>> = {
  67200000: { kind: 'quota', handling: 'stop', message: 'PatSnap says the platform call limit for this account is exceeded.' },
  67200001: { kind: 'quota', handling: 'stop', message: 'PatSnap says the platform call limit for this account is exceeded.' },
  67200002: { kind: 'rateLimited', handling: 'slowDown', message: 'PatSnap is refusing calls: too many per second for this account.' },
  67200003: { kind: 'credentials', handling: 'refreshToken', message: 'PatSnap rejected the credentials (wrong key or secret, client disabled, or token expired).' },
  67200004: { kind: 'quota', handling: 'stop', message: 'This API is not included in the PatSnap account\u2019s package.' },
  67200005: { kind: 'quota', handling: 'stop', message: 'The PatSnap account\u2019s balance or call count is exhausted.' },
  67200006: { kind: 'quota', handling: 'stop', message: 'The PatSnap client is past its activation period.' },
  67200007: { kind: 'quota', handling: 'stop', message: 'The PatSnap account\u2019s daily call limit is reached; it resets tomorrow.' },
  67200008: { kind: 'credentials', handling: 'stop', message: 'The request lacked the apikey parameter (a bug in Patent Lookup).' },
  67200009: { kind: 'credentials', handling: 'refreshToken', message: 'The API key does not match the access token.' },
  67200012: { kind: 'forbidden', handling: 'stop', message: 'PatSnap refused the request as illegal.' },
  67200100: { kind: 'serviceUnavailable', handling: 'retry', message: 'PatSnap is busy and timed out.' },
  67200101: { kind: 'notFound', handling: 'stop', message: 'PatSnap has no API at this path: check the API base URL.' },
  68300004: { kind: 'invalidParameter', handling: 'stop', message: 'PatSnap rejected a parameter as invalid.' },
  68300005: { kind: 'serviceUnavailable', handling: 'retryOnce', message: 'PatSnap\u2019s search failed.' },
  68300006: { kind: 'forbidden', handling: 'stop', message: 'PatSnap refused access to analytics data for this account.' },
  68300007: { kind: 'invalidParameter', handling: 'stop', message: 'PatSnap rejected the request as malformed.' },
  68300008: { kind: 'serviceUnavailable', handling: 'retry', message: 'PatSnap had a service error; try again later.' },
  68300010: { kind: 'forbidden', handling: 'stop', message: 'PatSnap says the uploaded file does not meet its rules.' },
};

export function errorCodeInfo(code: number): CodeInfo | undefined {
  return ERROR_CODES[code];
}

/** Service text as the log may keep it: no control characters, one line, bounded. */
export function serviceText(text: string | null | undefined, max = 500): string | undefined {
  // eslint-disable-next-line no-control-regex
  const clean = text?.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  if (!clean) return undefined;
  return clean.length > max ? `${clean.slice(0, max - 1)}\u2026` : clean;
}

/**
 * Builds the typed error for an envelope with `status: false`. The message is ours;
 * the service's own words go in `serviceMessage` for the log, and are quoted in the
 * message only for a rejected parameter (they say which one) or an unknown code.
 */
export function fromErrorCode(code: number, endpoint: string, serviceMessage?: string, httpStatus?: number): PatsnapError {
  const info = ERROR_CODES[code];
  const said = serviceText(serviceMessage);
  const quoted = serviceText(serviceMessage, 200);
  const o = { code, endpoint, httpStatus, serviceMessage: said };
  if (!info) return new PatsnapError('serviceUnavailable', `PatSnap answered with error ${code}${quoted ? `: ${quoted}` : '.'}`, o);
  if (info.kind === 'invalidParameter' && quoted) return new PatsnapError(info.kind, `${info.message} ${quoted}`, o);
  return new PatsnapError(info.kind, info.message, o);
}

/** Ids and numbers of a batch request that no answer came for. */
export interface MissingRefs {
  patentIds: string[];
  numbers: string[];
}

/**
 * A batch lookup of which some calls (of at most 100 each) failed: `results` holds
 * what the calls that succeeded returned, `missing` the refs of the calls that did
 * not (whether those patents exist is not known), `failure` the first failure. Its
 * kind, code and message are the failure's, so a caller that does not look for
 * partial results handles it as that failure.
 */
export class PartialBatchError<T = unknown> extends PatsnapError {
  constructor(
    readonly results: T[],
    readonly missing: MissingRefs,
    readonly failure: PatsnapError,
    requested: number,
  ) {
    const count = missing.patentIds.length + missing.numbers.length;
    super(failure.kind, `${failure.message} ${count} of ${requested} patents could not be looked up; the others were.`, { ...fieldsOf(failure), cause: failure });
    this.name = 'PartialBatchError';
  }
}

function fieldsOf(e: PatsnapError): PatsnapErrorOptions {
  return { code: e.code, httpStatus: e.httpStatus, endpoint: e.endpoint, parameter: e.parameter, reason: e.reason, retryAfterMs: e.retryAfterMs, serviceMessage: e.serviceMessage };
}

export function isPartialBatchError(e: unknown): e is PartialBatchError {
  return e instanceof PartialBatchError;
}

/** What a batch lookup gave: everything, or what came, what did not and why. */
export interface BatchOutcome<T> {
  results: T[];
  missing: MissingRefs;
  failure?: PatsnapError;
}

/** Settles a batch lookup, keeping partial results; any other failure rejects as it is. */
export async function keepPartial<T>(lookup: Promise<T[]>): Promise<BatchOutcome<T>> {
  try {
    return { results: await lookup, missing: { patentIds: [], numbers: [] } };
  } catch (e) {
    if (!isPartialBatchError(e)) throw e;
    return { results: e.results as T[], missing: e.missing, failure: e.failure };
  }
}
