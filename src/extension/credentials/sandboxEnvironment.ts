import type { CredentialStore } from './credentialStore';
import { sandboxCredentials } from './credentialCommands';
import type { Settings } from '../settings';

export const SANDBOX_URL_ENV = 'PATENT_LOOKUP_SANDBOX_URL';

/**
 * The demo and the in-host tests start VS Code with the sandbox's URL in the
 * environment: use it and the sandbox's public credentials for this session,
 * in memory only, so nothing is written to the user's settings or secrets.
 */
export function applySandboxEnvironment(settings: Settings, credentials: CredentialStore, env = process.env): string | undefined {
  const url = env[SANDBOX_URL_ENV]?.trim();
  if (!url) return undefined;
  settings.overrideBaseUrl(url.replace(/\/+$/, ''));
  credentials.useForSession(sandboxCredentials());
  return url;
}
