/**
 * Input checks made before any call, so a mistake costs no request (and no money:
 * exports bill per patent). Messages name the parameter and say what is allowed.
 * The bounds are the contract's (../shared/patsnap-api.md and the seeds).
 */
import { EXPORT_MAX_ROWS_PLUS_OFFSET, EXPORT_ROW_LIMITS, exportFieldProblem } from './exportFields';
import type { StandardNumberParams } from './recordTypes';
import type { CollapseOptions, CountParams, ExamDocsParams, ExportParams, FacetParams, PatentRefs, SearchParams } from './types';

export interface InputProblem {
  parameter: string;
  message: string;
}

export const SEARCH_QUERY_MAX = 1500;
/** The export seed allows "as complex as a 2000 character boolean query". */
export const EXPORT_QUERY_MAX = 2000;
export const SEARCH_LIMIT_MAX = 1000;
export const SEARCH_WINDOW_MAX = 20_000;
export const EXAM_DOCS_LIMIT_MAX = 1000;
export const STANDARD_NUMBER_LIMIT_MAX = 1000;

export const SORT_FIELDS = ['PBDT_YEARMONTHDAY', 'APD_YEARMONTHDAY', 'ISD', 'SCORE'] as const;
export const SORT_ORDERS = ['ASC', 'DESC'] as const;
export const COLLAPSE_TYPES = ['ALL', 'APNO', 'DOCDB', 'INPADOC', 'EXTEND'] as const;
export const COLLAPSE_BY = ['APD', 'PBD', 'AUTHORITY', 'SCORE'] as const;
export const COLLAPSE_ORDERS = ['OLDEST', 'LATEST'] as const;
export const EXPORT_TYPES = ['json', 'csv', 'xls', 'pdf', 'full_text', 'xml'] as const;
export const EXPORT_LANGS = ['cn', 'en', 'jp', 'de', 'fr', 'kr'] as const;
export const TRANS_LANGS = ['cn', 'en', 'jp'] as const;
export const FACET_LANGS = ['cn', 'en', 'jp'] as const;
export const FACET_FIELDS_MAX = 5;
export const FACET_LIMIT_MAX = 100;
/** Batch endpoints: at most this many ids and this many numbers per call. */
export const BATCH_MAX = 100;
export const FACET_WINDOW_MAX = 200;
/** P003 refuses positional operators in its query: $W, $PRE, $WS, $SEN, $PARA, $FREQ, with or without a distance. */
export const POSITIONAL_OPERATOR = /\$(?:WS|W|PRE|SEN|PARA|FREQ)\d*(?![A-Za-z])/i;

type Problems = InputProblem[];

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

function intIn(problems: Problems, parameter: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!isInt(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
    problems.push({ parameter, message: `${parameter} must be a whole number ${range}.` });
  }
}

function oneOf(problems: Problems, parameter: string, value: string | undefined, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value)) problems.push({ parameter, message: `${parameter} must be one of ${allowed.join(', ')}.` });
}

function queryText(problems: Problems, query: unknown, max: number): void {
  if (typeof query !== 'string' || query.trim() === '') problems.push({ parameter: 'query', message: 'The query is empty: type what to search for.' });
  else if (query.length > max) problems.push({ parameter: 'query', message: `The query is ${query.length} characters long; PatSnap takes at most ${max}.` });
}

