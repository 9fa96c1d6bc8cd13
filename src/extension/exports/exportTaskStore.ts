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
    this.records = this.read(true);
    this.changed.fire(undefined);
  }

  /**
   * Picks up what other windows stored (the windows of a profile share globalState);
   * fires only when something changed.
   */
  refresh(): void {
    const next = this.read(false);
    if (JSON.stringify([...next.values()]) === JSON.stringify([...this.records.values()])) return;
    this.records = next;
    this.changed.fire(undefined);
  }

  private read(warn: boolean): Map<string, ExportTaskRecord> {
    const stored = this.memento.get<unknown>(EXPORT_TASKS_STATE_KEY, []);
    const list = Array.isArray(stored) ? stored : [];
    const records = new Map<string, ExportTaskRecord>();
    let skipped = 0;
    for (const value of list) {
      const record = parseExportTaskRecord(value);
      if (record && !records.has(record.id)) records.set(record.id, record);
      else skipped++;
    }
    if (warn && (skipped > 0 || !Array.isArray(stored))) this.log.warn(`Exports: skipped ${skipped} stored export task(s) that did not have the expected shape.`);
    return records;
  }

  /** Newest first. */
  all(): ExportTaskRecord[] {
    return [...this.records.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  get(id: string): ExportTaskRecord | undefined {
    return this.records.get(id);
  }

  // Every change starts from what is stored now, so a task another window added or changed
  // meanwhile is kept rather than overwritten with this window's older copy of the list.

  async add(record: ExportTaskRecord): Promise<void> {
    this.records = this.read(false);
    this.records.set(record.id, record);
    await this.save();
    this.changed.fire(undefined);
  }

  /** Applies `patch` to the record if it is still tracked; returns the new record. */
  async update(id: string, patch: Partial<Omit<ExportTaskRecord, 'id'>>): Promise<ExportTaskRecord | undefined> {
    this.records = this.read(false);
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
    this.records = this.read(false);
    if (!this.records.delete(id)) {
      this.changed.fire(undefined);
      return;
    }
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
