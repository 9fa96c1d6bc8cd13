/**
 * The local sandbox as a backend: the environment variable the demo and the in-host
 * tests set, and its public test credentials (never stored). Pure. A running sandbox
 * is found by its announcement (core/sandboxAnnouncement.ts), not at a guessed port.
 */
import type { Credentials } from '../../core/api/types';
import { SANDBOX_CREDENTIALS } from '../../core/sandboxCredentials';

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
