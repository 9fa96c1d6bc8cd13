/**
 * The one SecretStorage entry that holds the credentials, as JSON, and the checks
 * on what users type. Pure (no `vscode`), so it is unit-tested. Read at activation:
 * the two shapes are checked by hand rather than with zod, which would otherwise be
 * loaded (and cost) before anything needs it.
 */
import type { Credentials } from '../../core/api/types';
import { isLoopbackHost } from '../../core/loopback';

export const SECRET_KEY = 'patentLookup.credentials';

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v !== '';

function readCredentials(value: unknown): Credentials | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const o = value as Record<string, unknown>;
  if (o.kind === 'apiKey' && nonEmpty(o.apiKey)) return { kind: 'apiKey', apiKey: o.apiKey };
  if (o.kind === 'clientSecret' && nonEmpty(o.clientId) && nonEmpty(o.clientSecret)) return { kind: 'clientSecret', clientId: o.clientId, clientSecret: o.clientSecret };
  return undefined;
}

export function encodeCredentials(c: Credentials): string {
  return JSON.stringify(c.kind === 'apiKey' ? { kind: c.kind, apiKey: c.apiKey } : { kind: c.kind, clientId: c.clientId, clientSecret: c.clientSecret });
}

/** The stored credentials, or undefined when absent or unreadable (treated as signed out). */
export function decodeCredentials(stored: string | undefined): Credentials | undefined {
  if (!stored) return undefined;
  try {
    return readCredentials(JSON.parse(stored));
  } catch {
    return undefined;
  }
}

/** Input-box validation: a message, or undefined when the value is acceptable. */
export function apiKeyProblem(value: string): string | undefined {
  const key = value.trim();
  if (key === '') return 'Paste the API key.';
  if (!key.startsWith('sk-')) return 'A PatSnap API key starts with "sk-".';
  if (/\s/.test(key)) return 'An API key has no spaces.';
  return undefined;
}

export function requiredProblem(value: string, what: string): string | undefined {
  const v = value.trim();
  if (v === '') return `Enter the ${what}.`;
  if (/\s/.test(v)) return `The ${what} has no spaces.`;
  return undefined;
}

/**
 * A base URL the client can send credentials to: https, or http on this machine only
 * (anything on the way could read a plain-http key or token); no user info, query or
 * fragment.
 */
export function baseUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `"${value.slice(0, 200)}" is not a URL; give one such as https://connect.patsnap.com.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'The API base URL must start with https:// (or http:// for this machine).';
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return `The API base URL must use https: plain http is accepted only for this machine (127.0.0.1, localhost), not ${url.hostname}.`;
  }
  if (url.username || url.password) return 'The API base URL takes no user name or password; set credentials with "Patent: Set API Credentials\u2026".';
  if (url.search || url.hash) return 'The API base URL takes no query string or fragment.';
  return undefined;
}

/** Which account model, for messages (never the secret itself). */
export function describeCredentials(c: Credentials): string {
  return c.kind === 'apiKey' ? 'API key' : `client ID ${c.clientId}`;
}
