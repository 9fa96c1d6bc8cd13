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

export interface PatsnapErrorOptions {
  /** PatSnap's `error_code`, when the service sent one. */
  code?: number;
  /** HTTP status, when there was a response. */
  httpStatus?: number;
  /** The endpoint path, e.g. `/search/patent/query-search-patent`. */
  endpoint?: string;
  /** For invalid input: the parameter at fault. */
  parameter?: string;
  cause?: unknown;
}

export class PatsnapError extends Error {
  readonly kind: PatsnapErrorKind;
  readonly code?: number;
  readonly httpStatus?: number;
  readonly endpoint?: string;
  readonly parameter?: string;

  constructor(kind: PatsnapErrorKind, message: string, options: PatsnapErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PatsnapError';
    this.kind = kind;
    this.code = options.code;
    this.httpStatus = options.httpStatus;
    this.endpoint = options.endpoint;
    this.parameter = options.parameter;
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

interface CodeInfo {
  kind: PatsnapErrorKind;
  /** One short sentence a person can act on. */
  message: string;
  /** What the client does before giving up. */
  handling: 'stop' | 'retry' | 'refreshToken' | 'retryOnce';
}

/** The error-code table of the contract (../shared/patsnap-api.md), in one place. */
export const ERROR_CODES: Readonly<Record<number, CodeInfo>> = {
  67200000: { kind: 'quota', handling: 'stop', message: 'PatSnap says the platform call limit for this account is exceeded.' },
  67200001: { kind: 'quota', handling: 'stop', message: 'PatSnap says the platform call limit for this account is exceeded.' },
  67200002: { kind: 'rateLimited', handling: 'retry', message: 'PatSnap is refusing calls: too many per second for this account.' },
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

/** Builds the typed error for an envelope with `status: false`. */
export function fromErrorCode(code: number, endpoint: string, serviceMessage?: string, httpStatus?: number): PatsnapError {
  const info = ERROR_CODES[code];
  if (!info) {
    const detail = serviceMessage ? `: ${serviceMessage}` : '';
    return new PatsnapError('serviceUnavailable', `PatSnap answered with error ${code}${detail}`, { code, endpoint, httpStatus });
  }
  return new PatsnapError(info.kind, info.message, { code, endpoint, httpStatus });
}
