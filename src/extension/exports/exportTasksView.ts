/**
 * The `patentLookup.exports` view: one row per tracked export task, newest
 * first, with a stable id (the task id). An empty list shows the welcome view
 * from package.json.
 */
import * as vscode from 'vscode';
import { effectiveStatus } from '../../core/exports/taskState';
import type { ExportTaskStore } from '../../core/exports/taskStore';
import type { ExportTaskRecord } from '../../core/exports/types';
import { EXPORT_COMMANDS } from '../common/commandIds.pure';
import type { LazyTreeView } from '../common/lazyTreeView';
import { taskContextValue, taskDescription, taskIcon, taskLabel, taskTooltip } from './taskPresentation.pure';

export class ExportTaskNode extends vscode.TreeItem {
  constructor(
    readonly record: ExportTaskRecord,
    now: number,
  ) {
    super(taskLabel(record), vscode.TreeItemCollapsibleState.None);
    this.id = record.id;
    this.description = taskDescription(record, now);
    this.tooltip = taskTooltip(record, now);
    this.contextValue = taskContextValue(record, now);
    const icon = taskIcon(record, now);
    this.iconPath = new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
    if (record.status === 'downloaded' && record.destination) {
      this.resourceUri = vscode.Uri.file(record.destination);
      this.command = { command: EXPORT_COMMANDS.openFile, title: vscode.l10n.t('Open File'), arguments: [this] };
    }
  }
}

export class ExportTasksView implements vscode.TreeDataProvider<ExportTaskNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExportTaskNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly store: ExportTaskStore,
    tree: LazyTreeView<ExportTaskNode>,
  ) {
    // Records are small and few: a refresh of the list is cheap and keeps ordering right.
    this.disposables.push(store.onDidChange(() => this.refresh()), tree.provide(this));
    this.refresh();
  }

  getTreeItem(node: ExportTaskNode): vscode.TreeItem {
    return node;
  }

  getChildren(node?: ExportTaskNode): ExportTaskNode[] {
    if (node) return [];
    const now = Date.now();
    return this.store.all().map((r) => new ExportTaskNode(r, now));
  }

  refresh(): void {
    this.changed.fire(undefined);
    this.updateTicker();
  }

  /** Pending rows show elapsed time: tick once a minute while any task is pending. */
  private updateTicker(): void {
    const now = Date.now();
    const pending = this.store.all().some((r) => effectiveStatus(r, now) === 'pending');
    if (pending && !this.ticker) this.ticker = setInterval(() => this.changed.fire(undefined), 30_000);
    if (!pending && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  dispose(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.disposables.forEach((d) => d.dispose());
  }
}
