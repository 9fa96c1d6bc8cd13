/**
 * Shared by the in-host suites of the VS Code layer and the in-host benches
 * (test/bench/host): the extension's test API, the sandbox the harness started
 * (PATENT_LOOKUP_SANDBOX_URL), and polling.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExportParams } from '../../src/core/api/types';
import type { ExportTaskRecord } from '../../src/core/exports/types';
import type { PatentLookupTestApi } from '../../src/extension/api';
import type { PatentPanelFeature } from '../../src/extension/patent/patentPanelFeature';
import type { PatentNumberFeatures } from '../../src/extension/patentNumbers';
import type { SearchResultsView } from '../../src/extension/search/searchResultsView';

/** The test API with the features the suites look at, loaded. */
export interface TestApi extends PatentLookupTestApi {
  readonly results: SearchResultsView;
  readonly panelFeature: PatentPanelFeature;
  readonly numberFeatures: PatentNumberFeatures;
}

export async function extensionApi(): Promise<TestApi> {
  const ext = vscode.extensions.getExtension<PatentLookupTestApi>('patent-lookup.patent-lookup');
  assert.ok(ext, 'the extension is not loaded');
  const api = await ext.activate();
  assert.ok(api?.session && api.search, 'activate() returned no test API (is the host in ExtensionMode.Test?)');
  await api.session.api().catch(() => undefined);
  const [search, panelFeature, numberFeatures] = await Promise.all([api.search(), api.panels(), api.numbers()]);
  return { ...api, results: search.results, panelFeature, numberFeatures };
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
  /** Publishes the sandbox's later publications (new families, grants of pending applications): a search run again finds more. */
  publishLater: (until?: number) => sandboxCall('POST', '/_sandbox/publish', until === undefined ? {} : { until }),
  /** Back to the sample as it started. */
  withdrawLater: () => sandboxCall('DELETE', '/_sandbox/publish'),
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

/** Back to the state the harness started in: a sandbox session (not remembered), no stored credentials, no base URL set. */
export async function restoreSandboxSession(api: PatentLookupTestApi): Promise<void> {
  await vscode.workspace.getConfiguration('patentLookup').update('apiBaseUrl', undefined, vscode.ConfigurationTarget.Global);
  await api.credentials.clear();
  await api.session.useSandbox(sandboxUrl(), { remember: false });
  await api.session.api();
  assert.strictEqual(api.session.hasCredentials, true);
}

/** The test API in the state the harness started in (see restoreSandboxSession). */
export async function sandboxedApi(): Promise<TestApi> {
  const api = await extensionApi();
  await restoreSandboxSession(api);
  return api;
}

/** Closes the patent panels a test left open. */
export function disposePanels(api: TestApi): void {
  for (const p of api.panelFeature.openPanels) p.dispose();
}

/**
 * The export tracker driven as the commands drive it, without their prompts: the
 * wizard and the billing confirmation are UI. Same tracker, globalState, leases,
 * downloader and session-built client as a user's.
 */
export async function exportsDriver(api: PatentLookupTestApi) {
  const feature = await api.exports();
  const { tracker, store } = feature;
  const KEY = 'patentLookup.exports.tasks';
  return {
    feature,
    fastPolling: () => (tracker.pollerOptions = { initialIntervalMs: 50, maxIntervalMs: 200 }),
    /** Creates a task as "Export Search Results…" does once the user confirmed. */
    create: async (params: ExportParams, destination?: string): Promise<ExportTaskRecord> => {
      const record = await tracker.create(await api.session.api(), params, destination, { notify: false });
      return store.get(record.id) ?? record;
    },
    tasks: () => store.all(),
    /** The raw value in globalState. */
    stored: () => api.state.get<unknown>(KEY),
    /** Writes the raw task list to globalState, as another window sharing the profile does. */
    storeRaw: (value: unknown) => api.state.update(KEY, value),
    settled: async (id: string): Promise<ExportTaskRecord | undefined> => {
      await tracker.settled(id);
      return store.get(id);
    },
    /** Saves a finished task's file again, as "Download Again" does without the prompts. */
    download: async (id: string): Promise<ExportTaskRecord | undefined> => {
      await tracker.download(id, { notify: false });
      return store.get(id);
    },
    patch: (id: string, patch: Partial<Omit<ExportTaskRecord, 'id'>>) => store.update(id, patch),
    /** What a window reload does: stop following, read globalState again, resume what is unfinished. */
    reload: async (): Promise<ExportTaskRecord[]> => {
      tracker.stopAll();
      store.reload();
      await tracker.resumeAll();
      return store.all();
    },
    clear: async (): Promise<void> => {
      tracker.stopAll();
      for (const r of store.all()) await store.remove(r.id);
    },
  };
}
