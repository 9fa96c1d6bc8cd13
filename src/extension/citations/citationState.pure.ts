/**
 * What the citation checks remember per workspace (VS Code's workspace state): each document's
 * last check ("what changed since"), the numbers ignored in each document, and the citations
 * collected with "Add to citation list". Values are read back strictly: another version of the
 * extension, or a hand-edited state, cannot make them throw.
 */
import { readCheckRecord, type CheckRecord } from '../../core/citations';

/** The part of vscode.Memento used here. */
export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export const CHECKS_KEY = 'patentLookup.citations.checks';
export const IGNORED_KEY = 'patentLookup.citations.ignored';
export const COLLECTED_KEY = 'patentLookup.citations.collected';

/** Documents whose last check is kept; the oldest checks go first. */
const MAX_DOCUMENTS = 200;
const MAX_COLLECTED = 5000;

export interface CollectedCitation {
  /** Compact, as the scanner normalised it. */
  number: string;
  /** As first written. */
  text: string;
}

const isRecordOf = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export class CitationState {
  constructor(private readonly store: StateStore) {}

  lastCheck(uri: string): CheckRecord | undefined {
    const all = this.store.get<unknown>(CHECKS_KEY);
    return isRecordOf(all) ? readCheckRecord(all[uri]) : undefined;
  }

  async saveCheck(uri: string, record: CheckRecord): Promise<void> {
    const all = this.store.get<unknown>(CHECKS_KEY);
    const kept = Object.entries(isRecordOf(all) ? all : {}).filter(([key]) => key !== uri);
    kept.push([uri, record]);
    // The most recently checked documents stay.
    const bounded = kept
      .map(([key, value], i) => ({ key, value, at: readCheckRecord(value)?.checkedAt ?? '', i }))
      .sort((a, b) => (a.at === b.at ? a.i - b.i : a.at < b.at ? -1 : 1))
      .slice(-MAX_DOCUMENTS);
    await this.store.update(CHECKS_KEY, Object.fromEntries(bounded.map((e) => [e.key, e.value])));
  }

  ignored(uri: string): Set<string> {
    const all = this.store.get<unknown>(IGNORED_KEY);
    const list = isRecordOf(all) ? all[uri] : undefined;
    return new Set(Array.isArray(list) ? list.filter((n): n is string => typeof n === 'string') : []);
  }

  async ignore(uri: string, number: string): Promise<void> {
    await this.setIgnored(uri, [...this.ignored(uri), number]);
  }

  async clearIgnored(uri: string): Promise<void> {
    await this.setIgnored(uri, []);
  }

  private async setIgnored(uri: string, numbers: string[]): Promise<void> {
    const all = this.store.get<unknown>(IGNORED_KEY);
    const next: Record<string, unknown> = { ...(isRecordOf(all) ? all : {}) };
    if (numbers.length === 0) delete next[uri];
    else next[uri] = [...new Set(numbers)];
    await this.store.update(IGNORED_KEY, next);
  }

  collected(): CollectedCitation[] {
    const list = this.store.get<unknown>(COLLECTED_KEY);
    if (!Array.isArray(list)) return [];
    return list.filter((e): e is CollectedCitation => isRecordOf(e) && typeof e.number === 'string' && typeof e.text === 'string');
  }

  /** Adds a citation once (by number); false when it was there already. */
  async collect(entry: CollectedCitation): Promise<boolean> {
    const list = this.collected();
    if (list.some((e) => e.number === entry.number)) return false;
    await this.store.update(COLLECTED_KEY, [...list, { number: entry.number, text: entry.text }].slice(-MAX_COLLECTED));
    return true;
  }

  async clearCollected(): Promise<void> {
    await this.store.update(COLLECTED_KEY, []);
  }
}
