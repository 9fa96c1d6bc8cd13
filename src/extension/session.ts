import * as vscode from 'vscode';
import type { Credentials, PatsnapApi } from '../core/api/types';
import type { PatentLookupService } from '../core/cache/patentLookup';
import { Disposable } from './common/disposable';
import { ConfigurationError, MissingCredentialsError } from './common/errorMessages.pure';
import { baseUrlProblem } from './credentials/credentialsCodec.pure';
import type { CredentialStore } from './credentials/credentialStore';
import { normaliseBaseUrl, sandboxCredentials } from './credentials/sandbox.pure';
import type { Settings } from './settings';

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
 * Also owns the lookup cache that panels and hovers share, dropped whenever the
 * backend changes because answers may differ under another account or gateway.
 */
export class PatsnapSession extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires after the backend changed (the client is then rebuilt on its next call). */
  readonly onDidChange = this.changed.event;
  private state: State = { error: new MissingCredentialsError() };
  private client: Promise<PatsnapApi> | undefined;
  private built: PatsnapApi | undefined;
  private lookups: Promise<PatentLookupService> | undefined;
  private generation = 0;
  private loading: Promise<void>;
  private sandboxUrl: string | undefined;

  constructor(
    private readonly settings: Settings,
    private readonly credentials: CredentialStore,
    private readonly memento: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    /** A sandbox for this window only (the environment of the demo and the tests); not remembered. */
    environmentSandbox?: string,
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

  /** The client, or a `MissingCredentialsError`/`ConfigurationError` the error path turns into "Set API Credentials"/"Open Settings". */
  async api(): Promise<PatsnapApi> {
    await this.settledState();
    const state = this.state;
    if ('error' in state) throw state.error;
    this.client ??= this.buildClient(state.backend.credentials, state.backend.baseUrl).then((api) => {
      if (this.state === state) this.built = api;
      return api;
    });
    return this.client;
  }

  /** A client for `credentials` that are not (yet) stored: for checking them before they are. */
  async buildClient(credentials: Credentials, baseUrl = this.settings.client.baseUrl): Promise<PatsnapApi> {
    const problem = baseUrlProblem(baseUrl);
    if (problem) throw new ConfigurationError(problem, 'patentLookup.apiBaseUrl');
    const { createPatsnapClient } = await import('../core/api/client');
    const s = this.settings.client;
    return createPatsnapClient({
      baseUrl,
      credentials,
      timeoutMs: s.timeoutMs,
      maxRequestsPerSecond: s.maxRequestsPerSecond,
      language: s.language,
      log: (message) => this.log.debug(message),
    });
  }

  /**
   * The lookup cache shared by hovers, the document view and the panel. Setting it up
   * loads no HTTP code: its client waits for `api()` on each call.
   */
  lookupService(): Promise<PatentLookupService> {
    this.lookups ??= import('../core/cache/patentLookup').then(({ PatentLookupService }) => new PatentLookupService(() => this.deferredClient));
    return this.lookups;
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
      this.state = next;
      this.client = undefined;
      this.built = undefined;
      void this.lookups?.then((l) => l.clear());
      if ('backend' in next) this.log.info(`PatSnap client ready for ${hostOf(next.backend.baseUrl)}${this.sandboxUrl !== undefined ? ' (sandbox)' : ''}.`);
      else this.log.info(`PatSnap client unavailable: ${next.error.message}`);
      await vscode.commands.executeCommand('setContext', HAS_CREDENTIALS, this.hasCredentials);
      this.changed.fire();
    })();
    return this.loading;
  }
}

/** The host of a base URL, for the log (never its path, user info or query). */
function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'an invalid base URL';
  }
}
