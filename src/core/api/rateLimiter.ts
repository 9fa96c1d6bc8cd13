/**
 * The client-side rate of API calls, shared by every call of one client (one account):
 * calls start at most `rate` per second, in the order they asked. PatSnap does not
 * publish its per-account limits, so the rate adapts: it halves when the service
 * answers "too many calls per second" (67200002 or HTTP 429) and climbs back by a
 * fixed step per success (additive increase, multiplicative decrease), never above
 * the configured maximum.
 *
 * Written here rather than taken from a library: the AIMD part is what matters and
 * no small, kept limiter offers it (Bottleneck, used before, changes its rate only by
 * replacing its settings, and its bundle carries Redis scripts nobody calls).
 */
import { cancelledError } from './errors';
import type { Timers } from './wire';

export interface RateLimiterOptions {
  /** The ceiling, in calls per second. */
  maxPerSecond: number;
  /** The floor the rate never goes below; default 0.25 (one call every 4 s), or the maximum if lower. */
  minPerSecond?: number;
  /** Epoch or monotonic ms; tests move it. */
  now?: () => number;
  timers?: Timers;
}

interface Waiter {
  release(): void;
}

/** Decreases closer together than this are one event: calls already in flight fail together. */
const DECREASE_WINDOW_MS = 1000;
/** Successes from half the maximum back to it. */
const STEPS_TO_RECOVER = 10;

export class AdaptiveRateLimiter {
  readonly maxPerSecond: number;
  readonly minPerSecond: number;
  private current: number;
  private last = Number.NEGATIVE_INFINITY;
  private lastDecrease = Number.NEGATIVE_INFINITY;
  private readonly queue: Waiter[] = [];
  private timer: unknown;
  private readonly now: () => number;
  private readonly timers: Timers;

  constructor(options: RateLimiterOptions) {
    this.maxPerSecond = options.maxPerSecond;
    this.minPerSecond = Math.min(options.minPerSecond ?? 0.25, options.maxPerSecond);
    this.current = options.maxPerSecond;
    this.now = options.now ?? (() => performance.now());
    this.timers = options.timers ?? { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
  }

  /** Calls per second allowed now. */
  get rate(): number {
    return this.current;
  }

  /** Calls waiting for their turn. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Resolves when this call may start; rejects with `cancelled` if `signal` aborts first. */
  acquire(signal?: AbortSignal, endpoint?: string): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelledError(endpoint));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        release: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        const i = this.queue.indexOf(waiter);
        if (i >= 0) this.queue.splice(i, 1);
        reject(cancelledError(endpoint));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** The service said too many calls per second: halve the rate (once per burst of such answers). */
  limited(): void {
    const t = this.now();
    if (t - this.lastDecrease < Math.max(DECREASE_WINDOW_MS, 1000 / this.current)) return;
    this.lastDecrease = t;
    this.current = Math.max(this.minPerSecond, this.current / 2);
    this.reschedule();
  }

  /** A call went through: step the rate back up towards the maximum. */
  succeeded(): void {
    if (this.current >= this.maxPerSecond) return;
    this.current = Math.min(this.maxPerSecond, this.current + this.maxPerSecond / 2 / STEPS_TO_RECOVER);
    this.reschedule();
  }

  private get interval(): number {
    return 1000 / this.current;
  }

  private pump(): void {
    if (this.timer !== undefined) return;
    while (this.queue.length > 0) {
      const wait = this.last + this.interval - this.now();
      if (wait > 0) {
        this.timer = this.timers.setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, wait);
        return;
      }
      this.last = this.now();
      this.queue.shift()?.release();
    }
  }

  /** The rate changed: the next release is due at another time. */
  private reschedule(): void {
    if (this.timer === undefined) return;
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.pump();
  }
}
