import * as assert from 'node:assert/strict';
import { EXPORT_LINK_LIFETIME_MS, EXPORT_TASK_ID_LIFETIME_MS, exportTaskExpiry, newExportTaskRecord, parseExportTaskRecord } from '../../../../src/core/exports';

const HOUR = 3_600_000;
const created = Date.UTC(2025, 5, 1, 12, 0, 0);

describe('exportTaskExpiry', () => {
  it('gives a pending task 24 hours from creation', () => {
    const e = exportTaskExpiry(created, undefined, created + 23 * HOUR);
    assert.equal(e.which, 'task');
    assert.equal(e.expired, false);
    assert.equal(e.remainingMs, HOUR);
    assert.equal(e.expiresAt.getTime(), created + EXPORT_TASK_ID_LIFETIME_MS);
  });

  it('calls a pending task expired at exactly 24 hours and after', () => {
    assert.equal(exportTaskExpiry(created, undefined, created + 24 * HOUR).expired, true);
    assert.equal(exportTaskExpiry(created, undefined, created + 100 * HOUR).remainingMs, 0);
  });

  it('gives a finished task 7 days from success, whatever the task id says', () => {
    const succeeded = created + 2 * HOUR;
    const live = exportTaskExpiry(created, succeeded, created + 30 * HOUR);
    assert.equal(live.which, 'link');
    assert.equal(live.expired, false);
    assert.equal(live.expiresAt.getTime(), succeeded + EXPORT_LINK_LIFETIME_MS);
    assert.equal(exportTaskExpiry(created, succeeded, succeeded + EXPORT_LINK_LIFETIME_MS).expired, true);
  });

  it('takes ISO strings and Dates as the stored records hold them', () => {
    const iso = new Date(created).toISOString();
    assert.deepEqual(exportTaskExpiry(iso, undefined, new Date(created + HOUR)), exportTaskExpiry(created, undefined, created + HOUR));
    assert.throws(() => exportTaskExpiry('not a date', undefined, created), RangeError);
  });
});

describe('ExportTaskRecord', () => {
  const params = { query: 'TTL:battery', fields: ['PN', 'TTL'], exportType: 'csv' as const, rows: 50, offset: 10 };

  it('survives a JSON round trip', () => {
    const record = newExportTaskRecord(params, { taskId: 'a'.repeat(32), count: 50 }, new Date(created));
    assert.deepEqual(record, { id: 'a'.repeat(32), query: 'TTL:battery', params: { fields: ['PN', 'TTL'], exportType: 'csv', rows: 50, offset: 10 }, createdAt: new Date(created).toISOString(), count: 50, status: 'pending' });
    const stored = JSON.parse(JSON.stringify({ ...record, status: 'downloaded', url: 'http://x/y', succeededAt: new Date(created + HOUR).toISOString(), destination: '/tmp/a.csv' })) as unknown;
    assert.deepEqual(parseExportTaskRecord(stored), stored);
  });

  it('refuses stored values of the wrong shape', () => {
    const record = newExportTaskRecord(params, { taskId: 'b'.repeat(32), count: 5 });
    assert.equal(parseExportTaskRecord({ ...record, status: 'running' }), undefined);
    assert.equal(parseExportTaskRecord({ ...record, createdAt: 'yesterday' }), undefined);
    assert.equal(parseExportTaskRecord({ ...record, params: { ...record.params, exportType: 'docx' } }), undefined);
    assert.equal(parseExportTaskRecord(null), undefined);
  });
});
