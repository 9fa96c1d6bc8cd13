/**
 * The PatSnap client: one function per endpoint of the contract
 * (../shared/patsnap-api.md) on top of the transport (HTTP, auth, retry, rate
 * limit, envelope and schema checks) and the batching of the batch endpoints.
 */
import type * as z from 'zod/mini';
import { createTokenProvider, type TokenProvider } from '../auth/tokenProvider';
import { isPartialBatchError, PatsnapError, refusedInput } from './errors';
import { fetchBatched, planRefs, type BatchParam } from './batch';
import {
  joinNames,
  toAbstractImage,
  toBibliography,
  toExamDocsPage,
  toLegalStatus,
  toPdfLink,
  toSearchHit,
} from './mapping';
import {
  abstractImageItemSchema,
  batchDataSchema,
  bibliographyItemSchema,
  countDataSchema,
  examDocsDataSchema,
  exportCreatedSchema,
  facetsDataSchema,
  exportStatusSchema,
  legalStatusItemSchema,
  pdfItemSchema,
  searchDataSchema,
} from './schemas';
import { toCitations, toCitedBy, toLegalEvents, toLegalStatusDetail, toPatentClaims, toPatentFamily } from './recordMapping';
import { citationsItemSchema, citedByItemSchema, claimsItemSchema, familyItemSchema, legalEventsItemSchema, legalStatusDetailItemSchema } from './recordSchemas';
import type { Citations, CitedBy, LegalEvents, LegalStatusDetail, PatentClaims, PatentFamily, StandardNumberPage, StandardNumberParams } from './recordTypes';
import { SignedLinks } from './signed';
import { throwIfAborted } from '../abort';
import { Transport } from './transport';
import type {
  AbstractImage,
  Bibliography,
  CallOptions,
  ClientConfig,
  CollapseOptions,
  CountParams,
  ExamDocsPage,
  ExamDocsParams,
  ExportParams,
  ExportTaskCreated,
  ExportTaskState,
  ExpectedContent,
  FacetCounts,
  FacetParams,
  LegalStatus,
  PatentRefs,
  PatsnapApi,
  PdfLink,
  SearchHit,
  SearchPage,
  SearchParams,
  SignedBytes,
} from './types';
import {
  checkCountParams,
  checkExamDocsParams,
  checkExportParams,
  checkFacetParams,
  checkPatentRefs,
  checkSearchParams,
  checkStandardNumberParams,
  facetFieldCodes,
  FACET_LANGS,
  type InputProblem,
} from './validation';
import { ENGLISH, type Translator } from '../text/translator';

export const ENDPOINTS = {
  search: '/search/patent/query-search-patent',
  count: '/search/patent/query-search-count',
  facets: '/patent-field/query',
  bibliography: '/basic-patent-data/simple-bibliography',
  abstractImage: '/basic-patent-data/abstract-image',
  legalStatus: '/basic-patent-data/simple-legal-status',
  pdf: '/basic-patent-data/pdf-data',
  examDocs: '/advanced-patent-data/overseas-patent-documents',
  createExport: '/patent-search/export/V2',
  exportStatus: '/patent-search/task',
  legalStatusDetail: '/basic-patent-data/legal-status',
  family: '/basic-patent-data/patent-family',
  // The path names of P015 and P016 are the wrong way round: "backward-citation"
  // lists the later patents that cite this one, "forward-citation" what it cites.
  citedBy: '/basic-patent-data/backward-citation',
  citations: '/advanced-patent-data/forward-citation',
  claims: '/basic-patent-data/claim-data',
  legalEvents: '/advanced-patent-data/legal-data',
  standardNumber: '/search/patent/patent-search-pn',
} as const;

/** Names no patent: a probe that returns nothing and so bills nothing. */
const VERIFY_PROBE_ID = '00000000-0000-0000-0000-000000000000';

const DEFAULTS = {
  timeoutMs: 30_000,
  maxRequestsPerSecond: 5,
  maxConcurrentBatches: 2,
  maxRetries: 4,
  maxRateRetries: 10,
  maxRetryTimeMs: 30_000,
  retryBaseDelayMs: 500,
};

