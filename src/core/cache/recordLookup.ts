/**
 * The patent record's depth (claims, family, citations both ways, legal status and
 * events, application-number resolution, PDF links) for the panel and the hover card,
 * looked up once and kept: in memory for this window, and on disk (a `RecordStore` in
 * the extension's global storage) across reloads, each kind for its `LIFETIMES` entry.
 *
 * Asks for the same kind made within a short window go out as one batched call (the
 * client splits it at 100); concurrent asks for one patent share a call. A caller that
 * stops waiting (a closed panel) stops waiting at once; the call itself is cancelled
 * when nobody waits for it any more.
 */
import * as z from 'zod/mini';
import { raceAbort } from '../abort';
import { cancelledError, keepPartial, type BatchOutcome } from '../api/errors';
import type { Citations, CitedBy, FamilyType, LegalEvents, LegalStatusDetail, PatentClaims, PatentFamily } from '../api/recordTypes';
import type { Bibliography, CallOptions, ExamDocsPage, ExamDocsParams, ExamDocument, PatentRefs, PatsnapApi, PdfLink } from '../api/types';
import { buildFamilyView, familyMembers, type FamilyView } from '../record/family';
import { resolveNumbers, type Resolution } from '../record/resolution';
import { answersNumber } from '../numbers/match';
import { ExamDocuments, linkKeptUntil } from './examDocuments';
import { Generation } from './generation';
import { keptAll, type Kept } from './kept';
import { PendingWrites } from './pendingWrites';
import { LruCache } from './lru';
import { LIFETIMES, type RecordStore, type StoredEntry } from './recordStore';

/** A patent as the panel or the hover knows it: its number, its PatSnap id, or both. */
export interface PatentKey {
  number?: string;
  patentId?: string;
}

interface Answer {
  pn: string;
  patentId: string;
}

/** One kind of record: where it is kept, for how long, and the batch call that fetches it. */
interface Kind<T extends Answer> {
  namespace: string;
  ttlMs: number;
  /** An answer's own lifetime where it carries one (a signed link's expiry), else `ttlMs`. */
  ttlOf?(answer: T, now: number): number;
  /**
   * Worthless past its lifetime (a signed link no longer opens): an entry found stale on disk is
   * removed at once and reads as nothing, never handed out stale to show while it is asked again.
   */
  perishable?: true;
  fetch(api: PatsnapApi, refs: PatentRefs, options: CallOptions): Promise<T[]>;
}

export interface RecordLookupOptions {
  /** The disk store, when there is one (opened lazily; undefined keeps memory only). */
  store?: () => Promise<RecordStore | undefined>;
  /** How long to gather asks into one batch before calling. Default 15 ms. */
  batchWindowMs?: number;
  /** Entries kept in memory per kind. Default 2 000. */
  maxEntries?: number;
  /** Wall clock for when an answer was looked up, epoch ms; default Date.now (the store judges lifetimes by its own). */
  now?: () => number;
}

/** What is kept on disk: the answer, or null for "PatSnap has no such patent". */
const storedAnswer = z.object({ v: z.union([z.null(), z.looseObject({ pn: z.string(), patentId: z.string() })]) });
const storedValue = z.object({ v: z.unknown() });

function cacheKey(key: PatentKey): string {
  return key.number ? key.number.toUpperCase() : `id:${key.patentId ?? ''}`;
}

interface Entry<T> {
  key: PatentKey;
  promise: Promise<T | null>;
  resolve(value: T | null): void;
  reject(error: unknown): void;
  /** Callers still waiting; the batch's call is cancelled when none of its entries has any. */
  waiting: number;
  batch?: Batch;
}

interface Batch {
  controller: AbortController;
  entries: Set<Entry<unknown>>;
}

/** The asks of one kind: memory, then disk, then one batched call for what is left. */
class Batcher<T extends Answer> {
  /** `until`: an answer whose own lifetime is shorter than the kind's (`Kind.ttlOf`). */
  private readonly memory: LruCache<string, { v: T | null; storedAt: number; until?: number }>;
  private readonly inFlight = new Map<string, Entry<T>>();
  private queue: Entry<T>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly generation = new Generation();

