import { e2eEnvironment } from '../e2eEnvironment';

/** A sandbox fault, as `POST /_sandbox/faults` takes it (see src/sandbox/faults.ts). */
export interface SandboxFault {
  path?: string;
  /** The token call too (see src/sandbox/faults.ts). */
  token?: boolean;
  errorCode?: number;
  httpStatus?: number;
  delayMs?: number;
  times?: number;
}

/** PatSnap endpoints the specs count calls to. */
export const SANDBOX_PATHS = {
  search: '/search/patent/query-search-patent',
  pdf: '/basic-patent-data/pdf-data',
  /** Every signed file (drawings, PDFs, export files) counts here. */
  files: '/_files',
} as const;

/**
 * The sandbox the runner started, driven over its control endpoints: the specs
 * run in another process than the extension host that calls it.
 */
export class Sandbox {
  constructor(readonly url: string) {}

  get port(): number {
    return Number(new URL(this.url).port);
  }

  /** The runner's sandbox; fails plainly when it is not running. */
  static current(): Sandbox {
    const url = e2eEnvironment().sandboxUrl;
    if (!url) throw new Error('The sandbox is not running (dist/sandbox.js not built?): these specs need it.');
    return new Sandbox(url);
  }

  async addFault(fault: SandboxFault): Promise<void> {
    await this.control('POST', '/_sandbox/faults', fault);
  }

  async clearFaults(): Promise<void> {
    await this.control('DELETE', '/_sandbox/faults');
  }

  /** Publishes the sandbox's later publications (patents published after its sample's date): a search run again finds more. */
  async publishLater(): Promise<void> {
    await this.control('POST', '/_sandbox/publish', {});
  }

  /** Withdraws them: the sample as it started. */
  async withdrawLater(): Promise<void> {
    await this.control('DELETE', '/_sandbox/publish');
  }

  /** Calls the sandbox answered on `path` (all API paths when omitted). */
  async calls(path?: string): Promise<number> {
    const calls = await this.callsByPath();
    return path === undefined ? Object.values(calls).reduce((a, b) => a + b, 0) : (calls[path] ?? 0);
  }

  /** Calls the sandbox answered so far, by path. */
  async callsByPath(): Promise<Record<string, number>> {
    return ((await (await this.control('GET', '/_sandbox/stats')).json()) as { calls: Record<string, number> }).calls;
  }

  private async control(method: string, path: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return response;
  }
}
