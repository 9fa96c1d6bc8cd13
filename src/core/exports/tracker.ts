/**
 * Export tasks followed to the end: create (billable: the caller has confirmed), keep
 * in the task list, lease among the windows of a profile, poll, download, store. The
 * task list is the truth: prompts and notifications only mirror it, and closing one
 * never stops a task (PatSnap has no way to cancel one anyway). Everything a person
 * sees or answers goes through `ExportPrompts`, so this runs without VS Code and is
 * tested against the sandbox with scripted answers.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isPatsnapError } from '../api/errors';
import type { ExportParams, ExportType, PatsnapApi } from '../api/types';
import { checkDestination, downloadToFile, isDownloadError } from './download';
import { defaultExportFileName, keepBothPath } from './fileNames';
import type { FileLeases, Lease } from './lease';
import { ExportTaskPoller, type ExportPollOutcome, type ExportPollProgress, type ExportTaskPollerOptions } from './poller';
import { effectiveStatus, linkUsable, needsFollowing } from './taskState';
import type { ExportTaskStore } from './taskStore';
import { newExportTaskRecord, type ExportTaskRecord } from './types';

/** Why a task is offered to be exported again. */
export type ExportAgainReason = 'failed' | 'expired' | 'linkExpired';

/** What a person sees and answers while tasks are followed; the extension shows them in VS Code. */
export interface ExportPrompts {
  /** Shows that the task is being created while `work` runs. */
  creating<T>(work: () => Promise<T>): Promise<T>;
  /** Mirrors a followed task while `done` is unsettled; returns where to send its progress. */
  following(record: ExportTaskRecord, done: Promise<unknown>): (progress: ExportPollProgress) => void;
  /** Where to save; undefined when the person cancelled. `current` is the path proposed. */
  askSaveLocation(query: string, exportType: ExportType, current?: string): Promise<string | undefined>;
  /** `target` exists: replace it, keep both, or (undefined) stop. */
  askExisting(target: string): Promise<'replace' | 'keepBoth' | undefined>;
  /** Runs the download with a cancellable progress; the signal aborts when the person cancels. */
  downloading<T>(target: string, work: (signal: AbortSignal, onProgress: (bytes: number, total: number | undefined) => void) => Promise<T>): Promise<T>;
  /** The file is saved. */
  saved(record: ExportTaskRecord, file: string): void;
  /** The task cannot give its file any more: offer to export again (a new, billable task). */
  offerExportAgain(record: ExportTaskRecord, reason: ExportAgainReason): void;
  /** The extension's one error path; `retry` does it again. */
  showError(error: unknown, retry: () => unknown): void;
}

export interface ExportTrackerLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface ExportTaskTrackerOptions {
  store: ExportTaskStore;
  prompts: ExportPrompts;
  log: ExportTrackerLog;
  /** The client, asking for credentials first when `interactive`; undefined when there are none. */
  api(interactive: boolean): Promise<PatsnapApi | undefined>;
  /** Where files go when nobody picked a path (the workspace's exports folder); undefined without one. */
  exportsFolder(): string | undefined;
  /** Leases shared by the windows of the profile, so one window follows each task; none when nobody else shares the list. */
  leases?: FileLeases;
  /** Clock, for tests. */
  now?: () => number;
}

interface Running {
  controller: AbortController;
  /** Poll, then download: settles when the task needs nothing more from us. */
  work: Promise<void>;
}

/** Kept as a task's error when the person stopped its download, so that a reload does not start it again. */
export const DOWNLOAD_CANCELLED = 'The download was cancelled; nothing was saved.';

export class ExportTaskTracker {
  private readonly running = new Map<string, Running>();
  private readonly downloads = new Map<string, Promise<void>>();
  /** Paths a save dialog already confirmed replacing, so we do not ask twice. */
  private readonly replaceConfirmed = new Set<string>();
  private readonly shutdown = new AbortController();
  /** Tasks another window follows: looked at again once that window's lease could have gone stale. */
  private readonly rechecks = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly now: () => number;
  /** How the poller paces its calls; tests make it fast. */
  pollerOptions: ExportTaskPollerOptions = {};

  constructor(private readonly o: ExportTaskTrackerOptions) {
    this.now = o.now ?? Date.now;
  }

  // ------------------------------------------------------------ destinations --

  /** Where a task's file goes when the user did not pick a path. */
  defaultDestination(record: ExportTaskRecord): string | undefined {
    const folder = this.o.exportsFolder();
    return folder && path.join(folder, defaultExportFileName(record.query, record.id, record.params.exportType));
  }

