/**
 * The search results as data: the pages loaded so far and the rows the tree shows
 * for them. Pure (no `vscode`): the tree's node classes only turn rows into items.
 */
import type { SearchHit, SearchPage } from '../../core/api/types';
import { SEARCH_WINDOW_MAX } from '../../core/api/validation';
import { listOf } from '../../core/text/punctuation';
import { ERROR_ACTIONS, type ErrorActionId } from '../common/errorActions.pure';
import type { ErrorDescription } from '../common/errorMessages.pure';
import { formatCount, formatDay, formatWhen } from '../common/format.pure';
import { l10n } from '../common/l10n.pure';
import type { SearchOptions } from './searchOptions.pure';

export interface ResultSet {
  query: string;
  options: SearchOptions;
  hits: readonly SearchHit[];
  /** What PatSnap says matches in all (`total_search_result_count`). */
  total: number;
  /** Offset of the next page to ask for. */
  nextOffset: number;
  /** The first search of all: a row offers to show one result per family. */
  offerCollapse?: boolean;
  /** When the first page came (epoch ms): the age of the whole set. */
  fetchedAt?: number;
  /** Shown again from the last window's answers, without a call. */
  restored?: boolean;
}

export type ResultsState =
  /** Nothing searched yet: the welcome view shows. */
  | { kind: 'none' }
  | { kind: 'results'; results: ResultSet }
  /** The first search of this window failed: a row says why, with the fix. */
  | { kind: 'failed'; query: string; options: SearchOptions; error: ErrorDescription }
  /** The last window's results are too old to show and were not fetched again: a row offers to. */
  | { kind: 'stale'; query: string; options: SearchOptions; savedAt: number };

export interface PatentRow {
  kind: 'patent';
  id: string;
  hit: SearchHit;
}
export interface LoadMoreRow {
  kind: 'loadMore';
  id: string;
  label: string;
  description: string;
  /** How many results were shown when the row was: its click loads the page after them, once. */
  after: number;
}
export interface MessageRow {
  kind: 'message';
  id: string;
  text: string;
  severity: 'info' | 'error';
  action?: { kind: ErrorActionId | 'editSearch' | 'collapse' | 'searchAgain'; title: string };
  /** The setting an error names ("Open Settings" opens it). */
  setting?: string;
}
export type ResultRow = PatentRow | LoadMoreRow | MessageRow;

function uniqueHits(hits: readonly SearchHit[]): SearchHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => (seen.has(h.patentId) ? false : (seen.add(h.patentId), true)));
}

export function firstResults(query: string, options: SearchOptions, page: SearchPage): ResultSet {
  return { query, options, hits: uniqueHits(page.hits), total: page.total, nextOffset: page.offset + page.limit };
}

/** The set with `page` added; a patent already shown (the result list shifted) is not shown twice. */
export function appendPage(set: ResultSet, page: SearchPage): ResultSet {
  return { ...set, hits: uniqueHits([...set.hits, ...page.hits]), total: page.total, nextOffset: page.offset + page.limit };
}

/** The reachable end: PatSnap pages only through the first 20,000 results. */
function reachable(set: ResultSet): number {
  return Math.min(set.total, SEARCH_WINDOW_MAX);
}

/** The next page's window, or undefined when everything reachable is loaded. */
export function nextPage(set: ResultSet, pageSize: number): { offset: number; limit: number } | undefined {
  const offset = set.nextOffset;
  const end = reachable(set);
  if (offset >= end) return undefined;
  return { offset, limit: Math.max(1, Math.min(pageSize, 1000, SEARCH_WINDOW_MAX - offset)) };
}

/** The view's description, e.g. "50 of 2,500". */
export function resultsDescription(state: ResultsState): string | undefined {
  if (state.kind !== 'results') return undefined;
  return l10n.t('{0} of {1}', formatCount(state.results.hits.length), formatCount(state.results.total));
}

const editSearch = () => ({ kind: 'editSearch', title: l10n.t('Edit Search') }) as const;

