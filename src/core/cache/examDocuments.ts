/**
 * A patent's examination documents (P048 listings: office actions and the rest of the
 * file wrapper) kept like the other record sections: in memory and on disk, so a
 * restored panel lists them at once (`kept`, fresh or stale, for `staleWhileRevalidate`),
 * and a fresh listing costs no call. What a listing says of each document is kept for
 * `LIFETIMES.examDocuments`; its signed links are not: they never go to disk, and in
 * memory each is kept only while it still opens (its signature's own expiry less a
 * margin, else `LIFETIMES.examDocumentLink` from the answer). A document listed with a
 * link no longer kept is marked `urlExpired`, and `link` asks for the listing again for
 * a fresh one.
 */
import * as z from 'zod/mini';
import { linkExpiry } from '../api/signed';
import type { ExamDocsPage, ExamDocsParams, ExamDocument, PatsnapApi } from '../api/types';
import { Generation } from './generation';
import type { Kept } from './kept';
import { LruCache } from './lru';
import type { PendingWrites } from './pendingWrites';
import { LIFETIMES, type RecordStore } from './recordStore';

export const EXAM_DOCS_NS = 'exam-docs-v1';
/** A link is not handed out in its last minutes: a download started then may be refused half way. */
export const LINK_MARGIN_MS = 5 * 60_000;

/** A document as kept: its link, while there is one, with when it stops working. */
type KeptDocument = ExamDocument & { urlExpiresAt?: number };

const optionalNumber = z.optional(z.number());
const optionalString = z.optional(z.string());
const storedPage = z.object({
  v: z.object({
    apno: optionalString,
    patentId: optionalString,
    patentNumber: optionalString,
    docCount: z.number(),
    detailCount: z.number(),
    documents: z.array(
      z.object({
        date: optionalNumber,
        docCode: optionalString,
        description: optionalString,
        pageCount: optionalNumber,
        urlExpired: z.optional(z.boolean()),
      }),
    ),
  }),
});

/** One listing's key: the patent, the filter and the page, in a stable order. */
export function examDocsKey(p: ExamDocsParams): string {
  const codes = [...(p.docCodes ?? [])].map((c) => c.trim().toUpperCase()).sort();
  const who = p.patentId ? `id:${p.patentId}` : p.apno ? `apno:${p.apno.toUpperCase()}` : (p.patentNumber ?? '').toUpperCase();
  return JSON.stringify([who, codes, p.dateFrom ?? null, p.dateTo ?? null, p.limit ?? null, p.offset ?? 0]);
}

/**
 * Until when a signed link just handed out is kept: its signature's expiry less the
 * margin, at most `capMs` from the answer; `fallbackMs` from the answer when it says none.
 */
export function linkKeptUntil(url: string | undefined, answeredAt: number, fallbackMs: number, capMs: number): number {
  let said: number | undefined;
  try {
    said = url ? linkExpiry(new URL(url)) : undefined;
  } catch {
    said = undefined;
  }
  return said === undefined ? answeredAt + fallbackMs : Math.min(said - LINK_MARGIN_MS, answeredAt + capMs);
}

export interface ExamDocumentsOptions {
  api: () => PatsnapApi;
  store: () => Promise<RecordStore | undefined>;
  writes: PendingWrites;
  /** Wall clock, epoch ms (links expire by it). */
  now: () => number;
  maxEntries?: number;
}

export class ExamDocuments {
  private readonly memory: LruCache<string, { page: ExamDocsPage; storedAt: number }>;
  private readonly generation = new Generation();

  constructor(private readonly options: ExamDocumentsOptions) {
    this.memory = new LruCache({ max: options.maxEntries ?? 200, ttlMs: LIFETIMES.examDocuments, now: options.now });
  }

  /** The listing as kept, without a call: fresh, or past its lifetime (`stale`); links that lapsed are gone (`urlExpired`). */
  async kept(params: ExamDocsParams): Promise<Kept<ExamDocsPage> | undefined> {
    const k = examDocsKey(params);
    const cached = this.memory.get(k);
    if (cached) return { value: this.live(cached.page), storedAt: cached.storedAt, stale: false };
    const current = this.generation.start();
    const store = await this.options.store().catch(() => undefined);
    const entry = await store?.getEntry(EXAM_DOCS_NS, k, storedPage).catch(() => undefined);
    if (!entry) return undefined;
    const page = entry.value.v as ExamDocsPage;
    if (!entry.stale && current()) this.memory.set(k, { page, storedAt: entry.storedAt });
    return { value: this.live(page), storedAt: entry.storedAt, stale: entry.stale };
  }

  /** The listing: kept and fresh without a call, else asked for (and kept); `again` asks whatever is kept. */
  async get(params: ExamDocsParams, signal?: AbortSignal, again = false): Promise<ExamDocsPage> {
    const current = this.generation.start();
    if (!again) {
      const kept = await this.kept(params);
      if (kept && !kept.stale) return kept.value;
    }
    const page = await this.options.api().examinationDocuments(params, { signal });
    const storedAt = this.options.now();
    const keptPage: ExamDocsPage = { ...page, documents: page.documents.map((d): KeptDocument => (d.url ? { ...d, urlExpiresAt: linkKeptUntil(d.url, storedAt, LIFETIMES.examDocumentLink, LIFETIMES.examDocuments) } : d)) };
    if (!current()) return this.live(keptPage);
    const k = examDocsKey(params);
    this.memory.set(k, { page: keptPage, storedAt });
    const store = await this.options.store().catch(() => undefined);
    // On disk, what each document is: its link is for this window, while it opens. Not
    // when a clear came while the store was opened: it may be another backend's store.
    if (current()) this.options.writes.add(store?.put(EXAM_DOCS_NS, k, { v: this.live(keptPage, Number.POSITIVE_INFINITY) }, LIFETIMES.examDocuments));
    return this.live(keptPage);
  }

  /**
   * The document `pick` chooses, with a link that still opens: the kept listing's while
   * its link is kept, else from the listing asked for again. Undefined when PatSnap no
   * longer lists it, or lists it without a link.
   */
  async link(params: ExamDocsParams, pick: (page: ExamDocsPage) => ExamDocument | undefined, signal?: AbortSignal, again = false): Promise<ExamDocument | undefined> {
    if (!again) {
      const kept = await this.kept(params);
      const doc = kept && pick(kept.value);
      if (doc?.url) return doc;
    }
    const doc = pick(await this.get(params, signal, true));
    return doc?.url ? doc : undefined;
  }

  /** Forgets every listing kept in memory; what a call under way brings goes to its caller only. */
  clear(): void {
    this.generation.advance();
    this.memory.clear();
  }

  /** The listing as handed out at `now`: each link only until it is kept (before it stops opening). */
  private live(page: ExamDocsPage, now = this.options.now()): ExamDocsPage {
    return {
      ...page,
      documents: page.documents.map((d: KeptDocument): ExamDocument => {
        const { urlExpiresAt, url, ...rest } = d;
        if (url && urlExpiresAt !== undefined && urlExpiresAt > now) return { ...rest, url };
        return url || d.urlExpired ? { ...rest, urlExpired: true } : rest;
      }),
    };
  }
}
