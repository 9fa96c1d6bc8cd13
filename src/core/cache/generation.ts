/**
 * Which clear of a cache an answer belongs to. `clear()` advances it (the backend
 * changed, or "Clear Lookup Cache"); a call notes it when it starts and keeps what it
 * brings, in memory or on disk, only while no clear came since. An answer from a backend
 * no longer in use still goes to the call's own waiters, and nowhere else: never into the
 * caches (or the disk store) of the backend now in use.
 */
export class Generation {
  private count = 0;

  /** The caches were cleared: what calls started before brings is kept nowhere. */
  advance(): void {
    this.count++;
  }

  /** Notes the generation now; the check answers true while no clear came since. */
  start(): () => boolean {
    const at = this.count;
    return () => at === this.count;
  }
}
