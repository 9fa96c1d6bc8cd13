import type { ClientConfig, Credentials } from '../core/api/types';
import { isLoopbackHost } from '../core/loopback';
import { UsageError } from './io';

export const DEFAULT_BASE_URL = 'https://connect.patsnap.com';

/** Values that must never reach the terminal. */
export function secretsIn(env: Readonly<Record<string, string | undefined>>): string[] {
  return [env.PATSNAP_CLIENT_SECRET, env.PATSNAP_API_KEY].filter((s): s is string => typeof s === 'string' && s.length >= 4);
}

export function credentialsFromEnv(env: Readonly<Record<string, string | undefined>>): Credentials {
  const clientId = env.PATSNAP_CLIENT_ID?.trim();
  const clientSecret = env.PATSNAP_CLIENT_SECRET?.trim();
  const apiKey = env.PATSNAP_API_KEY?.trim();
  if (clientId && clientSecret) return { kind: 'clientSecret', clientId, clientSecret };
  if (clientId || clientSecret) {
    throw new UsageError(`${clientId ? 'PATSNAP_CLIENT_SECRET' : 'PATSNAP_CLIENT_ID'} is not set: PATSNAP_CLIENT_ID and PATSNAP_CLIENT_SECRET go together (or set PATSNAP_API_KEY instead).`);
  }
  if (apiKey) return { kind: 'apiKey', apiKey };
  throw new UsageError('No PatSnap credentials: set PATSNAP_API_KEY, or PATSNAP_CLIENT_ID and PATSNAP_CLIENT_SECRET (PATSNAP_BASE_URL picks the server, e.g. the local sandbox).');
}

/** PATSNAP_BASE_URL (or PatSnap's): https, or http on this machine only; no user info, query or fragment. */
export function baseUrlFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  const raw = env.PATSNAP_BASE_URL?.trim() || DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError('PATSNAP_BASE_URL is not a URL; give one such as https://connect.patsnap.com.'); // not echoed: it may hold a secret
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`PATSNAP_BASE_URL must be an https:// URL, not ${url.protocol}.`);
  // Anything on the way could read a key or token sent over plain http.
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new UsageError(`PATSNAP_BASE_URL must use https: plain http is accepted only for this machine (127.0.0.1, localhost), not ${url.hostname}.`);
  }
  if (url.username || url.password) throw new UsageError('PATSNAP_BASE_URL takes no user name or password: credentials go in PATSNAP_API_KEY, or PATSNAP_CLIENT_ID and PATSNAP_CLIENT_SECRET.');
  if (url.search || url.hash) throw new UsageError('PATSNAP_BASE_URL takes no query string or fragment.');
  return raw.replace(/\/+$/, '');
}

/** The bounds of the extension's `requestTimeoutMs` and `maxRequestsPerSecond` settings. */
export const TIMEOUT_MS = { min: 1000, max: 300_000, default: 30_000 } as const;
export const MAX_RPS = { min: 0.1, max: 100, default: 5 } as const;

/** PATSNAP_TIMEOUT_MS and PATSNAP_MAX_RPS, when set; anything but a number in range is a usage error. */
export function limitsFromEnv(env: Readonly<Record<string, string | undefined>>): Pick<ClientConfig, 'timeoutMs' | 'maxRequestsPerSecond'> {
  const limits: Pick<ClientConfig, 'timeoutMs' | 'maxRequestsPerSecond'> = {};
  const timeout = env.PATSNAP_TIMEOUT_MS?.trim();
  if (timeout) {
    const n = /^\d+$/.test(timeout) ? Number(timeout) : NaN;
    if (!(n >= TIMEOUT_MS.min && n <= TIMEOUT_MS.max)) {
      throw new UsageError(`PATSNAP_TIMEOUT_MS is the time limit per request in milliseconds, a whole number from ${TIMEOUT_MS.min} to ${TIMEOUT_MS.max} (default ${TIMEOUT_MS.default}), not "${timeout}".`);
    }
    limits.timeoutMs = n;
  }
  const rps = env.PATSNAP_MAX_RPS?.trim();
  if (rps) {
    const n = /^(\d+(\.\d*)?|\.\d+)$/.test(rps) ? Number(rps) : NaN;
    if (!(n >= MAX_RPS.min && n <= MAX_RPS.max)) {
      throw new UsageError(`PATSNAP_MAX_RPS is the most API requests per second, a number from ${MAX_RPS.min} to ${MAX_RPS.max} (default ${MAX_RPS.default}), not "${rps}".`);
    }
    limits.maxRequestsPerSecond = n;
  }
  return limits;
}

/** The client's settings: what the environment sets wins over `defaults`. */
export function clientConfigFromEnv(env: Readonly<Record<string, string | undefined>>, defaults: Partial<ClientConfig> = {}): ClientConfig {
  return { ...defaults, ...limitsFromEnv(env), baseUrl: baseUrlFromEnv(env), credentials: credentialsFromEnv(env) };
}
