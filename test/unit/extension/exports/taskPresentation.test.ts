import * as assert from 'node:assert/strict';
import type { ExportTaskRecord } from '../../../../src/core/exports';
import { effectiveStatus } from '../../../../src/core/exports/taskState';
import { mayNeedFollowing } from '../../../../src/extension/exports/exportTaskState.pure';
import { formatCreated, formatDuration, taskContextValue, taskDescription, taskIcon, taskLabel, taskTooltip } from '../../../../src/extension/exports/taskPresentation.pure';

const MIN = 60_000;
const HOUR = 60 * MIN;
// Local-time constructors keep the expected clock text independent of the time zone.
const created = new Date(2025, 5, 1, 14, 3, 0);
const now = created.getTime() + 2 * MIN + 10_000;

function record(patch: Partial<ExportTaskRecord> = {}): ExportTaskRecord {
  return {
    id: 'b4bdae6b4a65432d91f25b5c52bdfd80',
    query: 'TTL:battery AND AN:Acme',
    params: { fields: ['PN', 'TTL'], exportType: 'csv', rows: 100 },
    createdAt: created.toISOString(),
    count: 24,
    status: 'pending',
    ...patch,
  };
}

describe('export task rows', () => {
  it('describes a pending task with its elapsed time', () => {
    assert.equal(taskDescription(record(), now), 'PENDING 2 min · CSV · 24 patents · 14:03');
    assert.equal(taskLabel(record()), 'TTL:battery AND AN:Acme');
    assert.deepEqual(taskIcon(record(), now), { id: 'loading~spin' });
    assert.equal(taskContextValue(record(), now), 'exportTask.pending');
  });

  it('describes a downloaded task with the file it went to', () => {
    const r = record({ status: 'downloaded', url: 'http://x/f', succeededAt: new Date(now).toISOString(), destination: '/w/exports/ttl-battery-b4bdae6b.csv', count: 1 });
    assert.equal(taskDescription(r, now), 'downloaded · CSV · 1 patent · 14:03 · → ttl-battery-b4bdae6b.csv');
    assert.equal(taskContextValue(r, now), 'exportTask.downloaded.link');
    assert.equal(taskIcon(r, now).id, 'pass');
    assert.match(taskTooltip(r, now), /Saved to: \/w\/exports\/ttl-battery-b4bdae6b\.csv/);
    assert.match(taskTooltip(r, now), /Download link valid for 168 h/);
  });

  it('shows SUCCESS, FAIL and the error icon', () => {
    const ok = record({ status: 'succeeded', url: 'http://x/f', succeededAt: new Date(now).toISOString() });
    assert.match(taskDescription(ok, now), /SUCCESS, not downloaded/);
    assert.equal(taskContextValue(ok, now), 'exportTask.succeeded.link');
    const failed = record({ status: 'failed', error: 'PatSnap could not complete the export.' });
    assert.match(taskDescription(failed, now), /^FAIL · CSV/);
    assert.deepEqual(taskIcon(failed, now), { id: 'error', color: 'problemsErrorIcon.foreground' });
    assert.match(taskTooltip(failed, now), /Last problem: PatSnap could not complete the export\./);
  });

  it('calls a pending task expired after 24 hours, and a link after 7 days', () => {
    const later = created.getTime() + 24 * HOUR;
    assert.equal(effectiveStatus(record(), later), 'expired');
    assert.match(taskDescription(record(), later), /EXPIRED/);
    assert.equal(taskContextValue(record(), later), 'exportTask.expired');
    assert.match(taskTooltip(record(), later), /task ids live 24 hours/);
    const succeededAt = new Date(created.getTime() + HOUR).toISOString();
    const ok = record({ status: 'succeeded', url: 'http://x/f', succeededAt });
    const weekLater = created.getTime() + HOUR + 7 * 24 * HOUR;
    assert.equal(effectiveStatus(ok, weekLater), 'expired');
    assert.equal(taskContextValue(ok, weekLater), 'exportTask.expired', 'no Download Again on a dead link');
    const saved = record({ status: 'downloaded', url: 'http://x/f', succeededAt, destination: '/w/a.csv' });
    assert.equal(taskContextValue(saved, weekLater), 'exportTask.downloaded', 'the file stays; only the link is gone');
  });

  it('writes created times and durations compactly', () => {
    assert.equal(formatCreated(created.toISOString(), created.getTime() + 24 * HOUR), '2025-06-01 14:03');
    assert.equal(formatDuration(45_000), '45 s');
    assert.equal(formatDuration(65 * MIN), '1 h 5 min');
    assert.equal(formatDuration(2 * HOUR), '2 h');
  });
});

describe('stored tasks to follow at activation', () => {
  it('loads the exports feature only when a stored task may still need it', () => {
    assert.equal(mayNeedFollowing(undefined), false);
    assert.equal(mayNeedFollowing([]), false);
    assert.equal(mayNeedFollowing([{ status: 'downloaded' }, { status: 'failed' }, { status: 'expired' }]), false);
    assert.equal(mayNeedFollowing([{ status: 'downloaded' }, { status: 'pending' }]), true);
    assert.equal(mayNeedFollowing([{ status: 'succeeded' }]), true);
    assert.equal(mayNeedFollowing([null, 'pending', { status: ['pending'] }]), false);
  });
});
