/**
 * Running a query cell against PatSnap: what it will cost (`planRun`, before anything is
 * sent) and the calls themselves (`fetchRun`), which give `recordRun` its input. Shared
 * by the notebook controller and `patent-lookup notebook`.
 *
 * A run is P001 (the hit count), P002 (the top results, titles filled from P011 where
 * P002 left them out), P041 (their legal status), P014 (their simple family, so that a
 * new member of a known family is not "new") and, when the cell asks for charts, P003.
 * Every limit of the contract is checked for all of them before the first is sent.
 */
import { keepPartial } from '../api/errors';
import type { FacetCounts, PatsnapApi, SearchHit } from '../api/types';
import { BATCH_MAX, checkCountParams, checkFacetParams, checkSearchParams } from '../api/validation';
import { throwIfAborted } from '../abort';
import type { DiagnoseOptions, QueryBackend } from '../query';
import { cellRequests, diagnoseCell, type CellRequests } from './requests';
import type { RunHit, RunInput } from './runs';
import type { QueryCell } from './schema';

export interface RunProblem {
  readonly message: string;
  /** Offsets into the cell's text, when the problem is in it. */
  readonly start?: number;
  readonly end?: number;
}

export interface RunPlan {
  readonly requests: CellRequests;
  /** Calls one run makes at most: P001, P002, P011, P041 and P014 per 100 results kept, P003. Fewer when nothing matches. */
  readonly calls: number;
  /** What stops the run before anything is sent: errors in the query, limits of the contract. Empty when it can run. */
  readonly problems: readonly RunProblem[];
}

/** A cell that cannot be sent as it is; nothing was sent. */
export class RunProblemError extends Error {
  constructor(readonly problems: readonly RunProblem[]) {
    super(problems.map((p) => p.message).join(' '));
    this.name = 'RunProblemError';
  }
}

export function isRunProblemError(e: unknown): e is RunProblemError {
  return e instanceof RunProblemError;
}

type Cell = Pick<QueryCell, 'source' | 'options'>;

const buckets = (counts: FacetCounts): NonNullable<RunInput['facets']> => Object.fromEntries(Object.entries(counts).map(([field, values]) => [field, values.map((v) => ({ name: v.name, count: v.count }))]));

/** Look-ups per batch of kept results: P011 (details P002 left out), P041 (status), P014 (family). */
const LOOKUPS = 3;

/** `language`: the query problems' words (`vscode.l10n` and the display language in the extension; default English). */
export function planRun(cell: Cell, backend: QueryBackend = 'patsnap', language: Pick<DiagnoseOptions, 'l10n' | 'locale'> = {}): RunPlan {
  const requests = cellRequests(cell);
  const problems: RunProblem[] = diagnoseCell(cell, backend, language)
    .filter((d) => d.severity === 'error')
    .map((d) => ({ message: d.message, start: d.start, end: d.end }));
  // The query's own problems are said above, with their place; the limits of each call besides.
  const contract = [...checkCountParams(requests.count, language.l10n), ...checkSearchParams(requests.search, language.l10n), ...(requests.facets ? checkFacetParams(requests.facets, language.l10n) : [])].filter((p) => p.parameter !== 'query' || problems.length === 0);
  for (const p of contract) if (!problems.some((q) => q.message === p.message)) problems.push({ message: p.message });
  const kept = requests.search.limit ?? 10;
  const calls = requests.calls + LOOKUPS * Math.ceil(kept / BATCH_MAX);
  return { requests, calls, problems };
}

export interface FetchRunOptions {
  readonly signal?: AbortSignal;
  readonly backend?: QueryBackend;
  /** The hit count, as soon as P001 answered (the rest takes longer). */
  readonly onCount?: (total: number) => void;
  /** The language of the problems a `RunProblemError` lists, as `planRun` takes it. */
  readonly language?: Pick<DiagnoseOptions, 'l10n' | 'locale'>;
}

/**
 * The calls of one run of `cell`, as `recordRun` takes them. Throws `RunProblemError`
 * without sending anything when the cell cannot be sent; API errors as the client throws
 * them. A look-up that fails in part leaves those results without status or family (they
 * are then compared by number), rather than failing the run.
 */
export async function fetchRun(api: PatsnapApi, cell: Cell, options: FetchRunOptions = {}): Promise<RunInput> {
  const { requests, problems } = planRun(cell, options.backend, options.language);
  if (problems.length > 0) throw new RunProblemError(problems);
  const signal = options.signal;
  throwIfAborted(signal);
  const total = await api.count(requests.count, { signal });
  options.onCount?.(total);
  // Nothing matches: no results to fetch, no values to count.
  if (total === 0) return { total, hits: [], ...(requests.facets ? { facets: Object.fromEntries(requests.facets.fields.map((f) => [f, []])) } : {}) };

  // The charts do not depend on the results: asked for at once, beside them.
  const local = new AbortController();
  const both = signal ? AbortSignal.any([signal, local.signal]) : local.signal;
  const facets = requests.facets ? api.facets(requests.facets, { signal: both }) : undefined;
  try {
    const page = await api.searchWithDetails(requests.search, { signal: both });
    const refs = { patentIds: page.hits.map((h) => h.patentId) };
    const [statuses, families] = page.hits.length === 0 ? [undefined, undefined] : await Promise.all([keepPartial(api.legalStatus(refs, { signal: both })), keepPartial(api.family(refs, { signal: both }))]);
    const status = new Map(statuses?.results.map((s) => [s.patentId, s.statuses]));
    const family = new Map(families?.results.flatMap((f) => (f.simpleFamilyId ? [[f.patentId, f.simpleFamilyId] as const] : [])));
    const hits = page.hits.map((h: SearchHit): RunHit => {
      const legalStatus = status.get(h.patentId);
      const familyKey = family.get(h.patentId);
      return { ...h, ...(legalStatus ? { legalStatus } : {}), ...(familyKey ? { familyKey } : {}) };
    });
    return { total, hits, ...(facets ? { facets: buckets(await facets) } : {}) };
  } catch (e) {
    // No chart request is left running (and billed) once the run has failed.
    local.abort();
    await facets?.catch(() => undefined);
    throw e;
  }
}
