/** The key of the session's run cache: everything a run sends, so equal keys mean equal calls. Pure. */
import type { CellRequests } from '../../core/notebook';

/** JSON with object keys sorted: the same parameters give the same key whatever order they were written in. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
  );
}

export function runCacheKey(requests: Pick<CellRequests, 'count' | 'search' | 'facets'>): string {
  return JSON.stringify(canonical({ count: requests.count, search: requests.search, facets: requests.facets ?? null }));
}