  constructor(
    private readonly kind: Kind<T>,
    private readonly api: () => PatsnapApi,
    private readonly store: () => Promise<RecordStore | undefined>,
    private readonly windowMs: number,
    maxEntries: number,
    private readonly writes: PendingWrites,
    private readonly now: () => number,
  ) {
    this.memory = new LruCache({ max: maxEntries, ttlMs: kind.ttlMs });
  }

  /** The record, null when PatSnap has none for this patent. */
  async get(key: PatentKey, signal?: AbortSignal): Promise<T | null> {
    return (await this.getMany([key], signal))[0] ?? null;
  }

  /** The records of many patents, in order: one wait, and one abort listener, for all of them. */
  getMany(keys: readonly PatentKey[], signal?: AbortSignal): Promise<Array<T | null>> {
    if (signal?.aborted) return Promise.reject(cancelledError());
    const asks = keys.map((key): { value: T | null } | { k: string; entry: Entry<T> } => {
      const k = cacheKey(key);
      const cached = this.remembered(k);
      return cached ? { value: cached.v } : { k, entry: this.entryFor(k, key) };
    });
    const waiting = asks.filter((a): a is { k: string; entry: Entry<T> } => 'entry' in a);
    for (const { entry } of waiting) entry.waiting++;
    const all = Promise.all(asks.map((a) => ('value' in a ? a.value : a.entry.promise)));
    return (signal ? raceAbort(all, signal) : all).finally(() => {
      for (const { k, entry } of waiting) {
        entry.waiting--;
        if (signal?.aborted && entry.waiting === 0) this.abandon(k, entry);
      }
    });
  }

  private entryFor(k: string, key: PatentKey): Entry<T> {
    let entry = this.inFlight.get(k);
    if (!entry) {
      let resolve!: (value: T | null) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<T | null>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      promise.catch(() => undefined); // an ask everyone abandoned may still fail: nobody is told
      entry = { key, promise, resolve, reject, waiting: 0 };
      this.inFlight.set(k, entry);
      this.queue.push(entry);
      this.timer ??= setTimeout(() => void this.flush(), this.windowMs);
    }
    return entry;
  }

  /**
   * What is kept for `key`, without a call: in memory, else on disk, fresh or stale (past
   * its lifetime, not swept yet). A stale record is for showing while `get`, which never
   * answers with one, asks again.
   */
  async kept(key: PatentKey): Promise<Kept<T | null> | undefined> {
    const k = cacheKey(key);
    const cached = this.remembered(k);
    if (cached) return { value: cached.v, storedAt: cached.storedAt, stale: false };
    const current = this.generation.start();
    const entry = await this.fromDisk(await this.store().catch(() => undefined), k);
    if (!entry) return undefined;
    const value = entry.value.v as T | null;
    if (!entry.stale && current()) this.remember(k, value, entry.storedAt, entry.expiresAt);
    return { value, storedAt: entry.storedAt, stale: entry.stale };
  }

  /** The entry the disk keeps for `k`, fresh or stale; a perishable kind's stale one is removed instead. */
  private async fromDisk(store: RecordStore | undefined, k: string): Promise<StoredEntry<z.infer<typeof storedAnswer>> | undefined> {
    const entry = await store?.getEntry(this.kind.namespace, k, storedAnswer).catch(() => undefined);
    if (!entry?.stale || !this.kind.perishable) return entry;
    await store?.delete(this.kind.namespace, k).catch(() => undefined);
    return undefined;
  }

  /** Keeps an answer in memory; `until` only where it lapses before the kind's lifetime. */
  private remember(k: string, v: T | null, storedAt: number, until?: number): void {
    this.memory.set(k, until === undefined ? { v, storedAt } : { v, storedAt, until });
  }

  private remembered(k: string): { v: T | null; storedAt: number } | undefined {
    const cached = this.memory.get(k);
    return cached && (cached.until === undefined || cached.until > this.now()) ? cached : undefined;
  }

  /** What is kept for each of `keys`, as one: undefined unless every one is kept. */
  async keptMany(keys: readonly PatentKey[]): Promise<Kept<Array<T | null>> | undefined> {
    return keptAll<Array<T | null>>(await Promise.all(keys.map((key) => this.kept(key))));
  }

