/**
 * The export tracker's state machine (create, track, lease, poll, download, store)
 * against the sandbox over loopback, with scripted prompts in place of VS Code's
 * dialogs and notifications.
 */
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ExportType } from '../../../../src/core/api/types';
import { FileLeases } from '../../../../src/core/exports/lease';
import { ExportTaskStore, type TaskMemento } from '../../../../src/core/exports/taskStore';
import { DOWNLOAD_CANCELLED, ExportTaskTracker, type ExportAgainReason, type ExportPrompts } from '../../../../src/core/exports/tracker';
import { newExportTaskRecord, type ExportTaskRecord } from '../../../../src/core/exports/types';
import { CSV_EXPORT, fetchRaw, startHarness, type Harness } from './harness';

const KEY = 'tasks';

/** globalState as the windows of a profile share it: one map, any number of stores over it. */
class MemoryMemento implements TaskMemento {
  readonly values = new Map<string, unknown>();
  get<T>(key: string, defaultValue: T): T {
    return (this.values.has(key) ? structuredClone(this.values.get(key)) : defaultValue) as T;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, structuredClone(value));
  }
}

/** Answers as scripted and writes down what was shown. */
class ScriptedPrompts implements ExportPrompts {
  saveLocation: string | undefined;
  existing: 'replace' | 'keepBoth' | undefined = 'replace';
  /** Aborts the download as a person pressing Cancel would. */
  cancelDownload = false;
  readonly shown: string[] = [];
  readonly errors: unknown[] = [];
  readonly exportAgain: Array<{ id: string; reason: ExportAgainReason }> = [];
  readonly progress: string[] = [];

  async creating<T>(work: () => Promise<T>): Promise<T> {
    this.shown.push('creating');
    return work();
  }
  following(record: ExportTaskRecord): (p: { status: string }) => void {
    this.shown.push(`following ${record.id}`);
    return (p) => this.progress.push(p.status);
  }
  async askSaveLocation(_query: string, _type: ExportType): Promise<string | undefined> {
    this.shown.push('save dialog');
    return this.saveLocation;
  }
  async askExisting(target: string): Promise<'replace' | 'keepBoth' | undefined> {
    this.shown.push(`exists ${path.basename(target)}`);
    return this.existing;
  }
  downloading<T>(_target: string, work: (signal: AbortSignal, onProgress: (bytes: number) => void) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    if (this.cancelDownload) controller.abort();
    return work(controller.signal, () => undefined);
  }
  saved(record: ExportTaskRecord, file: string): void {
    this.shown.push(`saved ${record.id} ${path.basename(file)}`);
  }
  offerExportAgain(record: ExportTaskRecord, reason: ExportAgainReason): void {
    this.exportAgain.push({ id: record.id, reason });
  }
  showError(error: unknown): void {
    this.errors.push(error);
  }
}

const quiet = { info: (): void => undefined, warn: (): void => undefined };

