/**
 * Shared by the in-host suites of the VS Code layer: the extension's test API,
 * the sandbox the harness started (PATENT_LOOKUP_SANDBOX_URL), and polling.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PatentLookupApi } from '../../../src/extension/api';
import type { Credentials } from '../../../src/core/api/types';
import { SANDBOX_CREDENTIALS } from '../../../src/core/sandboxCredentials';

export const SANDBOX_SESSION: Credentials = { kind: 'clientSecret', clientId: SANDBOX_CREDENTIALS.clientId, clientSecret: SANDBOX_CREDENTIALS.clientSecret };

export async function extensionApi(): Promise<PatentLookupApi> {
  const ext = vscode.extensions.getExtension<PatentLookupApi>('patent-lookup.patent-lookup');
  assert.ok(ext, 'the extension is not loaded');
  const api = await ext.activate();
  assert.ok(api?.results && api.panels, 'activate() returned no test API');
  await api.session.api().catch(() => undefined);
  return api;
}

export function sandboxUrl(): string {
  const url = process.env.PATENT_LOOKUP_SANDBOX_URL;
  assert.ok(url, 'PATENT_LOOKUP_SANDBOX_URL is not set: the harness starts the sandbox');
  return url.replace(/\/+$/, '');
}

async function sandboxCall(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${sandboxUrl()}${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(res.ok, `${method} ${path}: HTTP ${res.status}`);
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

export const sandbox = {
  addFault: (fault: Record<string, unknown>) => sandboxCall('POST', '/_sandbox/faults', fault),
  clearFaults: () => sandboxCall('DELETE', '/_sandbox/faults'),
  calls: async (pathPrefix: string): Promise<number> => {
    const stats = (await sandboxCall('GET', '/_sandbox/stats')) as { calls: Record<string, number> };
    return Object.entries(stats.calls)
      .filter(([p]) => p.startsWith(pathPrefix))
      .reduce((n, [, c]) => n + c, 0);
  },
};

/** Polls `probe` until it returns a value other than undefined/false. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Back to the state the harness started in: the sandbox's credentials for this session, no stored ones. */
export async function restoreSandboxSession(api: PatentLookupApi): Promise<void> {
  await api.credentials.clear();
  api.credentials.useForSession(SANDBOX_SESSION);
  await api.session.api().catch(() => undefined);
  assert.strictEqual(api.session.hasCredentials, true);
}
