/** Binary searches over arrays kept in order: the tokens of a query, the numbers found in a document. */

/**
 * The item of `items` (in order, never overlapping) that holds a position: `place(item)` is
 * negative when the position is before the item, positive when after it, 0 when in it.
 */
export function itemAt<T>(items: readonly T[], place: (item: T) => number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid] as T;
    const where = place(item);
    if (where < 0) hi = mid - 1;
    else if (where > 0) lo = mid + 1;
    else return item;
  }
  return undefined;
}

/** The first index of `items` at which `before(item)` is false (it is true for a start of `items`, then false); `items.length` when it never is. */
export function firstIndexNotBefore<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
