/**
 * Stale-while-revalidate, once for everything the lookup caches keep: the panel's card
 * and each of its record sections. What is kept fresh is the answer (no call); what is
 * kept past its lifetime (stale, not swept yet) is shown at once, marked as cached on its
 * date, while it is asked again; the answer replaces it, and a failed ask leaves it shown
 * with the failure, not an error page. Nothing kept: the ask, as ever.
 */

/** What a cache keeps for one key: fresh, or past its lifetime (`stale`), with when it was looked up. */
export interface Kept<T> {
  value: T;
  /** When it was looked up, epoch ms. */
  storedAt: number;
  stale: boolean;
}

/** Several kept parts as one: kept when every part is, stale when any is, as old as the oldest. */
export function keptAll<T extends readonly unknown[]>(parts: { readonly [I in keyof T]: Kept<T[I]> | undefined }): Kept<T> | undefined {
  const whole = parts as ReadonlyArray<Kept<unknown> | undefined>;
  if (!whole.every((p): p is Kept<unknown> => p !== undefined)) return undefined;
  return {
    value: whole.map((p) => p.value) as unknown as T,
    storedAt: Math.min(...whole.map((p) => p.storedAt), Number.POSITIVE_INFINITY),
    stale: whole.some((p) => p.stale),
  };
}

/** A kept value as shown: `cached` when it is the stale one, with what became of asking again. */
export interface Shown<T> {
  value: T;
  cached?: {
    storedAt: number;
    /** True while the ask is under way; false once it failed (`error` says why). */
    refreshing: boolean;
    error?: unknown;
  };
}

export interface Revalidation<T> {
  /** What is kept, fresh or stale, without a call. */
  kept(): Promise<Kept<T> | undefined>;
  /** The answer, asked for (the caches answer a fresh entry without a call, never with a stale one). */
  fresh(): Promise<T>;
}

/**
 * Shows what `source` keeps, then its answer when what is kept is stale or missing: `show`
 * is called once (fresh, or the answer) or twice (stale, then the answer or the failure).
 * Throws what `fresh` throws when nothing was shown, or when `signal` was aborted (quiet:
 * the caller shows nothing more).
 */
export async function staleWhileRevalidate<T>(source: Revalidation<T>, show: (shown: Shown<T>) => void, signal?: AbortSignal): Promise<void> {
  const kept = await source.kept().catch(() => undefined);
  if (signal?.aborted) return;
  if (kept && !kept.stale) return show({ value: kept.value });
  if (kept) show({ value: kept.value, cached: { storedAt: kept.storedAt, refreshing: true } });
  let value: T;
  try {
    value = await source.fresh();
  } catch (error) {
    if (!kept || signal?.aborted) throw error;
    return show({ value: kept.value, cached: { storedAt: kept.storedAt, refreshing: false, error } });
  }
  if (!signal?.aborted) show({ value });
}
