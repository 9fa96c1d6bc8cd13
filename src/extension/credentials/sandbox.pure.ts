/**
 * The local sandbox as a backend: its default address, the environment variable the
 * demo and the in-host tests set, and its public test credentials (never stored). Pure.
 */
import type { Credentials } from '../../core/api/types';
import { SANDBOX_CREDENTIALS } from '../../core/sandboxCredentials';

export const DEFAULT_SANDBOX_URL = 'http://127.0.0.1:8787';

/** Set by `npm start` and the test runners: this window talks to that sandbox, in memory only. */
export const SANDBOX_URL_ENV = 'PATENT_LOOKUP_SANDBOX_URL';

export const sandboxCredentials = (): Credentials => ({
  kind: 'clientSecret',
  clientId: SANDBOX_CREDENTIALS.clientId,
  clientSecret: SANDBOX_CREDENTIALS.clientSecret,
});

/** `http://127.0.0.1:8787/` -> `http://127.0.0.1:8787`. */
export function normaliseBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}
