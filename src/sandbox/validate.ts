/**
 * The contract's parameter rules, checked strictly: anything out of bounds is
 * answered with 68300004 and a message naming the parameter, as the service does.
 */
import { EXPORT_MAX_ROWS_PLUS_OFFSET, EXPORT_ROW_LIMITS, exportFieldProblem, type ExportField } from '../core/api/exportFields';
import type { CollapseBy, CollapseOrder, CollapseType, ExportLang, ExportType, SortField, SortOrder, TransLang } from '../core/api/types';
import { parseYmd, isValidYmd } from './dates';
import { parseQuery, QuerySyntaxError, type QueryNode } from './query';
import type { CollapseSpec } from './search';

export class InvalidParameter extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidParameter';
  }
}

type Body = Record<string, unknown>;

const fail = (parameter: string, message: string): never => {
  throw new InvalidParameter(parameter, `${parameter}: ${message}`);
};

export const SEARCH_QUERY_MAX = 1500;
/** The export seed allows "as complex as a 2000 character boolean query". */
export const EXPORT_QUERY_MAX = 2000;
export const SEARCH_LIMIT_MAX = 1000;
export const SEARCH_WINDOW_MAX = 20_000;
export const BATCH_MAX = 100;

function optionalInt(body: Body, name: string, min: number, max: number): number | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) return fail(name, 'must be an integer.');
  if (v < min || v > max) return fail(name, `must be between ${min} and ${max}.`);
  return v;
}

function optionalString(body: Body, name: string): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') return fail(name, 'must be a string.');
  return v;
}

function oneOf<T extends string>(body: Body, name: string, allowed: readonly T[]): T | undefined {
  const v = optionalString(body, name);
  if (v === undefined || v === '') return undefined;
  if (!(allowed as readonly string[]).includes(v)) return fail(name, `must be one of ${allowed.join(', ')}.`);
  return v as T;
}

export function queryText(body: Body, max: number): { text: string; node: QueryNode } {
  const text = optionalString(body, 'query_text');
  if (text === undefined || text.trim() === '') return fail('query_text', 'is required.');
  if (text.length > max) return fail('query_text', `may be at most ${max} characters.`);
  try {
    return { text, node: parseQuery(text) };
  } catch (e) {
    if (e instanceof QuerySyntaxError) return fail('query_text', e.message);
    throw e;
  }
}

export function collapse(body: Body): CollapseSpec | undefined {
  const type = oneOf<CollapseType>(body, 'collapse_type', ['ALL', 'APNO', 'DOCDB', 'INPADOC', 'EXTEND']);
  const by = oneOf<CollapseBy>(body, 'collapse_by', ['APD', 'PBD', 'AUTHORITY', 'SCORE']);
  const order = oneOf<CollapseOrder>(body, 'collapse_order', ['OLDEST', 'LATEST']);
  const authority = body.collapse_order_authority;
  if (authority !== undefined && authority !== null) {
    if (!Array.isArray(authority) || authority.length > 50 || !authority.every((a) => typeof a === 'string' && /^[A-Z]{2}$/.test(a))) {
      fail('collapse_order_authority', 'must be a list of two-letter office codes such as ["CN","US"].');
    }
  }
  if (!type || type === 'ALL') return undefined;
  return { type, by, order, authority: (authority as string[] | undefined) ?? undefined };
}

export interface SearchRequest {
  node: QueryNode;
  limit: number;
  offset: number;
  sort: Array<{ field: SortField; order: SortOrder }>;
  collapse?: CollapseSpec;
}

/** P001: the query and the collapse options of P002. */
export function countRequest(body: Body): { node: QueryNode; collapse?: CollapseSpec } {
  const { node } = queryText(body, SEARCH_QUERY_MAX);
  return { node, collapse: collapse(body) };
}

const SORT_FIELDS: readonly SortField[] = ['PBDT_YEARMONTHDAY', 'APD_YEARMONTHDAY', 'ISD', 'SCORE'];

