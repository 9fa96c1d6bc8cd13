import { Generation } from './generation';
import type { LruCache } from './lru';

/**
 * Values loaded once and kept: asks for a key while its load is under way share it, and
 * its value is kept in `kept` for the next ask. `clear()` forgets both what is kept and
 * the loads under way: a later ask loads again (from the backend now in use), and what
 * a load begun before brings goes to its own callers only, never into `kept`.
 */
export class SharedLoads<K, V> {
  private readonly loading = new Map<K, Promise<V>>();
  private readonly generation = new Generation();

  constructor(private readonly kept: LruCache<K, V>) {}

  /** The kept value, if any, without a load. */
  peek(key: K): V | undefined {
    return this.kept.get(key);
  }

  /** The kept value, else the load under way for `key`, else `load`'s, which is given whether what it brings may still be kept (for its own disk writes). */
  get(key: K, load: (current: () => boolean) => Promise<V>): Promise<V> {
    const kept = this.kept.get(key);
    if (kept !== undefined) return Promise.resolve(kept);
    const under = this.loading.get(key);
    if (under) return under;
    const current = this.generation.start();
    const loading = load(current)
      .then((value) => {
        if (current()) this.kept.set(key, value);
        return value;
      })
      .finally(() => {
        if (this.loading.get(key) === loading) this.loading.delete(key);
      });
    this.loading.set(key, loading);
    return loading;
  }

  clear(): void {
    this.generation.advance();
    this.kept.clear();
    this.loading.clear();
  }
}
