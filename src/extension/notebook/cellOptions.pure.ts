/**
 * A query cell's options in words (its status bar item and the options editor), the
 * choices the editor offers, and reading what is typed into it. Pure.
 */
import { isYmd } from '../../core/api/validation';
import { FACET_FIELDS, FACET_MAX_FIELDS, type QueryOptions } from '../../core/notebook';
import { listOf } from '../../core/text/punctuation';
import { dateRangeWords } from '../common/format.pure';
import type { Translator } from '../../core/text/translator';

export type SortChoiceId = 'relevance' | 'publishedNewest' | 'publishedOldest' | 'filedNewest' | 'filedOldest' | 'grantedNewest';
type Sort = NonNullable<QueryOptions['sort']>;

const SORTS: ReadonlyArray<{ id: SortChoiceId; sort?: Sort }> = [
  { id: 'relevance' },
  { id: 'publishedNewest', sort: [{ field: 'PBDT_YEARMONTHDAY', order: 'DESC' }] },
  { id: 'publishedOldest', sort: [{ field: 'PBDT_YEARMONTHDAY', order: 'ASC' }] },
  { id: 'filedNewest', sort: [{ field: 'APD_YEARMONTHDAY', order: 'DESC' }] },
  { id: 'filedOldest', sort: [{ field: 'APD_YEARMONTHDAY', order: 'ASC' }] },
  { id: 'grantedNewest', sort: [{ field: 'ISD', order: 'DESC' }] },
];

export function sortLabel(id: SortChoiceId, l10n: Translator): string {
  switch (id) {
    case 'relevance':
      return l10n.t('Relevance');
    case 'publishedNewest':
      return l10n.t('Publication date, newest first');
    case 'publishedOldest':
      return l10n.t('Publication date, oldest first');
    case 'filedNewest':
      return l10n.t('Application date, newest first');
    case 'filedOldest':
      return l10n.t('Application date, oldest first');
    case 'grantedNewest':
      return l10n.t('Grant date, newest first');
  }
}

export const SORT_CHOICE_IDS: readonly SortChoiceId[] = SORTS.map((s) => s.id);

/** The choice the options' sort is, or undefined for a sort written by hand that no choice names. */
export function sortChoiceOf(options: QueryOptions): SortChoiceId | undefined {
  const key = JSON.stringify(options.sort ?? []);
  return SORTS.find((s) => JSON.stringify(s.sort ?? []) === key)?.id;
}

export function withSort(options: QueryOptions, id: SortChoiceId): QueryOptions {
  const { sort: _drop, ...rest } = options;
  const sort = SORTS.find((s) => s.id === id)?.sort;
  return sort ? { ...rest, sort: structuredClone(sort) as Sort } : rest;
}

export type CollapseChoiceId = 'ALL' | 'APNO' | 'DOCDB' | 'INPADOC' | 'EXTEND';
export const COLLAPSE_CHOICE_IDS: readonly CollapseChoiceId[] = ['ALL', 'APNO', 'DOCDB', 'INPADOC', 'EXTEND'];

export function collapseLabel(id: CollapseChoiceId, l10n: Translator): string {
  switch (id) {
    case 'ALL':
      return l10n.t('Every publication');
    case 'APNO':
      return l10n.t('One per application');
    case 'DOCDB':
      return l10n.t('One per simple family');
    case 'INPADOC':
      return l10n.t('One per INPADOC family');
    case 'EXTEND':
      return l10n.t('One per extended family');
  }
}

/** Collapsing keeps the latest publication of each group; "every publication" drops the collapse options. */
export function withCollapse(options: QueryOptions, id: CollapseChoiceId): QueryOptions {
  const { collapseType: _t, collapseBy: _b, collapseOrder: _o, collapseOrderAuthority: _a, ...rest } = options;
  return id === 'ALL' ? rest : { ...rest, collapseType: id, collapseBy: options.collapseBy ?? 'PBD', collapseOrder: options.collapseOrder ?? 'LATEST', ...(options.collapseOrderAuthority ? { collapseOrderAuthority: options.collapseOrderAuthority } : {}) };
}

