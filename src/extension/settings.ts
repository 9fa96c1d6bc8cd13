import * as vscode from 'vscode';
import { Disposable } from './common/disposable';

const SECTION = 'patentLookup';

/** What the API client is built from; a change to any of these rebuilds it. */
export interface ClientSettings {
  baseUrl: string;
  timeoutMs: number;
  maxRequestsPerSecond: number;
  language: string;
}

/**
 * The extension's settings, read in one place. `apiBaseUrl` can be overridden for
 * this session (the sandbox in demos and tests) without writing user settings.
 */
export class Settings extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when a setting the client depends on changes. */
  readonly onDidChangeClient = this.changed.event;
  private baseUrlOverride: string | undefined;

  constructor() {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Setting the base URL by hand ends a session override: the user's choice wins.
        if (e.affectsConfiguration(`${SECTION}.apiBaseUrl`)) this.baseUrlOverride = undefined;
        if (['apiBaseUrl', 'requestTimeoutMs', 'maxRequestsPerSecond', 'language'].some((k) => e.affectsConfiguration(`${SECTION}.${k}`))) {
          this.changed.fire();
        }
      }),
    );
  }

  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  get client(): ClientSettings {
    const c = this.config;
    return {
      baseUrl: this.baseUrlOverride ?? c.get<string>('apiBaseUrl', 'https://connect.patsnap.com').trim(),
      timeoutMs: c.get<number>('requestTimeoutMs', 30_000),
      maxRequestsPerSecond: c.get<number>('maxRequestsPerSecond', 5),
      language: c.get<string>('language', 'en'),
    };
  }

  /** Results per page in the results view (1..1000). */
  get searchPageSize(): number {
    const n = Math.floor(this.config.get<number>('search.pageSize', 50));
    return Number.isFinite(n) ? Math.min(1000, Math.max(1, n)) : 50;
  }

  /** Uses `baseUrl` for this session only; `undefined` goes back to the setting. */
  overrideBaseUrl(baseUrl: string | undefined): void {
    this.baseUrlOverride = baseUrl;
    this.changed.fire();
  }

  get isBaseUrlOverridden(): boolean {
    return this.baseUrlOverride !== undefined;
  }

  async setBaseUrl(baseUrl: string): Promise<void> {
    this.baseUrlOverride = undefined;
    await this.config.update('apiBaseUrl', baseUrl, vscode.ConfigurationTarget.Global);
    // The configuration event fires too; one extra rebuild is harmless and keeps the order plain.
    this.changed.fire();
  }
}
