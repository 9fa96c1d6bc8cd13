import * as http from 'node:http';
import { createPatsnapClient } from '../../../../src/core/api/client';
import type { ClientConfig, ExportParams, PatsnapApi } from '../../../../src/core/api/types';
import { SANDBOX_CREDENTIALS } from '../../../../src/core/sandboxCredentials';
import { startSandbox, type SandboxOptions, type SandboxServer } from '../../../../src/sandbox/server';

/** A sandbox with a movable clock and a real client pointed at it over loopback. */
export interface Harness {
  sandbox: SandboxServer;
  api: PatsnapApi;
  /** The sandbox's clock (epoch ms); tests move it. */
  clock: { now: number };
  close(): Promise<void>;
}

export async function startHarness(options: SandboxOptions = {}, client: Partial<ClientConfig> = {}): Promise<Harness> {
  const clock = { now: Date.now() };
  const sandbox = await startSandbox({ ...options, now: () => clock.now });
  const api = createPatsnapClient({
    baseUrl: sandbox.url,
    credentials: { kind: 'apiKey', apiKey: SANDBOX_CREDENTIALS.apiKey },
    retryBaseDelayMs: 1,
    maxRequestsPerSecond: 1000,
    ...client,
  });
  return { sandbox, api, clock, close: () => sandbox.close() };
}

export const CSV_EXPORT: ExportParams = { query: 'TTL:battery OR TTL:vehicle', fields: ['PN', 'TTL', 'AN', 'PBD'], exportType: 'csv', rows: 20 };

/** The bytes a signed link serves, fetched independently of the code under test. */
export function fetchRaw(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`HTTP ${res.statusCode}`))));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}
