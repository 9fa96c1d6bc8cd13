/**
 * The one SecretStorage entry that holds the credentials, as JSON, and the checks
 * on what users type. Pure (no `vscode`), so it is unit-tested. Read at activation:
 * the two shapes are checked by hand rather than with zod, which would otherwise be
 * loaded (and cost) before anything needs it.
 */
import type { Credentials } from '../../core/api/types';
import { isLoopbackHost } from '../../core/loopback';
import { l10n } from '../common/l10n.pure';

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
  if (key === '') return l10n.t('Paste the API key.');
  if (!key.startsWith('sk-')) return l10n.t('A PatSnap API key starts with "{0}".', 'sk-');
  if (/\s/.test(key)) return l10n.t('An API key has no spaces.');
  return undefined;
}

export function requiredProblem(value: string, what: string): string | undefined {
  const v = value.trim();
  if (v === '') return l10n.t('Enter the {0}.', what);
  if (/\s/.test(v)) return l10n.t('The {0} has no spaces.', what);
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
    return l10n.t('"{0}" is not a URL; give one such as {1}.', value.slice(0, 200), 'https://connect.patsnap.com');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return l10n.t('The API base URL must start with {0} (or {1} for this machine).', 'https://', 'http://');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return l10n.t('The API base URL must use https: plain http is accepted only for this machine (127.0.0.1, localhost), not {0}.', url.hostname);
  }
  if (url.username || url.password) return l10n.t('The API base URL takes no user name or password; set credentials with "{0}".', l10n.t('Patent: Set API Credentials\u2026'));
  if (url.search || url.hash) return l10n.t('The API base URL takes no query string or fragment.');
  return undefined;
}

/** Which account model, for messages (never the secret itself). */
export function describeCredentials(c: Credentials): string {
  return c.kind === 'apiKey' ? l10n.t('API key') : l10n.t('client ID {0}', c.clientId);
}
