/**
 * The sort and collapse choices offered on the results view's toolbar, and the
 * search parameters they stand for. Pure.
 */
import type { CollapseType, SearchParams, SortField, SortOrder } from '../../core/api/types';
import { listOf } from '../../core/text/punctuation';
import { l10n } from '../common/l10n.pure';

export interface Choice<Id extends string> {
  id: Id;
  label: string;
  detail?: string;
}

export type SortId = 'relevance' | 'publishedNewest' | 'publishedOldest' | 'filedNewest' | 'filedOldest';
export type CollapseId = 'none' | CollapseType;

// Labels in the display language, looked up when shown.
export const SORT_CHOICES: ReadonlyArray<Choice<SortId> & { sort?: { field: SortField; order: SortOrder } }> = [
  { id: 'relevance', get label() { return l10n.t('Relevance'); }, get detail() { return l10n.t('Best matches first (PatSnap\u2019s default)'); } },
  { id: 'publishedNewest', get label() { return l10n.t('Publication date, newest first'); }, sort: { field: 'PBDT_YEARMONTHDAY', order: 'DESC' } },
  { id: 'publishedOldest', get label() { return l10n.t('Publication date, oldest first'); }, sort: { field: 'PBDT_YEARMONTHDAY', order: 'ASC' } },
  { id: 'filedNewest', get label() { return l10n.t('Application date, newest first'); }, sort: { field: 'APD_YEARMONTHDAY', order: 'DESC' } },
  { id: 'filedOldest', get label() { return l10n.t('Application date, oldest first'); }, sort: { field: 'APD_YEARMONTHDAY', order: 'ASC' } },
];

export const COLLAPSE_CHOICES: ReadonlyArray<Choice<CollapseId>> = [
  { id: 'none', get label() { return l10n.t('Every publication'); }, get detail() { return l10n.t('No collapsing'); } },
  { id: 'APNO', get label() { return l10n.t('One per application'); }, detail: 'APNO' },
  { id: 'DOCDB', get label() { return l10n.t('One per simple family'); }, detail: 'DOCDB' },
  { id: 'INPADOC', get label() { return l10n.t('One per INPADOC family'); }, detail: 'INPADOC' },
  { id: 'EXTEND', get label() { return l10n.t('One per extended family'); }, detail: 'EXTEND' },
];

export interface SearchOptions {
  sort: SortId;
  collapse: CollapseId;
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = { sort: 'relevance', collapse: 'none' };

/** Reads options stored by an older or tampered globalState defensively. */
export function readSearchOptions(stored: unknown): SearchOptions {
  const o = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const sort = SORT_CHOICES.find((c) => c.id === o.sort)?.id ?? DEFAULT_SEARCH_OPTIONS.sort;
  const collapse = COLLAPSE_CHOICES.find((c) => c.id === o.collapse)?.id ?? DEFAULT_SEARCH_OPTIONS.collapse;
  return { sort, collapse };
}

/** The P002 parameters for one page of `query` under `options`. */
export function searchParams(query: string, options: SearchOptions, offset: number, limit: number): SearchParams {
  const params: SearchParams = { query, offset, limit };
  const sort = SORT_CHOICES.find((c) => c.id === options.sort)?.sort;
  if (sort) params.sort = [sort];
  if (options.collapse !== 'none') params.collapseType = options.collapse;
  return params;
}

/** A short summary for the view's tooltip/message, e.g. "sorted by publication date, newest first". */
export function describeSearchOptions(options: SearchOptions): string {
  const parts: string[] = [];
  const sort = SORT_CHOICES.find((c) => c.id === options.sort);
  if (options.sort !== 'relevance' && sort) parts.push(l10n.t('sorted by {0}', sort.label.toLowerCase()));
  if (options.collapse !== 'none') parts.push(COLLAPSE_CHOICES.find((c) => c.id === options.collapse)?.label.toLowerCase() ?? '');
  return listOf(l10n, parts);
}
