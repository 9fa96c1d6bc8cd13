import * as assert from 'node:assert/strict';
import { isPatsnapError } from '../../../../src/core/api/errors';
import { createPatsnapClient } from '../../../../src/core/api/client';
import { EXPORT_TASK_ID_LIFETIME_MS, ExportTaskPoller, newExportTaskRecord, parseExportTaskRecord, type ExportPollProgress } from '../../../../src/core/exports';
import { SANDBOX_CREDENTIALS } from '../../../../src/core/sandboxCredentials';
import { CSV_EXPORT, startHarness, type Harness } from './harness';

const STATUS_PATH = '/patent-search/task';

describe('ExportTaskPoller against the sandbox', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ exportPendingPolls: 3 }, { maxRetries: 0 });
  });
  after(() => h.close());
  beforeEach(() => {
    h.sandbox.reset();
    h.clock.now = Date.now();
  });

  const poller = (options: ConstructorParameters<typeof ExportTaskPoller>[1] = {}): ExportTaskPoller =>
    new ExportTaskPoller(h.api, { initialIntervalMs: 2, maxIntervalMs: 8, backoffFactor: 2, now: () => h.clock.now, ...options });

  it('polls PENDING until SUCCESS, reporting status and elapsed time, with a growing wait', async () => {
    const created = await h.api.createExport(CSV_EXPORT);
    const createdAt = h.clock.now;
    const seen: ExportPollProgress[] = [];
    const outcome = await poller().poll({
      taskId: created.taskId,
      createdAt,
      onProgress: (p) => {
        seen.push(p);
        h.clock.now += 1000; // a second passes per poll, as the sandbox and the poller see it
      },
    });
    assert.equal(outcome.status, 'SUCCESS');
    assert.ok(outcome.status === 'SUCCESS' && /^http:\/\/127\.0\.0\.1:\d+\/_files\/export\//.test(outcome.url));
    assert.equal(outcome.status === 'SUCCESS' && outcome.count, created.count);
    assert.deepEqual(
      seen.map((p) => p.status),
      ['PENDING', 'PENDING', 'PENDING', 'SUCCESS'],
    );
    assert.deepEqual(
      seen.map((p) => p.elapsedMs),
      [0, 1000, 2000, 3000],
    );
    assert.deepEqual(
      seen.map((p) => p.nextPollInMs),
      [2, 4, 8, undefined],
    );
    assert.equal(h.sandbox.stats.calls(STATUS_PATH), 4);
  });

  it('resumes after a reload from the stored record alone: a new client and poller, time counted from creation', async () => {
    const created = await h.api.createExport(CSV_EXPORT);
    const stored = JSON.stringify(newExportTaskRecord(CSV_EXPORT, created, new Date(h.clock.now)));
    h.clock.now += 5 * 60_000; // the window was closed for five minutes; the task went on at PatSnap

    // What a new window has: the record from globalState, and a client of its own (a fresh token).
    const record = parseExportTaskRecord(JSON.parse(stored));
    assert.ok(record);
    const api = createPatsnapClient({ baseUrl: h.sandbox.url, credentials: { kind: 'apiKey', apiKey: SANDBOX_CREDENTIALS.apiKey }, retryBaseDelayMs: 1, maxRequestsPerSecond: 1000 });
    const seen: ExportPollProgress[] = [];
    const outcome = await new ExportTaskPoller(api, { initialIntervalMs: 2, maxIntervalMs: 8, now: () => h.clock.now }).poll({
      taskId: record.id,
      createdAt: record.createdAt,
      onProgress: (p) => seen.push(p),
    });
    assert.equal(outcome.status, 'SUCCESS');
    assert.equal(outcome.status === 'SUCCESS' && outcome.count, record.count);
    assert.ok(seen.every((p) => p.elapsedMs === 5 * 60_000), 'elapsed time counts from the stored creation time');
  });

  it('returns FAIL when the service fails the task', async () => {
    const created = await h.api.createExport({ ...CSV_EXPORT, query: 'TTL:battery __fail__' });
    const outcome = await poller().poll({ taskId: created.taskId, createdAt: h.clock.now });
    assert.equal(outcome.status, 'FAIL');
    assert.equal(h.sandbox.stats.calls(STATUS_PATH), 4);
  });

  it('reports a task past its 24 hours as expired without polling', async () => {
    const created = await h.api.createExport(CSV_EXPORT);
    const createdAt = new Date(h.clock.now);
    h.clock.now += EXPORT_TASK_ID_LIFETIME_MS + 1000;
    const outcome = await poller().poll({ taskId: created.taskId, createdAt });
    assert.deepEqual(outcome, { status: 'expired', taskId: created.taskId, which: 'task', expiredAt: new Date(createdAt.getTime() + EXPORT_TASK_ID_LIFETIME_MS) });
    assert.equal(h.sandbox.stats.calls(STATUS_PATH), 0);
  });

  it('stops at the lifetime while polling, and takes "no such task" near it as expired (clock skew)', async () => {
    const created = await h.api.createExport(CSV_EXPORT);
    const createdAt = h.clock.now;
    // Our clock says 23.5 hours; the service's clock is past 24 and has forgotten the task.
    h.clock.now += EXPORT_TASK_ID_LIFETIME_MS + 1000;
    const outcome = await poller({ now: () => createdAt + EXPORT_TASK_ID_LIFETIME_MS - 30 * 60_000 }).poll({ taskId: created.taskId, createdAt });
    assert.equal(outcome.status, 'expired');
    assert.equal(h.sandbox.stats.calls(STATUS_PATH), 1);
  });

  it('passes on "no such task" for a young task instead of guessing', async () => {
    await assert.rejects(poller().poll({ taskId: 'f'.repeat(32), createdAt: h.clock.now }), (e) => isPatsnapError(e, 'invalidParameter'));
  });

  it('rides out a transient failure between polls', async () => {
    const created = await h.api.createExport(CSV_EXPORT);
    h.sandbox.faults.add({ path: STATUS_PATH, errorCode: 67200100, times: 2 });
    const outcome = await poller().poll({ taskId: created.taskId, createdAt: h.clock.now });
    assert.equal(outcome.status, 'SUCCESS');
    assert.equal(h.sandbox.stats.calls(STATUS_PATH), 6);
  });

  it('gives up after too many transient failures in a row', async () => {
    const created = await h.api.createExport(CSV_EXPORT);
    h.sandbox.faults.add({ path: STATUS_PATH, errorCode: 67200100, times: 0 });
    await assert.rejects(poller({ maxConsecutiveErrors: 2 }).poll({ taskId: created.taskId }), (e) => isPatsnapError(e, 'serviceUnavailable'));
    assert.equal(h.sandbox.stats.calls(STATUS_PATH), 3);
  });

  it('stops quietly with a cancelled error when aborted mid-wait', async () => {
    const created = await h.api.createExport(CSV_EXPORT);
    const controller = new AbortController();
    const started = Date.now();
    const polling = poller({ initialIntervalMs: 60_000, maxIntervalMs: 60_000 }).poll({ taskId: created.taskId, signal: controller.signal, onProgress: () => setTimeout(() => controller.abort(), 10) });
    await assert.rejects(polling, (e) => isPatsnapError(e, 'cancelled'));
    assert.ok(Date.now() - started < 5_000, 'the abort ended the minute-long wait');
    assert.equal(h.sandbox.stats.calls(STATUS_PATH), 1);
  });

  it('does not call at all when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(poller().poll({ taskId: 'a'.repeat(32), signal: controller.signal }), (e) => isPatsnapError(e, 'cancelled'));
    assert.equal(h.sandbox.stats.calls(STATUS_PATH), 0);
  });
});
