import type { ClientConfig, Credentials } from '../core/api/types';
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

export function baseUrlFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  const raw = env.PATSNAP_BASE_URL?.trim() || DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`PATSNAP_BASE_URL is not a URL: "${raw}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`PATSNAP_BASE_URL must be an http(s) URL, not "${raw}".`);
  return raw.replace(/\/+$/, '');
}

export function clientConfigFromEnv(env: Readonly<Record<string, string | undefined>>, defaults: Partial<ClientConfig> = {}): ClientConfig {
  return { ...defaults, baseUrl: baseUrlFromEnv(env), credentials: credentialsFromEnv(env) };
}
