import { cancelledError } from './api/errors';

/**
 * Cancellation helpers shared by the core. An aborted signal always surfaces as a
 * `cancelled` PatsnapError, which every caller treats as quiet.
 */

export function throwIfAborted(signal: AbortSignal | undefined, endpoint?: string): void {
  if (signal?.aborted) throw cancelledError(endpoint);
}

/** Waits `ms`, or rejects with a `cancelled` error as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal, endpoint?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError(endpoint));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError(endpoint));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settles with `promise`, or rejects with a `cancelled` error as soon as `signal`
 * aborts. The promise itself goes on: this is how one caller stops waiting for
 * work it shares with others (a token exchange, a batch of lookups).
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, endpoint?: string): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(cancelledError(endpoint));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(cancelledError(endpoint));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
