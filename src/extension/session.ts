import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Credentials, PatsnapApi } from '../core/api/types';
import type { PatentLookupService } from '../core/cache/patentLookup';
import type { RecordLookup } from '../core/cache/recordLookup';
import type { RecordStore } from '../core/cache/recordStore';
import { Disposable } from './common/disposable';
import { ConfigurationError, MissingCredentialsError } from './common/errorMessages.pure';
import { baseUrlProblem } from './credentials/credentialsCodec.pure';
import type { CredentialStore } from './credentials/credentialStore';
import { normaliseBaseUrl, sandboxCredentials } from './credentials/sandbox.pure';
import type { Settings } from './settings';
import { CallActivity, credentialHint, type BackendSummary } from './status/backendStatus.pure';

const HAS_CREDENTIALS = 'patentLookup.hasCredentials';
/** Where "Use Local Sandbox…" remembers its sandbox across reloads (never in settings). */
const SANDBOX_STATE_KEY = 'patentLookup.sandbox.url';

/** Where calls go and with what: the configured gateway with the stored credentials, or a sandbox with its own. */
interface Backend {
  baseUrl: string;
  credentials: Credentials;
}

type State = { backend: Backend } | { error: Error };

/**
 * The PatSnap client of this window. Which backend it talks to is settled at once
 * (credentials and settings, in this window or, for credentials, another one; no
 * reload needed), but the client itself, and with it the HTTP code, is built on the
 * first call: activation loads none of it.
 *
 * A sandbox session (the demo's environment, "Use Local Sandbox…") sends the
 * sandbox's public credentials only: stored credentials never go to a sandbox URL.
 *
 * Also owns the lookup caches that panels and hovers share: in memory, dropped whenever
 * the backend changes because answers may differ under another account or gateway, and
 * on disk (a `RecordStore` in the extension's global storage, one folder per backend),
 * so a patent looked up before a reload costs no call after it.
 */
