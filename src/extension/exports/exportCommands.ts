/**
 * The export commands: "Export Search Results…" (palette and results view) and
 * the Exports view's context menu. One typed map, registered in one loop.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { invalidInput } from '../../core/api/errors';
import type { CollapseOptions, ExportParams, PatsnapApi } from '../../core/api/types';
import type { ExportTaskRecord } from '../../core/exports';
import { EXPORT_COMMANDS, type ExportCommandId } from './commandIds';
import type { ExportTaskStore } from './exportTaskStore';
import type { ExportTaskTracker } from './exportTaskTracker';
import { ExportTaskNode } from './exportTasksView';
import { runExportWizard } from './exportWizard';
import { draftToParams, exportConfirmation, exportParamProblems, newDraft, type ExportDraft } from './wizardModel';

/** What the results view's toolbar passes: its query and collapse. */
export type ExportSearchArgument = { query: string } & CollapseOptions;

export interface ExportCommandDeps {
  store: ExportTaskStore;
  tracker: ExportTaskTracker;
  log: vscode.LogOutputChannel;
  api(interactive: boolean): Promise<PatsnapApi | undefined>;
  recentQueries(): readonly string[];
  showError(error: unknown, retry?: () => unknown): void;
}

/** A tree row, or a task id (from notifications and tests). */
type TaskRef = ExportTaskNode | string | undefined;

export class ExportCommands {
  /** The last answers, so Escape or a second run starts where the user left off. */
  private draft: ExportDraft | undefined;

  constructor(private readonly d: ExportCommandDeps) {}

  /** Command id -> handler; every id is contributed in package.json. */
  handlers(): Record<ExportCommandId, (...args: unknown[]) => unknown> {
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
    const lang = vscode.workspace.getConfiguration('patentLookup').get<string>('language');
    const draft = (this.draft ??= newDraft({ lang }));
    // Collapse belongs to the results view's query; from the palette there is none.
    delete draft.collapseType;
    delete draft.collapseBy;
    delete draft.collapseOrder;
    delete draft.collapseOrderAuthority;
    if (given) Object.assign(draft, given);
    const folder = this.d.tracker.workspaceExportsFolder();
    const done = await runExportWizard(draft, { recentQueries: this.d.recentQueries(), workspaceTarget: folder && displayFolder(folder) }, { askQuery: !given });
    if (!done) return;
    await this.confirmAndCreate(api, draftToParams(draft), draft.saveAs);
  }

  /** The billing confirmation, then the task. Nothing is created unless the user confirms. */
  async confirmAndCreate(api: PatsnapApi, params: ExportParams, saveAs: boolean): Promise<ExportTaskRecord | undefined> {
    const problem = exportParamProblems(params)[0];
    if (problem) {
      this.d.showError(invalidInput(problem.parameter, problem.message));
      return undefined;
    }
    const folder = this.d.tracker.workspaceExportsFolder();
    let destination: string | undefined;
    if (saveAs || !folder) {
      destination = await this.d.tracker.askSaveLocation(params.query, params);
      if (!destination) return undefined;
    }
    const confirmation = exportConfirmation(params, destination ?? `${displayFolder(folder as string)} (a new file named after the query)`);
    const choice = await vscode.window.showWarningMessage(confirmation.message, { modal: true, detail: confirmation.detail }, confirmation.button);
    if (choice !== confirmation.button) {
      this.d.log.info('Exports: export not confirmed; nothing was created or billed.');
      return undefined;
    }
    try {
      return await this.d.tracker.create(api, params, destination, { notify: true });
    } catch (e) {
      this.d.showError(e, () => this.confirmAndCreate(api, params, saveAs));
      return undefined;
    }
  }

  /** Same query and settings, a new (billable, so confirmed again) task. */
  async exportAgain(record: ExportTaskRecord): Promise<void> {
    const api = await this.d.api(true);
    if (!api) return;
    await this.confirmAndCreate(api, { query: record.query, ...record.params }, false);
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
      void vscode.window.showInformationMessage(`The export is saved at ${file}.`);
    }
  }

  private async existingFile(record: ExportTaskRecord): Promise<string | undefined> {
    if (record.status === 'downloaded' && record.destination && existsSync(record.destination)) return record.destination;
    const again = record.url ? 'Download Again' : undefined;
    const choice = await vscode.window.showWarningMessage(
      record.destination && record.status === 'downloaded' ? `${path.basename(record.destination)} is no longer there.` : 'This export has not been saved yet.',
      ...(again ? [again] : []),
    );
    if (choice === again) await this.d.tracker.download(record.id, { notify: true });
    return undefined;
  }

  private async copyTaskId(record: ExportTaskRecord): Promise<void> {
    await vscode.env.clipboard.writeText(record.id);
    vscode.window.setStatusBarMessage(`Copied export task ID ${record.id}`, 3000);
  }

  private async remove(record: ExportTaskRecord): Promise<void> {
    // The task goes on at PatSnap (there is no cancel); we only stop following it. The file stays.
    this.d.tracker.stop(record.id);
    await this.d.store.remove(record.id);
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
  const { query, collapseType, collapseBy, collapseOrder, collapseOrderAuthority } = arg as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') return undefined;
  const result: ExportSearchArgument = { query };
  if (typeof collapseType === 'string') result.collapseType = collapseType as ExportSearchArgument['collapseType'];
  if (typeof collapseBy === 'string') result.collapseBy = collapseBy as ExportSearchArgument['collapseBy'];
  if (typeof collapseOrder === 'string') result.collapseOrder = collapseOrder as ExportSearchArgument['collapseOrder'];
  if (Array.isArray(collapseOrderAuthority)) result.collapseOrderAuthority = collapseOrderAuthority.filter((a): a is string => typeof a === 'string');
  return result;
}

/** `exports/ in my-project` for a folder inside the workspace, else the path. */
function displayFolder(folder: string): string {
  const root = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(folder));
  if (!root) return folder;
  const rel = path.relative(root.uri.fsPath, folder);
  return rel ? `${rel}${path.sep} in ${root.name}` : root.name;
}
