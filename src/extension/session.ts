import * as vscode from 'vscode';
import { createPatsnapClient } from '../core/api/client';
import type { Credentials, PatsnapApi } from '../core/api/types';
import { PatentLookupService } from '../core/cache/patentLookup';
import { hostOf } from '../core/api/transport';
import { Disposable } from './common/disposable';
import { ConfigurationError, MissingCredentialsError } from './common/errorMessages';
import { baseUrlProblem } from './credentials/credentialsCodec';
import type { CredentialStore } from './credentials/credentialStore';
import type { Settings } from './settings';

const HAS_CREDENTIALS = 'patentLookup.hasCredentials';

/**
 * The current PatSnap client, rebuilt whenever the credentials or a client setting
 * change (in this window or, for credentials, in another one): no reload needed.
 * Also owns the lookup cache that panels and hovers share, dropped on every rebuild
 * because answers may differ under another account or gateway.
 */
export class PatsnapSession extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires after the client was rebuilt or removed. */
  readonly onDidChange = this.changed.event;
  private current: { api: PatsnapApi } | { error: Error } = { error: new MissingCredentialsError() };
  private generation = 0;
  private loading: Promise<void>;
  readonly lookup: PatentLookupService;

  constructor(
    private readonly settings: Settings,
    private readonly credentials: CredentialStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.lookup = new PatentLookupService(() => this.apiNow());
    this.register(settings.onDidChangeClient(() => void this.reload()));
    this.register(credentials.onDidChange(() => void this.reload()));
    this.loading = this.reload();
  }

  /** Whether credentials are available (after the latest reload). */
  get hasCredentials(): boolean {
    return !('error' in this.current && this.current.error instanceof MissingCredentialsError);
  }

  /** The client as of the latest reload, without waiting; undefined when it cannot be built. */
  get client(): PatsnapApi | undefined {
    return 'api' in this.current ? this.current.api : undefined;
  }

  /** The client, or a `MissingCredentialsError`/`ConfigurationError` the error path turns into "Set API Credentials"/"Open Settings". */
  async api(): Promise<PatsnapApi> {
    await this.loading;
    return this.apiNow();
  }

  /** A client for `credentials` that is not (yet) stored: for checking them before they are. */
  buildClient(credentials: Credentials, baseUrl = this.settings.client.baseUrl): PatsnapApi {
    const problem = baseUrlProblem(baseUrl);
    if (problem) throw new ConfigurationError(problem, 'patentLookup.apiBaseUrl');
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

  private apiNow(): PatsnapApi {
    if ('error' in this.current) throw this.current.error;
    return this.current.api;
  }

  private reload(): Promise<void> {
    const generation = ++this.generation;
    this.loading = (async () => {
      let next: typeof this.current;
      try {
        const credentials = await this.credentials.get();
        next = credentials ? { api: this.buildClient(credentials) } : { error: new MissingCredentialsError() };
      } catch (e) {
        next = { error: e instanceof Error ? e : new Error(String(e)) };
      }
      if (generation !== this.generation || this.isDisposed) return;
      this.current = next;
      this.lookup.clear();
      if ('api' in next) this.log.info(`PatSnap client ready for ${hostOf(this.settings.client.baseUrl)}.`);
      else this.log.info(`PatSnap client unavailable: ${next.error.message}`);
      await vscode.commands.executeCommand('setContext', HAS_CREDENTIALS, this.hasCredentials);
      this.changed.fire();
    })();
    return this.loading;
  }
}
