/**
 * Input checks made before any call, so a mistake costs no request (and no money:
 * exports bill per patent). Messages name the parameter and say what is allowed, in the
 * language of the translator each check takes: `vscode.l10n` in the extension, English
 * (the default) in the CLI and the client. The parameter names and codes are given to it
 * as arguments, so no translation can lose them.
 * The bounds are the contract's (../shared/patsnap-api.md and the seeds).
 */
import { listOf } from '../text/punctuation';
import { EXPORT_MAX_ROWS_PLUS_OFFSET, EXPORT_ROW_LIMITS, exportFieldProblem } from './exportFields';
import type { StandardNumberParams } from './recordTypes';
import type { CollapseOptions, CountParams, ExamDocsParams, ExportParams, FacetParams, PatentRefs, SearchParams } from './types';
import { ENGLISH, type Translator } from '../text/translator';

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

/** The problems found so far, and the language they are written in. */
interface Problems {
  readonly l10n: Translator;
  readonly list: InputProblem[];
}

function problemsIn(l10n: Translator): Problems {
  return { l10n, list: [] };
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

function intIn(problems: Problems, parameter: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!isInt(value) || value < min || value > max) {
    const { l10n } = problems;
    const message = max === Number.MAX_SAFE_INTEGER ? l10n.t('{0} must be a whole number of {1} or more.', parameter, min) : l10n.t('{0} must be a whole number from {1} to {2}.', parameter, min, max);
    problems.list.push({ parameter, message });
  }
}

function oneOf(problems: Problems, parameter: string, value: string | undefined, allowed: readonly string[]): void {
  const { l10n } = problems;
  if (value !== undefined && !allowed.includes(value)) problems.list.push({ parameter, message: l10n.t('{0} must be one of {1}.', parameter, listOf(l10n, allowed)) });
}

function queryText(problems: Problems, query: unknown, max: number): void {
  const { l10n } = problems;
  if (typeof query !== 'string' || query.trim() === '') problems.list.push({ parameter: 'query', message: l10n.t('The query is empty: type what to search for.') });
  else if (query.length > max) problems.list.push({ parameter: 'query', message: l10n.t('The query is {0} characters long; PatSnap takes at most {1}.', query.length, max) });
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
  const { l10n } = problems;
  oneOf(problems, 'collapseType', p.collapseType, COLLAPSE_TYPES);
  oneOf(problems, 'collapseBy', p.collapseBy, COLLAPSE_BY);
  oneOf(problems, 'collapseOrder', p.collapseOrder, COLLAPSE_ORDERS);
  const authority = p.collapseOrderAuthority;
  if (authority !== undefined) {
    if (p.collapseBy !== 'AUTHORITY') {
      problems.list.push({ parameter: 'collapseOrderAuthority', message: l10n.t('{0} applies only when {1} is {2}.', 'collapseOrderAuthority', 'collapseBy', 'AUTHORITY') });
    } else if (!Array.isArray(authority) || authority.length === 0 || !authority.every((a) => typeof a === 'string' && /^[A-Z]{2}$/.test(a))) {
      problems.list.push({ parameter: 'collapseOrderAuthority', message: l10n.t('{0} must list two-letter office codes such as {1}.', 'collapseOrderAuthority', listOf(l10n, ['CN', 'US', 'EP'])) });
    }
  }
}

/** P001 takes the query and the collapse options of P002, nothing else. */
export function checkCountParams(p: CountParams, l10n: Translator = ENGLISH): InputProblem[] {
  const problems = problemsIn(l10n);
  queryText(problems, p.query, SEARCH_QUERY_MAX);
  collapse(problems, p);
  return problems.list;
}

