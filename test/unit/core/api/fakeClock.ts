/** A clock that moves only when told, with the timers that go with it: for timing logic without sleeps. */
import type { Timers } from '../../../../src/core/api/wire';

export class FakeClock implements Timers {
  t = 0;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private id = 0;

  now = (): number => this.t;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = ++this.id;
    this.timers.set(id, { at: this.t + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get pending(): number {
    return this.timers.size;
  }

  /** Runs what is queued, then moves to each due timer in turn, then to `ms` later. */
  async advance(ms: number): Promise<void> {
    await flush();
    const end = this.t + ms;
    for (;;) {
      const next = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > end) break;
      this.timers.delete(next[0]);
      this.t = next[1].at;
      next[1].callback();
      await flush();
    }
    this.t = end;
    await flush();
  }
}

/** Lets promise callbacks and stream events queued so far run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}
