import * as z from 'zod/mini';
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

const yyyymmddOrStar = z.string().check(z.regex(/^(\d{8}|\*)$/));

/** Validates a stored record before the extension trusts it (stored state can be old or edited). */
export const exportTaskRecordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  query: z.string(),
  params: z.object({
    fields: z.array(z.string()),
    exportType: z.enum(['json', 'csv', 'xls', 'pdf', 'full_text', 'xml']),
    rows: z.number().check(z.int(), z.positive()),
    offset: z.optional(z.number().check(z.int(), z.nonnegative())),
    apdtFrom: z.optional(yyyymmddOrStar),
    apdtTo: z.optional(yyyymmddOrStar),
    pbdtFrom: z.optional(yyyymmddOrStar),
    pbdtTo: z.optional(yyyymmddOrStar),
    lang: z.optional(z.enum(['cn', 'en', 'jp', 'de', 'fr', 'kr'])),
    transLang: z.optional(z.enum(['cn', 'en', 'jp'])),
    stemming: z.optional(z.boolean()),
    collapseType: z.optional(z.enum(['ALL', 'APNO', 'DOCDB', 'INPADOC', 'EXTEND'])),
    collapseBy: z.optional(z.enum(['APD', 'PBD', 'AUTHORITY', 'SCORE'])),
    collapseOrder: z.optional(z.enum(['OLDEST', 'LATEST'])),
    collapseOrderAuthority: z.optional(z.array(z.string())),
  }),
  createdAt: z.iso.datetime(),
  count: z.number().check(z.int(), z.nonnegative()),
  status: z.enum(['pending', 'succeeded', 'failed', 'expired', 'downloaded']),
  url: z.optional(z.string()),
  succeededAt: z.optional(z.iso.datetime()),
  destination: z.optional(z.string()),
  error: z.optional(z.string()),
}) satisfies z.ZodMiniType<ExportTaskRecord>;

export function parseExportTaskRecord(value: unknown): ExportTaskRecord | undefined {
  const parsed = exportTaskRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** A fresh record for a task just created. */
export function newExportTaskRecord(params: ExportParams, created: { taskId: string; count: number }, now: Date = new Date()): ExportTaskRecord {
  const { query, ...rest } = params;
  return { id: created.taskId, query, params: rest, createdAt: now.toISOString(), count: created.count, status: 'pending' };
}
