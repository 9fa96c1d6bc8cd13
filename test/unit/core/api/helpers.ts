/** Shared set-up of the client tests: a real sandbox on loopback and a client tuned for speed. */
import * as assert from 'node:assert/strict';
import { createPatsnapClient } from '../../../../src/core/api/client';
import { isPatsnapError, type PatsnapError, type PatsnapErrorKind } from '../../../../src/core/api/errors';
import type { ClientConfig, Credentials, PatsnapApi } from '../../../../src/core/api/types';
import { SANDBOX_CREDENTIALS } from '../../../../src/core/sandboxCredentials';
import { startSandbox, type SandboxOptions, type SandboxServer } from '../../../../src/sandbox/server';

export const SECRET_CREDENTIALS: Credentials = { kind: 'clientSecret', clientId: SANDBOX_CREDENTIALS.clientId, clientSecret: SANDBOX_CREDENTIALS.clientSecret };
export const KEY_CREDENTIALS: Credentials = { kind: 'apiKey', apiKey: SANDBOX_CREDENTIALS.apiKey };

export const TOKEN = '/oauth/token';

/** Fast retries and no practical rate limit unless a test asks for them. */
export function client(sb: SandboxServer, config: Partial<ClientConfig> = {}): PatsnapApi {
  return createPatsnapClient({
    baseUrl: sb.url,
    credentials: SECRET_CREDENTIALS,
    maxRequestsPerSecond: 1000,
    retryBaseDelayMs: 2,
    maxRetries: 2,
    timeoutMs: 5000,
    ...config,
  });
}

/** Starts one sandbox for the enclosing describe block, reset before each test. */
export function useSandbox(options: SandboxOptions = {}): { readonly sb: SandboxServer } {
  const holder: { sb?: SandboxServer } = {};
  before(async () => {
    holder.sb = await startSandbox(options);
  });
  beforeEach(() => holder.sb?.reset());
  after(async () => {
    await holder.sb?.close();
  });
  return {
    get sb(): SandboxServer {
      if (!holder.sb) throw new Error('sandbox not started');
      return holder.sb;
    },
  };
}

export async function rejectsWith(promise: Promise<unknown>, kind: PatsnapErrorKind, message?: RegExp): Promise<PatsnapError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(isPatsnapError(e), `expected a PatsnapError, got ${String(e)}`);
    assert.equal(e.kind, kind, `expected kind ${kind}, got ${e.kind}: ${e.message}`);
    if (message) assert.match(e.message, message);
    return e;
  }
  assert.fail(`expected a ${kind} error, but the call succeeded`);
}

/** Business calls the sandbox saw (everything but the token endpoint and files). */
export function apiCalls(sb: SandboxServer): number {
  return sb.stats.calls() - sb.stats.calls(TOKEN) - sb.stats.calls('/_files');
}

export async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
