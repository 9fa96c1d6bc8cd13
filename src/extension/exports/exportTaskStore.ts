/**
 * The tracked export tasks, kept in the extension's globalState so they survive
 * reloads. Stored records are checked with the core schema on load; what does
 * not parse (an old or edited entry) is skipped, never trusted.
 */
import * as vscode from 'vscode';
import { parseExportTaskRecord, type ExportTaskRecord } from '../../core/exports';

export const EXPORT_TASKS_STATE_KEY = 'patentLookup.exports.tasks';

export class ExportTaskStore implements vscode.Disposable {
  private records = new Map<string, ExportTaskRecord>();
  private readonly changed = new vscode.EventEmitter<ExportTaskRecord | undefined>();
  /** Fires with the record that changed, or undefined when the list itself changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.reload();
  }

  /** Reads the list again from storage (activation, and the test hook's "reload"). */
  reload(): void {
    const stored = this.memento.get<unknown>(EXPORT_TASKS_STATE_KEY, []);
    const list = Array.isArray(stored) ? stored : [];
    const records = new Map<string, ExportTaskRecord>();
    let skipped = 0;
    for (const value of list) {
      const record = parseExportTaskRecord(value);
      if (record && !records.has(record.id)) records.set(record.id, record);
      else skipped++;
    }
    if (skipped > 0 || !Array.isArray(stored)) this.log.warn(`Exports: skipped ${skipped} stored export task(s) that did not have the expected shape.`);
    this.records = records;
    this.changed.fire(undefined);
  }

  /** Newest first. */
  all(): ExportTaskRecord[] {
    return [...this.records.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  get(id: string): ExportTaskRecord | undefined {
    return this.records.get(id);
  }

  async add(record: ExportTaskRecord): Promise<void> {
    this.records.set(record.id, record);
    await this.save();
    this.changed.fire(undefined);
  }

  /** Applies `patch` to the record if it is still tracked; returns the new record. */
  async update(id: string, patch: Partial<Omit<ExportTaskRecord, 'id'>>): Promise<ExportTaskRecord | undefined> {
    const current = this.records.get(id);
    if (!current) return undefined;
    const next: ExportTaskRecord = { ...current, ...patch };
    // `undefined` in a patch means "clear it": keep the stored JSON free of such keys.
    for (const key of Object.keys(patch) as Array<keyof ExportTaskRecord>) if (next[key] === undefined) delete next[key];
    this.records.set(id, next);
    await this.save();
    this.changed.fire(next);
    return next;
  }

  async remove(id: string): Promise<void> {
    if (!this.records.delete(id)) return;
    await this.save();
    this.changed.fire(undefined);
  }

  private async save(): Promise<void> {
    await this.memento.update(EXPORT_TASKS_STATE_KEY, [...this.records.values()]);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
