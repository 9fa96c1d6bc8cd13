import type { Kept } from './kept';
import { LruCache } from './lru';
import { raceAbort } from '../abort';
import { keepPartial, type BatchOutcome } from '../api/errors';
import { Generation } from './generation';
import type { Bibliography, LegalStatus, PatsnapApi } from '../api/types';
import { answersNumber } from '../numbers/match';
import { PendingWrites } from './pendingWrites';
import { SharedLoads } from './sharedLoads';
import { LIFETIMES, type RecordStore } from './recordStore';

/** What hovers, the document view and the panel header show for one number. */
export interface PatentCard {
  /** The number as asked for (compact normalised form). */
  query: string;
  bibliography: Bibliography;
  legalStatus: string[];
}

/** A card as kept (`null`: known not to exist): fresh, or past its lifetime (`stale`), worth showing while it is looked up again. */
export type KeptCard = Kept<PatentCard | null>;

export interface PatentLookupOptions {
  /** How long an answer stays fresh; bibliographic data changes rarely. Default 6 h. */
  ttlMs?: number;
  /** Numbers remembered, found or not. Default 5 000. */
  maxEntries?: number;
  /** Drawings kept, as bytes. Default 32 MB. */
  maxImageBytes?: number;
  /** How long to gather numbers into one batch before calling. Default 15 ms. */
  batchWindowMs?: number;
  /**
   * The disk store that keeps cards and drawings across reloads (the extension's global
   * storage), opened lazily; without it, answers are kept in memory only.
   */
  store?: () => Promise<RecordStore | undefined>;
  /** Wall clock for when a card was looked up, epoch ms; default Date.now (the store judges lifetimes by its own). */
  now?: () => number;
}

/** Disk namespaces: a card lives as long as its legal status (a day), a drawing's bytes a month. */
export const CARD_NS = 'card-v1';
const IMAGE_NS = 'image-v1';
const NO_IMAGE_NS = 'image-none-v1';

function isCard(v: unknown): v is { v: PatentCard | null } {
  if (typeof v !== 'object' || v === null || !('v' in v)) return false;
  const card = (v as { v: unknown }).v as Partial<PatentCard> | null;
  return card === null || (typeof card === 'object' && typeof card.query === 'string' && typeof card.bibliography?.pn === 'string' && Array.isArray(card.legalStatus));
}

const NO_IMAGE = Buffer.alloc(0);

interface Waiter {
  resolve(card: PatentCard | null): void;
  reject(error: unknown): void;
}

/**
 * Looks patents up by number for hovers and the document view: answers are cached,
 * concurrent asks for the same number share one call, and numbers asked for within a
 * short window go out together (the client then splits them into calls of at most 100).
 * A caller that stops waiting (a hover moved away) does not cancel the shared batch.
 */
export class PatentLookupService {
  private readonly cards: LruCache<string, { card: PatentCard | null; storedAt: number }>;
  /** Drawings by number (empty bytes: known to have none), each fetched once while under way. */
  private readonly drawings: SharedLoads<string, Buffer>;
  private readonly pending = new Map<string, Waiter[]>();
  /** Numbers of the batches whose calls are under way: an ask for one of them waits for that call. */
  private readonly flying = new Map<string, Waiter[]>();
  private timer: NodeJS.Timeout | undefined;
  private readonly batchWindowMs: number;
  private readonly store: () => Promise<RecordStore | undefined>;
  private readonly writes = new PendingWrites();
  private readonly generation = new Generation();
  private readonly now: () => number;

  constructor(
    private readonly api: () => PatsnapApi,
    options: PatentLookupOptions = {},
  ) {
    this.store = () => (options.store ? options.store().catch(() => undefined) : Promise.resolve(undefined));
    this.cards = new LruCache({ max: options.maxEntries ?? 5000, ttlMs: options.ttlMs ?? 6 * 3600_000 });
    this.drawings = new SharedLoads(new LruCache({ maxSize: options.maxImageBytes ?? 32 * 1024 * 1024, sizeOf: (b) => Math.max(1, b.length) }));
    this.batchWindowMs = options.batchWindowMs ?? 15;
    this.now = options.now ?? Date.now;
  }

