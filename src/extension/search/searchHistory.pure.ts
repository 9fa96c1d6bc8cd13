/**
 * Recent search queries, most recent first, kept in globalState. Pure: it needs
 * only the two Memento methods it uses, so it is unit-tested without VS Code.
 */
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

const KEY = 'patentLookup.search.history';

export class SearchHistory {
  constructor(
    private readonly memento: MementoLike,
    readonly max = 20,
  ) {}

  entries(): string[] {
    const stored = this.memento.get<unknown>(KEY);
    return Array.isArray(stored) ? stored.filter((q): q is string => typeof q === 'string' && q.trim() !== '').slice(0, this.max) : [];
  }

  /** Moves `query` to the top (no duplicates), dropping the oldest beyond `max`. */
  async add(query: string): Promise<void> {
    const q = query.trim();
    if (q === '') return;
    await this.memento.update(KEY, [q, ...this.entries().filter((e) => e !== q)].slice(0, this.max));
  }

  async remove(query: string): Promise<void> {
    await this.memento.update(KEY, this.entries().filter((e) => e !== query));
  }

  async clear(): Promise<void> {
    await this.memento.update(KEY, []);
  }
}
