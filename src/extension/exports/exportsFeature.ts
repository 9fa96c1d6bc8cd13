/**
 * Bulk exports as tracked tasks: the "Export Search Results…" wizard, the Exports
 * view, following tasks across reloads and windows, and their downloads. The task
 * state machine is the core's (src/core/exports/tracker.ts); this feature gives it
 * the window's client, storage and prompts.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PatsnapApi } from '../../core/api/types';
import { FileLeases } from '../../core/exports/lease';
import { ExportTaskStore } from '../../core/exports/taskStore';
import { ExportTaskTracker } from '../../core/exports/tracker';
import type { FeatureCommands } from '../common/commands';
import { Disposable } from '../common/disposable';
import type { Feature, FeatureHost } from '../common/feature';
import type { LazyTreeView } from '../common/lazyTreeView';
import { requireCredentials } from '../credentials/requireCredentials';
import { SearchHistory } from '../search/searchHistory.pure';
import { ExportCommands, exportsFolderOf } from './exportCommands';
import { VsCodeExportPrompts } from './exportPrompts';
import { EXPORT_TASKS_STATE_KEY } from './exportTaskState.pure';
import { ExportTasksView, type ExportTaskNode } from './exportTasksView';

export type { ExportSearchArgument } from './exportCommands';

export class ExportsFeature extends Disposable implements Feature<'exports'> {
  readonly commands: FeatureCommands<'exports'>;
  /** The task list (globalState) and the state machine that follows it; the in-host tests drive them. */
  readonly store: ExportTaskStore;
  readonly tracker: ExportTaskTracker;
  /** The folder of the leases the windows of the profile coordinate through. */
  readonly leaseFolder: string;
  private readonly log: vscode.LogOutputChannel;

  constructor(host: FeatureHost, tree: LazyTreeView<ExportTaskNode>) {
    super();
    const { context, session, settings, errors, log } = host;
    this.log = log;
    // The session's client, the one every feature uses; undefined (said, when `interactive`) when there is none.
    const api = async (interactive: boolean): Promise<PatsnapApi | undefined> => {
      if (!session.hasCredentials && !(interactive && (await requireCredentials(session, vscode.l10n.t('Exporting'))))) return undefined;
      try {
        return await session.api();
      } catch (e) {
        if (interactive) errors.report(e, { what: vscode.l10n.t('Exporting') });
        else log.info(`Exports: no client to follow tasks with: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      }
    };
    const exportsFolder = (): string | undefined => exportsFolderOf(settings);

    this.store = this.register(new ExportTaskStore(context.globalState, EXPORT_TASKS_STATE_KEY, log));
    this.leaseFolder = path.join(context.globalStorageUri.fsPath, 'export-leases');
    this.tracker = new ExportTaskTracker({
      store: this.store,
      prompts: new VsCodeExportPrompts(errors, exportsFolder),
      log,
      api,
      exportsFolder,
      // The windows of a profile share globalStorage and the task list: one of them follows each task.
      leases: new FileLeases(this.leaseFolder),
    });
    const history = new SearchHistory(context.globalState);
    this.commands = new ExportCommands({ store: this.store, tracker: this.tracker, log, settings, errors, api, recentQueries: () => history.entries() }).handlers();

    this.register(new ExportTasksView(this.store, tree));
    // Credentials may have arrived since activation: opening the view picks up waiting tasks.
    this.register(tree.view.onDidChangeVisibility((e) => e.visible && void this.resume()));
    // Another window may have created, finished or removed tasks since this one last looked.
    this.register(vscode.window.onDidChangeWindowState((state) => state.focused && this.store.refresh()));
    this.register(session.onDidChange(() => void this.resume()));
    // Last, so that it stops polls and downloads before the store and the view go.
    this.register(this.tracker);
    void this.resume();
  }

  /** Follows again what is unfinished (after activation, a new client, the view shown). */
  resume(): Promise<void> {
    return this.tracker.resumeAll().catch((e: unknown) => this.log.error(`Exports: resuming tasks failed: ${e instanceof Error ? e.message : String(e)}`));
  }
}