export type DateRange = NonNullable<QueryOptions['publicationDate']>;

/** "20200101 to *" for a range, "" for none: what the options editor's input box holds (its parser reads it back); `dateRangeWords` says it. */
export function dateRangeText(range: DateRange | undefined): string {
  if (!range || ((range.from ?? '*') === '*' && (range.to ?? '*') === '*')) return '';
  return `${range.from ?? '*'} to ${range.to ?? '*'}`;
}

/**
 * What was typed for a date range: "" (none), "20200101 to 20231231", "2020-01-01 to *",
 * "20200101" (from then on). A message says what is wrong otherwise.
 */
export function parseDateRange(text: string, l10n: Translator): { range?: DateRange } | { problem: string } {
  const t = text.trim();
  if (t === '' || t === '*') return {};
  const parts = t.split(/\s+(?:to|-|–|\.\.)\s+|\s*\.\.\s*/i).map((p) => p.trim().replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1$2$3'));
  if (parts.length > 2) return { problem: l10n.t('Write a range as FROM to TO, e.g. 20200101 to 20231231 (* for no limit).') };
  const [from = '*', to = '*'] = parts;
  for (const d of [from, to]) if (d !== '*' && !isYmd(d)) return { problem: l10n.t('"{0}" is not a date: write yyyyMMdd, e.g. 20200131, or * for no limit.', d) };
  if (from !== '*' && to !== '*' && from > to) return { problem: l10n.t('The range starts after it ends.') };
  const range: { from?: string; to?: string } = {};
  if (from !== '*') range.from = from;
  if (to !== '*') range.to = to;
  return Object.keys(range).length > 0 ? { range } : {};
}

export function withDateRange(options: QueryOptions, which: 'publicationDate' | 'applicationDate', range: DateRange | undefined): QueryOptions {
  const { [which]: _drop, ...rest } = options;
  return range ? { ...rest, [which]: range } : rest;
}

/** The facet fields the options editor offers: PatSnap's documented codes and the IPC/CPC levels. */
export const CHART_FIELDS: readonly string[] = [...FACET_FIELDS, 'IPC_SUBCLASS', 'IPC_GROUP', 'CPC_SUBCLASS', 'CPC_GROUP'];

export function withCharts(options: QueryOptions, fields: readonly string[]): QueryOptions {
  const { facets: _drop, ...rest } = options;
  return fields.length > 0 ? { ...rest, facets: fields.slice(0, FACET_MAX_FIELDS) } : rest;
}

export function withKept(options: QueryOptions, limit: number | undefined): QueryOptions {
  const { limit: _drop, ...rest } = options;
  return limit === undefined ? rest : { ...rest, limit };
}

/** A short chart name for the status bar: "year", "assignee", "office". */
function chartName(field: string, l10n: Translator): string {
  switch (field) {
    case 'PUBLICATION_YEAR':
      return l10n.t('year');
    case 'ASSIGNEE':
      return l10n.t('assignee');
    case 'AUTHORITY':
      return l10n.t('office');
    default:
      return field.toLowerCase().replace(/_/g, ' ');
  }
}

/** The options in a few words each, for the cell's status bar: "Newest first · one per simple family · …". */
export function describeCellOptions(options: QueryOptions, keptDefault: number, l10n: Translator): string[] {
  const parts: string[] = [];
  const sort = sortChoiceOf(options);
  parts.push(sort ? sortLabel(sort, l10n) : l10n.t('Sorted as written in the cell'));
  if (options.collapseType && options.collapseType !== 'ALL') parts.push(collapseLabel(options.collapseType, l10n));
  const published = dateRangeWords(options.publicationDate?.from, options.publicationDate?.to, l10n, 'published');
  if (published) parts.push(published);
  const filed = dateRangeWords(options.applicationDate?.from, options.applicationDate?.to, l10n, 'filed');
  if (filed) parts.push(filed);
  parts.push(l10n.t('top {0}', options.limit ?? keptDefault));
  if (options.facets && options.facets.length > 0) parts.push(l10n.t('charts: {0}', listOf(l10n, options.facets.map((f) => chartName(f, l10n)))));
  return parts;
}
