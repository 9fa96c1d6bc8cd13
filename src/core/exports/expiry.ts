/**
 * Lifetimes the contract gives export tasks (P055): a task id answers for 24 hours
 * after creation, and the signed download link of a finished task for 7 days.
 */
export const EXPORT_TASK_ID_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const EXPORT_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type DateInput = Date | string | number;

export interface ExportTaskExpiry {
  /** Which lifetime governs the task now: the link once it succeeded, else the task id. */
  which: 'task' | 'link';
  expired: boolean;
  expiresAt: Date;
  /** Zero once expired. */
  remainingMs: number;
}

export function toDate(value: DateInput): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return date;
}

/**
 * Whether a task (not yet succeeded) or its download link (succeeded) is past its
 * lifetime. Pure, so the extension's task list and the poller agree without a call.
 */
export function exportTaskExpiry(createdAt: DateInput, succeededAt: DateInput | undefined, now: DateInput = Date.now()): ExportTaskExpiry {
  const nowMs = toDate(now).getTime();
  const which = succeededAt === undefined ? 'task' : 'link';
  const expiresAtMs = which === 'task' ? toDate(createdAt).getTime() + EXPORT_TASK_ID_LIFETIME_MS : toDate(succeededAt as DateInput).getTime() + EXPORT_LINK_LIFETIME_MS;
  const remainingMs = Math.max(0, expiresAtMs - nowMs);
  return { which, expired: remainingMs === 0, expiresAt: new Date(expiresAtMs), remainingMs };
}
