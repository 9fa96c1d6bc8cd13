/**
 * The export commands: "Export Search Results…" (palette and results view) and
 * the Exports view's context menu. One typed map, registered in one loop.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { refusedInput } from '../../core/api/errors';
import type { CollapseOptions, ExportParams, PatsnapApi } from '../../core/api/types';
import type { ExportTaskStore } from '../../core/exports/taskStore';
import type { ExportTaskTracker } from '../../core/exports/tracker';
import type { ExportTaskRecord } from '../../core/exports/types';
import { withAbortSignal } from '../common/cancellation';
import { EXPORT_COMMANDS } from '../common/commandIds.pure';
import type { FeatureCommands } from '../common/commands';
import type { ErrorReporter } from '../common/errors';
import { askModal, showInfo, showWarning } from '../common/notifications';
import type { Settings } from '../settings';
import { ExportTaskNode } from './exportTasksView';
import { runExportWizard } from './exportWizard';
import { billableCount, countParams, draftToParams, exportConfirmation, exportParamProblems, newDraft, type ExportDraft } from './wizardModel.pure';

/** What the results view's toolbar passes: its query and collapse, and the total it showed. */
export type ExportSearchArgument = { query: string; total?: number } & CollapseOptions;

export interface ExportCommandDeps {
  store: ExportTaskStore;
  tracker: ExportTaskTracker;
  log: vscode.LogOutputChannel;
  settings: Settings;
  errors: ErrorReporter;
  api(interactive: boolean): Promise<PatsnapApi | undefined>;
  recentQueries(): readonly string[];
}

/** A tree row, or a task id (from notifications and tests). */
type TaskRef = ExportTaskNode | string | undefined;

export class ExportCommands {
  /** The last answers, so Escape or a second run starts where the user left off. */
  private draft: ExportDraft | undefined;

  constructor(private readonly d: ExportCommandDeps) {}

  /** Command id -> handler; every id is contributed in package.json. */
  handlers(): FeatureCommands<'exports'> {
    const C = EXPORT_COMMANDS;
    return {
      [C.exportSearch]: (arg) => this.exportSearch(arg),
      [C.openFile]: (ref) => this.openFile(ref as TaskRef),
      [C.revealFile]: (ref) => this.revealFile(ref as TaskRef),
      [C.downloadAgain]: (ref) => this.withRecord(ref as TaskRef, (r) => this.d.tracker.download(r.id, { notify: true })),
      [C.copyTaskId]: (ref) => this.withRecord(ref as TaskRef, (r) => this.copyTaskId(r)),
      [C.exportAgain]: (ref) => this.withRecord(ref as TaskRef, (r) => this.exportAgain(r)),
      [C.remove]: (ref) => this.withRecord(ref as TaskRef, (r) => this.remove(r)),
    };
  }

  async exportSearch(arg?: unknown): Promise<void> {
    const given = searchArgument(arg);
    const api = await this.d.api(true);
    if (!api) return;
    const draft = (this.draft ??= newDraft({ lang: this.d.settings.language }));
    // Collapse belongs to the results view's query; from the palette there is none.
    delete draft.collapseType;
    delete draft.collapseBy;
    delete draft.collapseOrder;
    delete draft.collapseOrderAuthority;
    if (given) {
      const { total: _shown, ...search } = given;
      Object.assign(draft, search);
    }
    const folder = this.exportsFolder();
    const done = await runExportWizard(draft, { recentQueries: this.d.recentQueries(), workspaceTarget: folder && displayFolder(folder) }, { askQuery: !given });
    if (!done) return;
    const params = draftToParams(draft);
    // The results view's total holds for the export only while the wizard left its query and collapse as they were.
    const known = given?.total !== undefined && sameSearch(params, given) ? given.total : undefined;
    await this.confirmAndCreate(api, params, draft.saveAs, known);
  }

  /**
   * The billing confirmation, then the task. It states the count PatSnap will bill, from
   * the search's total (asked of PatSnap first when not known). Nothing is created unless
   * the user confirms.
   */
  async confirmAndCreate(api: PatsnapApi, params: ExportParams, saveAs: boolean, knownTotal?: number): Promise<ExportTaskRecord | undefined> {
    const problem = exportParamProblems(params)[0];
    if (problem) {
      this.d.errors.report(refusedInput(problem));
      return undefined;
    }
    const folder = this.exportsFolder();
    let destination: string | undefined;
    if (saveAs || !folder) {
      destination = await this.d.tracker.askSaveLocation(params.query, params.exportType);
      if (!destination) return undefined;
    }
    let total: number | undefined;
    try {
      total = knownTotal ?? (await this.countMatches(api, params));
    } catch (e) {
      this.d.errors.report(e, { what: vscode.l10n.t('Counting the results to export'), retry: () => this.confirmAndCreate(api, params, saveAs) });
      return undefined;
    }
    const billed = total === undefined ? undefined : billableCount(total, params);
    if (billed === 0) {
      void showWarning(
        params.offset
          ? total === 1
            ? vscode.l10n.t('Nothing to export: the search finds 1 patent and {0} are skipped.', params.offset.toLocaleString('en-US'))
            : vscode.l10n.t('Nothing to export: the search finds {0} patents and {1} are skipped.', total?.toLocaleString('en-US') ?? '?', params.offset.toLocaleString('en-US'))
          : vscode.l10n.t('Nothing to export: the search finds {0} patents.', total?.toLocaleString('en-US') ?? '?'),
      );
      return undefined;
    }
    const where = destination ?? vscode.l10n.t('{0} (a new file named after the query)', displayFolder(folder as string));
    const confirmation = exportConfirmation(params, where, total === undefined ? undefined : { total, billed: billed as number });
    const choice = await askModal(confirmation.message, confirmation.detail, confirmation.button);
    if (choice !== confirmation.button) {
      this.d.log.info('Exports: export not confirmed; nothing was created or billed.');
      return undefined;
    }
    try {
      return await this.d.tracker.create(api, params, destination, { notify: true });
    } catch (e) {
      this.d.errors.report(e, { retry: () => this.confirmAndCreate(api, params, saveAs, total) });
      return undefined;
    }
  }

