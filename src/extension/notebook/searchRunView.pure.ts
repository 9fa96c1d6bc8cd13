/**
 * What a query cell's output shows, built from the runs stored in the cell: the last
 * run's hit count, its results marked against the run before (by family), what is
 * gone, its charts and every run's date. Pure: the controller and the serializer hand
 * the view to the renderer as an output item.
 */
import { compareRuns, describeComparison, requestChanged, runDay, type QueryCell, type Run, type RunComparison } from '../../core/notebook';
import { dateWriter, type DateWriter } from '../../core/text/dates';
import type { ChartView, HistoryRow, Labels, ResultRow, SearchRunView } from '../../webview/notebook/protocol';
import type { ErrorActionId } from '../common/errorActions.pure';
import type { Translator } from '../../core/text/translator';

export interface ViewContext {
  /** The cell's document URI, which the renderer's buttons name. */
  readonly cell: string;
  readonly l10n: Translator;
  readonly locale: string;
}

export function labels(l10n: Translator): Labels {
  return {
    hits: l10n.t('{0} hits'),
    oneHit: l10n.t('1 hit'),
    counting: l10n.t('Counting hits\u2026'),
    fetching: l10n.t('{0} hits; fetching the top results\u2026'),
    fetchingOne: l10n.t('1 hit; fetching the top results\u2026'),
    ranAt: l10n.t('run of {0}'),
    firstRun: l10n.t('First run.'),
    cached: l10n.t('From this session\u2019s cache (the run of {0}): no call was made.'),
    runAgain: l10n.t('Run Again at PatSnap'),
    resultsCaption: l10n.t('Top results'),
    keptOf: l10n.t('{0} of {1} kept'),
    keptAll: l10n.t('all {0} kept'),
    noResults: l10n.t('No patents match this query.'),
    mark: l10n.t('Change'),
    number: l10n.t('Number'),
    title: l10n.t('Title'),
    assignee: l10n.t('Assignee'),
    published: l10n.t('Published'),
    status: l10n.t('Status'),
    markNew: l10n.t('new'),
    markNewMember: l10n.t('new member'),
    openPatent: l10n.t('Open {0} in the patent panel'),
    gone: l10n.t('Gone since the run of {0}'),
    history: l10n.t('Runs ({0})'),
    runDate: l10n.t('Run'),
    hitsColumn: l10n.t('Hits'),
    change: l10n.t('Change'),
    chartCount: l10n.t('{0}: {1}'),
    problems: l10n.t('Nothing was sent. Fix the query first:'),
    stale: l10n.t('The query or its options changed since this run: run the cell to bring it up to date.'),
    joinAside: l10n.t('{0} ({1})'),
  };
}

function chartTitle(field: string, l10n: Translator): string {
  switch (field) {
    case 'PUBLICATION_YEAR':
      return l10n.t('By publication year');
    case 'APPLICATION_YEAR':
      return l10n.t('By application year');
    case 'ISSUE_YEAR':
      return l10n.t('By year of grant');
    case 'ASSIGNEE':
      return l10n.t('By assignee');
    case 'INVENTOR':
      return l10n.t('By inventor');
    case 'AUTHORITY':
      return l10n.t('By office');
    case 'SIMPLE_LEGAL_STATUS':
    case 'LEGAL_STATUS':
      return l10n.t('By legal status');
    case 'PATENT_TYPE':
      return l10n.t('By patent type');
    default:
      return l10n.t('By {0}', field);
  }
}

/** Years run left to right in time order; any other field is ranked, largest first, as P003 gives it. */
export function chartOf(field: string, buckets: ReadonlyArray<{ name: string; count: number }>, l10n: Translator): ChartView {
  const years = field.endsWith('_YEAR');
  const sorted = years ? [...buckets].sort((a, b) => a.name.localeCompare(b.name)) : [...buckets];
  return { field, title: chartTitle(field, l10n), kind: years ? 'columns' : 'bars', buckets: sorted.map((b) => ({ name: b.name, count: b.count })) };
}

/** What changed since the run before, its day as the patent panel writes dates in the display language. */
function changeText(c: RunComparison, l10n: Translator, dates: DateWriter): string {
  return describeComparison({ ...c, since: dates.day(c.since) }, l10n);
}

/** Every run, newest first, each with what changed since the one before; `last`: the last run's, already worded for the summary. */
function history(runs: readonly Run[], last: string | undefined, l10n: Translator, dates: DateWriter): HistoryRow[] {
  const change = (run: Run, i: number): string => (i === 0 ? l10n.t('First run.') : i === runs.length - 1 && last !== undefined ? last : changeText(compareRuns(runs[i - 1] as Run, run), l10n, dates));
  return runs.map((run, i) => ({ date: runDay(run), total: run.total, change: change(run, i) })).reverse();
}

/** The view of the cell's last run, or undefined when it has none. `cachedAt`: shown from the session's cache. */
export function runView(cell: QueryCell, ctx: ViewContext, cachedAt?: Date): SearchRunView | undefined {
  const last = cell.runs[cell.runs.length - 1];
  if (!last) return undefined;
  const previous = cell.runs[cell.runs.length - 2];
  const comparison = previous ? compareRuns(previous, last) : undefined;
  const results: ResultRow[] = last.results.map((r, i) => ({ ...pick(r), mark: comparison?.marks[i] ?? 'seen' }));
  // Whether the cell as it stands would send what this run sent (its results not compared with themselves).
  const now = requestChanged(last, cell.source, cell.options);
  const dates = dateWriter(ctx.locale);
  // The last two runs compared and worded once: the summary and the history's newest row say the same.
  const summary = comparison ? changeText(comparison, ctx.l10n, dates) : undefined;
  return {
    kind: 'run',
    cell: ctx.cell,
    labels: labels(ctx.l10n),
    locale: ctx.locale,
    total: last.total,
    ranAt: last.date,
    ...(summary !== undefined ? { summary } : {}),
    results,
    gone: (comparison?.gone ?? []).map((r) => ({ ...pick(r), mark: 'seen' as const })),
    charts: Object.entries(last.facets ?? {}).map(([field, buckets]) => chartOf(field, buckets, ctx.l10n)),
    history: history(cell.runs, summary, ctx.l10n, dates),
    ...(cachedAt ? { cachedAt: cachedAt.toISOString() } : {}),
    stale: now.queryChanged || now.optionsChanged,
  };
}

function pick(r: Run['results'][number]): Omit<ResultRow, 'mark'> {
  const row: { -readonly [K in keyof ResultRow]?: ResultRow[K] } = { number: r.number };
  if (r.patentId !== undefined) row.patentId = r.patentId;
  if (r.title !== undefined) row.title = r.title;
  if (r.assignee !== undefined) row.assignee = r.assignee;
  if (r.date !== undefined) row.date = r.date;
  if (r.status !== undefined) row.status = r.status;
  return row as Omit<ResultRow, 'mark'>;
}

export function runningView(ctx: ViewContext, total?: number): SearchRunView {
  return { kind: 'running', cell: ctx.cell, labels: labels(ctx.l10n), locale: ctx.locale, ...(total === undefined ? {} : { total }) };
}

export function errorView(ctx: ViewContext, message: string, options: { problems?: readonly string[]; actions?: ReadonlyArray<{ id: ErrorActionId; label: string }> } = {}): SearchRunView {
  return { kind: 'error', cell: ctx.cell, labels: labels(ctx.l10n), locale: ctx.locale, message, problems: options.problems ?? [], actions: options.actions ?? [] };
}
