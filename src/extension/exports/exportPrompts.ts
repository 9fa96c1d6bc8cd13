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

const REPLACE = () => vscode.l10n.t('Replace');
const KEEP_BOTH = () => vscode.l10n.t('Keep Both');

export class VsCodeExportPrompts implements ExportPrompts {
  constructor(
    private readonly errors: ErrorReporter,
    /** The exports folder, proposed by the save dialog. */
    private readonly exportsFolder: () => string | undefined,
  ) {}

  creating<T>(work: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating the export task\u2026') }, work));
  }

  following(record: ExportTaskRecord, done: Promise<unknown>): (progress: { status: string; elapsedMs: number }) => void {
    let report: ((message: string) => void) | undefined;
    const short = shortenQuery(record.query, 40);
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting "{0}" as {1}', short, formatLabel(record.params.exportType)), cancellable: true },
      (progress, token) =>
        new Promise<void>((resolve) => {
          // Cancel only hides the notification: the task goes on and the Exports view shows it.
          token.onCancellationRequested(() => resolve());
          report = (message) => progress.report({ message: vscode.l10n.t('{0}. Cancel hides this; the export goes on in the Exports view.', message) });
          report(record.count === 1 ? vscode.l10n.t('1 patent, PENDING') : vscode.l10n.t('{0} patents, PENDING', record.count.toLocaleString('en-US')));
          done.then(
            () => resolve(),
            () => resolve(),
          );
        }),
    );
    return (p) => report?.(vscode.l10n.t('{0}, {1} so far', p.status, formatDuration(p.elapsedMs)));
  }

  async askSaveLocation(query: string, exportType: ExportType, current?: string): Promise<string | undefined> {
    const folder = current ? path.dirname(current) : (this.exportsFolder() ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath);
    const name = current ? path.basename(current) : suggestedExportFileName(query, exportType);
    const ext = EXPORT_FILE_EXTENSIONS[exportType];
    const uri = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save Export As'),
      saveLabel: vscode.l10n.t('Save Export'),
      defaultUri: folder ? vscode.Uri.file(path.join(folder, name)) : undefined,
      filters: { [ext === 'zip' ? vscode.l10n.t('ZIP archive') : vscode.l10n.t('{0} file', formatLabel(exportType))]: [ext] },
    });
    return uri?.fsPath;
  }

  async askExisting(target: string): Promise<'replace' | 'keepBoth' | undefined> {
    const choice = await askModal(
      vscode.l10n.t('{0} already exists in {1}.', path.basename(target), path.dirname(target)),
      vscode.l10n.t('Replace it with the export, or keep both and save the export under a new name?'),
      REPLACE(),
      KEEP_BOTH(),
    );
    return choice === REPLACE() ? 'replace' : choice === KEEP_BOTH() ? 'keepBoth' : undefined;
  }

  downloading<T>(target: string, work: (signal: AbortSignal, onProgress: (bytes: number, total: number | undefined) => void) => Promise<T>): Promise<T> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Downloading {0}', path.basename(target)), cancellable: true }, (progress, token) => {
        let shownPercent = 0;
        let shownAt = 0;
        return withAbortSignal(token, (signal) =>
          work(signal, (bytes, total) => {
            const t = Date.now();
            if (t - shownAt < PROGRESS_EVERY_MS) return;
            shownAt = t;
            if (total) {
              const percent = Math.min(100, (bytes / total) * 100);
              progress.report({ increment: percent - shownPercent, message: vscode.l10n.t('{0} of {1}', formatBytes(bytes), formatBytes(total)) });
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
    const open = vscode.l10n.t('Open');
    const reveal = vscode.l10n.t('Reveal');
    const saved = record.count === 1 ? vscode.l10n.t('Saved 1 patent to {0}.', path.basename(file)) : vscode.l10n.t('Saved {0} patents to {1}.', record.count.toLocaleString('en-US'), path.basename(file));
    void showInfo(saved, open, reveal).then(async (choice) => {
      if (choice === open) await vscode.commands.executeCommand(EXPORT_COMMANDS.openFile, record.id);
      if (choice === reveal) await vscode.commands.executeCommand(EXPORT_COMMANDS.revealFile, record.id);
    });
  }

  offerExportAgain(record: ExportTaskRecord, reason: ExportAgainReason): void {
    const short = shortenQuery(record.query, 40);
    const why = {
      failed: vscode.l10n.t('PatSnap could not complete the export "{0}".', short),
      expired: vscode.l10n.t('The export "{0}" expired before it finished (task ids live 24 hours).', short),
      linkExpired: vscode.l10n.t('The download link of this export has expired (links live 7 days).'),
    }[reason];
    const again = vscode.l10n.t('Export Again');
    void showError(vscode.l10n.t('{0} Export again with the same settings?', why), again).then(async (choice) => {
      if (choice === again) await vscode.commands.executeCommand(EXPORT_COMMANDS.exportAgain, record.id);
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