  /** Nobody waits for this patent any more: forget the ask, and cancel the call when nobody waits for any of it. */
  private abandon(k: string, entry: Entry<T>): void {
    if (this.inFlight.get(k) === entry) this.inFlight.delete(k);
    this.queue = this.queue.filter((e) => e !== entry);
    const batch = entry.batch;
    if (batch && [...batch.entries].every((e) => e.waiting === 0)) batch.controller.abort();
  }

  /** Forgets what is remembered; a call under way is no longer shared (see PatentLookupService.clear), its waiters still get its answer, kept nowhere. */
  clear(): void {
    this.generation.advance();
    this.memory.clear();
    for (const [k, entry] of this.inFlight) if (entry.batch) this.inFlight.delete(k);
  }

  /** Forgets one patent's record, on disk too (a signed link that no longer opens). */
  async forget(key: PatentKey): Promise<void> {
    this.memory.delete(cacheKey(key));
    const store = await this.store().catch(() => undefined);
    await store?.delete(this.kind.namespace, cacheKey(key)).catch(() => undefined);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const entries = this.queue;
    this.queue = [];
    if (entries.length === 0) return;
    const batch: Batch = { controller: new AbortController(), entries: new Set(entries as Entry<unknown>[]) };
    for (const e of entries) e.batch = batch;
    const current = this.generation.start();
    const settle = (entry: Entry<T>, value: T | null, storedAt = this.now(), until?: number): void => {
      if (current()) this.remember(cacheKey(entry.key), value, storedAt, until);
      if (this.inFlight.get(cacheKey(entry.key)) === entry) this.inFlight.delete(cacheKey(entry.key));
      entry.resolve(value);
    };
    const fail = (entry: Entry<T>, error: unknown): void => {
      if (this.inFlight.get(cacheKey(entry.key)) === entry) this.inFlight.delete(cacheKey(entry.key));
      entry.reject(error);
    };
    let store: RecordStore | undefined;
    try {
      store = await this.store();
    } catch {
      store = undefined; // no disk cache this time: the lookups still work
    }
    const misses: Entry<T>[] = [];
    await Promise.all(
      entries.map(async (entry) => {
        const stored = await this.fromDisk(store, cacheKey(entry.key));
        if (stored && !stored.stale) settle(entry, stored.value.v as T | null, stored.storedAt, stored.expiresAt);
        else misses.push(entry);
      }),
    );
    const asked = misses.filter((e) => e.waiting > 0);
    for (const e of misses) if (e.waiting === 0) fail(e, cancelledError());
    if (asked.length === 0) return;
    const byId = asked.filter((e) => e.key.patentId);
    const byNumber = asked.filter((e) => !e.key.patentId);
    // When both are given PatSnap answers the ids only: numbers go in a call of their own.
    const calls: Array<[Entry<T>[], PatentRefs]> = [];
    if (byId.length > 0) calls.push([byId, { patentIds: byId.map((e) => e.key.patentId as string) }]);
    if (byNumber.length > 0) calls.push([byNumber, { numbers: byNumber.map((e) => e.key.number as string) }]);
    await Promise.all(
      calls.map(async ([group, refs]) => {
        let outcome: BatchOutcome<T>;
        try {
          outcome = await keepPartial(this.kind.fetch(this.api(), refs, { signal: batch.controller.signal }));
        } catch (error) {
          for (const e of group) fail(e, error);
          return;
        }
        const missingIds = new Set(outcome.missing.patentIds);
        const missingNumbers = new Set(outcome.missing.numbers.map((n) => n.toUpperCase()));
        for (const entry of group) {
          const answer = find(outcome.results, entry.key, group.length);
          const missing = entry.key.patentId ? missingIds.has(entry.key.patentId) : missingNumbers.has((entry.key.number ?? '').toUpperCase());
          if (!answer && missing && outcome.failure) {
            fail(entry, outcome.failure);
            continue;
          }
          const now = this.now();
          const ttl = answer ? (this.kind.ttlOf?.(answer, now) ?? this.kind.ttlMs) : LIFETIMES.notFound;
          const until = ttl < this.kind.ttlMs ? now + ttl : undefined;
          settle(entry, answer ?? null, now, until);
          if (!current()) continue;
          this.writes.add(store?.put(this.kind.namespace, cacheKey(entry.key), { v: answer ?? null }, ttl));
          // The same answer also answers its own number (a panel that asked by id, a hover that asks by number).
          if (answer && !entry.key.number) {
            const byPn: PatentKey = { number: answer.pn };
            if (!this.memory.has(cacheKey(byPn))) {
              this.remember(cacheKey(byPn), answer, now, until);
              this.writes.add(store?.put(this.kind.namespace, cacheKey(byPn), { v: answer }, ttl));
            }
          }
        }
      }),
    );
  }
}

