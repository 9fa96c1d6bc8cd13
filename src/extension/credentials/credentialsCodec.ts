/**
 * The one SecretStorage entry that holds the credentials, as JSON, and the checks
 * on what users type. Pure (no `vscode`), so it is unit-tested.
 */
// The namespace import lets esbuild drop what is unused (`{ z }` keeps every zod locale).
import * as z from 'zod';
import type { Credentials } from '../../core/api/types';

export const SECRET_KEY = 'patentLookup.credentials';

const storedSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('clientSecret'), clientId: z.string().min(1), clientSecret: z.string().min(1) }),
  z.object({ kind: z.literal('apiKey'), apiKey: z.string().min(1) }),
]);

export function encodeCredentials(c: Credentials): string {
  return JSON.stringify(c.kind === 'apiKey' ? { kind: c.kind, apiKey: c.apiKey } : { kind: c.kind, clientId: c.clientId, clientSecret: c.clientSecret });
}

/** The stored credentials, or undefined when absent or unreadable (treated as signed out). */
export function decodeCredentials(stored: string | undefined): Credentials | undefined {
  if (!stored) return undefined;
  try {
    const parsed = storedSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : undefined;
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

/** A base URL the client can use: absolute http(s), no query or fragment. */
export function baseUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `"${value}" is not a URL; give one such as https://connect.patsnap.com.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'The API base URL must start with http:// or https://.';
  if (url.search || url.hash) return 'The API base URL takes no query string or fragment.';
  return undefined;
}

/** Which account model, for messages (never the secret itself). */
export function describeCredentials(c: Credentials): string {
  return c.kind === 'apiKey' ? 'API key' : `client ID ${c.clientId}`;
}