/** A real calendar date written as yyyyMMdd. */
export function isYmd(value: number | string): boolean {
  const s = String(value);
  if (!/^\d{8}$/.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  if (y < 1700 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function collapse(problems: Problems, p: CollapseOptions): void {
  oneOf(problems, 'collapseType', p.collapseType, COLLAPSE_TYPES);
  oneOf(problems, 'collapseBy', p.collapseBy, COLLAPSE_BY);
  oneOf(problems, 'collapseOrder', p.collapseOrder, COLLAPSE_ORDERS);
  const authority = p.collapseOrderAuthority;
  if (authority !== undefined) {
    if (p.collapseBy !== 'AUTHORITY') {
      problems.push({ parameter: 'collapseOrderAuthority', message: 'collapseOrderAuthority applies only when collapseBy is AUTHORITY.' });
    } else if (!Array.isArray(authority) || authority.length === 0 || !authority.every((a) => typeof a === 'string' && /^[A-Z]{2}$/.test(a))) {
      problems.push({ parameter: 'collapseOrderAuthority', message: 'collapseOrderAuthority must list two-letter office codes such as CN, US, EP.' });
    }
  }
}

/** P001 takes the query and the collapse options of P002, nothing else. */
export function checkCountParams(p: CountParams): InputProblem[] {
  const problems: Problems = [];
  queryText(problems, p.query, SEARCH_QUERY_MAX);
  collapse(problems, p);
  return problems;
}

export function checkSearchParams(p: SearchParams): InputProblem[] {
  const problems: Problems = [];
  queryText(problems, p.query, SEARCH_QUERY_MAX);
  intIn(problems, 'limit', p.limit, 1, SEARCH_LIMIT_MAX);
  intIn(problems, 'offset', p.offset, 0, SEARCH_WINDOW_MAX);
  const limit = p.limit ?? 10;
  const offset = p.offset ?? 0;
  if (isInt(limit) && isInt(offset) && offset >= 0 && limit >= 1 && offset + limit > SEARCH_WINDOW_MAX) {
    problems.push({ parameter: 'offset', message: `PatSnap serves only the first ${SEARCH_WINDOW_MAX} results: offset + limit is ${offset + limit}.` });
  }
  if (p.sort !== undefined) {
    if (!Array.isArray(p.sort)) problems.push({ parameter: 'sort', message: 'sort must be a list of {field, order}.' });
    else {
      const seen = new Set<string>();
      for (const s of p.sort) {
        const field = (s as { field?: unknown } | undefined)?.field;
        const order = (s as { order?: unknown } | undefined)?.order;
        if (typeof field !== 'string' || !(SORT_FIELDS as readonly string[]).includes(field)) {
          problems.push({ parameter: 'sort', message: `A sort field must be one of ${SORT_FIELDS.join(', ')}.` });
        } else if (seen.has(field)) {
          problems.push({ parameter: 'sort', message: `Sort by ${field} is given twice.` });
        } else seen.add(field);
        if (typeof order !== 'string' || !(SORT_ORDERS as readonly string[]).includes(order)) problems.push({ parameter: 'sort', message: 'A sort order must be ASC or DESC.' });
      }
    }
  }
  collapse(problems, p);
  return problems;
}

export function checkExamDocsParams(p: ExamDocsParams): InputProblem[] {
  const problems: Problems = [];
  const given = (['apno', 'patentId', 'patentNumber'] as const).filter((k) => typeof p[k] === 'string' && (p[k] as string).trim() !== '');
  if (given.length !== 1) {
    problems.push({ parameter: given[1] ?? 'patentNumber', message: 'Give exactly one of an application number (apno), a patent id or a patent number.' });
  }
  if (typeof p.apno === 'string' && /^\s*CN/i.test(p.apno)) {
    problems.push({ parameter: 'apno', message: 'PatSnap has no examination documents for Chinese (CN) applications.' });
  }
  if (typeof p.patentNumber === 'string' && /^\s*CN/i.test(p.patentNumber)) {
    problems.push({ parameter: 'patentNumber', message: 'PatSnap has no examination documents for Chinese (CN) patents.' });
  }
  if (p.docCodes !== undefined) {
    if (!Array.isArray(p.docCodes)) problems.push({ parameter: 'docCodes', message: 'docCodes must be a list such as CTNF, IDS.' });
    else {
      const bad = p.docCodes.find((c) => typeof c !== 'string' || !/^[A-Z0-9.]{1,20}$/.test(c.trim().toUpperCase()));
      if (bad !== undefined) problems.push({ parameter: 'docCodes', message: `"${String(bad)}" is not a document code; codes look like CTNF or IDS.` });
    }
  }
  for (const name of ['dateFrom', 'dateTo'] as const) {
    const v = p[name];
    if (v !== undefined && (!isInt(v) || !isYmd(v))) problems.push({ parameter: name, message: `${name} must be a date written yyyyMMdd, e.g. 20240131.` });
  }
  if (isInt(p.dateFrom) && isInt(p.dateTo) && p.dateFrom > p.dateTo) {
    problems.push({ parameter: 'dateFrom', message: `dateFrom (${p.dateFrom}) is after dateTo (${p.dateTo}).` });
  }
  intIn(problems, 'limit', p.limit, 1, EXAM_DOCS_LIMIT_MAX);
  intIn(problems, 'offset', p.offset, 0, 1_000_000);
  return problems;
}

export function checkExportParams(p: ExportParams): InputProblem[] {
  const problems: Problems = [];
  queryText(problems, p.query, EXPORT_QUERY_MAX);
  const typeOk = (EXPORT_TYPES as readonly string[]).includes(p.exportType);
  if (!typeOk) problems.push({ parameter: 'exportType', message: `exportType must be one of ${EXPORT_TYPES.join(', ')}.` });
  if (!Array.isArray(p.fields) || p.fields.length === 0) {
    problems.push({ parameter: 'fields', message: 'Choose at least one field to export, e.g. PN, TTL.' });
  } else if (typeOk) {
    for (const f of p.fields) {
      const problem = typeof f === 'string' ? exportFieldProblem(f, p.exportType) : 'Export fields are names such as PN.';
      if (problem) {
        problems.push({ parameter: 'fields', message: problem });
        break;
      }
    }
  }
  if (p.rows === undefined || !isInt(p.rows) || p.rows < 1) problems.push({ parameter: 'rows', message: 'rows must be a whole number of 1 or more.' });
  else if (typeOk && p.rows > EXPORT_ROW_LIMITS[p.exportType]) {
    problems.push({ parameter: 'rows', message: `A ${p.exportType} export takes at most ${EXPORT_ROW_LIMITS[p.exportType]} rows.` });
  }
  intIn(problems, 'offset', p.offset, 0, EXPORT_MAX_ROWS_PLUS_OFFSET);
  if (isInt(p.rows) && isInt(p.offset ?? 0) && p.rows + (p.offset ?? 0) > EXPORT_MAX_ROWS_PLUS_OFFSET) {
    problems.push({ parameter: 'offset', message: `PatSnap exports only the first ${EXPORT_MAX_ROWS_PLUS_OFFSET} results: rows + offset is ${p.rows + (p.offset ?? 0)}.` });
  }
  for (const [from, to] of [
    ['apdtFrom', 'apdtTo'],
    ['pbdtFrom', 'pbdtTo'],
  ] as const) {
    for (const name of [from, to]) {
      const v = p[name];
      if (v !== undefined && v !== '*' && !(typeof v === 'string' && isYmd(v))) problems.push({ parameter: name, message: `${name} must be a date written yyyyMMdd, or * for no limit.` });
    }
    const a = p[from];
    const b = p[to];
    if (a !== undefined && b !== undefined && a !== '*' && b !== '*' && isYmd(a) && isYmd(b) && Number(a) > Number(b)) {
      problems.push({ parameter: from, message: `${from} (${a}) is after ${to} (${b}).` });
    }
  }
  oneOf(problems, 'lang', p.lang, EXPORT_LANGS);
  oneOf(problems, 'transLang', p.transLang, TRANS_LANGS);
  if (p.stemming !== undefined && typeof p.stemming !== 'boolean') problems.push({ parameter: 'stemming', message: 'stemming is on or off (true or false).' });
  collapse(problems, p);
  return problems;
}

/** Field codes as P003 takes them: trimmed, upper case. */
export function facetFieldCodes(fields: readonly string[]): string[] {
  return fields.map((f) => (typeof f === 'string' ? f.trim().toUpperCase() : ''));
}

export function checkFacetParams(p: FacetParams): InputProblem[] {
  const problems: Problems = [];
  queryText(problems, p.query, Number.MAX_SAFE_INTEGER);
  const operator = typeof p.query === 'string' ? POSITIONAL_OPERATOR.exec(p.query)?.[0] : undefined;
  if (operator) problems.push({ parameter: 'query', message: `Field statistics do not take positional operators such as ${operator}: use AND, OR and NOT instead.` });
  if (!Array.isArray(p.fields) || p.fields.length === 0) {
    problems.push({ parameter: 'fields', message: 'Choose at least one field, e.g. ASSIGNEE or PUBLICATION_YEAR.' });
  } else {
    const codes = facetFieldCodes(p.fields);
    const bad = codes.find((c) => !/^[A-Z][A-Z0-9_]{0,39}$/.test(c));
    if (bad !== undefined) problems.push({ parameter: 'fields', message: `"${bad}" is not a field code; codes look like ASSIGNEE or PUBLICATION_YEAR.` });
    else if (new Set(codes).size !== codes.length) problems.push({ parameter: 'fields', message: 'A field is given twice.' });
    if (codes.length > FACET_FIELDS_MAX) problems.push({ parameter: 'fields', message: `At most ${FACET_FIELDS_MAX} fields at once; ${codes.length} were given.` });
  }
  intIn(problems, 'limit', p.limit, 1, FACET_LIMIT_MAX);
  intIn(problems, 'offset', p.offset, 0, FACET_WINDOW_MAX - 1);
  const limit = p.limit ?? 50;
  const offset = p.offset ?? 0;
  if (isInt(limit) && isInt(offset) && limit >= 1 && offset >= 0 && offset + limit > FACET_WINDOW_MAX) {
    problems.push({ parameter: 'offset', message: `PatSnap gives only the top ${FACET_WINDOW_MAX} values of a field: offset + limit is ${offset + limit}.` });
  }
  oneOf(problems, 'lang', p.lang, FACET_LANGS);
  return problems;
}

/** Ids and numbers go in comma lists: an item holding a comma (or nothing) cannot be sent. */
export function checkPatentRefs(refs: PatentRefs): InputProblem[] {
  const problems: Problems = [];
  for (const [parameter, items] of [
    ['patentIds', refs.patentIds],
    ['numbers', refs.numbers],
  ] as const) {
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      problems.push({ parameter, message: `${parameter} must be a list.` });
      continue;
    }
    const bad = items.find((x) => typeof x !== 'string' || x.includes(','));
    if (bad !== undefined) problems.push({ parameter, message: `"${String(bad)}" is not one ${parameter === 'numbers' ? 'patent number' : 'patent id'}: give each in its own list item.` });
  }
  return problems;
}

/** P069 takes one number, a publication number (`pn`) or an application number (`apno`). */
export function checkStandardNumberParams(p: StandardNumberParams): InputProblem[] {
  const problems: Problems = [];
  const given = (['pn', 'apno'] as const).filter((k) => typeof p[k] === 'string' && (p[k] as string).trim() !== '');
  if (given.length !== 1) problems.push({ parameter: given[1] ?? 'pn', message: 'Give one number: a publication number (pn) or an application number (apno).' });
  for (const k of given) {
    const value = p[k] as string;
    // "US 11,205,304 B2" has commas between digits; a list has them before an office code.
    if (/[,;]\s*[A-Z]{2}\s*\d/i.test(value)) problems.push({ parameter: k, message: 'Give one number per call, not a list.' });
    else if (value.length > 100) problems.push({ parameter: k, message: `${k} is ${value.length} characters long: a patent number is far shorter.` });
  }
  if (p.authority !== undefined && (!Array.isArray(p.authority) || !p.authority.every((a) => typeof a === 'string' && /^[A-Z]{2}$/i.test(a.trim())))) {
    problems.push({ parameter: 'authority', message: 'authority must list two-letter office codes such as US, EP, CN.' });
  }
  intIn(problems, 'limit', p.limit, 1, STANDARD_NUMBER_LIMIT_MAX);
  intIn(problems, 'offset', p.offset, 0, 1_000_000);
  return problems;
}
