/**
 * Where a tracked export task stands now, from its record and the lifetimes the
 * contract gives (task ids 24 hours, links 7 days). Shared by the tracker, which
 * decides from it what to do next, and by the Exports view, which shows it.
 */
import { exportTaskExpiry } from './expiry';
import type { ExportTaskRecord } from './types';

/** A record's effective state now: a pending task past 24 h, or a link past 7 days, is expired. */
export function effectiveStatus(record: ExportTaskRecord, now: number): ExportTaskRecord['status'] {
  if (record.status === 'pending' || record.status === 'succeeded') {
    if (exportTaskExpiry(record.createdAt, record.succeededAt, now).expired) return 'expired';
  }
  return record.status;
}

/** Whether the task's signed link can still be downloaded. */
export function linkUsable(record: ExportTaskRecord, now: number): boolean {
  return record.url !== undefined && record.succeededAt !== undefined && !exportTaskExpiry(record.createdAt, record.succeededAt, now).expired;
}

/** Whether a task still needs following: polling, or a download a reload or shutdown interrupted. */
export function needsFollowing(record: ExportTaskRecord | undefined, now: number): boolean {
  if (!record) return false;
  if (record.status === 'pending') return true;
  // A user's cancel or a failed download leaves an error: those wait for "Download Again".
  return record.status === 'succeeded' && !record.error && linkUsable(record, now);
}
