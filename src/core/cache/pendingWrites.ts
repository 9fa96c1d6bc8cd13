/** Disk writes not yet finished: answers never wait for them, but a reload (and a test) may. */
export class PendingWrites {
  private readonly writes = new Set<Promise<unknown>>();

  add(write: Promise<unknown> | undefined): void {
    if (!write) return;
    const tracked = write.catch(() => undefined).finally(() => this.writes.delete(tracked));
    this.writes.add(tracked);
  }

  async idle(): Promise<void> {
    while (this.writes.size > 0) await Promise.all([...this.writes]);
  }
}