describe('ExportTaskTracker against the sandbox', () => {
  let h: Harness;
  let dir: string;
  let memento: MemoryMemento;
  let prompts: ScriptedPrompts;
  let trackers: ExportTaskTracker[];

  before(async () => {
    h = await startHarness({ exportPendingPolls: 2 }, { maxRetries: 0 });
  });
  after(() => h.close());

  beforeEach(async () => {
    h.sandbox.reset();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tracker-'));
    memento = new MemoryMemento();
    prompts = new ScriptedPrompts();
    trackers = [];
  });

  afterEach(async () => {
    for (const t of trackers) t.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** A window: its own store over the shared memento, its own tracker. */
  function window(options: { leases?: FileLeases; exportsFolder?: string | null; credentials?: boolean; memento?: TaskMemento } = {}) {
    const store = new ExportTaskStore(options.memento ?? memento, KEY, quiet);
    const tracker = new ExportTaskTracker({
      store,
      prompts,
      log: quiet,
      api: async () => (options.credentials === false ? undefined : h.api),
      exportsFolder: () => (options.exportsFolder === null ? undefined : (options.exportsFolder ?? path.join(dir, 'exports'))),
      leases: options.leases,
    });
    tracker.pollerOptions = { initialIntervalMs: 1, maxIntervalMs: 2 };
    trackers.push(tracker);
    return { store, tracker };
  }

  it('creates a task, keeps it stored, and follows PENDING to SUCCESS to the saved file', async () => {
    const { store, tracker } = window();
    const created = await tracker.create(h.api, CSV_EXPORT, undefined, { notify: true });
    assert.equal(created.status, 'pending');
    assert.equal(path.dirname(created.destination ?? ''), path.join(dir, 'exports'));
    assert.ok((memento.get<ExportTaskRecord[]>(KEY, [])).some((r) => r.id === created.id), 'stored at once');

    await tracker.settled(created.id);
    const done = store.get(created.id);
    assert.equal(done?.status, 'downloaded', done?.error);
    assert.ok(done?.url && done.succeededAt);
    assert.deepEqual(prompts.progress.slice(0, 2), ['PENDING', 'PENDING']);
    assert.deepEqual(readFileSync(done.destination as string), await fetchRaw(done.url));
    assert.deepEqual(prompts.shown, ['creating', `following ${created.id}`, `saved ${created.id} ${path.basename(done.destination as string)}`]);
    assert.equal(h.sandbox.stats.calls('/patent-search/task'), 3);
  });

  it('records a task PatSnap fails and offers to export it again; nothing is saved', async () => {
    const { store, tracker } = window();
    const created = await tracker.create(h.api, { ...CSV_EXPORT, query: 'TTL:battery __fail__' }, undefined, { notify: false });
    await tracker.settled(created.id);
    assert.equal(store.get(created.id)?.status, 'failed');
    assert.deepEqual(prompts.exportAgain, [{ id: created.id, reason: 'failed' }]);
    assert.equal(existsSync(created.destination as string), false);
  });

  it('refuses to create (and bill) a task when there is nowhere to save it', async () => {
    const { store, tracker } = window({ exportsFolder: null });
    await assert.rejects(tracker.create(h.api, CSV_EXPORT, undefined, { notify: false }), /no folder to save the export in/);
    assert.equal(h.sandbox.stats.calls('/patent-search/export'), 0);
    assert.deepEqual(store.all(), []);
  });

  it('resumes a pending task in a new window from the stored list alone', async () => {
    const first = window();
    const created = await first.tracker.create(h.api, CSV_EXPORT, undefined, { notify: false });
    first.tracker.dispose(); // the window closes while PatSnap works
    const second = window();
    await second.tracker.resumeAll();
    await second.tracker.settled(created.id);
    assert.equal(second.store.get(created.id)?.status, 'downloaded');
  });

  it('waits for credentials before it resumes, and then resumes', async () => {
    const first = window();
    const created = await first.tracker.create(h.api, CSV_EXPORT, undefined, { notify: false });
    first.tracker.dispose();
    const signedOut = window({ credentials: false });
    await signedOut.tracker.resumeAll();
    await signedOut.tracker.settled(created.id);
    assert.equal(signedOut.store.get(created.id)?.status, 'pending');
    const signedIn = window();
    await signedIn.tracker.resumeAll();
    await signedIn.tracker.settled(created.id);
    assert.equal(signedIn.store.get(created.id)?.status, 'downloaded');
  });

  it('keeps what the person stopped: a cancelled download is not started again by a reload', async () => {
    prompts.cancelDownload = true;
    const { store, tracker } = window();
    const created = await tracker.create(h.api, CSV_EXPORT, undefined, { notify: false });
    await tracker.settled(created.id);
    assert.equal(store.get(created.id)?.status, 'succeeded');
    assert.equal(store.get(created.id)?.error, DOWNLOAD_CANCELLED);
    prompts.cancelDownload = false;
    const again = window();
    await again.tracker.resumeAll();
    await again.tracker.settled(created.id);
    assert.equal(again.store.get(created.id)?.status, 'succeeded', 'only "Download Again" starts it');
    await again.tracker.download(created.id, { notify: false });
    assert.equal(again.store.get(created.id)?.status, 'downloaded');
  });

  it('asks before it replaces a file, and keeps both when told to', async () => {
    const { store, tracker } = window();
    const target = path.join(dir, 'mine.csv');
    await fs.writeFile(target, 'my own file');
    prompts.existing = 'keepBoth';
    const created = await tracker.create(h.api, CSV_EXPORT, target, { notify: false });
    await tracker.settled(created.id);
    const done = store.get(created.id);
    assert.equal(done?.status, 'downloaded');
    assert.equal(done?.destination, path.join(dir, 'mine (2).csv'));
    assert.equal(readFileSync(target, 'utf8'), 'my own file');
    assert.ok(prompts.shown.includes('exists mine.csv'));
  });

  it('stops when the person closes the replace question, and says so in the task', async () => {
    const { store, tracker } = window();
    const target = path.join(dir, 'mine.csv');
    await fs.writeFile(target, 'my own file');
    prompts.existing = undefined;
    const created = await tracker.create(h.api, CSV_EXPORT, target, { notify: false });
    await tracker.settled(created.id);
    assert.equal(store.get(created.id)?.error, DOWNLOAD_CANCELLED);
    assert.equal(readFileSync(target, 'utf8'), 'my own file');
  });

  it('leaves a task another window holds the lease of, and takes it once the lease is given back', async () => {
    const leaseDir = path.join(dir, 'leases');
    const created = newExportTaskRecord(CSV_EXPORT, await h.api.createExport(CSV_EXPORT));
    await new ExportTaskStore(memento, KEY, quiet).add(created);

    const other = new FileLeases(leaseDir);
    const held = await other.acquire(created.id);
    assert.ok(held);
    const second = window({ leases: new FileLeases(leaseDir) });
    await second.tracker.resumeAll();
    await second.tracker.settled(created.id);
    assert.equal(second.store.get(created.id)?.status, 'pending', 'the other window follows it');
    await held.release();
    await second.tracker.resumeAll();
    await second.tracker.settled(created.id);
    assert.equal(second.store.get(created.id)?.status, 'downloaded');
  });

  it('does not download again a file another window saved while this window\'s copy of the list was behind', async () => {
    const leaseDir = path.join(dir, 'leases');
    const first = window({ leases: new FileLeases(leaseDir) });
    const created = await first.tracker.create(h.api, CSV_EXPORT, undefined, { notify: false });
    await first.tracker.settled(created.id);
    const saved = first.store.get(created.id);
    assert.equal(saved?.status, 'downloaded', saved?.error);
    const calls = h.sandbox.stats.calls();

    // globalState reaches another window a while later: its copy still says "succeeded, not saved".
    const behind = new MemoryMemento();
    behind.values.set(KEY, [{ ...saved, status: 'succeeded' }]);
    const second = window({ leases: new FileLeases(leaseDir), memento: behind });
    await second.tracker.resumeAll();
    await second.tracker.settled(created.id);
    assert.equal(second.store.get(created.id)?.status, 'downloaded');
    assert.equal(second.store.get(created.id)?.destination, saved?.destination);
    assert.deepEqual(prompts.shown.filter((s) => s.startsWith('exists')), [], 'no "replace or keep both" question');
    assert.equal(h.sandbox.stats.calls(), calls, 'no poll, no second download');
    assert.deepEqual(readdirSync(path.dirname(saved?.destination as string)), [path.basename(saved?.destination as string)]);

    // Taken off the list, the task leaves no note behind.
    await second.tracker.remove(created.id);
    assert.equal(second.store.get(created.id), undefined);
    assert.equal(await new FileLeases(leaseDir).settled(created.id), undefined);
  });

  it('downloads a task whose note is of another completion (a sandbox that gave its task ids out again)', async () => {
    const leaseDir = path.join(dir, 'leases');
    const created = newExportTaskRecord(CSV_EXPORT, await h.api.createExport(CSV_EXPORT));
    await new FileLeases(leaseDir).settle(created.id, { destination: path.join(dir, 'old.csv'), succeededAt: '2020-01-01T00:00:00.000Z' });
    await fs.writeFile(path.join(dir, 'old.csv'), 'an earlier task of that id');
    await new ExportTaskStore(memento, KEY, quiet).add(created);
    const { store, tracker } = window({ leases: new FileLeases(leaseDir) });
    await tracker.resumeAll();
    await tracker.settled(created.id);
    const done = store.get(created.id);
    assert.equal(done?.status, 'downloaded', done?.error);
    assert.notEqual(done?.destination, path.join(dir, 'old.csv'));
    assert.deepEqual(readFileSync(done?.destination as string), await fetchRaw(done?.url as string));
  });

  it('marks an expired link expired and offers to export again, without a call', async () => {
    const { store, tracker } = window();
    const old = new Date(Date.now() - 8 * 24 * 3600_000).toISOString();
    const record: ExportTaskRecord = { id: 'old-task', query: 'q', params: { fields: ['PN'], exportType: 'csv', rows: 1 }, createdAt: old, succeededAt: old, count: 1, status: 'succeeded', url: 'http://127.0.0.1:1/gone' };
    await store.add(record);
    await tracker.download(record.id, { notify: true });
    assert.equal(store.get(record.id)?.status, 'expired');
    assert.deepEqual(prompts.exportAgain, [{ id: 'old-task', reason: 'linkExpired' }]);
    assert.equal(h.sandbox.stats.calls(), 0);
  });

  it('reports a failed download through the error path and keeps the reason in the task', async () => {
    const { store, tracker } = window();
    h.sandbox.faults.add({ dropMidBody: true, times: 0 });
    const created = await tracker.create(h.api, CSV_EXPORT, undefined, { notify: false });
    await tracker.settled(created.id);
    h.sandbox.faults.clear();
    assert.equal(prompts.errors.length, 1);
    assert.ok(store.get(created.id)?.error);
    assert.equal(store.get(created.id)?.status, 'succeeded');
  });
});
