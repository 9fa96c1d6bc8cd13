/**
 * Creates export tasks, follows them to the end and saves their files. The
 * task list (ExportTaskStore) is the truth: notifications only mirror it, and
 * closing one never stops a task (PatSnap has no way to cancel one anyway).
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isPatsnapError } from '../../core/api/errors';
import type { ExportParams, PatsnapApi } from '../../core/api/types';
import { withAbortSignal } from '../common/cancellation';
import {
  checkDestination,
  downloadToFile,
  ExportTaskPoller,
  isDownloadError,
  type FileLeases,
  type Lease,
  newExportTaskRecord,
  type ExportPollOutcome,
  type ExportTaskPollerOptions,
  type ExportTaskRecord,
} from '../../core/exports';
import { EXPORT_COMMANDS } from './commandIds';
import type { ExportTaskStore } from './exportTaskStore';
import { defaultExportFileName, keepBothPath, suggestedExportFileName, EXPORT_FILE_EXTENSIONS } from './fileNames';
import { effectiveStatus, formatDuration, linkUsable } from './taskPresentation';
import { formatLabel, shortenQuery } from './wizardModel';

export interface ExportTaskTrackerOptions {
  store: ExportTaskStore;
  log: vscode.LogOutputChannel;
  /** The client, asking for credentials first when `interactive`; undefined when there are none. */
  api(interactive: boolean): Promise<PatsnapApi | undefined>;
  showError(error: unknown, retry?: () => unknown): void;
  /** Runs "Export Again" for a failed or expired task (the command layer owns the confirmation). */
  exportAgain(record: ExportTaskRecord): unknown;
  /** Leases shared by the windows of the profile, so one window follows each task; none in tests that need not care. */
  leases?: FileLeases;
}

interface Running {
  controller: AbortController;
  /** Poll, then download: settles when the task needs nothing more from us. */
  work: Promise<void>;
}

const PROGRESS_EVERY_MS = 150;

export class ExportTaskTracker implements vscode.Disposable {
  private readonly running = new Map<string, Running>();
  private readonly downloads = new Map<string, Promise<void>>();
  /** Paths a save dialog already confirmed replacing, so we do not ask twice. */
  private readonly replaceConfirmed = new Set<string>();
  private readonly shutdown = new AbortController();
  /** Tasks another window follows: looked at again once that window's lease could have gone stale. */
  private readonly rechecks = new Map<string, ReturnType<typeof setTimeout>>();
  pollerOptions: ExportTaskPollerOptions = {};

  constructor(private readonly o: ExportTaskTrackerOptions) {}

  // ------------------------------------------------------------ destinations --

  /** `<first workspace folder>/<patentLookup.exports.folder>`, or undefined without a workspace. */
  workspaceExportsFolder(): string | undefined {
    const root = vscode.workspace.workspaceFolders?.[0];
    if (!root || root.uri.scheme !== 'file') return undefined;
    const setting = vscode.workspace.getConfiguration('patentLookup').get<string>('exports.folder', 'exports').trim() || 'exports';
    return path.resolve(root.uri.fsPath, setting);
  }

  /** Where a task's file goes when the user did not pick a path. */
  defaultDestination(record: ExportTaskRecord): string | undefined {
    const folder = this.workspaceExportsFolder();
    return folder && path.join(folder, defaultExportFileName(record.query, record.id, record.params.exportType));
  }

  /** A save dialog; the dialog itself asks before replacing, so a chosen existing file may be replaced. */
  async askSaveLocation(query: string, params: Pick<ExportParams, 'exportType'>, current?: string): Promise<string | undefined> {
    const folder = current ? path.dirname(current) : (this.workspaceExportsFolder() ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath);
    const name = current ? path.basename(current) : suggestedExportFileName(query, params.exportType);
    const ext = EXPORT_FILE_EXTENSIONS[params.exportType];
    const uri = await vscode.window.showSaveDialog({
      title: 'Save Export As',
      saveLabel: 'Save Export',
      defaultUri: folder ? vscode.Uri.file(path.join(folder, name)) : undefined,
      filters: { [ext === 'zip' ? 'ZIP archive' : `${formatLabel(params.exportType)} file`]: [ext] },
    });
    if (!uri) return undefined;
    if (existsSync(uri.fsPath)) this.replaceConfirmed.add(uri.fsPath);
    return uri.fsPath;
  }

  // ------------------------------------------------------------------ create --