/**
 * The answer for `key`: by id, else by number (a kind-less number matches its one
 * publication). A call for one patent that got one answer takes it as that patent's,
 * whatever number it carries: PatSnap's own examples do that.
 */
function find<T extends Answer>(results: readonly T[], key: PatentKey, asked: number): T | undefined {
  if (key.patentId) {
    const hit = results.find((r) => r.patentId === key.patentId);
    if (hit) return hit;
  } else if (key.number) {
    const n = key.number.toUpperCase();
    const hit = results.find((r) => r.pn.toUpperCase() === n) ?? results.find((r) => answersNumber(r.pn, n));
    if (hit) return hit;
  }
  return asked === 1 && results.length === 1 ? results[0] : undefined;
}

const KINDS = {
  legalDetail: { namespace: 'legal-detail-v1', ttlMs: LIFETIMES.legalStatus, fetch: (api, refs, o) => api.legalStatusDetail(refs, o) } satisfies Kind<LegalStatusDetail>,
  family: { namespace: 'family-v1', ttlMs: LIFETIMES.family, fetch: (api, refs, o) => api.family(refs, o) } satisfies Kind<PatentFamily>,
  citations: { namespace: 'citations-v1', ttlMs: LIFETIMES.citations, fetch: (api, refs, o) => api.citations(refs, o) } satisfies Kind<Citations>,
  citedBy: { namespace: 'cited-by-v1', ttlMs: LIFETIMES.citedBy, fetch: (api, refs, o) => api.citedBy(refs, o) } satisfies Kind<CitedBy>,
  // A family member's claims stand in where PatSnap has none of the patent's own; `pnRelated` says whose.
  claims: { namespace: 'claims-v1', ttlMs: LIFETIMES.claims, fetch: (api, refs, o) => api.claims(refs, { ...o, replaceByRelated: true }) } satisfies Kind<PatentClaims>,
  legalEvents: { namespace: 'legal-events-v1', ttlMs: LIFETIMES.legalEvents, fetch: (api, refs, o) => api.legalEvents(refs, o) } satisfies Kind<LegalEvents>,
  bibliography: { namespace: 'bibliography-v1', ttlMs: LIFETIMES.bibliography, fetch: (api, refs, o) => api.bibliography(refs, o) } satisfies Kind<Bibliography>,
  // A signed link is kept until shortly before its signature says it stops opening, at most its lifetime.
  pdfLink: {
    namespace: 'pdf-link-v1',
    ttlMs: LIFETIMES.pdfLink,
    ttlOf: (link, now) => linkKeptUntil(link.url, now, LIFETIMES.pdfLink, LIFETIMES.pdfLink) - now,
    perishable: true,
    fetch: (api, refs, o) => api.pdfs(refs, { ...o, replaceByRelated: true }),
  } satisfies Kind<PdfLink>,
};

/** The kinds of record kept, by name. */
export type RecordKind = keyof typeof KINDS;
/** The record of one kind. */
export type RecordOf<K extends RecordKind> = (typeof KINDS)[K] extends Kind<infer T> ? T : never;
type Batchers = { [K in RecordKind]: Batcher<RecordOf<K>> };

