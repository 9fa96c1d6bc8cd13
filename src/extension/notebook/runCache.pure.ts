/** The session's run cache and its key: everything a run sends, so equal keys mean equal calls. Pure. */
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

/**
 * Runs by key, at most `max` of them; the one stored longest ago goes first. A Map
 * keeps insertion order, which is all this needs (the extension's LRU library would
 * be shared with the lookup cache's chunk and cost the notebook a chunk of its own).
 */
export class RunCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly max: number) {}

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.max) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
