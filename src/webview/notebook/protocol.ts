/**
 * What the search notebook's renderer shows and what it sends back: the one definition
 * the extension host (which builds the views) and the renderer (which draws them)
 * import. No schema library: the renderer's bundle stays small. Everything the renderer
 * gets is data, drawn with textContent; every message it sends is checked by
 * `parseRendererMessage` before the host acts on it.
 */
import type { ErrorActionId } from '../../extension/common/errorActions.pure';

/** The output item's MIME type: the renderer of package.json's `notebookRenderer` draws it. */
export const SEARCH_RUN_MIME = 'application/vnd.patent-lookup.search-run+json';
export const SEARCH_RUN_RENDERER_ID = 'patentLookup.searchRun';

/** Every word and mark the renderer shows, translated by the host (`vscode.l10n`). `{0}` marks a number or date. */
export const LABEL_KEYS = [
  'hits',
  'oneHit',
  'counting',
  'fetching',
  'fetchingOne',
  'ranAt',
  'firstRun',
  'cached',
  'runAgain',
  'resultsCaption',
  'keptOf',
  'keptAll',
  'noResults',
  'mark',
  'number',
  'title',
  'assignee',
  'published',
  'status',
  'markNew',
  'markNewMember',
  'openPatent',
  'gone',
  'history',
  'runDate',
  'hitsColumn',
  'change',
  'chartCount',
  'problems',
  'stale',
  'joinAside',
] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];
export type Labels = Readonly<Record<LabelKey, string>>;

export type ResultMark = 'new' | 'newMember' | 'seen';

export interface ResultRow {
  readonly number: string;
  readonly patentId?: string;
  readonly title?: string;
  readonly assignee?: string;
  /** yyyy-mm-dd */
  readonly date?: string;
  readonly status?: string;
  readonly mark: ResultMark;
}

/** One P003 field drawn as a chart: years as columns in time order, the rest as bars, largest first. */
export interface ChartView {
  readonly field: string;
  readonly title: string;
  readonly kind: 'columns' | 'bars';
  readonly buckets: ReadonlyArray<{ readonly name: string; readonly count: number }>;
}

export interface HistoryRow {
  /** yyyy-mm-dd */
  readonly date: string;
  readonly total: number;
  readonly change: string;
}

interface ViewBase {
  /** The cell's document URI: what the renderer's buttons act on. */
  readonly cell: string;
  readonly labels: Labels;
  /** For numbers and dates (VS Code's display language). */
  readonly locale: string;
}

export type SearchRunView =
  /** A run on its way: the count once P001 answered. */
  | (ViewBase & { readonly kind: 'running'; readonly total?: number })
  | (ViewBase & {
      readonly kind: 'run';
      readonly total: number;
      /** When the run was made, an ISO time (the renderer writes it in the display language, in UTC). */
      readonly ranAt: string;
      /** "12 new since Nov 3, 2026, 1 gone; 13 hits (+11)." — absent for a first run. */
      readonly summary?: string;
      readonly results: readonly ResultRow[];
      /** Results of the run before that are not among these (by family). */
      readonly gone: readonly ResultRow[];
      readonly charts: readonly ChartView[];
      /** Every run of the cell, newest first. */
      readonly history: readonly HistoryRow[];
      /** Set when shown from this session's cache (no call was made): when the run was made, an ISO time. */
      readonly cachedAt?: string;
      /** The cell's query or options changed since this run. */
      readonly stale: boolean;
    })
  | (ViewBase & {
      readonly kind: 'error';
      readonly message: string;
      /** Problems in the query, each on its own line. */
      readonly problems: readonly string[];
      readonly actions: ReadonlyArray<{ readonly id: ErrorActionId; readonly label: string }>;
    });

// ---- renderer -> host ---------------------------------------------------------------

export type RendererMessage =
  | { readonly type: 'openPatent'; readonly number: string; readonly patentId?: string }
  | { readonly type: 'errorAction'; readonly cell: string; readonly action: ErrorActionId }
  /** Run the cell again at PatSnap, past the session's cache. */
  | { readonly type: 'runAgain'; readonly cell: string };

const ACTIONS: readonly ErrorActionId[] = ['retry', 'setCredentials', 'useSandbox', 'openSettings', 'showLog'];
const NUMBER = /^[A-Z]{2}[A-Z0-9/.-]{1,40}$/;
const PATENT_ID = /^[A-Za-z0-9-]{1,128}$/;
const CELL_URI = /^vscode-notebook-cell:/;

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/** The message if it is one the host handles, well formed; otherwise undefined (ignored, logged). */
export function parseRendererMessage(m: unknown): RendererMessage | undefined {
  if (typeof m !== 'object' || m === null) return undefined;
  const o = m as Record<string, unknown>;
  switch (o.type) {
    case 'openPatent':
      if (!str(o.number, 42) || !NUMBER.test(o.number)) return undefined;
      if (o.patentId !== undefined && !(str(o.patentId, 128) && PATENT_ID.test(o.patentId))) return undefined;
      return o.patentId === undefined ? { type: 'openPatent', number: o.number } : { type: 'openPatent', number: o.number, patentId: o.patentId };
    case 'errorAction':
      if (!str(o.cell, 4096) || !CELL_URI.test(o.cell) || !ACTIONS.includes(o.action as ErrorActionId)) return undefined;
      return { type: 'errorAction', cell: o.cell, action: o.action as ErrorActionId };
    case 'runAgain':
      if (!str(o.cell, 4096) || !CELL_URI.test(o.cell)) return undefined;
      return { type: 'runAgain', cell: o.cell };
    default:
      return undefined;
  }
}
