/**
 * Bulk exports as tracked tasks: the "Export Search Results…" wizard, the
 * Exports view, polling that survives reloads, and the downloads.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PatsnapApi } from '../../core/api/types';
import { FileLeases } from '../../core/exports';
import { registerCommandHandlers } from '../common/commands';
import { ExportCommands } from './exportCommands';
import { ExportTaskStore } from './exportTaskStore';
import { ExportTaskTracker } from './exportTaskTracker';
import { EXPORTS_VIEW_ID, ExportTasksView } from './exportTasksView';
import { registerExportTestHook } from './exportTestHook';

export type { ExportSearchArgument } from './exportCommands';

export interface ExportFeatureDeps {
  /** The client; undefined when no credentials are set. */
  api(): PatsnapApi | undefined;
  /** Offers "Set API Credentials…"; true when credentials are now set. */
  requireCredentials(): Promise<boolean>;
  /** Recent search queries, newest first, offered when the palette asks for a query. */
  recentQueries(): readonly string[];
  log: vscode.LogOutputChannel;
  /** The extension's one error path: a short message with its fix, details to the log. */
  showError(error: unknown, retry?: () => unknown): void;
  /** Fires when the client changes (credentials loaded or set): pending tasks then resume. */
  onDidChangeApi?: vscode.Event<unknown>;
}

export function registerExportFeatures(context: vscode.ExtensionContext, deps: ExportFeatureDeps): vscode.Disposable {
  let testApi: PatsnapApi | undefined;
  const api = async (interactive: boolean): Promise<PatsnapApi | undefined> => {
    const current = testApi ?? deps.api();
    if (current || !interactive) return current;
    return (await deps.requireCredentials()) ? deps.api() : undefined;
  };

  const store = new ExportTaskStore(context.globalState, deps.log);
  const leaseFolder = path.join(context.globalStorageUri.fsPath, 'export-leases');
  // The tracker calls exportAgain only later (from a notification), after `commands` exists.
  const tracker: ExportTaskTracker = new ExportTaskTracker({
    store,
    log: deps.log,
    api,
    showError: deps.showError,
    exportAgain: (record): Promise<void> => commands.exportAgain(record),
    // The windows of a profile share globalStorage and the task list: one of them follows each task.
    leases: new FileLeases(leaseFolder),
  });
  const commands: ExportCommands = new ExportCommands({ store, tracker, log: deps.log, api, recentQueries: deps.recentQueries, showError: deps.showError });

  const resume = (): Promise<void> => tracker.resumeAll().catch((e: unknown) => deps.log.error(`Exports: resuming tasks failed: ${e instanceof Error ? e.message : String(e)}`));

  const view = new ExportTasksView(store);
  const treeView = vscode.window.createTreeView(EXPORTS_VIEW_ID, { treeDataProvider: view });
  const disposables: vscode.Disposable[] = [
    store,
    view,
    treeView,
    // Credentials may have arrived since activation: opening the view picks up waiting tasks.
    treeView.onDidChangeVisibility((e) => e.visible && void resume()),
    // Another window may have created, finished or removed tasks since this one last looked.
    vscode.window.onDidChangeWindowState((state) => state.focused && store.refresh()),
  ];
  if (deps.onDidChangeApi) disposables.push(deps.onDidChangeApi(() => void resume()));
  disposables.push(registerCommandHandlers(commands.handlers(), { report: (e) => deps.showError(e) }));
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    disposables.push(registerExportTestHook(context, { store, tracker, leaseFolder, api: () => api(false), setApi: (a) => (testApi = a) }));
  }
  // Last, so it stops polls and downloads before the store and view go.
  disposables.push(tracker);

  void resume();
  return vscode.Disposable.from(...disposables.reverse());
}
