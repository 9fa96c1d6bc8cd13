/**
 * Composition root: builds the parts, wires them, and hands every disposable to VS
 * Code. No logic. Activation registers what VS Code must know at once (commands,
 * views, the panel serializer) and loads each feature's code the first time it is
 * used; how to add a feature is in README.md beside this file.
 *
 * Activation event: `onStartupFinished`. Patent numbers are recognised in every
 * document, whatever its language, which no narrower event covers; activation is
 * cheap (test/bench/activation.bench.ts) and comes after the window is up.
 */
import * as vscode from 'vscode';
import type { PatentLookupTestApi } from './api';
import { registerCommands } from './common/commands';
import { ErrorReporter } from './common/errors';
import { afterActivation, lazyCommands, LazyFeature, onFirstTextEditor, onLanguageDocument, type FeatureHost } from './common/feature';
import { useTranslator } from './common/l10n.pure';
import { LazyTreeView } from './common/lazyTreeView';
import { CredentialStore } from './credentials/credentialStore';
import { SANDBOX_URL_ENV } from './credentials/sandbox.pure';
import { EXPORT_TASKS_STATE_KEY, EXPORTS_VIEW_ID, mayNeedFollowing } from './exports/exportTaskState.pure';
import type { ExportsFeature } from './exports/exportsFeature';
import type { ExportTaskNode } from './exports/exportTasksView';
import { NOTEBOOK_CONTENT_OPTIONS, NOTEBOOK_TYPE, QUERY_LANGUAGE } from './notebook/notebookType.pure';
import type { NotebookFeature } from './notebook/notebookFeature';
import type { ResultNode } from './search/resultNodes';
import type { SearchFeature } from './search/searchFeature';
import { RESULTS_VIEW_ID } from './search/viewIds.pure';
import { registerPdfViewer } from './pdf/pdfRegistration';
import { PatsnapSession } from './session';
import { Settings } from './settings';
import { BackendStatusBar } from './status/backendStatusBar';
import { restorePatentPanel } from './patent/patentPage';
import { PATENT_VIEW_TYPE } from '../webview/viewTypes';

export function activate(context: vscode.ExtensionContext): PatentLookupTestApi | undefined {
  const own = <T extends vscode.Disposable>(d: T): T => {
    context.subscriptions.push(d);
    return d;
  };
  useTranslator(vscode.l10n.t, vscode.env.language);
  const log = own(vscode.window.createOutputChannel('Patent Lookup', { log: true }));
  const errors = new ErrorReporter(log);
  const settings = own(new Settings());
  const credentials = own(new CredentialStore(context.secrets));
  const session = own(new PatsnapSession(settings, credentials, context.globalState, log, process.env[SANDBOX_URL_ENV], context.globalStorageUri.fsPath));
  const host: FeatureHost = { context, session, credentials, errors, settings, log };
  const statusBar = own(new BackendStatusBar(session));
  const lazy = <T extends vscode.Disposable>(name: string, load: () => Promise<T>): LazyFeature<T> => own(new LazyFeature(name, load, log));

  // Each feature: its contributions now, its code on first use.
  const resultsTree = own(new LazyTreeView<ResultNode>(RESULTS_VIEW_ID, () => search.get()));
  const exportsTree = own(new LazyTreeView<ExportTaskNode>(EXPORTS_VIEW_ID, () => exports.get()));
  const credentialsFeature = lazy('Credentials', () => import('./credentials/credentialsFeature').then((m) => new m.CredentialsFeature(host)));
  const search: LazyFeature<SearchFeature> = lazy('Search', () => import('./search/searchFeature').then((m) => new m.SearchFeature(host, resultsTree)));
  const panels = lazy('Patent panel', () => import('./patent/patentPanelFeature').then((m) => new m.PatentPanelFeature(host)));
  const numbers = lazy('Patent numbers', () => import('./patentNumbers/patentNumbersFeature').then((m) => m.createPatentNumbersFeature(host)));
  const citations = lazy('Citations', async () => {
    const shared = await numbers.get(); // one scan of each document for both
    return import('./patentNumbers/patentNumbersFeature').then((m) => m.createCitationsFeature(host, shared));
  });
  const exports: LazyFeature<ExportsFeature> = lazy('Exports', () => import('./exports/exportsFeature').then((m) => new m.ExportsFeature(host, exportsTree)));
  const pdfs = lazy('PDF viewer', () => import('./pdf/pdfFeature').then((m) => new m.PdfFeature(host)));
  const notebooks: LazyFeature<NotebookFeature> = lazy('Search notebooks', () => import('./notebook/notebookFeature').then((m) => new m.NotebookFeature(host, () => search.loaded?.results.shownSearch)));
  const queryLanguage = lazy('Query language', () => import('./query/queryLanguageFeature').then((m) => new m.QueryLanguageFeature(host)));
  const gettingStarted = lazy('Getting started', () => import('./gettingStarted/gettingStartedFeature').then((m) => new m.GettingStartedFeature(host)));

  own(
    registerCommands(
      {
        ...lazyCommands('credentials', credentialsFeature),
        ...lazyCommands('search', search),
        ...lazyCommands('panel', panels),
        ...lazyCommands('numbers', numbers),
        ...lazyCommands('citations', citations),
        ...lazyCommands('exports', exports),
        ...lazyCommands('notebook', notebooks),
        ...lazyCommands('gettingStarted', gettingStarted),
        'patentLookup.showLog': () => log.show(),
        'patentLookup.clearLookupCache': () => session.clearLookupCache(),
      },
      errors,
    ),
  );
  own(registerPdfViewer(pdfs));
  // The page at once, before any await (VS Code creates its frame only then), the panel's code when loaded: patentPage.ts.
  own(
    vscode.window.registerWebviewPanelSerializer(PATENT_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) =>
        restorePatentPanel(panel, state, context.extensionUri, () => panels.get().then((f) => f.restorer), (e) => errors.report(e, { what: vscode.l10n.t('Restoring a patent panel') })),
    }),
  );
  own(
    vscode.workspace.registerNotebookSerializer(
      NOTEBOOK_TYPE,
      {
        deserializeNotebook: async (content) => (await notebooks.get()).serializer.deserializeNotebook(content),
        serializeNotebook: async (data) => (await notebooks.get()).serializer.serializeNotebook(data),
      },
      NOTEBOOK_CONTENT_OPTIONS,
    ),
  );
  // Query cells and query files get their checks, completion and hover once one is open.
  own(onLanguageDocument(QUERY_LANGUAGE, () => queryLanguage.preload()));
  // Numbers are read, and citations checked, in whatever editor shows; unfinished exports are followed again.
  own(
    onFirstTextEditor(() => {
      numbers.preload();
      citations.preload();
    }),
  );
  if (mayNeedFollowing(context.globalState.get(EXPORT_TASKS_STATE_KEY))) own(afterActivation(() => exports.preload()));

  // The in-host tests reach the features through this; any other caller gets nothing.
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    session,
    credentials,
    settings,
    statusBar,
    state: context.globalState,
    workspaceState: context.workspaceState,
    search: () => search.get(),
    panels: () => panels.get(),
    numbers: () => numbers.get(),
    citations: () => citations.get(),
    exports: () => exports.get(),
    pdfs: () => pdfs.get(),
    notebooks: () => notebooks.get(),
    queryLanguage: () => queryLanguage.get(),
  };
}