export class PatsnapSession extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires after the backend changed (the client is then rebuilt on its next call). */
  readonly onDidChange = this.changed.event;
  private readonly cleared = this.register(new vscode.EventEmitter<void>());
  /** Fires when the lookups were forgotten ("Clear Lookup Cache", or the backend changed): other caches follow. */
  readonly onDidClearLookups = this.cleared.event;
  private state: State = { error: new MissingCredentialsError() };
  private client: Promise<PatsnapApi> | undefined;
  private built: PatsnapApi | undefined;
  private lookups: Promise<PatentLookupService> | undefined;
  private records: Promise<RecordLookup> | undefined;
  private readonly stores = new Map<string, Promise<RecordStore | undefined>>();
  private generation = 0;
  /** Counts the backends applied that differ from the one before (see `backend`). */
  private backendVersion = 0;
  private loading: Promise<void>;
  private sandboxUrl: string | undefined;
  /** Calls in flight on this session's client and their latest trouble (the status bar shows both). */
  readonly activity = new CallActivity();

  constructor(
    private readonly settings: Settings,
    private readonly credentials: CredentialStore,
    private readonly memento: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    /** A sandbox for this window only (the environment of the demo and the tests); not remembered. */
    environmentSandbox?: string,
    /** Where the lookup cache lives on disk (the extension's global storage); none keeps it in memory only. */
    private readonly storageFolder?: string,
  ) {
    super();
    this.sandboxUrl = environmentSandbox ? normaliseBaseUrl(environmentSandbox) : memento.get<string>(SANDBOX_STATE_KEY);
    this.register(
      settings.onDidChangeClient((change) => {
        // Setting the base URL by hand ends a sandbox session: the user's choice wins.
        if (change.baseUrl && this.sandboxUrl !== undefined) void this.useSandbox(undefined);
        else void this.reload();
      }),
    );
    this.register(credentials.onDidChange(() => void this.reload()));
    this.loading = this.reload();
  }

  /** Whether calls can be made (after the latest reload): credentials are stored, or a sandbox is in use. */
  get hasCredentials(): boolean {
    return !('error' in this.state && this.state.error instanceof MissingCredentialsError);
  }

  /** The sandbox this window talks to, or undefined for the configured gateway. */
  get sandbox(): string | undefined {
    return this.sandboxUrl;
  }

  /** Where calls go (after the latest reload), for the status bar: never more of a credential than its last four characters. */
  get summary(): BackendSummary {
    const state = this.state;
    if ('backend' in state) {
      const { baseUrl, credentials } = state.backend;
      if (this.sandboxUrl !== undefined) return { kind: 'sandbox', url: baseUrl };
      return { kind: 'patsnap', host: hostOf(baseUrl), account: credentials.kind, hint: credentialHint(credentials) };
    }
    return state.error instanceof MissingCredentialsError ? { kind: 'signedOut' } : { kind: 'misconfigured', message: state.error.message };
  }

  /** Resolves once the backend is settled (credentials read, settings checked), without building the client. */
  ready(): Promise<void> {
    return this.settledState();
  }

  /**
   * Which backend calls go to, as a number that changes only when the backend does
   * (another gateway, sandbox or credentials, or none usable): a reload that lands on the
   * same one, like the first settling after activation, keeps it. Read after `ready()` for
   * the backend a view is about to ask; `onDidChange` with it unchanged needs no new answer.
   */
  get backendId(): number {
    return this.backendVersion;
  }

  /** The client, or a `MissingCredentialsError`/`ConfigurationError` the error path turns into "Set API Credentials"/"Open Settings". */
  async api(): Promise<PatsnapApi> {
    await this.settledState();
    const state = this.state;
    if ('error' in state) throw state.error;
    this.client ??= this.buildClient(state.backend.credentials, state.backend.baseUrl, this.activity).then((api) => {
      if (this.state === state) this.built = api;
      return api;
    });
    return this.client;
  }

  /** A client for `credentials` that are not (yet) stored: for checking them before they are. `activity` sees its calls. */
  async buildClient(credentials: Credentials, baseUrl = this.settings.client.baseUrl, activity?: CallActivity): Promise<PatsnapApi> {
    const problem = baseUrlProblem(baseUrl);
    if (problem) throw new ConfigurationError(problem, 'patentLookup.apiBaseUrl');
    const [{ createPatsnapClient }, { TOKEN_PATH }] = await Promise.all([import('../core/api/client'), import('../core/auth/tokenProvider')]);
    const s = this.settings.client;
    return createPatsnapClient({
      baseUrl,
      credentials,
      timeoutMs: s.timeoutMs,
      maxRequestsPerSecond: s.maxRequestsPerSecond,
      language: s.language,
      l10n: vscode.l10n,
      log: (message) => this.log.debug(message),
      onCall: activity && ((endpoint) => activity.observe(endpoint === TOKEN_PATH ? 'token' : 'call')),
    });
  }

  /**
   * The lookup cache shared by hovers, the document view and the panel. Setting it up
   * loads no HTTP code: its client waits for `api()` on each call.
   */
  lookupService(): Promise<PatentLookupService> {
    this.lookups ??= import('../core/cache/patentLookup').then(({ PatentLookupService }) => new PatentLookupService(() => this.deferredClient, { store: () => this.lookupStore() }));
    return this.lookups;
  }

  /** Claims, family, citations, legal status and events, resolutions and PDF links: the panel's and the hover's, cached like the cards. */
  recordLookup(): Promise<RecordLookup> {
    this.records ??= import('../core/cache/recordLookup').then(({ RecordLookup }) => new RecordLookup(() => this.deferredClient, { store: () => this.lookupStore() }));
    return this.records;
  }

  /** Forgets every lookup, in memory and on disk, of the backend in use ("Clear Lookup Cache"). */
  async clearLookupCache(): Promise<void> {
    const [lookups, records] = await Promise.all([this.lookups, this.records]);
    // Forgotten first, so a call under way keeps nothing from now on; then the writes made
    // before land, and the store is emptied after them.
    lookups?.clear();
    records?.clear();
    await Promise.all([lookups?.idle(), records?.idle()]);
    await (await this.lookupStore())?.clear();
    this.cleared.fire();
    this.log.info('The lookup cache was cleared.');
  }

  /**
   * The disk store of the backend in use: one folder per gateway (or sandbox), since
   * another one may answer differently. Opened on first use; a store that cannot be
   * opened (a read-only profile) leaves the caches in memory, and says so in the log.
   */
  async lookupStore(): Promise<RecordStore | undefined> {
    await this.settledState();
    const state = this.state;
    if (!this.storageFolder || 'error' in state) return undefined;
    const { createHash } = await import('node:crypto');
    const backend = createHash('sha256').update(state.backend.baseUrl).digest('hex').slice(0, 16);
    let store = this.stores.get(backend);
    if (!store) {
      const folder = path.join(this.storageFolder, 'lookups', backend);
      store = import('../core/cache/recordStore').then(({ RecordStore }) => RecordStore.open({ folder, log: (m) => this.log.debug(m) })).catch((e: unknown) => {
        this.log.warn(`The lookup cache cannot be kept on disk: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      });
      this.stores.set(backend, store);
    }
    return store;
  }

  /** Talks to the sandbox at `url` with its public credentials, or (undefined) back to the configured gateway. */
  async useSandbox(url: string | undefined, options: { remember: boolean } = { remember: true }): Promise<void> {
    this.sandboxUrl = url === undefined ? undefined : normaliseBaseUrl(url);
    if (options.remember) await this.memento.update(SANDBOX_STATE_KEY, this.sandboxUrl);
    await this.reload();
  }

  /**
   * A PatsnapApi for the lookup cache, which must be given one before any call is due:
   * each call waits for the session's client. A Proxy rather than a class, so that
   * endpoints added to the client need nothing here.
   */
  private readonly deferredClient: PatsnapApi = new Proxy({} as PatsnapApi, {
    get: (_target, name) => {
      if (name === 'callCounts') return this.built?.callCounts ?? new Map<string, number>();
      if (typeof name !== 'string' || name === 'then') return undefined;
      return async (...args: unknown[]) => {
        const api = (await this.api()) as unknown as Record<string, unknown>;
        const method = api[name];
        if (typeof method !== 'function') throw new TypeError(`The PatSnap client has no method ${name}.`);
        return method.apply(api, args);
      };
    },
  });

  /** Waits for the latest reload, including ones that began while waiting for an earlier one. */
  private async settledState(): Promise<void> {
    for (let loading = this.loading; ; loading = this.loading) {
      await loading;
      if (loading === this.loading) return;
    }
  }

  private async backend(): Promise<Backend | undefined> {
    if (this.sandboxUrl !== undefined) return { baseUrl: this.sandboxUrl, credentials: sandboxCredentials() };
    const credentials = await this.credentials.get();
    return credentials && { baseUrl: this.settings.client.baseUrl, credentials };
  }

  private reload(): Promise<void> {
    const generation = ++this.generation;
    this.loading = (async () => {
      let next: State;
      try {
        const backend = await this.backend();
        const problem = backend && baseUrlProblem(backend.baseUrl);
        if (!backend) next = { error: new MissingCredentialsError() };
        else if (problem) next = { error: new ConfigurationError(problem, 'patentLookup.apiBaseUrl') };
        else next = { backend };
      } catch (e) {
        next = { error: e instanceof Error ? e : new Error(String(e)) };
      }
      if (generation !== this.generation || this.isDisposed) return;
      if (stateKey(next) !== stateKey(this.state)) this.backendVersion++;
      this.state = next;
      this.client = undefined;
      this.built = undefined;
      this.activity.reset();
      void this.lookups?.then((l) => l.clear());
      void this.records?.then((r) => r.clear());
      this.cleared.fire();
      if ('backend' in next) this.log.info(`PatSnap client ready for ${hostOf(next.backend.baseUrl)}${this.sandboxUrl !== undefined ? ' (sandbox)' : ''}.`);
      else this.log.info(`PatSnap client unavailable: ${next.error.message}`);
      await vscode.commands.executeCommand('setContext', HAS_CREDENTIALS, this.hasCredentials);
      this.changed.fire();
    })();
    return this.loading;
  }
}

/** What tells one state from another (kept in memory only: it holds the credentials). */
function stateKey(state: State): string {
  return 'backend' in state ? JSON.stringify([state.backend.baseUrl, state.backend.credentials]) : `${state.error.name}: ${state.error.message}`;
}

/** The host of a base URL, for the log (never its path, user info or query). */
function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'an invalid base URL';
  }
}