/** See the module comment. One per backend: another gateway or account may answer otherwise. */
export class RecordLookup {
  private readonly batchers: Batchers;
  private readonly resolutions: LruCache<string, { v: Resolution }>;
  private readonly store: () => Promise<RecordStore | undefined>;
  private readonly writes = new PendingWrites();
  private readonly examDocs: ExamDocuments;
  /** Of the resolutions (the batchers and the examination documents count their own). */
  private readonly generation = new Generation();

  constructor(
    private readonly api: () => PatsnapApi,
    options: RecordLookupOptions = {},
  ) {
    this.store = options.store ?? (() => Promise.resolve(undefined));
    const make = <T extends Answer>(kind: Kind<T>): Batcher<T> =>
      new Batcher(kind, api, this.store, options.batchWindowMs ?? 15, options.maxEntries ?? 2000, this.writes, options.now ?? Date.now);
    this.batchers = {
      legalDetail: make(KINDS.legalDetail),
      family: make(KINDS.family),
      citations: make(KINDS.citations),
      citedBy: make(KINDS.citedBy),
      claims: make(KINDS.claims),
      legalEvents: make(KINDS.legalEvents),
      bibliography: make(KINDS.bibliography),
      pdfLink: make(KINDS.pdfLink),
    };
    this.resolutions = new LruCache({ max: options.maxEntries ?? 2000, ttlMs: LIFETIMES.resolution });
    this.examDocs = new ExamDocuments({ api, store: this.store, writes: this.writes, now: options.now ?? Date.now });
  }

  /** P048: a page of the file wrapper, kept (a day; each signed link only while it opens). */
  examDocuments(params: ExamDocsParams, signal?: AbortSignal): Promise<ExamDocsPage> {
    return this.examDocs.get(params, signal);
  }

  /** The page of the file wrapper as kept, without a call: fresh or stale; lapsed links marked `urlExpired`. */
  keptExamDocuments(params: ExamDocsParams): Promise<Kept<ExamDocsPage> | undefined> {
    return this.examDocs.kept(params);
  }

  /**
   * The document `pick` chooses from the page, with a signed link that still opens: the
   * kept one, else from the page asked for again; `again` asks whatever is kept (a kept
   * link the storage refused).
   */
  examDocumentLink(params: ExamDocsParams, pick: (page: ExamDocsPage) => ExamDocument | undefined, signal?: AbortSignal, again = false): Promise<ExamDocument | undefined> {
    return this.examDocs.link(params, pick, signal, again);
  }

  /** P013: simple, detailed and event status. */
  legalDetail(key: PatentKey, signal?: AbortSignal): Promise<LegalStatusDetail | null> {
    return this.batchers.legalDetail.get(key, signal);
  }

  /** P013 of many patents, in order: batched like single asks, with one wait for all of them. */
  legalDetails(keys: readonly PatentKey[], signal?: AbortSignal): Promise<Array<LegalStatusDetail | null>> {
    return this.batchers.legalDetail.getMany(keys, signal);
  }

  /** P014 of many patents, in order. */
  families(keys: readonly PatentKey[], signal?: AbortSignal): Promise<Array<PatentFamily | null>> {
    return this.batchers.family.getMany(keys, signal);
  }

  /** P014: the three families of the patent. */
  family(key: PatentKey, signal?: AbortSignal): Promise<PatentFamily | null> {
    return this.batchers.family.get(key, signal);
  }

  /** P016: what the patent cites. */
  citations(key: PatentKey, signal?: AbortSignal): Promise<Citations | null> {
    return this.batchers.citations.get(key, signal);
  }

  /** P015: what cites the patent. */
  citedBy(key: PatentKey, signal?: AbortSignal): Promise<CitedBy | null> {
    return this.batchers.citedBy.get(key, signal);
  }

  /** P018, a family member's claims standing in where the patent has none. */
  claims(key: PatentKey, signal?: AbortSignal): Promise<PatentClaims | null> {
    return this.batchers.claims.get(key, signal);
  }

  /** P026: INPADOC and office events. */
  legalEvents(key: PatentKey, signal?: AbortSignal): Promise<LegalEvents | null> {
    return this.batchers.legalEvents.get(key, signal);
  }

