/**
 * The `.patentsearch` notebook as data: markdown cells for the searcher's reasoning, query
 * cells with their options and the runs stored in them. The file is plain JSON (see
 * `file.ts`); these zod schemas read it, and the types are what the notebook controller,
 * the renderer, the CLI and the search log work with.
 *
 * Objects are read loosely: keys this version does not know are kept and written back, so
 * a hand-added note or a newer minor field survives a round trip.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { COLLAPSE_BY, COLLAPSE_ORDERS, COLLAPSE_TYPES, SEARCH_LIMIT_MAX, SORT_FIELDS, SORT_ORDERS, isYmd } from '../api/validation';

// zod/mini leaves issue messages out unless a locale is set, and a notebook's errors quote
// zod's English ones ("Too small: …"), as they read when the full `zod` set it on import.
z.config(en());

export const NOTEBOOK_FORMAT = 'patent-search-notebook';
export const NOTEBOOK_VERSION = 1;

/** Results kept per run when a cell does not say. */
export const DEFAULT_KEEP = 20;
/** Runs kept per cell; older ones are dropped when a new one is recorded. */
export const DEFAULT_MAX_RUNS = 10;

/** P003: at most five fields a call, and `offset + limit <= 200` with `limit` 1..100. */
export const FACET_MAX_FIELDS = 5;
export const FACET_LIMIT_MAX = 100;
export const FACET_WINDOW_MAX = 200;
export const DEFAULT_FACET_LIMIT = 10;
/** The field codes P003 documents (IPC and CPC levels come on top). */
export const FACET_FIELDS = ['ASSIGNEE', 'ANCS_TYPE', 'INVENTOR', 'SIMPLE_LEGAL_STATUS', 'LEGAL_STATUS', 'LEGAL_EVENT', 'APPLICATION_YEAR', 'PUBLICATION_YEAR', 'ISSUE_YEAR', 'AGENCY', 'PATENT_TYPE', 'AUTHORITY'] as const;

const dateBound = z.string().check(z.refine((v) => v === '*' || isYmd(v), { message: 'a date written yyyyMMdd (e.g. 20200131), or * for no limit' }));
const dateRange = z
  .looseObject({ from: z.optional(dateBound), to: z.optional(dateBound) })
  .check(z.refine((r) => r.from === undefined || r.to === undefined || r.from === '*' || r.to === '*' || r.from <= r.to, { message: '"from" is after "to"' }));

export const queryOptionsSchema = z.looseObject({
  sort: z.optional(z.array(z.looseObject({ field: z.enum(SORT_FIELDS), order: z.enum(SORT_ORDERS) }))),
  collapseType: z.optional(z.enum(COLLAPSE_TYPES)),
  collapseBy: z.optional(z.enum(COLLAPSE_BY)),
  collapseOrder: z.optional(z.enum(COLLAPSE_ORDERS)),
  collapseOrderAuthority: z.optional(z.array(z.string().check(z.regex(/^[A-Z]{2}$/, { message: 'a two-letter office code such as US' })))),
  /** Publication and application date limits, added to the query as PBD:[from TO to] / APD:[…]. */
  publicationDate: z.optional(dateRange),
  applicationDate: z.optional(dateRange),
  /** Results fetched and kept per run (P002 limit, 1..1000); default DEFAULT_KEEP. */
  limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(SEARCH_LIMIT_MAX))),
  /** P003 fields for the charts, at most five. */
  facets: z.optional(
    z
      .array(z.string().check(z.regex(/^[A-Z][A-Z0-9_]*$/, { message: 'a facet field code in capitals, such as PUBLICATION_YEAR' })))
      .check(z.maxLength(FACET_MAX_FIELDS, { message: `at most ${FACET_MAX_FIELDS} facet fields (PatSnap's limit)` })),
  ),
  /** Values per facet field, 1..100; default DEFAULT_FACET_LIMIT. */
  facetLimit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(FACET_LIMIT_MAX))),
});
export type QueryOptions = z.infer<typeof queryOptionsSchema>;

const isoInstant = z.iso.datetime({ offset: true, message: 'a date and time such as 2026-11-03T09:12:44Z' });
const count = z.number().check(z.int(), z.minimum(0));

/** One patent kept from a run. Texts are the API's, cleaned of control characters; escape them wherever shown. */
export const keptResultSchema = z.looseObject({
  number: z.string().check(z.minLength(1)),
  title: z.optional(z.string()),
  assignee: z.optional(z.string()),
  /** Publication date, yyyy-mm-dd. */
  date: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date written yyyy-mm-dd' }))),
  /** Legal status as PatSnap gives it, e.g. "Active"; several joined with ", ". */
  status: z.optional(z.string()),
  /** Family key: members of one family share it, so a new member is not a new result. */
  family: z.optional(z.string()),
  patentId: z.optional(z.string()),
});
export type KeptResult = z.infer<typeof keptResultSchema>;

export const facetBucketSchema = z.looseObject({ name: z.string(), count });
export type FacetBucket = z.infer<typeof facetBucketSchema>;

export const runSchema = z.looseObject({
  /** When the run was made, UTC, to the second. */
  date: isoInstant,
  /** The query and options as run: the cell may have changed since. */
  query: z.string(),
  options: z.optional(queryOptionsSchema),
  /** P001 `total_search_result_count`. */
  total: count,
  /** The top results kept, in PatSnap's order. */
  results: z.array(keptResultSchema),
  /** P003 counts by field code (upper case), top values first. */
  facets: z.optional(z.record(z.string(), z.array(facetBucketSchema))),
});
export type Run = z.infer<typeof runSchema>;

/** Cell text: one string, or (as written) one string per line, for line-by-line diffs. */
const source = z.pipe(
  z.union([z.string(), z.array(z.string())]),
  z.transform((v) => (Array.isArray(v) ? v.join('\n') : v)),
);

export const markdownCellSchema = z.looseObject({ kind: z.literal('markdown'), source });
export const queryCellSchema = z.looseObject({
  kind: z.literal('query'),
  source,
  options: z._default(queryOptionsSchema, {}),
  /** Oldest first. */
  runs: z._default(z.array(runSchema), []),
});
export type MarkdownCell = z.infer<typeof markdownCellSchema>;
export type QueryCell = z.infer<typeof queryCellSchema>;
export type NotebookCell = MarkdownCell | QueryCell;

export const notebookSchema = z.looseObject({
  format: z._default(z.literal(NOTEBOOK_FORMAT), NOTEBOOK_FORMAT),
  version: z._default(z.literal(NOTEBOOK_VERSION), NOTEBOOK_VERSION),
  title: z.optional(z.string()),
  cells: z.array(z.discriminatedUnion('kind', [markdownCellSchema, queryCellSchema])),
});
export type Notebook = z.infer<typeof notebookSchema>;