export function checkSearchParams(p: SearchParams, l10n: Translator = ENGLISH): InputProblem[] {
  const problems = problemsIn(l10n);
  queryText(problems, p.query, SEARCH_QUERY_MAX);
  intIn(problems, 'limit', p.limit, 1, SEARCH_LIMIT_MAX);
  intIn(problems, 'offset', p.offset, 0, SEARCH_WINDOW_MAX);
  const limit = p.limit ?? 10;
  const offset = p.offset ?? 0;
  if (isInt(limit) && isInt(offset) && offset >= 0 && limit >= 1 && offset + limit > SEARCH_WINDOW_MAX) {
    problems.list.push({ parameter: 'offset', message: l10n.t('PatSnap serves only the first {0} results: {1} is {2}.', SEARCH_WINDOW_MAX, 'offset + limit', offset + limit) });
  }
  if (p.sort !== undefined) {
    if (!Array.isArray(p.sort)) problems.list.push({ parameter: 'sort', message: l10n.t('{0} must be a list of {1}.', 'sort', '{field, order}') });
    else {
      const seen = new Set<string>();
      for (const s of p.sort) {
        const field = (s as { field?: unknown } | undefined)?.field;
        const order = (s as { order?: unknown } | undefined)?.order;
        if (typeof field !== 'string' || !(SORT_FIELDS as readonly string[]).includes(field)) {
          problems.list.push({ parameter: 'sort', message: l10n.t('A sort field must be one of {0}.', listOf(l10n, SORT_FIELDS)) });
        } else if (seen.has(field)) {
          problems.list.push({ parameter: 'sort', message: l10n.t('Sort by {0} is given twice.', field) });
        } else seen.add(field);
        if (typeof order !== 'string' || !(SORT_ORDERS as readonly string[]).includes(order)) problems.list.push({ parameter: 'sort', message: l10n.t('A sort order must be {0} or {1}.', 'ASC', 'DESC') });
      }
    }
  }
  collapse(problems, p);
  return problems.list;
}

export function checkExamDocsParams(p: ExamDocsParams, l10n: Translator = ENGLISH): InputProblem[] {
  const problems = problemsIn(l10n);
  const given = (['apno', 'patentId', 'patentNumber'] as const).filter((k) => typeof p[k] === 'string' && (p[k] as string).trim() !== '');
  if (given.length !== 1) {
    problems.list.push({ parameter: given[1] ?? 'patentNumber', message: l10n.t('Give exactly one of an application number ({0}), a patent id or a patent number.', 'apno') });
  }
  if (typeof p.apno === 'string' && /^\s*CN/i.test(p.apno)) {
    problems.list.push({ parameter: 'apno', message: l10n.t('PatSnap has no examination documents for Chinese (CN) applications.') });
  }
  if (typeof p.patentNumber === 'string' && /^\s*CN/i.test(p.patentNumber)) {
    problems.list.push({ parameter: 'patentNumber', message: l10n.t('PatSnap has no examination documents for Chinese (CN) patents.') });
  }
  if (p.docCodes !== undefined) {
    if (!Array.isArray(p.docCodes)) problems.list.push({ parameter: 'docCodes', message: l10n.t('{0} must be a list such as {1}.', 'docCodes', listOf(l10n, ['CTNF', 'IDS'])) });
    else {
      const bad = p.docCodes.find((c) => typeof c !== 'string' || !/^[A-Z0-9.]{1,20}$/.test(c.trim().toUpperCase()));
      if (bad !== undefined) problems.list.push({ parameter: 'docCodes', message: l10n.t('"{0}" is not a document code; codes look like {1} or {2}.', String(bad), 'CTNF', 'IDS') });
    }
  }
  for (const name of ['dateFrom', 'dateTo'] as const) {
    const v = p[name];
    if (v !== undefined && (!isInt(v) || !isYmd(v))) problems.list.push({ parameter: name, message: l10n.t('{0} must be a date written yyyyMMdd, e.g. {1}.', name, '20240131') });
  }
  if (isInt(p.dateFrom) && isInt(p.dateTo) && p.dateFrom > p.dateTo) {
    problems.list.push({ parameter: 'dateFrom', message: l10n.t('{0} ({1}) is after {2} ({3}).', 'dateFrom', p.dateFrom, 'dateTo', p.dateTo) });
  }
  intIn(problems, 'limit', p.limit, 1, EXAM_DOCS_LIMIT_MAX);
  intIn(problems, 'offset', p.offset, 0, 1_000_000);
  return problems.list;
}