  /** Asks where to save; a chosen existing file was confirmed by the dialog and may be replaced. */
  async askSaveLocation(query: string, exportType: ExportType, current?: string): Promise<string | undefined> {
    const target = await this.o.prompts.askSaveLocation(query, exportType, current);
    if (target && existsSync(target)) this.replaceConfirmed.add(target);
    return target;
  }

  // ------------------------------------------------------------------ create --

  /**
   * Creates the task (billable: the caller has confirmed) and starts following it.
   * `destination` is an explicit file; without one the file goes to the exports
   * folder under a name made from the query and task id.
   */
  async create(api: PatsnapApi, params: ExportParams, destination: string | undefined, options: { notify: boolean }): Promise<ExportTaskRecord> {
    const folder = destination ? path.dirname(destination) : this.o.exportsFolder();
    if (!folder) throw new Error('There is no folder to save the export in: open a folder or choose where to save.');
    // A folder we cannot write must fail before anything is billed.
    await fs.mkdir(folder, { recursive: true });
    await checkDestination(path.join(folder, '.patent-lookup-probe'), { overwrite: true });

    const created = await this.o.prompts.creating(() => api.createExport(params, { signal: this.shutdown.signal }));
    const record = newExportTaskRecord(params, created, new Date(this.now()));
    record.destination = destination ?? this.defaultDestination(record);
    await this.o.store.add(record);
    this.o.log.info(`Exports: task ${record.id} created, ${created.count} patent(s) as ${params.exportType}.`);
    void this.track(record.id, options);
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

  /** The work under way for a task (poll and download); settles when there is none. */
  async settled(id: string): Promise<void> {
    for (;;) {
      const work = this.running.get(id)?.work ?? this.downloads.get(id);
      if (!work) return;
      await work;
    }
  }

  /**
   * Marks what outlived its lifetime and resumes the rest (activation, a reload):
   * polling pending tasks, and downloads that a reload or shutdown interrupted.
   */
  async resumeAll(): Promise<void> {
    const now = this.now();
    for (const record of this.o.store.all()) {
      if (effectiveStatus(record, now) === 'expired' && record.status !== 'expired') {
        await this.o.store.update(record.id, { status: 'expired' });
      }
    }
    const pending = this.o.store.all().filter((r) => needsFollowing(r, now) && !this.running.has(r.id) && !this.downloads.has(r.id));
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

  /** Takes a task off the list: it is no longer followed here or in other windows (it goes on at PatSnap; its file stays). */
  async remove(id: string): Promise<void> {
    this.stop(id);
    await this.o.store.remove(id);
    await this.o.leases?.forget(id).catch(() => undefined);
  }

  /** Stops everything (a reload, deactivation). */
  stopAll(): void {
    for (const id of [...this.running.keys()]) this.stop(id);
    // Now, not when the aborted work unwinds: a reloaded window must find its tasks free.
    this.o.leases?.releaseAllSync();
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
      if (lease && (await this.savedElsewhere(id))) return;
      await this.followHeld(id, controller, options);
    } finally {
      await lease?.release().catch(() => undefined);
    }
  }

  /**
   * True when another window saved this task's file: the note it left with the lease
   * (FileLeases.settle) says so even while this window's copy of the shared list does not
   * yet. The list here then says so too, and nothing is polled or downloaded again.
   */
  private async savedElsewhere(id: string): Promise<boolean> {
    const note = (await this.o.leases?.settled(id)) as Partial<Record<'destination' | 'succeededAt', unknown>> | null | undefined;
    const record = this.o.store.get(id);
    const destination = typeof note?.destination === 'string' ? note.destination : undefined;
    // The same completion of the same task (a sandbox that restarted gives its ids out again), and the file still there.
    if (!record || record.status === 'downloaded' || destination === undefined || note?.succeededAt !== record.succeededAt || !existsSync(destination)) return false;
    await this.o.store.update(id, { status: 'downloaded', destination, error: undefined });
    this.o.log.info(`Exports: task ${id} was saved by another window.`);
    return true;
  }

  private recheckLater(id: string): void {
    if (!this.o.leases || this.rechecks.has(id) || this.shutdown.signal.aborted) return;
    const timer = setTimeout(() => {
      this.rechecks.delete(id);
      this.o.store.refresh();
      if (needsFollowing(this.o.store.get(id), this.now())) void this.track(id, { notify: false });
    }, this.o.leases.staleAfterMs + 5_000);
    timer.unref?.();
    this.rechecks.set(id, timer);
  }

  private async followHeld(id: string, controller: AbortController, options: { notify: boolean }): Promise<void> {
    const record = this.o.store.get(id);
    if (!record || !needsFollowing(record, this.now())) return;
    if (record.status === 'succeeded') {
      this.o.log.info(`Exports: task ${id} finished but its file was not saved yet; downloading it now.`);
      await this.download(id, { notify: true });
      return;
    }
    const api = await this.o.api(options.notify);
    if (!api) return;
    const signal = AbortSignal.any([controller.signal, this.shutdown.signal]);

    let report: ((progress: ExportPollProgress) => void) | undefined;
    const outcomePromise = new ExportTaskPoller(api, this.pollerOptions).poll({
      taskId: id,
      createdAt: record.createdAt,
      signal,
      onProgress: (p) => report?.(p),
    });
    if (options.notify) report = this.o.prompts.following(record, outcomePromise);

    let outcome: ExportPollOutcome;
    try {
      outcome = await outcomePromise;
    } catch (e) {
      if (signal.aborted || isPatsnapError(e, 'cancelled')) return;
      // The error path logs the details.
      await this.o.store.update(id, { error: e instanceof Error ? e.message : String(e) });
      this.o.prompts.showError(e, () => this.track(id, { notify: true }));
      return;
    }
    await this.finish(id, outcome, options);
  }

  private async finish(id: string, outcome: ExportPollOutcome, options: { notify: boolean }): Promise<void> {
    switch (outcome.status) {
      case 'SUCCESS': {
        const patch = { status: 'succeeded' as const, url: outcome.url, succeededAt: outcome.succeededAt.toISOString(), error: undefined };
        const record = await this.o.store.update(id, outcome.count === undefined ? patch : { ...patch, count: outcome.count });
        this.o.log.info(`Exports: task ${id} succeeded after ${Math.round(outcome.elapsedMs / 1000)} s.`);
        if (record) await this.download(id, { notify: true });
        return;
      }
      case 'FAIL': {
        const record = await this.o.store.update(id, { status: 'failed', error: 'PatSnap could not complete the export.' });
        this.o.log.warn(`Exports: task ${id} reported FAIL.`);
        if (record) this.o.prompts.offerExportAgain(record, 'failed');
        return;
      }
      case 'expired': {
        const record = await this.o.store.update(id, { status: 'expired' });
        this.o.log.info(`Exports: task ${id} expired before it finished.`);
        if (record && options.notify) this.o.prompts.offerExportAgain(record, 'expired');
        return;
      }
    }
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
    if (!record.url || !linkUsable(record, this.now())) {
      if (record.succeededAt) {
        await this.o.store.update(id, { status: 'expired' });
        this.o.prompts.offerExportAgain(record, 'linkExpired');
      }
      return;
    }
    const api = await this.o.api(true);
    if (!api) return;

    const planned = record.destination ?? this.defaultDestination(record);
    let target = options.saveAs || !planned ? await this.askSaveLocation(record.query, record.params.exportType, record.destination) : planned;
    if (!target) return this.stoppedByUser(id);
    let overwrite = this.replaceConfirmed.has(target);

    for (let attempt = 0; ; attempt++) {
      if (!overwrite && existsSync(target)) {
        const choice = await this.o.prompts.askExisting(target);
        if (choice === undefined) return this.stoppedByUser(id);
        if (choice === 'replace') overwrite = true;
        else target = keepBothPath(target, existsSync);
      }
      await this.o.store.update(id, { destination: target, error: undefined });
      const file = target;
      try {
        await fs.mkdir(path.dirname(file), { recursive: true });
        const saved = await this.o.prompts.downloading(file, (signal, onProgress) =>
          downloadToFile(api, record.url as string, file, { overwrite, signal: AbortSignal.any([signal, this.shutdown.signal]), onProgress }),
        );
        this.replaceConfirmed.delete(file);
        const done = await this.o.store.update(id, { status: 'downloaded', destination: saved.path, error: undefined });
        await this.o.leases?.settle(id, { destination: saved.path, succeededAt: record.succeededAt }).catch((e: unknown) => {
          this.o.log.warn(`Exports: could not tell other windows that task ${id} is saved: ${e instanceof Error ? e.message : String(e)}`);
        });
        this.o.log.info(`Exports: task ${id} saved, ${saved.bytes} bytes.`);
        if (done && options.notify) this.o.prompts.saved(done, saved.path);
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
        this.o.prompts.showError(e, () => this.download(id, { notify: true }));
        return;
      }
    }
  }

  /** The user cancelled the download, a save dialog or the replace question: "Download Again" starts it again. */
  private async stoppedByUser(id: string): Promise<void> {
    await this.o.store.update(id, { error: DOWNLOAD_CANCELLED });
    this.o.log.info(`Exports: download of task ${id} cancelled; nothing was saved.`);
  }

  /** Stops polls, downloads and rechecks: the window closes or reloads. */
  dispose(): void {
    this.shutdown.abort();
    for (const timer of this.rechecks.values()) clearTimeout(timer);
    this.rechecks.clear();
    this.stopAll();
  }
}