  /**
   * Creates the task (billable: the caller has confirmed) and starts following
   * it. `destination` is an explicit file; without one the file goes to the
   * workspace's exports folder under a name made from the query and task id.
   */
  async create(api: PatsnapApi, params: ExportParams, destination: string | undefined, options: { notify: boolean }): Promise<ExportTaskRecord | undefined> {
    const folder = destination ? path.dirname(destination) : this.workspaceExportsFolder();
    if (!folder) throw new Error('There is no folder to save the export in: open a folder or choose where to save.');
    // A folder we cannot write must fail before anything is billed.
    await fs.mkdir(folder, { recursive: true });
    await checkDestination(path.join(folder, '.patent-lookup-probe'), { overwrite: true });

    const created = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Creating the export task…' },
      () => api.createExport(params, { signal: this.shutdown.signal }),
    );
    const record = newExportTaskRecord(params, created);
    record.destination = destination ?? this.defaultDestination(record);
    await this.o.store.add(record);
    this.o.log.info(`Exports: task ${record.id} created, ${created.count} patent(s) as ${params.exportType}.`);
    this.track(record.id, options);
    return record;
  }

  // ------------------------------------------------------------------- track --

  /** Follows a pending task unless that is already under way; the promise settles when it needs nothing more. */
  track(id: string, options: { notify: boolean }): Promise<void> {
    const existing = this.running.get(id);
    if (existing) return existing.work;
    const controller = new AbortController();
    const work = this.follow(id, controller, options).finally(() => {
      if (this.running.get(id)?.controller === controller) this.running.delete(id);
    });
    this.running.set(id, { controller, work });
    return work;
  }

  /** The work under way for a task (poll and download), for tests and for "Remove". */
  settled(id: string): Promise<void> {
    return this.running.get(id)?.work ?? this.downloads.get(id) ?? Promise.resolve();
  }

  /**
   * Marks what outlived its lifetime and resumes the rest (activation): polling pending
   * tasks, and downloads that a reload or shutdown interrupted.
   */
  async resumeAll(): Promise<void> {
    const now = Date.now();
    for (const record of this.o.store.all()) {
      if (effectiveStatus(record, now) === 'expired' && record.status !== 'expired') {
        await this.o.store.update(record.id, { status: 'expired' });
      }
    }
    const pending = this.o.store.all().filter((r) => this.needsFollowing(r, now) && !this.running.has(r.id) && !this.downloads.has(r.id));
    if (pending.length === 0) return;
    if (!(await this.o.api(false))) {
      this.o.log.info(`Exports: ${pending.length} unfinished task(s) wait for credentials before they resume.`);
      return;
    }
    this.o.log.info(`Exports: resuming ${pending.length} unfinished task(s).`);
    for (const r of pending) void this.track(r.id, { notify: false });
  }

  /** Stops following a task (it goes on at PatSnap). */
  stop(id: string): void {
    this.running.get(id)?.controller.abort();
    this.running.delete(id);
  }

  /** Stops everything (reload, deactivate). */
  stopAll(): void {
    for (const id of [...this.running.keys()]) this.stop(id);
    // Now, not when the aborted work unwinds: a reloaded window must find its tasks free.
    this.o.leases?.releaseAllSync();
  }

  /** Whether a task still needs this extension: polling, or a download a reload or shutdown interrupted. */
  private needsFollowing(record: ExportTaskRecord | undefined, now = Date.now()): boolean {
    if (!record) return false;
    if (record.status === 'pending') return true;
    // A user's cancel or a failed download leaves an error: those wait for "Download Again".
    return record.status === 'succeeded' && !record.error && linkUsable(record, now);
  }

  private async follow(id: string, controller: AbortController, options: { notify: boolean }): Promise<void> {
    let lease: Lease | null | undefined = null;
    if (this.o.leases) {
      lease = await this.o.leases.acquire(id).catch((e: unknown) => {
        // Without the shared folder, following anyway beats not following at all.
        this.o.log.warn(`Exports: could not coordinate task ${id} with other windows: ${e instanceof Error ? e.message : String(e)}`);
        return null;
      });
      if (lease === undefined) {
        this.o.log.info(`Exports: task ${id} is followed by another window.`);
        this.recheckLater(id);
        return;
      }
      if (controller.signal.aborted) {
        await lease?.release();
        return;
      }
      // What the other window did meanwhile (polled to the end, downloaded) is in the shared list.
      this.o.store.refresh();
    }
    try {
      await this.followHeld(id, controller, options);
    } finally {
      await lease?.release().catch(() => undefined);
    }
  }

  private recheckLater(id: string): void {
    if (!this.o.leases || this.rechecks.has(id) || this.shutdown.signal.aborted) return;
    const timer = setTimeout(() => {
      this.rechecks.delete(id);
      this.o.store.refresh();
      if (this.needsFollowing(this.o.store.get(id))) void this.track(id, { notify: false });
    }, this.o.leases.staleAfterMs + 5_000);
    timer.unref?.();
    this.rechecks.set(id, timer);
  }

  private async followHeld(id: string, controller: AbortController, options: { notify: boolean }): Promise<void> {
    const record = this.o.store.get(id);
    if (!record || !this.needsFollowing(record)) return;
    if (record.status === 'succeeded') {
      this.o.log.info(`Exports: task ${id} finished but its file was not saved yet; downloading it now.`);
      await this.download(id, { notify: true });
      return;
    }
    const api = await this.o.api(options.notify);
    if (!api) return;
    const signal = AbortSignal.any([controller.signal, this.shutdown.signal]);

    let report: ((message: string) => void) | undefined;
    const outcomePromise = new ExportTaskPoller(api, this.pollerOptions).poll({
      taskId: id,
      createdAt: record.createdAt,
      signal,
      onProgress: (p) => report?.(`${p.status}, ${formatDuration(p.elapsedMs)} so far`),
    });
    if (options.notify) {
      const short = shortenQuery(record.query, 40);
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Exporting "${short}" as ${formatLabel(record.params.exportType)}`, cancellable: true },
        (progress, token) =>
          new Promise<void>((resolve) => {
            // Cancel only hides the notification: the task goes on and the Exports view shows it.
            token.onCancellationRequested(() => resolve());
            report = (message) => progress.report({ message: `${message}. Cancel hides this; the export goes on in the Exports view.` });
            report(`${record.count.toLocaleString('en-US')} patents, PENDING`);
            outcomePromise.then(
              () => resolve(),
              () => resolve(),
            );
          }),
      );
    }

    let outcome: ExportPollOutcome;
    try {
      outcome = await outcomePromise;
    } catch (e) {
      if (signal.aborted || isPatsnapError(e, 'cancelled')) return;
      // The error path logs the details.
      await this.o.store.update(id, { error: e instanceof Error ? e.message : String(e) });
      this.o.showError(e, () => this.track(id, { notify: true }));
      return;
    }
    await this.finish(id, outcome, options);
  }

  private async finish(id: string, outcome: ExportPollOutcome, options: { notify: boolean }): Promise<void> {
    switch (outcome.status) {
      case 'SUCCESS': {
        const patch = { status: 'succeeded' as const, url: outcome.url, succeededAt: outcome.succeededAt.toISOString(), error: undefined };
        const record = await this.o.store.update(id, outcome.count === undefined ? patch : { ...patch, count: outcome.count });
        this.o.log.info(`Exports: task ${id} succeeded after ${formatDuration(outcome.elapsedMs)}.`);
        if (record) await this.download(id, { notify: true });
        return;
      }
      case 'FAIL': {
        const record = await this.o.store.update(id, { status: 'failed', error: 'PatSnap could not complete the export.' });
        this.o.log.warn(`Exports: task ${id} reported FAIL.`);
        if (record) void this.offerExportAgain(record, `PatSnap could not complete the export "${shortenQuery(record.query, 40)}".`);
        return;
      }
      case 'expired': {
        const record = await this.o.store.update(id, { status: 'expired' });
        this.o.log.info(`Exports: task ${id} expired before it finished.`);
        if (record && options.notify) void this.offerExportAgain(record, `The export "${shortenQuery(record.query, 40)}" expired before it finished (task ids live 24 hours).`);
        return;
      }
    }
  }

  private async offerExportAgain(record: ExportTaskRecord, message: string): Promise<void> {
    const choice = await vscode.window.showErrorMessage(`${message} Export again with the same settings?`, 'Export Again');
    if (choice === 'Export Again') await this.o.exportAgain(record);
  }

  // ---------------------------------------------------------------- download --

  /** Saves a finished task's file; at most one download per task at a time. */
  download(id: string, options: { notify: boolean; saveAs?: boolean }): Promise<void> {
    const existing = this.downloads.get(id);
    if (existing) return existing;
    const work = this.downloadOnce(id, options).finally(() => this.downloads.delete(id));
    this.downloads.set(id, work);
    return work;
  }

  private async downloadOnce(id: string, options: { notify: boolean; saveAs?: boolean }): Promise<void> {
    const record = this.o.store.get(id);
    if (!record) return;
    const now = Date.now();
    if (!record.url || !linkUsable(record, now)) {
      if (record.succeededAt) {
        await this.o.store.update(id, { status: 'expired' });
        void this.offerExportAgain(record, 'The download link of this export has expired (links live 7 days).');
      }
      return;
    }
    const api = await this.o.api(true);
    if (!api) return;

    let target = options.saveAs || !(record.destination ?? this.defaultDestination(record)) ? await this.askSaveLocation(record.query, record.params, record.destination) : (record.destination ?? this.defaultDestination(record));
    if (!target) return this.stoppedByUser(id);
    let overwrite = this.replaceConfirmed.has(target);

    for (let attempt = 0; ; attempt++) {
      if (!overwrite && existsSync(target)) {
        const choice = await this.askExisting(target);
        if (choice === undefined) return this.stoppedByUser(id);
        if (choice === 'replace') overwrite = true;
        else target = keepBothPath(target, existsSync);
      }
      await this.o.store.update(id, { destination: target, error: undefined });
      try {
        await fs.mkdir(path.dirname(target), { recursive: true });
        const saved = await this.fetchWithProgress(api, record.url, target, overwrite);
        this.replaceConfirmed.delete(target);
        const done = await this.o.store.update(id, { status: 'downloaded', destination: saved.path, error: undefined });
        this.o.log.info(`Exports: task ${id} saved, ${saved.bytes} bytes.`);
        if (done && options.notify) void this.offerOpen(done, saved.path);
        return;
      } catch (e) {
        // The file appeared while we downloaded: ask again rather than clobber it.
        if (isDownloadError(e, 'exists') && attempt === 0) continue;
        if (this.shutdown.signal.aborted) {
          // The window is closing or reloading: the next activation downloads it again.
          this.o.log.info(`Exports: download of task ${id} stopped by shutdown; it resumes with the next window.`);
          return;
        }
        if (isDownloadError(e, 'cancelled')) return this.stoppedByUser(id);
        await this.o.store.update(id, { error: e instanceof Error ? e.message : String(e) });
        this.o.showError(e, () => this.download(id, { notify: true }));
        return;
      }
    }
  }

  /**
   * The user cancelled the download, a save dialog or the replace question. Kept as the task's
   * error so that reloads do not start again what the user stopped; "Download Again" does.
   */
  private async stoppedByUser(id: string): Promise<void> {
    await this.o.store.update(id, { error: 'The download was cancelled; nothing was saved.' });
    this.o.log.info(`Exports: download of task ${id} cancelled; nothing was saved.`);
  }

  private async fetchWithProgress(api: PatsnapApi, url: string, target: string, overwrite: boolean): Promise<{ path: string; bytes: number }> {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Downloading ${path.basename(target)}`, cancellable: true },
      (progress, token) => {
        let shownPercent = 0;
        let shownAt = 0;
        return withAbortSignal(token, (signal) => downloadToFile(api, url, target, {
          overwrite,
          signal: AbortSignal.any([signal, this.shutdown.signal]),
          onProgress: (bytes, total) => {
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
          },
        }));
      },
    );
  }

  private async askExisting(target: string): Promise<'replace' | 'keepBoth' | undefined> {
    const choice = await vscode.window.showWarningMessage(
      `${path.basename(target)} already exists in ${path.dirname(target)}.`,
      { modal: true, detail: 'Replace it with the export, or keep both and save the export under a new name?' },
      'Replace',
      'Keep Both',
    );
    return choice === 'Replace' ? 'replace' : choice === 'Keep Both' ? 'keepBoth' : undefined;
  }

  private async offerOpen(record: ExportTaskRecord, file: string): Promise<void> {
    const choice = await vscode.window.showInformationMessage(`Saved ${record.count.toLocaleString('en-US')} patents to ${path.basename(file)}.`, 'Open', 'Reveal');
    if (choice === 'Open') await vscode.commands.executeCommand(EXPORT_COMMANDS.openFile, record.id);
    if (choice === 'Reveal') await vscode.commands.executeCommand(EXPORT_COMMANDS.revealFile, record.id);
  }

  dispose(): void {
    this.shutdown.abort();
    for (const timer of this.rechecks.values()) clearTimeout(timer);
    this.rechecks.clear();
    this.stopAll();
  }
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