  /** P020's signed link (a family member's PDF where the patent has none), kept for its lifetime less a day. */
  pdfLink(key: PatentKey, signal?: AbortSignal): Promise<PdfLink | null> {
    return this.batchers.pdfLink.get(key, signal);
  }

  /** Forgets the PDF link kept for the patent: the next ask gets a fresh one. */
  forgetPdfLink(key: PatentKey): Promise<void> {
    return this.batchers.pdfLink.forget(key);
  }

  /**
   * What is kept of one kind of record for `key`, without a call: fresh, or past its
   * lifetime (`stale`, for showing while the record is asked for again).
   */
  kept<K extends RecordKind>(kind: K, key: PatentKey): Promise<Kept<RecordOf<K> | null> | undefined> {
    return (this.batchers[kind] as Batcher<RecordOf<K>>).kept(key);
  }

  /**
   * One family type's members grouped by office, each with its status and date: one
   * P014, then one batched P013 and one batched P011 for the members not already known.
   */
  async familyView(key: PatentKey, type: FamilyType, signal?: AbortSignal): Promise<FamilyView | undefined> {
    const family = await this.family(key, signal);
    if (!family) return undefined;
    const keys = memberKeys(family, type);
    const [statuses, bibliographies] = await Promise.all([this.batchers.legalDetail.getMany(keys, signal), this.batchers.bibliography.getMany(keys, signal)]);
    return buildFamilyView(family, type, statuses.filter(isPresent), bibliographies.filter(isPresent));
  }

  /** The family view as kept, without a call: when the family and every member's status and bibliography are; stale when any part is. */
  async keptFamilyView(key: PatentKey, type: FamilyType): Promise<Kept<FamilyView | undefined> | undefined> {
    const family = await this.batchers.family.kept(key);
    const found = family?.value;
    if (!family || !found) return family && { ...family, value: undefined };
    const keys = memberKeys(found, type);
    const whole = keptAll([family, await this.batchers.legalDetail.keptMany(keys), await this.batchers.bibliography.keptMany(keys)] as const);
    return whole && { ...whole, value: buildFamilyView(found, type, whole.value[1].filter(isPresent), whole.value[2].filter(isPresent)) };
  }

  /** P069: the publications an application number (or a loosely written number) stands for. */
  async resolve(input: string, signal?: AbortSignal): Promise<Resolution> {
    const k = input.trim().toUpperCase();
    const cached = this.resolutions.get(k);
    if (cached) return cached.v;
    const current = this.generation.start();
    const store = await this.store().catch(() => undefined);
    const stored = await store?.get('resolution-v1', k, storedValue).catch(() => undefined);
    if (stored && isResolution(stored.v)) {
      if (current()) this.resolutions.set(k, { v: stored.v });
      return stored.v;
    }
    const [resolution] = await resolveNumbers(this.api(), [input.trim()], { signal });
    if (!resolution) throw new TypeError('resolveNumbers answered nothing');
    if (!current()) return resolution;
    this.resolutions.set(k, { v: resolution });
    const ttl = resolution.publications.length > 0 ? LIFETIMES.resolution : LIFETIMES.notFound;
    this.writes.add(store?.put('resolution-v1', k, { v: resolution }, ttl));
    return resolution;
  }

  /** Resolves once every answer so far is on disk. */
  idle(): Promise<void> {
    return this.writes.idle();
  }

  /**
   * Forgets what this window holds in memory (the disk store stays, as across a reload);
   * what a call under way brings goes to its own waiters only, neither into memory nor to disk.
   */
  clear(): void {
    this.generation.advance();
    for (const b of Object.values(this.batchers)) b.clear();
    this.resolutions.clear();
    this.examDocs.clear();
  }
}

function memberKeys(family: PatentFamily, type: FamilyType): PatentKey[] {
  return [...new Set(familyMembers(family, type).map((m) => m.number))].map((number) => ({ number }));
}

function isPresent<T>(v: T | null): v is T {
  return v !== null;
}

function isResolution(v: unknown): v is Resolution {
  const o = v as Partial<Resolution> | null;
  return typeof o === 'object' && o !== null && typeof o.input === 'string' && Array.isArray(o.publications) && typeof o.query?.value === 'string';
}