  /** The cached answer, if any: `null` means "known not to exist". */
  peek(number: string): PatentCard | null | undefined {
    return this.cards.get(number)?.card;
  }

  /**
   * What is kept for `number`, without a call: in memory, else on disk, fresh or stale
   * (past its lifetime, not swept yet). A stale card is for showing while `lookupOne`,
   * which never answers with one, asks again.
   */
  async kept(number: string): Promise<KeptCard | undefined> {
    const cached = this.cards.get(number);
    if (cached) return { value: cached.card, storedAt: cached.storedAt, stale: false };
    const current = this.generation.start();
    const entry = await (await this.store())?.getEntry(CARD_NS, number.toUpperCase()).catch(() => undefined);
    if (!entry || !isCard(entry.value)) return undefined;
    if (!entry.stale && current()) this.cards.set(number, { card: entry.value.v, storedAt: entry.storedAt });
    return { value: entry.value.v, storedAt: entry.storedAt, stale: entry.stale };
  }

  /** Looks up many numbers; each is asked of the API at most once while cached. */
  async lookup(numbers: readonly string[], signal?: AbortSignal): Promise<Map<string, PatentCard | null>> {
    const unique = [...new Set(numbers)];
    // One abort listener for the whole list, not one per number on the same signal (a
    // document's 100 numbers would otherwise trip Node's MaxListenersExceededWarning).
    const answers = await raceAbort(Promise.all(unique.map((n) => this.lookupOne(n))), signal);
    return new Map(unique.map((n, i) => [n, answers[i] ?? null]));
  }

  lookupOne(number: string, signal?: AbortSignal): Promise<PatentCard | null> {
    const cached = this.cards.get(number);
    if (cached) return Promise.resolve(cached.card);
    const shared = new Promise<PatentCard | null>((resolve, reject) => {
      const waiters = this.pending.get(number) ?? this.flying.get(number);
      if (waiters) waiters.push({ resolve, reject });
      else this.pending.set(number, [{ resolve, reject }]);
      this.timer ??= setTimeout(() => void this.flush(), this.batchWindowMs);
    });
    return raceAbort(shared, signal);
  }

  /**
   * The cached drawing: bytes, `null` when the patent is known to have none, undefined when
   * not asked yet. Hovers show a drawing only when it is here or arrives in the hover's time.
   */
  peekImage(number: string): Buffer | null | undefined {
    const bytes = this.drawings.peek(number);
    return bytes === undefined ? undefined : bytes.length > 0 ? bytes : null;
  }

  /** The abstract drawing's bytes; the signed link is used at once and never kept. */
  async image(number: string, signal?: AbortSignal): Promise<Buffer | undefined> {
    const cached = this.drawings.peek(number);
    if (cached) return cached.length > 0 ? cached : undefined;
    const bytes = await raceAbort(this.drawings.get(number, (current) => this.fetchImage(number, current)), signal);
    return bytes.length > 0 ? bytes : undefined;
  }

  /** Resolves once every card and drawing so far is on disk. */
  idle(): Promise<void> {
    return this.writes.idle();
  }

  /**
   * Forgets every card and drawing. A call under way is no longer shared: it may go to a
   * backend no longer in use (one that is gone answers ECONNREFUSED after its retries),
   * so a later ask makes its own; its own waiters still get its answer, which is kept
   * nowhere, in memory or on disk (see `Generation`).
   */
  clear(): void {
    this.generation.advance();
    this.cards.clear();
    this.drawings.clear();
    this.flying.clear();
  }