export function resultRows(state: ResultsState, pageSize: number, now = Date.now()): ResultRow[] {
  if (state.kind === 'none') return [];
  if (state.kind === 'stale') {
    return [
      {
        kind: 'message',
        id: 'message/stale',
        text: l10n.t('The results of {0} are out of date.', formatWhen(state.savedAt, now)),
        severity: 'info',
        action: { kind: 'searchAgain', title: l10n.t('Search Again') },
      },
    ];
  }
  if (state.kind === 'failed') {
    const action = state.error.actions[0];
    const row: MessageRow = { kind: 'message', id: 'message/error', text: state.error.message, severity: 'error' };
    if (action) row.action = { kind: action, title: ERROR_ACTIONS[action].label };
    if (state.error.setting) row.setting = state.error.setting;
    return [row];
  }
  const set = state.results;
  if (set.hits.length === 0) {
    return [{ kind: 'message', id: 'message/empty', text: l10n.t('No patents match this search.'), severity: 'info', action: editSearch() }];
  }
  const rows: ResultRow[] = set.hits.map((hit) => ({ kind: 'patent', id: `patent/${hit.patentId}`, hit }));
  if (set.offerCollapse && set.options.collapse === 'none') {
    rows.unshift({
      kind: 'message',
      id: 'message/collapse',
      text: l10n.t('Show one result per patent family?'),
      severity: 'info',
      action: { kind: 'collapse', title: l10n.t('Collapse by Family\u2026') },
    });
  }
  const next = nextPage(set, pageSize);
  if (next) {
    rows.push({
      kind: 'loadMore',
      id: 'loadMore',
      // Near the end fewer than a page remain: say how many.
      label: l10n.t('Load {0} more', formatCount(Math.min(next.limit, reachable(set) - next.offset))),
      description: l10n.t('{0} of {1}', formatCount(set.hits.length), formatCount(set.total)),
      after: set.hits.length,
    });
  } else if (set.total > SEARCH_WINDOW_MAX) {
    rows.push({
      kind: 'message',
      id: 'message/window',
      text: l10n.t('PatSnap pages through the first {0} results only; narrow the search to see the rest.', formatCount(SEARCH_WINDOW_MAX)),
      severity: 'info',
      action: editSearch(),
    });
  }
  return rows;
}

/** Tooltip text of a result (plain text: API strings are never rendered as Markdown). */
export function patentTooltip(hit: SearchHit): string {
  const lines = [hit.pn];
  if (hit.title) lines.push(hit.title);
  const assignee = hit.currentAssignee ?? hit.originalAssignee;
  if (assignee) lines.push(l10n.t('Assignee: {0}', assignee));
  const published = formatDay(hit.publicationDate);
  if (published) lines.push(l10n.t('Published: {0}', published));
  const filed = formatDay(hit.applicationDate);
  if (filed) lines.push(hit.applicationNumber ? l10n.t('Filed: {0} ({1})', filed, hit.applicationNumber) : l10n.t('Filed: {0}', filed));
  return lines.join('\n');
}

/** Compact rows: number and title. Detailed: under each, a second row with the publication date and the assignee. */
export type RowStyle = 'compact' | 'detailed';

export function readRowStyle(stored: unknown): RowStyle {
  return stored === 'compact' ? 'compact' : 'detailed';
}

export interface RowText {
  label: string;
  description: string | undefined;
  /** Read by screen readers: every field in words, whole. */
  accessibilityLabel: string;
}

export interface PatentRowText extends RowText {
  /** Detailed rows: the second line, date first (it is short) and the assignee after, within the side bar's width. */
  details?: RowText;
}

/**
 * A result: the number and the title on its row; detailed, the publication date and
 * the assignee on a second row beneath it, so all four show without widening the
 * side bar (one line holds the number and the start of a title, no more).
 */
export function patentRowText(hit: SearchHit, style: RowStyle): PatentRowText {
  const assignee = hit.currentAssignee ?? hit.originalAssignee;
  // The date as the patent panel writes it (Intl's medium date: "Feb 20, 2025", "2025/02/20", "2025年2月20日"), 10 to 12 characters, about as wide as ISO's 10 in a narrow row.
  const published = formatDay(hit.publicationDate);
  const facts: string[] = [];
  if (assignee) facts.push(l10n.t('assignee {0}', assignee));
  if (published) facts.push(l10n.t('published {0}', published));
  const accessibilityLabel = listOf(l10n, [hit.pn, hit.title, ...facts].filter((s): s is string => Boolean(s)));
  const row: PatentRowText = { label: hit.pn, description: hit.title, accessibilityLabel };
  if (style === 'detailed' && (assignee || published)) {
    row.details = published ? { label: published, description: assignee, accessibilityLabel: listOf(l10n, facts) } : { label: assignee as string, description: undefined, accessibilityLabel: listOf(l10n, facts) };
  }
  return row;
}