export function checkExportParams(p: ExportParams, l10n: Translator = ENGLISH): InputProblem[] {
  const problems = problemsIn(l10n);
  queryText(problems, p.query, EXPORT_QUERY_MAX);
  const typeOk = (EXPORT_TYPES as readonly string[]).includes(p.exportType);
  if (!typeOk) problems.list.push({ parameter: 'exportType', message: l10n.t('{0} must be one of {1}.', 'exportType', listOf(l10n, EXPORT_TYPES)) });
  if (!Array.isArray(p.fields) || p.fields.length === 0) {
    problems.list.push({ parameter: 'fields', message: l10n.t('Choose at least one field to export, e.g. {0}.', listOf(l10n, ['PN', 'TTL'])) });
  } else if (typeOk) {
    for (const f of p.fields) {
      const problem = typeof f === 'string' ? exportFieldProblem(f, p.exportType, l10n) : l10n.t('Export fields are names such as {0}.', 'PN');
      if (problem) {
        problems.list.push({ parameter: 'fields', message: problem });
        break;
      }
    }
  }
  if (p.rows === undefined || !isInt(p.rows) || p.rows < 1) problems.list.push({ parameter: 'rows', message: l10n.t('{0} must be a whole number of {1} or more.', 'rows', 1) });
  else if (typeOk && p.rows > EXPORT_ROW_LIMITS[p.exportType]) {
    problems.list.push({ parameter: 'rows', message: l10n.t('A {0} export takes at most {1} rows.', p.exportType, EXPORT_ROW_LIMITS[p.exportType]) });
  }
  intIn(problems, 'offset', p.offset, 0, EXPORT_MAX_ROWS_PLUS_OFFSET);
  if (isInt(p.rows) && isInt(p.offset ?? 0) && p.rows + (p.offset ?? 0) > EXPORT_MAX_ROWS_PLUS_OFFSET) {
    problems.list.push({ parameter: 'offset', message: l10n.t('PatSnap exports only the first {0} results: {1} is {2}.', EXPORT_MAX_ROWS_PLUS_OFFSET, 'rows + offset', p.rows + (p.offset ?? 0)) });
  }
  for (const [from, to] of [
    ['apdtFrom', 'apdtTo'],
    ['pbdtFrom', 'pbdtTo'],
  ] as const) {
    for (const name of [from, to]) {
      const v = p[name];
      if (v !== undefined && v !== '*' && !(typeof v === 'string' && isYmd(v))) problems.list.push({ parameter: name, message: l10n.t('{0} must be a date written yyyyMMdd, or * for no limit.', name) });
    }
    const a = p[from];
    const b = p[to];
    if (a !== undefined && b !== undefined && a !== '*' && b !== '*' && isYmd(a) && isYmd(b) && Number(a) > Number(b)) {
      problems.list.push({ parameter: from, message: l10n.t('{0} ({1}) is after {2} ({3}).', from, a, to, b) });
    }
  }
  oneOf(problems, 'lang', p.lang, EXPORT_LANGS);
  oneOf(problems, 'transLang', p.transLang, TRANS_LANGS);
  if (p.stemming !== undefined && typeof p.stemming !== 'boolean') problems.list.push({ parameter: 'stemming', message: l10n.t('{0} is on or off ({1} or {2}).', 'stemming', 'true', 'false') });
  collapse(problems, p);
  return problems.list;
}

/** Field codes as P003 takes them: trimmed, upper case. */
export function facetFieldCodes(fields: readonly string[]): string[] {
  return fields.map((f) => (typeof f === 'string' ? f.trim().toUpperCase() : ''));
}

