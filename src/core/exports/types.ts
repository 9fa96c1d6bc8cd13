import * as z from 'zod';
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

const yyyymmddOrStar = z.string().regex(/^(\d{8}|\*)$/);

/** Validates a stored record before the extension trusts it (stored state can be old or edited). */
export const exportTaskRecordSchema = z.object({
  id: z.string().min(1),
  query: z.string(),
  params: z.object({
    fields: z.array(z.string()),
    exportType: z.enum(['json', 'csv', 'xls', 'pdf', 'full_text', 'xml']),
    rows: z.number().int().positive(),
    offset: z.number().int().nonnegative().optional(),
    apdtFrom: yyyymmddOrStar.optional(),
    apdtTo: yyyymmddOrStar.optional(),
    pbdtFrom: yyyymmddOrStar.optional(),
    pbdtTo: yyyymmddOrStar.optional(),
    lang: z.enum(['cn', 'en', 'jp', 'de', 'fr', 'kr']).optional(),
    transLang: z.enum(['cn', 'en', 'jp']).optional(),
    stemming: z.boolean().optional(),
    collapseType: z.enum(['ALL', 'APNO', 'DOCDB', 'INPADOC', 'EXTEND']).optional(),
    collapseBy: z.enum(['APD', 'PBD', 'AUTHORITY', 'SCORE']).optional(),
    collapseOrder: z.enum(['OLDEST', 'LATEST']).optional(),
    collapseOrderAuthority: z.array(z.string()).optional(),
  }),
  createdAt: z.iso.datetime(),
  count: z.number().int().nonnegative(),
  status: z.enum(['pending', 'succeeded', 'failed', 'expired', 'downloaded']),
  url: z.string().optional(),
  succeededAt: z.iso.datetime().optional(),
  destination: z.string().optional(),
  error: z.string().optional(),
}) satisfies z.ZodType<ExportTaskRecord>;

export function parseExportTaskRecord(value: unknown): ExportTaskRecord | undefined {
  const parsed = exportTaskRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** A fresh record for a task just created. */
export function newExportTaskRecord(params: ExportParams, created: { taskId: string; count: number }, now: Date = new Date()): ExportTaskRecord {
  const { query, ...rest } = params;
  return { id: created.taskId, query, params: rest, createdAt: now.toISOString(), count: created.count, status: 'pending' };
}
