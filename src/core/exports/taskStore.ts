/**
 * The tracked export tasks, kept in a key-value store that survives restarts (the
 * extension's globalState, shared by the windows of a profile). Stored records are
 * checked with the schema on load; what does not parse (an old or edited entry) is
 * skipped, never trusted. Every change starts from what is stored now, so a task
 * another window added or changed meanwhile is kept rather than overwritten.
 */
import { parseExportTaskRecord } from './recordSchema';
import type { ExportTaskRecord } from './types';

/** The two methods of VS Code's `Memento` the store uses. */
export interface TaskMemento {
  get<T>(key: string, defaultValue: T): T;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface TaskStoreLog {
  warn(message: string): void;
}

type Listener = (record: ExportTaskRecord | undefined) => void;

export class ExportTaskStore {
  private records = new Map<string, ExportTaskRecord>();
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly memento: TaskMemento,
    /** The key of the list in `memento`. */
    private readonly key: string,
    private readonly log: TaskStoreLog,
  ) {
    this.reload();
  }

  /** Calls `listener` with the record that changed, or undefined when the list itself changed. */
  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(record: ExportTaskRecord | undefined): void {
    for (const listener of [...this.listeners]) listener(record);
  }

  /** Reads the list again from storage, saying so when entries were skipped (activation, a reload). */
  reload(): void {
    this.records = this.read(true);
    this.fire(undefined);
  }

  /** Picks up what other windows stored; fires only when something changed. */
  refresh(): void {
    const next = this.read(false);
    if (JSON.stringify([...next.values()]) === JSON.stringify([...this.records.values()])) return;
    this.records = next;
    this.fire(undefined);
  }

  private read(warn: boolean): Map<string, ExportTaskRecord> {
    const stored = this.memento.get<unknown>(this.key, []);
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

  async add(record: ExportTaskRecord): Promise<void> {
    this.records = this.read(false);
    this.records.set(record.id, record);
    await this.save();
    this.fire(undefined);
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
    this.fire(next);
    return next;
  }

  async remove(id: string): Promise<void> {
    this.records = this.read(false);
    if (this.records.delete(id)) await this.save();
    this.fire(undefined);
  }

  private async save(): Promise<void> {
    await this.memento.update(this.key, [...this.records.values()]);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