export function checkFacetParams(p: FacetParams, l10n: Translator = ENGLISH): InputProblem[] {
  const problems = problemsIn(l10n);
  queryText(problems, p.query, Number.MAX_SAFE_INTEGER);
  const operator = typeof p.query === 'string' ? POSITIONAL_OPERATOR.exec(p.query)?.[0] : undefined;
  if (operator) problems.list.push({ parameter: 'query', message: l10n.t('Field statistics do not take positional operators such as {0}: use {1}, {2} and {3} instead.', operator, 'AND', 'OR', 'NOT') });
  if (!Array.isArray(p.fields) || p.fields.length === 0) {
    problems.list.push({ parameter: 'fields', message: l10n.t('Choose at least one field, e.g. {0} or {1}.', 'ASSIGNEE', 'PUBLICATION_YEAR') });
  } else {
    const codes = facetFieldCodes(p.fields);
    const bad = codes.find((c) => !/^[A-Z][A-Z0-9_]{0,39}$/.test(c));
    if (bad !== undefined) problems.list.push({ parameter: 'fields', message: l10n.t('"{0}" is not a field code; codes look like {1} or {2}.', bad, 'ASSIGNEE', 'PUBLICATION_YEAR') });
    else if (new Set(codes).size !== codes.length) problems.list.push({ parameter: 'fields', message: l10n.t('A field is given twice.') });
    if (codes.length > FACET_FIELDS_MAX) problems.list.push({ parameter: 'fields', message: l10n.t('At most {0} fields at once; {1} were given.', FACET_FIELDS_MAX, codes.length) });
  }
  intIn(problems, 'limit', p.limit, 1, FACET_LIMIT_MAX);
  intIn(problems, 'offset', p.offset, 0, FACET_WINDOW_MAX - 1);
  const limit = p.limit ?? 50;
  const offset = p.offset ?? 0;
  if (isInt(limit) && isInt(offset) && limit >= 1 && offset >= 0 && offset + limit > FACET_WINDOW_MAX) {
    problems.list.push({ parameter: 'offset', message: l10n.t('PatSnap gives only the top {0} values of a field: {1} is {2}.', FACET_WINDOW_MAX, 'offset + limit', offset + limit) });
  }
  oneOf(problems, 'lang', p.lang, FACET_LANGS);
  return problems.list;
}

/** Ids and numbers go in comma lists: an item holding a comma (or nothing) cannot be sent. */
export function checkPatentRefs(refs: PatentRefs, l10n: Translator = ENGLISH): InputProblem[] {
  const problems = problemsIn(l10n);
  for (const [parameter, items] of [
    ['patentIds', refs.patentIds],
    ['numbers', refs.numbers],
  ] as const) {
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      problems.list.push({ parameter, message: l10n.t('{0} must be a list.', parameter) });
      continue;
    }
    const bad = items.find((x) => typeof x !== 'string' || x.includes(','));
    if (bad !== undefined) {
      const message = parameter === 'numbers' ? l10n.t('"{0}" is not one patent number: give each in its own list item.', String(bad)) : l10n.t('"{0}" is not one patent id: give each in its own list item.', String(bad));
      problems.list.push({ parameter, message });
    }
  }
  return problems.list;
}

/** P069 takes one number, a publication number (`pn`) or an application number (`apno`). */
export function checkStandardNumberParams(p: StandardNumberParams, l10n: Translator = ENGLISH): InputProblem[] {
  const problems = problemsIn(l10n);
  const given = (['pn', 'apno'] as const).filter((k) => typeof p[k] === 'string' && (p[k] as string).trim() !== '');
  if (given.length !== 1) problems.list.push({ parameter: given[1] ?? 'pn', message: l10n.t('Give one number: a publication number ({0}) or an application number ({1}).', 'pn', 'apno') });
  for (const k of given) {
    const value = p[k] as string;
    // "US 11,205,304 B2" has commas between digits; a list has them before an office code.
    if (/[,;]\s*[A-Z]{2}\s*\d/i.test(value)) problems.list.push({ parameter: k, message: l10n.t('Give one number per call, not a list.') });
    else if (value.length > 100) problems.list.push({ parameter: k, message: l10n.t('{0} is {1} characters long: a patent number is far shorter.', k, value.length) });
  }
  if (p.authority !== undefined && (!Array.isArray(p.authority) || !p.authority.every((a) => typeof a === 'string' && /^[A-Z]{2}$/i.test(a.trim())))) {
    problems.list.push({ parameter: 'authority', message: l10n.t('{0} must list two-letter office codes such as {1}.', 'authority', listOf(l10n, ['US', 'EP', 'CN'])) });
  }
  intIn(problems, 'limit', p.limit, 1, STANDARD_NUMBER_LIMIT_MAX);
  intIn(problems, 'offset', p.offset, 0, 1_000_000);
  return problems.list;
}
