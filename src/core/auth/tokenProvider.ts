/**
 * Authentication for both PatSnap account models (../shared/patsnap-api.md):
 * client id + secret exchanged for a 30-minute token at POST /oauth/token, or a
 * self-service `sk-` key sent as it is. The HTTP itself is done by the client's
 * transport (same base URL, timeout, retry and rate limit), handed in as `exchange`.
 */
import * as z from 'zod/mini';
import { raceAbort } from '../abort';
import { PatsnapError } from '../api/errors';
import { caught } from '../api/schemas';
import type { Credentials } from '../api/types';

export const TOKEN_PATH = '/oauth/token';

/**
 * What a business call sends: `Authorization: Bearer <bearer>`, and `?apikey=<apikey>`
 * for the client-id model only. An `sk-` key never goes in a URL (proxies log URLs).
 */
export interface AuthMaterial {
  bearer: string;
  apikey?: string;
}

export interface TokenProvider {
  readonly model: Credentials['kind'];
  /** Whether `invalidate()` can lead to different credentials (a fresh token). */
  readonly refreshable: boolean;
  get(signal?: AbortSignal): Promise<AuthMaterial>;
  /**
   * Forget the cached token. Given the bearer a call failed with, only that token is
   * dropped, so concurrent calls failing with the same stale token share one refresh.
   */
  invalidate(failedBearer?: string): void;
}

export interface TokenRequest {
  path: typeof TOKEN_PATH;
  headers: Record<string, string>;
  /** application/x-www-form-urlencoded */
  body: string;
}

/** Performs the token request; resolves with the parsed JSON body of a 2xx answer, or throws a PatsnapError. */
export type TokenExchange = (request: TokenRequest) => Promise<unknown>;

export interface TokenProviderOptions {
  /** Epoch ms; tests move it. */
  now?: () => number;
  /** Refresh this long before expiry; default 60 s (capped at half the token's lifetime). */
  refreshMarginMs?: number;
}

const DEFAULT_LIFETIME_S = 30 * 60;

export function tokenRequest(clientId: string, clientSecret: string): TokenRequest {
  // The secret travels only in the Basic header, never in the body or the URL.
  const basic = Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
  return {
    path: TOKEN_PATH,
    headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
  };
}

const lifetime = caught(z.optional(z.union([z.number().check(z.positive()), z.pipe(z.string().check(z.regex(/^\s*\d+(\.\d+)?\s*$/)), z.transform(Number))])), undefined);
const tokenFields = z.object({ token: z.string().check(z.minLength(1)), expires_in: lifetime });
/** Documented: {token, token_type, expires_in, status: "approved", issued_at}. */
const documentedAnswer = tokenFields;
/** Some deployments wrap it: {status: true, error_code: 0, data: {token, expires_in}}. */
const wrappedAnswer = z.object({ status: z.literal(true), error_code: z.literal(0), data: tokenFields });

export interface IssuedToken {
  token: string;
  /** Lifetime in seconds as given, or the 30-minute default. */
  lifetimeSeconds: number;
}

/** Reads either answer shape of the token endpoint; anything else is an `unexpectedResponse`. */
export function parseTokenAnswer(body: unknown): IssuedToken {
  const wrapped = wrappedAnswer.safeParse(body);
  const fields = wrapped.success ? wrapped.data.data : documentedAnswer.safeParse(body).data;
  if (!fields) {
    throw new PatsnapError('unexpectedResponse', `PatSnap's token endpoint (${TOKEN_PATH}) answered without a token.`, { endpoint: TOKEN_PATH });
  }
  const seconds = fields.expires_in !== undefined && fields.expires_in > 0 ? fields.expires_in : DEFAULT_LIFETIME_S;
  return { token: fields.token, lifetimeSeconds: seconds };
}

export class ClientSecretTokenProvider implements TokenProvider {
  readonly model = 'clientSecret' as const;
  readonly refreshable = true;
  private cached?: { token: string; refreshAt: number };
  private inFlight?: Promise<string>;
  private readonly now: () => number;
  private readonly margin: number;

  constructor(
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly exchange: TokenExchange,
    options: TokenProviderOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.margin = options.refreshMarginMs ?? 60_000;
  }

  async get(signal?: AbortSignal): Promise<AuthMaterial> {
    const cached = this.cached;
    if (cached && this.now() < cached.refreshAt) return { bearer: cached.token, apikey: this.clientId };
    // Single flight: concurrent callers share one exchange. It runs without any one
    // caller's signal, so a caller that gives up does not cancel it for the others.
    this.inFlight ??= this.fetch().finally(() => {
      this.inFlight = undefined;
    });
    const token = await raceAbort(this.inFlight, signal);
    return { bearer: token, apikey: this.clientId };
  }

  invalidate(failedBearer?: string): void {
    if (failedBearer === undefined || this.cached?.token === failedBearer) this.cached = undefined;
  }

  private async fetch(): Promise<string> {
    const started = this.now();
    const issued = parseTokenAnswer(await this.exchange(tokenRequest(this.clientId, this.clientSecret)));
    const lifetimeMs = issued.lifetimeSeconds * 1000;
    this.cached = { token: issued.token, refreshAt: started + lifetimeMs - Math.min(this.margin, lifetimeMs / 2) };
    return issued.token;
  }
}

export class ApiKeyProvider implements TokenProvider {
  readonly model = 'apiKey' as const;
  readonly refreshable = false;

  constructor(private readonly apiKey: string) {}

  get(signal?: AbortSignal): Promise<AuthMaterial> {
    if (signal?.aborted) return Promise.reject(new PatsnapError('cancelled', 'The request was cancelled.'));
    // The key is its own credential: in the Authorization header only, never as ?apikey=.
    return Promise.resolve({ bearer: this.apiKey });
  }

  invalidate(): void {
    // A key has nothing to refresh.
  }
}

/** Credentials that cannot work; every call fails with the reason, so creating a client never throws. */
class InvalidCredentialsProvider implements TokenProvider {
  readonly refreshable = false;

  constructor(
    readonly model: Credentials['kind'],
    private readonly problem: PatsnapError,
  ) {}

  get(): Promise<AuthMaterial> {
    return Promise.reject(this.problem);
  }

  invalidate(): void {}
}

export function createTokenProvider(credentials: Credentials, exchange: TokenExchange, options: TokenProviderOptions = {}): TokenProvider {
  if (credentials.kind === 'apiKey') {
    const key = credentials.apiKey.trim();
    if (!key.startsWith('sk-')) return new InvalidCredentialsProvider('apiKey', new PatsnapError('credentials', 'A PatSnap API key starts with "sk-".', { parameter: 'apiKey' }));
    return new ApiKeyProvider(key);
  }
  const id = credentials.clientId.trim();
  const secret = credentials.clientSecret.trim();
  if (!id || !secret) {
    const missing = id ? 'clientSecret' : 'clientId';
    return new InvalidCredentialsProvider('clientSecret', new PatsnapError('credentials', 'Both the PatSnap client ID and the client secret are needed.', { parameter: missing }));
  }
  return new ClientSecretTokenProvider(id, secret, exchange, options);
}
