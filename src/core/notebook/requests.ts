/**
 * What running a query cell sends: the query with the cell's date ranges added, and the
 * parameters of the three calls (P001 count, P002 search, P003 facets), each within the
 * contract's limits. The API client makes the calls; this only says what they carry, so a
 * notebook can tell how many calls a run will make before making any.
 */
import type { CollapseOptions, CountParams, SearchParams } from '../api/types';
import { diagnose, type DiagnoseOptions, type QueryDiagnostic, type QueryEndpoint } from '../query';
import { DEFAULT_FACET_LIMIT, DEFAULT_KEEP, FACET_MAX_FIELDS, FACET_WINDOW_MAX, type QueryCell, type QueryOptions } from './schema';

export interface FacetRequest {
  readonly query: string;
  /** At most five field codes. */
  readonly fields: readonly string[];
  /** 1..100, and offset + limit <= 200. */
  readonly limit: number;
  readonly offset: number;
}

export interface CellRequests {
  /** The query as sent: the cell's text and its date ranges. */
  readonly query: string;
  /** For the client's `count` (P001). */
  readonly count: CountParams;
  /** For the client's `search` (P002). */
  readonly search: SearchParams;
  /** Absent when the cell asks for no facets. */
  readonly facets?: FacetRequest;
  /** The calls one run makes (P011/P041/P014 look-ups to fill the kept results come on top). */
  readonly calls: number;
}

/** The date ranges of the options as query text: ` AND PBD:[20200101 TO *]`, or ''. */
export function dateFilter(options: QueryOptions): string {
  const parts: string[] = [];
  for (const [field, range] of [
    ['PBD', options.publicationDate],
    ['APD', options.applicationDate],
  ] as const) {
    if (!range || ((range.from ?? '*') === '*' && (range.to ?? '*') === '*')) continue;
    parts.push(`${field}:[${range.from ?? '*'} TO ${range.to ?? '*'}]`);
  }
  return parts.map((p) => ` AND ${p}`).join('');
}

/** The query a cell sends: its text in parentheses when date ranges are added to it. */
export function effectiveQuery(cell: Pick<QueryCell, 'source' | 'options'>): string {
  const filter = dateFilter(cell.options);
  return filter === '' ? cell.source : `(${cell.source})${filter}`;
}

/** The endpoints a run of this cell calls, for `diagnose`. */
export function cellEndpoints(cell: Pick<QueryCell, 'options'>): QueryEndpoint[] {
  return (cell.options.facets?.length ?? 0) > 0 ? ['count', 'search', 'facets'] : ['count', 'search'];
}

/** Diagnostics of the cell's text as it will be sent: its endpoints, and the date range counted against the limit. */
export function diagnoseCell(cell: Pick<QueryCell, 'source' | 'options'>, backend: 'patsnap' | 'sandbox' = 'patsnap', language: Pick<DiagnoseOptions, 'l10n' | 'locale'> = {}): QueryDiagnostic[] {
  const reservedLength = effectiveQuery(cell).length - cell.source.length;
  return diagnose(cell.source, { ...language, endpoints: cellEndpoints(cell), backend, reservedLength });
}

function collapse(o: QueryOptions): CollapseOptions {
  return {
    ...(o.collapseType ? { collapseType: o.collapseType } : {}),
    ...(o.collapseBy ? { collapseBy: o.collapseBy } : {}),
    ...(o.collapseOrder ? { collapseOrder: o.collapseOrder } : {}),
    ...(o.collapseOrderAuthority ? { collapseOrderAuthority: o.collapseOrderAuthority } : {}),
  };
}

export function cellRequests(cell: Pick<QueryCell, 'source' | 'options'>): CellRequests {
  const o = cell.options;
  const query = effectiveQuery(cell);
  const search: SearchParams = { query, limit: o.limit ?? DEFAULT_KEEP, offset: 0, ...(o.sort ? { sort: o.sort } : {}), ...collapse(o) };
  const fields = (o.facets ?? []).slice(0, FACET_MAX_FIELDS);
  const limit = Math.min(o.facetLimit ?? DEFAULT_FACET_LIMIT, FACET_WINDOW_MAX);
  const facets = fields.length > 0 ? { query, fields, limit, offset: 0 } : undefined;
  return { query, count: { query, ...collapse(o) }, search, ...(facets ? { facets } : {}), calls: facets ? 3 : 2 };
}
