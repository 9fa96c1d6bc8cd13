/**
 * What the export tracker (src/core/exports/tracker.ts) shows and asks, in VS Code:
 * progress notifications, the save dialog, the replace question and the offers that
 * follow a task's end. The tracker decides; this only talks to the person.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExportType } from '../../core/api/types';
import { suggestedExportFileName, EXPORT_FILE_EXTENSIONS } from '../../core/exports/fileNames';
import type { ExportAgainReason, ExportPrompts } from '../../core/exports/tracker';
import type { ExportTaskRecord } from '../../core/exports/types';
import { withAbortSignal } from '../common/cancellation';
import { EXPORT_COMMANDS } from '../common/commandIds.pure';
import type { ErrorReporter } from '../common/errors';
import { askModal, showError, showInfo } from '../common/notifications';
import { formatDuration } from './taskPresentation.pure';
import { formatLabel, shortenQuery } from './wizardModel.pure';

const PROGRESS_EVERY_MS = 150;

export class VsCodeExportPrompts implements ExportPrompts {
  constructor(
    private readonly errors: ErrorReporter,
    /** The exports folder, proposed by the save dialog. */
    private readonly exportsFolder: () => string | undefined,
  ) {}

  creating<T>(work: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Creating the export task\u2026' }, work));
  }

  following(record: ExportTaskRecord, done: Promise<unknown>): (progress: { status: string; elapsedMs: number }) => void {
    let report: ((message: string) => void) | undefined;
    const short = shortenQuery(record.query, 40);
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Exporting "${short}" as ${formatLabel(record.params.exportType)}`, cancellable: true },
      (progress, token) =>
        new Promise<void>((resolve) => {
          // Cancel only hides the notification: the task goes on and the Exports view shows it.
          token.onCancellationRequested(() => resolve());
          report = (message) => progress.report({ message: `${message}. Cancel hides this; the export goes on in the Exports view.` });
          report(`${record.count.toLocaleString('en-US')} patents, PENDING`);
          done.then(
            () => resolve(),
            () => resolve(),
          );
        }),
    );
    return (p) => report?.(`${p.status}, ${formatDuration(p.elapsedMs)} so far`);
  }

  async askSaveLocation(query: string, exportType: ExportType, current?: string): Promise<string | undefined> {
    const folder = current ? path.dirname(current) : (this.exportsFolder() ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath);
    const name = current ? path.basename(current) : suggestedExportFileName(query, exportType);
    const ext = EXPORT_FILE_EXTENSIONS[exportType];
    const uri = await vscode.window.showSaveDialog({
      title: 'Save Export As',
      saveLabel: 'Save Export',
      defaultUri: folder ? vscode.Uri.file(path.join(folder, name)) : undefined,
      filters: { [ext === 'zip' ? 'ZIP archive' : `${formatLabel(exportType)} file`]: [ext] },
    });
    return uri?.fsPath;
  }

  async askExisting(target: string): Promise<'replace' | 'keepBoth' | undefined> {
    const choice = await askModal(
      `${path.basename(target)} already exists in ${path.dirname(target)}.`,
      'Replace it with the export, or keep both and save the export under a new name?',
      'Replace',
      'Keep Both',
    );
    return choice === 'Replace' ? 'replace' : choice === 'Keep Both' ? 'keepBoth' : undefined;
  }

  downloading<T>(target: string, work: (signal: AbortSignal, onProgress: (bytes: number, total: number | undefined) => void) => Promise<T>): Promise<T> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Downloading ${path.basename(target)}`, cancellable: true }, (progress, token) => {
        let shownPercent = 0;
        let shownAt = 0;
        return withAbortSignal(token, (signal) =>
          work(signal, (bytes, total) => {
            const t = Date.now();
            if (t - shownAt < PROGRESS_EVERY_MS) return;
            shownAt = t;
            if (total) {
              const percent = Math.min(100, (bytes / total) * 100);
              progress.report({ increment: percent - shownPercent, message: `${formatBytes(bytes)} of ${formatBytes(total)}` });
              shownPercent = percent;
            } else {
              progress.report({ message: formatBytes(bytes) });
            }
          }),
        );
      }),
    );
  }

  saved(record: ExportTaskRecord, file: string): void {
    void showInfo(`Saved ${record.count.toLocaleString('en-US')} patents to ${path.basename(file)}.`, 'Open', 'Reveal').then(async (choice) => {
      if (choice === 'Open') await vscode.commands.executeCommand(EXPORT_COMMANDS.openFile, record.id);
      if (choice === 'Reveal') await vscode.commands.executeCommand(EXPORT_COMMANDS.revealFile, record.id);
    });
  }

  offerExportAgain(record: ExportTaskRecord, reason: ExportAgainReason): void {
    const short = shortenQuery(record.query, 40);
    const why = {
      failed: `PatSnap could not complete the export "${short}".`,
      expired: `The export "${short}" expired before it finished (task ids live 24 hours).`,
      linkExpired: 'The download link of this export has expired (links live 7 days).',
    }[reason];
    void showError(`${why} Export again with the same settings?`, 'Export Again').then(async (choice) => {
      if (choice === 'Export Again') await vscode.commands.executeCommand(EXPORT_COMMANDS.exportAgain, record.id);
    });
  }

  showError(error: unknown, retry: () => unknown): void {
    this.errors.report(error, { retry });
  }
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
