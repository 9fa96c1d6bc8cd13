import { isPatsnapError, type PatsnapErrorKind } from './errors';

/**
 * Fetches with a kept signed link (`link(false)`); a link the storage no longer
 * honours (expired early, revoked) is asked for afresh (`link(true)`), once. `forget`
 * drops a kept link that did not open. Any other failure is the caller's at once.
 */
export async function withFreshLink<L extends { url: string }, R>(link: (again: boolean) => Promise<L>, fetch: (link: L) => Promise<R>, forget?: () => Promise<void>): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    const kept = await link(attempt > 0);
    try {
      return await fetch(kept);
    } catch (e) {
      await forget?.();
      if (attempt > 0 || !isPatsnapError(e) || !REFUSED.includes(e.kind)) throw e;
    }
  }
}

/** How a storage host refuses a link that was good once. */
const REFUSED: readonly PatsnapErrorKind[] = ['forbidden', 'notFound', 'credentials'];