  /** The drawing's bytes, `NO_IMAGE` when there is none; on disk too while `current` (no clear since it began). */
  private async fetchImage(number: string, current: () => boolean): Promise<Buffer> {
    const store = await this.store();
    const key = number.toUpperCase();
    const kept = await store?.getBytes(IMAGE_NS, key).catch(() => undefined);
    if (kept && kept.length > 0) return kept;
    if (await store?.get(NO_IMAGE_NS, key).catch(() => undefined)) return NO_IMAGE;
    const api = this.api();
    const [item] = (await api.abstractImages({ numbers: [number] })).filter((i) => answersNumber(i.pn, number));
    if (!item?.url) {
      // Remembered as "no drawing" (empty), so the next hover does not ask again.
      if (current()) this.writes.add(store?.put(NO_IMAGE_NS, key, true, LIFETIMES.notFound));
      return NO_IMAGE;
    }
    // A login page or an error document served as the drawing is refused, never cached.
    const { bytes } = await api.fetchSignedBytes(item.url, { maxBytes: 5 * 1024 * 1024, expect: 'image' });
    if (current()) this.writes.add(store?.putBytes(IMAGE_NS, key, bytes, LIFETIMES.image));
    return bytes;
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const batch = new Map(this.pending);
    this.pending.clear();
    for (const [number, waiters] of batch) this.flying.set(number, waiters);
    try {
      await this.call(batch, this.generation.start());
    } finally {
      for (const [number, waiters] of batch) if (this.flying.get(number) === waiters) this.flying.delete(number);
    }
  }

  /** `current`: whether no clear came since the batch was flushed (what it brings is kept only then). */
  private async call(batch: ReadonlyMap<string, Waiter[]>, current: () => boolean): Promise<void> {
    const store = await this.store();
    const numbers: string[] = [];
    // What an earlier window (or this one, before a reload) looked up needs no call.
    await Promise.all(
      [...batch.keys()].map(async (number) => {
        const kept = await store?.getEntry(CARD_NS, number.toUpperCase()).catch(() => undefined);
        if (!kept || kept.stale || !isCard(kept.value)) {
          numbers.push(number);
          return;
        }
        const card = kept.value.v;
        if (current()) this.cards.set(number, { card, storedAt: kept.storedAt });
        for (const w of batch.get(number) ?? []) w.resolve(card);
      }),
    );
    if (numbers.length === 0) return;
    let outcomes: [BatchOutcome<Bibliography>, BatchOutcome<LegalStatus>];
    try {
      const api = this.api();
      outcomes = await Promise.all([keepPartial(api.bibliography({ numbers })), keepPartial(api.legalStatus({ numbers }))]);
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
      return;
    }
    const [bib, legal] = outcomes;
    const bibMissing = new Set(bib.missing.numbers.map((n) => n.toUpperCase()));
    const legalMissing = new Set(legal.missing.numbers.map((n) => n.toUpperCase()));
    const byPn = new Map(bib.results.map((b) => [b.pn.toUpperCase(), b]));
    const statusByPn = new Map(legal.results.map((s) => [s.pn, s.statuses]));
    const storedAt = this.now();
    for (const number of numbers) {
      const q = number.toUpperCase();
      const bibliography = byPn.get(q) ?? bib.results.find((b) => answersNumber(b.pn, q));
      // Kept only when every part came: a number whose batch failed is asked again next time.
      const failure = bibMissing.has(q) ? bib.failure : bibliography && legalMissing.has(q) ? legal.failure : undefined;
      if (failure) {
        for (const w of batch.get(number) ?? []) w.reject(failure);
        continue;
      }
      const card: PatentCard | null = bibliography ? { query: number, bibliography, legalStatus: statusByPn.get(bibliography.pn) ?? [] } : null;
      if (current()) {
        this.cards.set(number, { card, storedAt });
        this.writes.add(store?.put(CARD_NS, number.toUpperCase(), { v: card }, card ? LIFETIMES.legalStatus : LIFETIMES.notFound));
        // A kind-less number's answer also answers its full pn (the panel opens that one).
        if (card && card.bibliography.pn !== number && !this.cards.has(card.bibliography.pn)) {
          this.cards.set(card.bibliography.pn, { card: { ...card, query: card.bibliography.pn }, storedAt });
        }
      }
      for (const w of batch.get(number) ?? []) w.resolve(card);
    }
  }
}