export function searchRequest(body: Body): SearchRequest {
  const { node } = queryText(body, SEARCH_QUERY_MAX);
  const limit = optionalInt(body, 'limit', 1, SEARCH_LIMIT_MAX) ?? 10;
  const offset = optionalInt(body, 'offset', 0, SEARCH_WINDOW_MAX) ?? 0;
  if (offset + limit > SEARCH_WINDOW_MAX) fail('offset', `offset + limit may be at most ${SEARCH_WINDOW_MAX}.`);
  const sort: SearchRequest['sort'] = [];
  const rawSort = body.sort;
  if (rawSort !== undefined && rawSort !== null) {
    if (!Array.isArray(rawSort) || rawSort.length > SORT_FIELDS.length) fail('sort', 'must be a list of {field, order}.');
    for (const s of rawSort as unknown[]) {
      const item = (typeof s === 'object' && s !== null ? s : {}) as Body;
      const field = item.field;
      const order = typeof item.order === 'string' ? item.order.toUpperCase() : undefined;
      if (typeof field !== 'string' || !(SORT_FIELDS as readonly string[]).includes(field)) fail('sort', `field must be one of ${SORT_FIELDS.join(', ')}.`);
      // The seed lists the orders in lower case ("desc, asc") and the examples in upper case.
      if (order !== 'ASC' && order !== 'DESC') fail('sort', 'order must be ASC or DESC.');
      sort.push({ field: field as SortField, order: order as SortOrder });
    }
  }
  return { node, limit, offset, sort, collapse: collapse(body) };
}

/** Parameter `name`'s comma list (ids, numbers, codes; at most BATCH_MAX items); undefined when absent or empty. */
function commaList(name: string, raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const items = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length > BATCH_MAX) fail(name, `at most ${BATCH_MAX} per call.`);
  return items.length > 0 ? items : undefined;
}

/** `patent_id` / `patent_number` of the batch endpoints: comma lists of at most 100; ids win. */
export function batchRefs(query: URLSearchParams): { ids: string[] } | { numbers: string[] } {
  const ids = commaList('patent_id', query.get('patent_id') ?? undefined);
  const numbers = commaList('patent_number', query.get('patent_number') ?? undefined);
  if (ids) return { ids };
  if (numbers) return { numbers };
  return fail('patent_id', 'patent_id or patent_number is required.');
}

/** `replace_by_related` of P020 and P018: 0 or 1 (true and false are taken too). */
export function replaceByRelated(query: URLSearchParams): boolean {
  const v = query.get('replace_by_related');
  if (v !== null && !['0', '1', 'true', 'false'].includes(v)) fail('replace_by_related', 'must be 0 or 1.');
  return v === '1' || v === 'true';
}

export interface ExamRequest {
  apno?: string;
  ids?: string[];
  numbers?: string[];
  docCodes?: string[];
  dateFrom?: number;
  dateTo?: number;
  limit: number;
  offset: number;
}

export function examRequest(body: Body): ExamRequest {
  const ids = commaList('patent_id', optionalString(body, 'patent_id'));
  const numbers = commaList('patent_number', optionalString(body, 'patent_number'));
  const apno = optionalString(body, 'apno')?.trim() || undefined;
  if (!ids && !numbers && !apno) fail('patent_id', 'patent_id, patent_number or apno is required.');
  if (!ids && numbers?.some((n) => /^CN/i.test(n))) fail('patent_number', 'Chinese (CN) patents are not supported.');
  if (!ids && !numbers && apno && /^CN/i.test(apno)) fail('apno', 'Chinese (CN) applications are not supported.');
  const docCodes = commaList('doc_code', optionalString(body, 'doc_code'))?.map((c) => c.toUpperCase());
  if (docCodes?.some((c) => !/^[A-Z0-9.]{1,20}$/.test(c))) fail('doc_code', 'document codes look like CTNF or IDS.');
  const date = (name: string): number | undefined => {
    const v = optionalInt(body, name, 0, 99991231);
    if (v !== undefined && !isValidYmd(v)) fail(name, 'must be a date as an integer yyyyMMdd.');
    return v;
  };
  const dateFrom = date('date_from');
  const dateTo = date('date_to');
  if (dateFrom !== undefined && dateTo !== undefined && dateFrom > dateTo) fail('date_from', 'is after date_to.');
  return {
    apno,
    ids,
    numbers,
    docCodes,
    dateFrom,
    dateTo,
    limit: optionalInt(body, 'limit', 1, 1000) ?? 10,
    offset: optionalInt(body, 'offset', 0, 1_000_000) ?? 0,
  };
}