  /** The search's total (P001: one number, no results), with the export's date ranges; undefined when P001 cannot take the query. */
  private async countMatches(api: PatsnapApi, params: ExportParams): Promise<number | undefined> {
    const count = countParams(params);
    if (!count) return undefined;
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Counting the results to export\u2026'), cancellable: true }, (_p, token) =>
      withAbortSignal(token, (signal) => api.count(count, { signal })),
    );
  }

  /** Same query and settings, a new (billable, so confirmed again) task. */
  async exportAgain(record: ExportTaskRecord): Promise<void> {
    const api = await this.d.api(true);
    if (!api) return;
    await this.confirmAndCreate(api, { query: record.query, ...record.params }, false);
  }

  /** `<first workspace folder>/<patentLookup.exports.folder>`, or undefined without a (local) workspace. */
  exportsFolder(): string | undefined {
    return exportsFolderOf(this.d.settings);
  }

  private async openFile(ref: TaskRef): Promise<void> {
    const record = this.recordOf(ref);
    if (!record) return;
    const file = await this.existingFile(record);
    if (file) await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(file));
  }

  private async revealFile(ref: TaskRef): Promise<void> {
    const record = this.recordOf(ref);
    if (!record) return;
    const file = await this.existingFile(record);
    if (!file) return;
    const uri = vscode.Uri.file(file);
    // With a remote or web host the OS file manager is not the user's: show it in the Explorer instead.
    if (vscode.env.remoteName === undefined && vscode.env.uiKind === vscode.UIKind.Desktop) {
      await vscode.commands.executeCommand('revealFileInOS', uri);
    } else if (vscode.workspace.getWorkspaceFolder(uri)) {
      await vscode.commands.executeCommand('revealInExplorer', uri);
    } else {
      void showInfo(vscode.l10n.t('The export is saved at {0}.', file));
    }
  }

  private async existingFile(record: ExportTaskRecord): Promise<string | undefined> {
    if (record.status === 'downloaded' && record.destination && existsSync(record.destination)) return record.destination;
    const again = record.url ? vscode.l10n.t('Download Again') : undefined;
    const choice = await showWarning(
      record.destination && record.status === 'downloaded' ? vscode.l10n.t('{0} is no longer there.', path.basename(record.destination)) : vscode.l10n.t('This export has not been saved yet.'),
      ...(again ? [again] : []),
    );
    if (choice === again) await this.d.tracker.download(record.id, { notify: true });
    return undefined;
  }

  private async copyTaskId(record: ExportTaskRecord): Promise<void> {
    await vscode.env.clipboard.writeText(record.id);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied export task ID {0}', record.id), 3000);
  }

  private async remove(record: ExportTaskRecord): Promise<void> {
    // The task goes on at PatSnap (there is no cancel); we only stop following it. The file stays.
    await this.d.tracker.remove(record.id);
  }

  private recordOf(ref: TaskRef): ExportTaskRecord | undefined {
    const id = ref instanceof ExportTaskNode ? ref.record.id : typeof ref === 'string' ? ref : undefined;
    return id === undefined ? undefined : this.d.store.get(id);
  }

  private async withRecord(ref: TaskRef, action: (record: ExportTaskRecord) => unknown): Promise<void> {
    const record = this.recordOf(ref);
    if (record) await action(record);
  }
}

function searchArgument(arg: unknown): ExportSearchArgument | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { query, total, collapseType, collapseBy, collapseOrder, collapseOrderAuthority } = arg as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') return undefined;
  const result: ExportSearchArgument = { query };
  if (typeof total === 'number' && Number.isSafeInteger(total) && total >= 0) result.total = total;
  if (typeof collapseType === 'string') result.collapseType = collapseType as ExportSearchArgument['collapseType'];
  if (typeof collapseBy === 'string') result.collapseBy = collapseBy as ExportSearchArgument['collapseBy'];
  if (typeof collapseOrder === 'string') result.collapseOrder = collapseOrder as ExportSearchArgument['collapseOrder'];
  if (Array.isArray(collapseOrderAuthority)) result.collapseOrderAuthority = collapseOrderAuthority.filter((a): a is string => typeof a === 'string');
  return result;
}

/** Whether the export asks for what the results view searched (same query and collapse, no date ranges). */
function sameSearch(params: ExportParams, given: ExportSearchArgument): boolean {
  const dates = [params.apdtFrom, params.apdtTo, params.pbdtFrom, params.pbdtTo].some((d) => d !== undefined);
  return !dates && params.query === given.query.trim() && params.collapseType === given.collapseType && params.collapseBy === given.collapseBy && params.collapseOrder === given.collapseOrder;
}

/** `<first workspace folder>/<patentLookup.exports.folder>`, or undefined without a (local) workspace. */
export function exportsFolderOf(settings: Settings): string | undefined {
  const root = vscode.workspace.workspaceFolders?.[0];
  if (!root || root.uri.scheme !== 'file') return undefined;
  return path.resolve(root.uri.fsPath, settings.exportsFolder);
}

/** `exports/ in my-project` for a folder inside the workspace, else the path. */
function displayFolder(folder: string): string {
  const root = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(folder));
  if (!root) return folder;
  const rel = path.relative(root.uri.fsPath, folder);
  return rel ? vscode.l10n.t('{0} in {1}', `${rel}${path.sep}`, root.name) : root.name;
}
