// Apart from types.ts so that what only creates records (the CLI) loads no zod.
import * as z from 'zod/mini';
import type { ExportTaskRecord } from './types';

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