export interface StandardNumberRequest {
  pn?: string;
  apno?: string;
  authority?: Set<string>;
  limit: number;
  offset: number;
}

/** P069: `pn` or `apno` (pn wins), `authority[]`, `limit` at most 1,000 (default 10), `offset`. */
export function standardNumberRequest(body: Body): StandardNumberRequest {
  const number = (name: string): string | undefined => {
    const v = optionalString(body, name)?.trim();
    if (v && v.length > 100) fail(name, 'may be at most 100 characters.');
    return v || undefined;
  };
  const pn = number('pn');
  const apno = pn ? undefined : number('apno');
  if (!pn && !apno) fail('pn', 'pn or apno is required.');
  const authority = body.authority;
  if (authority !== undefined && authority !== null && (!Array.isArray(authority) || authority.length > 50 || !authority.every((a) => typeof a === 'string' && /^[A-Z]{2}$/.test(a)))) {
    fail('authority', 'must be a list of two-letter office codes such as ["US","EP"].');
  }
  return {
    pn,
    apno,
    authority: Array.isArray(authority) && authority.length > 0 ? new Set(authority as string[]) : undefined,
    limit: optionalInt(body, 'limit', 1, 1000) ?? 10,
    offset: optionalInt(body, 'offset', 0, 1_000_000) ?? 0,
  };
}

export interface ExportRequest {
  text: string;
  node: QueryNode;
  fields: ExportField[];
  type: ExportType;
  rows: number;
  offset: number;
  apdt: [number, number];
  pbdt: [number, number];
  collapse?: CollapseSpec;
  lang: ExportLang;
  transLang: TransLang;
  stemming: boolean;
}

const EXPORT_TYPES: readonly ExportType[] = ['json', 'csv', 'xls', 'pdf', 'full_text', 'xml'];

export function exportRequest(body: Body): ExportRequest {
  const { text, node } = queryText(body, EXPORT_QUERY_MAX);
  const type = oneOf<ExportType>(body, 'export_type', EXPORT_TYPES) ?? fail('export_type', `is required: one of ${EXPORT_TYPES.join(', ')}.`);
  const rawFields = optionalString(body, 'fields');
  const fields = (rawFields ?? '').split(',').map((f) => f.trim()).filter((f) => f !== '');
  if (fields.length === 0) fail('fields', 'is required, e.g. "PN,APNO".');
  for (const f of fields) {
    const problem = exportFieldProblem(f, type);
    if (problem) fail('fields', problem);
  }
  if (body.rows === undefined || body.rows === null) fail('rows', 'is required.');
  const rows = optionalInt(body, 'rows', 1, EXPORT_ROW_LIMITS[type]) as number;
  const offset = optionalInt(body, 'offset', 0, EXPORT_MAX_ROWS_PLUS_OFFSET) ?? 0;
  if (rows + offset > EXPORT_MAX_ROWS_PLUS_OFFSET) fail('offset', `rows + offset may be at most ${EXPORT_MAX_ROWS_PLUS_OFFSET}.`);
  const range = (from: string, to: string): [number, number] => {
    const bound = (name: string, open: number): number => {
      const v = optionalString(body, name);
      if (v === undefined || v === '*') return open;
      return parseYmd(v) ?? fail(name, "must be 'yyyyMMdd' or '*'.");
    };
    const lo = bound(from, 0);
    const hi = bound(to, 99991231);
    if (lo > hi) fail(from, `is after ${to}.`);
    return [lo, hi];
  };
  const stemming = body.stemming;
  if (stemming !== undefined && stemming !== null && stemming !== 0 && stemming !== 1) fail('stemming', 'must be 0 or 1.');
  return {
    text,
    node,
    fields: fields as ExportField[],
    type,
    rows,
    offset,
    apdt: range('apdt_from', 'apdt_to'),
    pbdt: range('pbdt_from', 'pbdt_to'),
    collapse: collapse(body),
    lang: oneOf<ExportLang>(body, 'lang', ['cn', 'en', 'jp', 'de', 'fr', 'kr']) ?? 'en',
    transLang: oneOf<TransLang>(body, 'trans_lang', ['cn', 'en', 'jp']) ?? 'en',
    stemming: stemming === 1,
  };
}
