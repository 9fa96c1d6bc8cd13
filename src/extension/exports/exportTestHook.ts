/**
 * A command for the in-host integration tests only, registered when the
 * extension runs under a test runner (ExtensionMode.Test). It skips the UI
 * (wizard, confirmation) and nothing else: tasks go through the same tracker,
 * store (globalState) and downloader as a user's. The leading underscore keeps
 * it out of the command palette and out of `getCommands(true)`.
 */
import * as vscode from 'vscode';
import { createPatsnapClient } from '../../core/api/client';
import type { ClientConfig, ExportParams, PatsnapApi } from '../../core/api/types';
import type { ExportTaskPollerOptions, ExportTaskRecord } from '../../core/exports';
import { EXPORT_TASKS_STATE_KEY, type ExportTaskStore } from './exportTaskStore';
import type { ExportTaskTracker } from './exportTaskTracker';

export const EXPORT_TEST_HOOK = '_patentLookup.exports.test';

export type ExportTestRequest =
  /** Faster polls; and, with `config`, a client for it (the sandbox) instead of the extension's own. */
  | { op: 'configure'; config?: Omit<ClientConfig, 'log' | 'now'>; poll?: Omit<ExportTaskPollerOptions, 'now'> }
  /** Creates a task as "Export Search Results…" would after the user confirmed. */
  | { op: 'create'; params: ExportParams; confirm: true; destination?: string }
  | { op: 'tasks' }
  /** The raw value in globalState. */
  | { op: 'stored' }
  /** Waits until the task needs nothing more (poll and download done). */
  | { op: 'settled'; id: string }
  /** Saves a finished task's file again to its destination, as "Download Again" does without the prompts. */
  | { op: 'download'; id: string }
  /** Changes a stored task as an interrupted session or another window would have left it. */
  | { op: 'patch'; id: string; patch: Partial<Omit<ExportTaskRecord, 'id'>> }
  /** Writes the raw task list to globalState, as another window sharing the profile does. */
  | { op: 'storeRaw'; value: unknown }
  /** The folder of the leases the windows of the profile coordinate through. */
  | { op: 'leaseFolder' }
  /** What a window reload does: stop following, read globalState again, resume pending tasks. */
  | { op: 'reload' }
  | { op: 'clear' };

export function registerExportTestHook(
  context: vscode.ExtensionContext,
  parts: { store: ExportTaskStore; tracker: ExportTaskTracker; leaseFolder: string; setApi(api: PatsnapApi | undefined): void; api(): Promise<PatsnapApi | undefined> },
): vscode.Disposable {
  const { store, tracker } = parts;
  return vscode.commands.registerCommand(EXPORT_TEST_HOOK, async (request: ExportTestRequest): Promise<unknown> => {
    switch (request.op) {
      case 'configure':
        if (request.config) parts.setApi(createPatsnapClient(request.config));
        tracker.pollerOptions = request.poll ?? {};
        return undefined;
      case 'create': {
        if (request.confirm !== true) throw new Error('The test hook creates a billable task only with confirm: true.');
        const api = await parts.api();
        if (!api) throw new Error('No API client: call the hook with op "useApi" first.');
        const record = await tracker.create(api, request.params, request.destination, { notify: false });
        return record && store.get(record.id);
      }
      case 'tasks':
        return store.all();
      case 'stored':
        return context.globalState.get(EXPORT_TASKS_STATE_KEY);
      case 'settled':
        await tracker.settled(request.id);
        return store.get(request.id) satisfies ExportTaskRecord | undefined;
      case 'patch':
        return store.update(request.id, request.patch);
      case 'storeRaw':
        await context.globalState.update(EXPORT_TASKS_STATE_KEY, request.value);
        return undefined;
      case 'leaseFolder':
        return parts.leaseFolder;
      case 'download':
        await tracker.download(request.id, { notify: false });
        return store.get(request.id) satisfies ExportTaskRecord | undefined;
      case 'reload':
        tracker.stopAll();
        store.reload();
        await tracker.resumeAll();
        return store.all();
      case 'clear':
        tracker.stopAll();
        for (const r of store.all()) await store.remove(r.id);
        return undefined;
    }
  });
}
