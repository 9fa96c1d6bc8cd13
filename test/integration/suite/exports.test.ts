/**
 * Bulk exports as tracked tasks, in a real extension host against the sandbox
 * (PATENT_LOOKUP_SANDBOX_URL). The wizard and the billing confirmation are UI;
 * the test drives the rest through the exports feature the test API hands over:
 * the same tracker, globalState, downloader and session-built client as a user's.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExportParams } from '../../../src/core/api/types';
import type { ExportTaskRecord } from '../../../src/core/exports/types';
import { exportsDriver, sandboxedApi } from '../../lib/extensionHarness';

const SANDBOX = process.env.PATENT_LOOKUP_SANDBOX_URL;

async function taskPolls(): Promise<number> {
  const response = await fetch(`${SANDBOX}/_sandbox/stats`);
  const stats = (await response.json()) as { calls: Record<string, number> };
  return stats.calls['/patent-search/task'] ?? 0;
}

function workspaceExports(): string {
  const root = vscode.workspace.workspaceFolders?.[0];
  assert.ok(root, 'the integration workspace has no folder');
  return path.join(root.uri.fsPath, 'exports');
}

const csvParams = (query: string): ExportParams => ({ query, fields: ['PN', 'TTL', 'PBD'], exportType: 'csv', rows: 5 });

describe('Exports: tracked tasks against the sandbox', () => {
  let exports: Awaited<ReturnType<typeof exportsDriver>>;

  before(async () => {
    assert.ok(SANDBOX, 'PATENT_LOOKUP_SANDBOX_URL is not set: the runner starts the sandbox (npm run build first)');
    exports = await exportsDriver(await sandboxedApi());
    exports.fastPolling();
    await exports.clear();
  });

  after(async () => {
    await exports.clear();
  });

  it('creates a task, keeps it in globalState, and follows PENDING to SUCCESS to the saved file', async () => {
    const pollsBefore = await taskPolls();
    const record = await exports.create(csvParams('TTL:battery'));
    assert.strictEqual(record.status, 'pending');
    assert.ok(record.count > 0 && record.count <= 5, `count ${record.count}`);
    assert.strictEqual(path.dirname(record.destination ?? ''), workspaceExports());
    assert.match(path.basename(record.destination ?? ''), new RegExp(`^ttl-battery-${record.id.slice(0, 8)}\\.csv$`));

    const stored = exports.stored() as unknown[];
    assert.ok(Array.isArray(stored));
    assert.ok(stored.some((r) => (r as ExportTaskRecord).id === record.id), 'the new task is in globalState');

    const done = (await exports.settled(record.id)) as ExportTaskRecord;
    assert.strictEqual(done.status, 'downloaded', done.error);
    assert.ok(done.url && done.succeededAt);
    // The sandbox answers PENDING twice before SUCCESS: at least three status calls.
    assert.ok((await taskPolls()) - pollsBefore >= 3, 'the task was polled through PENDING');

    const saved = fs.readFileSync(done.destination as string);
    const served = Buffer.from(await (await fetch(done.url as string)).arrayBuffer());
    assert.ok(served.length > 0);
    assert.ok(saved.equals(served), 'the saved file has exactly the bytes the sandbox serves');
    assert.match(saved.toString('utf8').split('\n')[0] ?? '', /^PN,TTL,PBD/);
    const leftovers = fs.readdirSync(workspaceExports()).filter((f) => f.endsWith('.part'));
    assert.deepStrictEqual(leftovers, [], 'no temp files left behind');

    const storedAfter = (exports.stored() as ExportTaskRecord[]).find((r) => r.id === record.id);
    assert.strictEqual(storedAfter?.status, 'downloaded');
    assert.strictEqual(storedAfter?.destination, done.destination);
  });

  it('records a task PatSnap fails, and saves nothing', async () => {
    const record = await exports.create(csvParams('TTL:battery __fail__'));
    const done = (await exports.settled(record.id)) as ExportTaskRecord;
    assert.strictEqual(done.status, 'failed');
    assert.ok(done.error);
    assert.strictEqual(done.url, undefined);
    assert.strictEqual(fs.existsSync(done.destination as string), false);
    const stored = (exports.stored() as ExportTaskRecord[]).find((r) => r.id === record.id);
    assert.strictEqual(stored?.status, 'failed');
  });

  it('resumes a pending task from globalState after a reload and still saves its file', async () => {
    const record = await exports.create({ ...csvParams('TTL:battery'), exportType: 'json', fields: ['PN', 'TTL'] });
    // Stops following every task, then reads globalState afresh and resumes what is pending.
    const reloaded = await exports.reload();
    const again = reloaded.find((r) => r.id === record.id);
    assert.ok(again, 'the task survived the reload');
    assert.strictEqual(again.status, 'pending');
    const done = (await exports.settled(record.id)) as ExportTaskRecord;
    assert.strictEqual(done.status, 'downloaded', done.error);
    assert.match(done.destination ?? '', /\.json$/);
    const parsed = JSON.parse(fs.readFileSync(done.destination as string, 'utf8')) as Array<{ PN: string }>;
    assert.strictEqual(parsed.length, done.count);
  });

  /**
   * A task followed to its saved file, then put back as a reload in the middle of the download
   * leaves it: SUCCESS seen, no file (with `error`, as a download the user cancelled leaves it).
   */
  async function finishedNotSaved(query: string, error?: string): Promise<ExportTaskRecord> {
    const record = await exports.create(csvParams(query));
    const first = (await exports.settled(record.id)) as ExportTaskRecord;
    assert.strictEqual(first.status, 'downloaded', first.error);
    fs.rmSync(first.destination as string);
    return (await exports.patch(record.id, error === undefined ? { status: 'succeeded' } : { status: 'succeeded', error })) as ExportTaskRecord;
  }

  it('downloads after a reload a finished task whose file a closing window did not save', async () => {
    const record = await finishedNotSaved('TTL:vehicle');
    await exports.reload();
    const done = (await exports.settled(record.id)) as ExportTaskRecord;
    assert.strictEqual(done.status, 'downloaded', done.error);
    assert.ok(fs.existsSync(done.destination as string), 'the file was saved without anyone asking');
  });

  it('does not restart after a reload a download the user cancelled', async () => {
    const record = await finishedNotSaved('TTL:sensor', 'The download was cancelled; nothing was saved.');
    await exports.reload();
    const after = (await exports.settled(record.id)) as ExportTaskRecord;
    assert.strictEqual(after.status, 'succeeded');
    assert.strictEqual(fs.existsSync(record.destination as string), false);
  });

  it('leaves a task another window follows to that window, and takes it up once it is free', async () => {
    const record = await finishedNotSaved('TTL:motor');
    // Another window's fresh lease on the task.
    const leases = exports.feature.leaseFolder;
    fs.mkdirSync(leases, { recursive: true });
    const leaseFile = path.join(leases, `${record.id}.lease`);
    fs.writeFileSync(leaseFile, 'another-window');
    try {
      await exports.reload();
      await exports.settled(record.id);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const waiting = exports.tasks().find((r) => r.id === record.id);
      assert.strictEqual(waiting?.status, 'succeeded', 'this window did not download it');
      assert.strictEqual(fs.existsSync(record.destination as string), false);
    } finally {
      fs.rmSync(leaseFile, { force: true });
    }
    await exports.reload();
    const done = (await exports.settled(record.id)) as ExportTaskRecord;
    assert.strictEqual(done.status, 'downloaded', done.error);
    assert.strictEqual(fs.readdirSync(leases).filter((f) => f === `${record.id}.lease`).length, 0, 'the lease was given back');
  });

  it('keeps a task another window added to the shared list when this window changes its own', async () => {
    const record = await exports.create(csvParams('TTL:pump'));
    await exports.settled(record.id);
    const stored = exports.stored() as ExportTaskRecord[];
    const foreign: ExportTaskRecord = { ...record, id: 'other-window-task', query: 'TTL:other', status: 'failed', createdAt: new Date().toISOString() };
    await exports.storeRaw([...stored, foreign]);
    // This window's change goes to the list as stored now, not to its own older copy.
    await exports.patch(record.id, { error: 'a change in this window' });
    const after = exports.stored() as ExportTaskRecord[];
    assert.ok(after.some((r) => r.id === 'other-window-task'), 'the other window\'s task survived');
    assert.strictEqual(after.find((r) => r.id === record.id)?.error, 'a change in this window');
  });

  it('sends a failure inside an export command through the error path, not VS Code\'s raw "command failed"', async () => {
    // Any throw will do: the task reference is inspected with `instanceof`, which this argument makes fail.
    const hostile = new Proxy({}, { getPrototypeOf: () => { throw new Error('boom from a test argument'); } });
    const result = await vscode.commands.executeCommand('patentLookup.exports.copyTaskId', hostile);
    assert.strictEqual(result, undefined);
  });

  it('lists tasks newest first', async () => {
    const tasks = exports.tasks();
    assert.ok(tasks.length >= 3);
    const times = tasks.map((t) => t.createdAt);
    assert.deepStrictEqual(times, [...times].sort().reverse());
  });
});
