import type { ExportParams } from '../api/types';

/** Where a tracked export stands, as the task list shows it. */
export type ExportTaskRecordStatus = 'pending' | 'succeeded' | 'failed' | 'expired' | 'downloaded';

/**
 * One export task as the extension's task list keeps it across restarts: plain
 * JSON (dates as ISO strings). The download link is kept only for its 7 days.
 */
export interface ExportTaskRecord {
  /** PatSnap's task id. */
  id: string;
  query: string;
  params: Omit<ExportParams, 'query'>;
  /** ISO time the task was created. */
  createdAt: string;
  /** Patents the task exports (and bills). */
  count: number;
  status: ExportTaskRecordStatus;
  /** Signed link, set once the task succeeded. */
  url?: string;
  /** ISO time the task was seen to succeed; the link's 7 days count from here. */
  succeededAt?: string;
  /** Where the file was saved. */
  destination?: string;
  /** Last error, one line for a person. */
  error?: string;
}

/** A fresh record for a task just created. */
export function newExportTaskRecord(params: ExportParams, created: { taskId: string; count: number }, now: Date = new Date()): ExportTaskRecord {
  const { query, ...rest } = params;
  return { id: created.taskId, query, params: rest, createdAt: now.toISOString(), count: created.count, status: 'pending' };
}