function rejectFirst(problems: InputProblem[]): void {
  const first = problems[0];
  if (first) throw refusedInput(first);
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function nonNegative(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

function collapseBody(p: CollapseOptions): Record<string, unknown> {
  return {
    collapse_type: p.collapseType,
    collapse_by: p.collapseBy,
    collapse_order: p.collapseOrder,
    collapse_order_authority: p.collapseOrderAuthority ? [...p.collapseOrderAuthority] : undefined,
  };
}

/** Drops undefined values, so the body carries only what the caller set. */
function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** P020 and P018 accept a family member's document when asked. */
function relatedParam(options: { replaceByRelated?: boolean }): Record<string, number> | undefined {
  return options.replaceByRelated ? { replace_by_related: 1 } : undefined;
}

function needsDetails(h: SearchHit): boolean {
  return h.title === undefined || h.currentAssignee === undefined || h.applicationDate === undefined || h.publicationDate === undefined;
}

class PatsnapClient implements PatsnapApi {
  private readonly transport: Transport;
  private readonly auth: TokenProvider;
  private readonly signed: SignedLinks;
  private readonly concurrency: number;
  private readonly language?: string;
  private readonly l10n: Translator;

  constructor(config: ClientConfig) {
    const timeoutMs = positive(config.timeoutMs, DEFAULTS.timeoutMs);
    this.transport = new Transport({
      baseUrl: config.baseUrl,
      timeoutMs,
      maxRequestsPerSecond: positive(config.maxRequestsPerSecond, DEFAULTS.maxRequestsPerSecond),
      maxRetries: Math.floor(nonNegative(config.maxRetries, DEFAULTS.maxRetries)),
      maxRateRetries: Math.floor(nonNegative(config.maxRateRetries, DEFAULTS.maxRateRetries)),
      rateLimiter: config.rateLimiter,
      maxRetryTimeMs: nonNegative(config.maxRetryTimeMs, DEFAULTS.maxRetryTimeMs),
      retryBaseDelayMs: nonNegative(config.retryBaseDelayMs, DEFAULTS.retryBaseDelayMs),
      log: config.log,
      onCall: config.onCall,
    });
    this.auth = createTokenProvider(config.credentials, (request) => this.transport.exchangeToken(request), { now: config.now });
    this.transport.setTokenProvider(this.auth);
    this.signed = new SignedLinks(this.transport, timeoutMs);
    this.concurrency = Math.max(1, Math.floor(positive(config.maxConcurrentBatches, DEFAULTS.maxConcurrentBatches)));
    this.language = config.language?.trim() || undefined;
    this.l10n = config.l10n ?? ENGLISH;
  }

  get callCounts(): ReadonlyMap<string, number> {
    return this.transport.callCounts;
  }

  async verifyCredentials(options: CallOptions = {}): Promise<void> {
    throwIfAborted(options.signal);
    if (this.auth.refreshable) {
      // The token exchange is the honest check for a client id + secret, and bills nothing.
      this.auth.invalidate();
      await this.auth.get(options.signal);
      return;
    }
    // A key has no exchange. The cheapest authenticated call: P011 for an id that names
    // no patent, which bills per result returned, so nothing. The gateway checks the key
    // before the parameters, so a parameter complaint still means the key was accepted.
    try {
      await this.bibliography({ patentIds: [VERIFY_PROBE_ID] }, options);
    } catch (e) {
      if (!(e instanceof PatsnapError && e.kind === 'invalidParameter')) throw e;
    }
  }

  async search(params: SearchParams, options: CallOptions = {}): Promise<SearchPage> {
    rejectFirst(checkSearchParams(params, this.l10n));
    const limit = params.limit ?? 10;
    const offset = params.offset ?? 0;
    const data = await this.transport.call({
      method: 'POST',
      path: ENDPOINTS.search,
      data: compact({
        query_text: params.query,
        limit,
        offset,
        sort: params.sort?.map((s) => ({ field: s.field, order: s.order })),
        ...collapseBody(params),
      }),
      schema: searchDataSchema,
      signal: options.signal,
    });
    const hits = data.results.map(toSearchHit);
    return { hits, resultCount: data.result_count ?? hits.length, total: data.total_search_result_count ?? hits.length, offset, limit };
  }

  async count(params: CountParams, options: CallOptions = {}): Promise<number> {
    rejectFirst(checkCountParams(params, this.l10n));
    const data = await this.transport.call({
      method: 'POST',
      path: ENDPOINTS.count,
      data: compact({ query_text: params.query, ...collapseBody(params) }),
      schema: countDataSchema,
      signal: options.signal,
    });
    return data.total_search_result_count;
  }

  async searchWithDetails(params: SearchParams, options: CallOptions = {}): Promise<SearchPage> {
    const page = await this.search(params, options);
    const missing = page.hits.filter(needsDetails);
    if (missing.length === 0) return page;
    // Hits whose details did not come (one batch failed) are shown as P002 gave them.
    const bibliographies = await this.bibliography({ patentIds: missing.map((h) => h.patentId) }, options).catch((e: unknown) => {
      if (isPartialBatchError(e)) return e.results as Bibliography[];
      throw e;
    });
    const details = new Map(bibliographies.map((b) => [b.patentId, b]));
    const hits = page.hits.map((h): SearchHit => {
      const b = details.get(h.patentId);
      if (!b) return h;
      const filled: SearchHit = { ...h };
      filled.title ??= b.title;
      filled.currentAssignee ??= joinNames(b.assignees);
      filled.originalAssignee ??= joinNames(b.applicants);
      if (filled.inventors === undefined && b.inventors.length > 0) filled.inventors = b.inventors.map((p) => p.name);
      filled.applicationNumber ??= b.applicationNumber;
      filled.applicationDate ??= b.applicationDate;
      filled.publicationDate ??= b.publicationDate;
      for (const k of Object.keys(filled) as Array<keyof SearchHit>) if (filled[k] === undefined) delete filled[k];
      return filled;
    });
    return { ...page, hits };
  }

  async facets(params: FacetParams, options: CallOptions = {}): Promise<FacetCounts> {
    rejectFirst(checkFacetParams(params, this.l10n));
    const fields = facetFieldCodes(params.fields);
    const preferred = (FACET_LANGS as readonly string[]).includes(this.language?.toLowerCase() ?? '') ? this.language?.toLowerCase() : undefined;
    const data = await this.transport.call({
      method: 'POST',
      path: ENDPOINTS.facets,
      data: compact({ query: params.query, field: fields.join(','), limit: params.limit ?? 50, offset: params.offset ?? 0, lang: params.lang ?? preferred }),
      schema: facetsDataSchema,
      signal: options.signal,
    });
    // One object per field, keyed by its name in lower case.
    const byName = new Map<string, Array<{ name: string; count: number }>>();
    for (const entry of data) for (const [name, values] of Object.entries(entry)) byName.set(name.trim().toLowerCase(), values);
    const counts: FacetCounts = {};
    for (const field of fields) counts[field] = (byName.get(field.toLowerCase()) ?? []).map((v) => ({ name: v.name.trim(), count: v.count }));
    return counts;
  }

  bibliography(refs: PatentRefs, options: CallOptions = {}): Promise<Bibliography[]> {
    return this.batch(ENDPOINTS.bibliography, refs, bibliographyItemSchema, (w) => toBibliography(w, this.language), options.signal);
  }

  legalStatus(refs: PatentRefs, options: CallOptions = {}): Promise<LegalStatus[]> {
    return this.batch(ENDPOINTS.legalStatus, refs, legalStatusItemSchema, toLegalStatus, options.signal);
  }

  abstractImages(refs: PatentRefs, options: CallOptions = {}): Promise<AbstractImage[]> {
    return this.batch(ENDPOINTS.abstractImage, refs, abstractImageItemSchema, toAbstractImage, options.signal);
  }

  pdfs(refs: PatentRefs, options: CallOptions & { replaceByRelated?: boolean } = {}): Promise<PdfLink[]> {
    return this.batch(ENDPOINTS.pdf, refs, pdfItemSchema, toPdfLink, options.signal, relatedParam(options));
  }

  legalStatusDetail(refs: PatentRefs, options: CallOptions = {}): Promise<LegalStatusDetail[]> {
    return this.batch(ENDPOINTS.legalStatusDetail, refs, legalStatusDetailItemSchema, toLegalStatusDetail, options.signal);
  }

  family(refs: PatentRefs, options: CallOptions = {}): Promise<PatentFamily[]> {
    return this.batch(ENDPOINTS.family, refs, familyItemSchema, toPatentFamily, options.signal);
  }

  citedBy(refs: PatentRefs, options: CallOptions = {}): Promise<CitedBy[]> {
    return this.batch(ENDPOINTS.citedBy, refs, citedByItemSchema, toCitedBy, options.signal);
  }

  citations(refs: PatentRefs, options: CallOptions = {}): Promise<Citations[]> {
    return this.batch(ENDPOINTS.citations, refs, citationsItemSchema, toCitations, options.signal);
  }

  claims(refs: PatentRefs, options: CallOptions & { replaceByRelated?: boolean } = {}): Promise<PatentClaims[]> {
    return this.batch(ENDPOINTS.claims, refs, claimsItemSchema, toPatentClaims, options.signal, relatedParam(options));
  }

  legalEvents(refs: PatentRefs, options: CallOptions = {}): Promise<LegalEvents[]> {
    return this.batch(ENDPOINTS.legalEvents, refs, legalEventsItemSchema, toLegalEvents, options.signal);
  }

  async standardNumber(params: StandardNumberParams, options: CallOptions = {}): Promise<StandardNumberPage> {
    rejectFirst(checkStandardNumberParams(params, this.l10n));
    const data = await this.transport.call({
      method: 'POST',
      path: ENDPOINTS.standardNumber,
      data: compact({
        pn: params.pn?.trim() || undefined,
        apno: params.apno?.trim() || undefined,
        authority: params.authority && params.authority.length > 0 ? params.authority.map((a) => a.trim().toUpperCase()) : undefined,
        limit: params.limit,
        offset: params.offset,
      }),
      schema: searchDataSchema,
      signal: options.signal,
    });
    const hits = data.results.map(toSearchHit);
    return { hits, resultCount: data.result_count ?? hits.length, total: data.total_search_result_count ?? hits.length };
  }

  async examinationDocuments(params: ExamDocsParams, options: CallOptions = {}): Promise<ExamDocsPage> {
    rejectFirst(checkExamDocsParams(params, this.l10n));
    const data = await this.transport.call({
      method: 'POST',
      path: ENDPOINTS.examDocs,
      data: compact({
        apno: params.apno?.trim() || undefined,
        patent_id: params.patentId?.trim() || undefined,
        patent_number: params.patentNumber?.trim() || undefined,
        doc_code: params.docCodes && params.docCodes.length > 0 ? params.docCodes.map((c) => c.trim().toUpperCase()).join(',') : undefined,
        date_from: params.dateFrom,
        date_to: params.dateTo,
        limit: params.limit,
        offset: params.offset,
      }),
      schema: examDocsDataSchema,
      signal: options.signal,
    });
    return toExamDocsPage(data);
  }

  async createExport(params: ExportParams, options: CallOptions = {}): Promise<ExportTaskCreated> {
    rejectFirst(checkExportParams(params, this.l10n));
    const data = await this.transport.call({
      method: 'POST',
      path: ENDPOINTS.createExport,
      data: compact({
        query_text: params.query,
        fields: params.fields.join(','),
        export_type: params.exportType,
        rows: params.rows,
        offset: params.offset,
        apdt_from: params.apdtFrom,
        apdt_to: params.apdtTo,
        pbdt_from: params.pbdtFrom,
        pbdt_to: params.pbdtTo,
        lang: params.lang,
        trans_lang: params.transLang,
        stemming: params.stemming === undefined ? undefined : params.stemming ? 1 : 0,
        ...collapseBody(params),
      }),
      schema: exportCreatedSchema,
      signal: options.signal,
    });
    return { taskId: data.task_id, count: data.count ?? 0 };
  }

  async exportStatus(taskId: string, options: CallOptions = {}): Promise<ExportTaskState> {
    const id = typeof taskId === 'string' ? taskId.trim() : '';
    const { l10n } = this;
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(id)) throw refusedInput({ parameter: 'taskId', message: l10n.t('An export task id is a string of letters and digits.') });
    const data = await this.transport.call({
      method: 'GET',
      path: ENDPOINTS.exportStatus,
      params: { task_id: id },
      schema: exportStatusSchema,
      signal: options.signal,
    });
    if (data.export_status === 'SUCCESS' && !data.url) {
      throw new PatsnapError('unexpectedResponse', `PatSnap's answer from ${ENDPOINTS.exportStatus} says SUCCESS but gives no file link.`, { endpoint: ENDPOINTS.exportStatus });
    }
    const state: ExportTaskState = { status: data.export_status };
    if (data.count !== undefined) state.count = data.count;
    if (data.export_status === 'SUCCESS') state.url = data.url;
    return state;
  }

  fetchSignedBytes(url: string, options: CallOptions & { maxBytes?: number; expect?: ExpectedContent } = {}): Promise<SignedBytes> {
    return this.signed.bytes(url, options);
  }

  openSignedStream(url: string, options: CallOptions = {}): Promise<{ stream: NodeJS.ReadableStream; contentLength?: number; contentType?: string; fileName?: string }> {
    return this.signed.stream(url, options);
  }

  private async batch<W extends z.ZodMiniType, T extends { patentId: string; pn: string }>(
    path: string,
    refs: PatentRefs,
    item: W,
    map: (wire: z.output<W>) => T,
    signal: AbortSignal | undefined,
    extra?: Record<string, string | number>,
  ): Promise<T[]> {
    rejectFirst(checkPatentRefs(refs, this.l10n));
    throwIfAborted(signal, path);
    const plan = planRefs(refs);
    const schema = batchDataSchema(item);
    return fetchBatched(
      plan,
      async (param: BatchParam, values: string[], s: AbortSignal) => {
        const data = await this.transport.call({ method: 'GET', path, params: { [param]: values.join(','), ...extra }, schema, signal: s });
        return data.map(map);
      },
      this.concurrency,
      signal,
    );
  }
}

export function createPatsnapClient(config: ClientConfig): PatsnapApi {
  return new PatsnapClient(config);
}
