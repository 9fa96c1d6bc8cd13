import type * as vscode from 'vscode';
import type { CitationsFeature } from './citations/citationsFeature';
import type { CredentialStore } from './credentials/credentialStore';
import type { ExportsFeature } from './exports/exportsFeature';
import type { NotebookFeature } from './notebook/notebookFeature';
import type { QueryLanguageFeature } from './query/queryLanguageFeature';
import type { PatentPanelFeature } from './patent/patentPanelFeature';
import type { PdfFeature } from './pdf/pdfFeature';
import type { PatentNumberFeatures } from './patentNumbers';
import type { SearchFeature } from './search/searchFeature';
import type { PatsnapSession } from './session';
import type { Settings } from './settings';
import type { BackendStatusBar } from './status/backendStatusBar';

/**
 * What `activate()` returns in `ExtensionMode.Test` only (the in-host tests), and
 * otherwise nothing: through it another extension could read the credentials or start
 * billable exports. The tests look at what the UI shows (the tree's rows, a panel's
 * content) and drive the export tracker with the session's own client through it.
 * Each feature loads when asked for, as it would on first use.
 */
export interface PatentLookupTestApi {
  readonly session: PatsnapSession;
  readonly credentials: CredentialStore;
  readonly settings: Settings;
  /** The status bar item `patentLookup.backend`, as it shows now. */
  readonly statusBar: BackendStatusBar;
  /** The extension's globalState (the export task list is kept there). */
  readonly state: vscode.Memento;
  /** The extension's workspaceState (the last search is kept there). */
  readonly workspaceState: vscode.Memento;
  search(): Promise<SearchFeature>;
  panels(): Promise<PatentPanelFeature>;
  numbers(): Promise<PatentNumberFeatures>;
  citations(): Promise<CitationsFeature>;
  exports(): Promise<ExportsFeature>;
  pdfs(): Promise<PdfFeature>;
  notebooks(): Promise<NotebookFeature>;
  queryLanguage(): Promise<QueryLanguageFeature>;
}
