import * as vscode from 'vscode';
import { Disposable } from './common/disposable';
import { preferredDataLanguage } from './dataLanguage.pure';

const SECTION = 'patentLookup';
export const DEFAULT_BASE_URL = 'https://connect.patsnap.com';

/** What the API client is built from; a change to any of these rebuilds it. */
export interface ClientSettings {
  baseUrl: string;
  timeoutMs: number;
  maxRequestsPerSecond: number;
  language: string;
}

/** Which client setting changed: a new base URL also ends a sandbox session (the user's choice wins). */
export interface ClientSettingsChange {
  baseUrl: boolean;
}

/** The extension's settings, read in one place. */
export class Settings extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<ClientSettingsChange>());
  /** Fires when a setting the client depends on changes. */
  readonly onDidChangeClient = this.changed.event;

  private lastBaseUrl: string;

  constructor() {
    super();
    this.lastBaseUrl = this.baseUrl;
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!['apiBaseUrl', 'requestTimeoutMs', 'maxRequestsPerSecond', 'language'].some((k) => e.affectsConfiguration(`${SECTION}.${k}`))) return;
        // A workspace writing apiBaseUrl changes nothing here (see `baseUrl`), and must not end a sandbox session either.
        const baseUrl = this.baseUrl;
        const change = { baseUrl: baseUrl !== this.lastBaseUrl };
        this.lastBaseUrl = baseUrl;
        this.changed.fire(change);
      }),
    );
  }

  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  get client(): ClientSettings {
    const c = this.config;
    return {
      baseUrl: this.baseUrl,
      timeoutMs: c.get<number>('requestTimeoutMs', 30_000),
      maxRequestsPerSecond: c.get<number>('maxRequestsPerSecond', 5),
      language: this.language,
    };
  }

  /**
   * Where stored credentials are sent: the user's (or the remote machine's) setting,
   * never a workspace's. package.json scopes the setting to the machine, so VS Code
   * ignores it in a workspace's .vscode/settings.json; reading only the user level
   * here holds even where that scope is not enforced.
   */
  private get baseUrl(): string {
    const inspected = this.config.inspect<string>('apiBaseUrl');
    const value = inspected?.globalValue ?? inspected?.defaultValue ?? DEFAULT_BASE_URL;
    return (typeof value === 'string' ? value : DEFAULT_BASE_URL).trim();
  }

  /** Preferred language of titles and abstracts, and of exports: the user's setting, else VS Code's display language's. */
  get language(): string {
    const inspected = this.config.inspect<string>('language');
    const set = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    return preferredDataLanguage(typeof set === 'string' ? set : undefined, vscode.env.language);
  }

  /**
   * Whether Patent Lookup may call PatSnap without being asked (numbers in documents,
   * searching the last search again after a reload); when false it calls only on a command.
   */
  get lookupsEnabled(): boolean {
    return this.config.get<boolean>('lookups.enabled', true) !== false;
  }

  /** Results per page in the results view (1..1000). */
  get searchPageSize(): number {
    const n = Math.floor(this.config.get<number>('search.pageSize', 50));
    return Number.isFinite(n) ? Math.min(1000, Math.max(1, n)) : 50;
  }

  /** Where finished exports go: relative to the first workspace folder, or absolute. */
  get exportsFolder(): string {
    const value = this.config.get<string>('exports.folder', 'exports');
    return (typeof value === 'string' ? value.trim() : '') || 'exports';
  }
}
