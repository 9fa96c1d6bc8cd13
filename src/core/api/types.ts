/**
 * The public surface of the PatSnap client, as the extension, the CLI and the
 * export tracker use it. Wire shapes (snake_case) live in `schemas.ts`; these
 * are the shapes the rest of the code works with.
 */
import type { AdaptiveRateLimiter } from './rateLimiter';
import type { Citations, CitedBy, LegalEvents, LegalStatusDetail, PatentClaims, PatentFamily, StandardNumberPage, StandardNumberParams } from './recordTypes';
import type { Translator } from '../text/translator';

export type Credentials =
  | { kind: 'clientSecret'; clientId: string; clientSecret: string }
  | { kind: 'apiKey'; apiKey: string };

/** What a signed file must be, checked on its bytes. */
export type ExpectedContent = 'image' | 'pdf';

export interface ClientConfig {
  /** e.g. https://connect.patsnap.com, or the sandbox's loopback URL. */
  baseUrl: string;
  credentials: Credentials;
  /**
   * Deadline of one request, from sending it to the last byte; default 30 000. A
   * streamed download instead fails when no byte came for this long.
   */
  timeoutMs?: number;
  /** Client-side cap; default 5. */
  maxRequestsPerSecond?: number;
  /** Batches in flight at once for batch endpoints; default 2. */
  maxConcurrentBatches?: number;
  /** Retries of a transient failure (network, busy, HTTP 5xx); default 4. */
  maxRetries?: number;
  /** Retries after "too many calls per second" (67200002, HTTP 429), each once the shared rate went down; default 10. */
  maxRateRetries?: number;
  /**
   * The adaptive rate to share with other clients of the same account (see
   * `AdaptiveRateLimiter`); default one per client, starting at maxRequestsPerSecond.
   */
  rateLimiter?: AdaptiveRateLimiter;
  /** Upper bound on all retry waits of one call; default 30 000. */
  maxRetryTimeMs?: number;
  /** Base of the exponential backoff; default 500. Tests set it low. */
  retryBaseDelayMs?: number;
  /** Debug-level diagnostics. Never receives secrets, tokens or query text. */
  log?: (message: string) => void;
  /**
   * Preferred language of titles, abstracts and party names (en, cn, jp, de, fr, kr;
   * the `patentLookup.language` setting). Falls back to English, then to the first given.
   */
  language?: string;
  /** The language of the input checks' messages (validation.ts): `vscode.l10n` in the extension; default English. */
  l10n?: Translator;
  /** Clock (epoch ms) for token lifetimes; default Date.now. Tests move it. */
  now?: () => number;
  /** Told of each call as it starts and ends (the editor's status bar shows "working" and a spent quota from it). */
  onCall?: CallObserver;
}

/**
 * Called as a call to `endpoint` starts (the token exchange is a call of its own);
 * the function it returns is called once, when the call (its retries included) has
 * succeeded or failed for good, with the error it failed with.
 */
export type CallObserver = (endpoint: string) => (outcome: { error?: unknown }) => void;

export interface CallOptions {
  signal?: AbortSignal;
}

/** Ids or publication numbers; `patentIds` win where both name a patent. */
export interface PatentRefs {
  patentIds?: readonly string[];
  numbers?: readonly string[];
}

export type SortField = 'PBDT_YEARMONTHDAY' | 'APD_YEARMONTHDAY' | 'ISD' | 'SCORE';
export type SortOrder = 'ASC' | 'DESC';
export type CollapseType = 'ALL' | 'APNO' | 'DOCDB' | 'INPADOC' | 'EXTEND';
export type CollapseBy = 'APD' | 'PBD' | 'AUTHORITY' | 'SCORE';
export type CollapseOrder = 'OLDEST' | 'LATEST';

export interface CollapseOptions {
  collapseType?: CollapseType;
  collapseBy?: CollapseBy;
  collapseOrder?: CollapseOrder;
  collapseOrderAuthority?: readonly string[];
}

export interface SearchParams extends CollapseOptions {
  query: string;
  /** 1..1000; default 10. */
  limit?: number;
  /** offset + limit <= 20 000; default 0. */
  offset?: number;
  sort?: ReadonlyArray<{ field: SortField; order: SortOrder }>;
}

/** P001: the hit count of a query, without results. */
export interface CountParams extends CollapseOptions {
  query: string;
}

export interface SearchHit {
  patentId: string;
  pn: string;
  /** Present when the service gave it (v2) or after filling from P011. */
  title?: string;
  currentAssignee?: string;
  originalAssignee?: string;
  inventors?: string[];
  applicationNumber?: string;
  /** yyyyMMdd */
  applicationDate?: number;
  /** yyyyMMdd */
  publicationDate?: number;
}

export interface SearchPage {
  hits: SearchHit[];
  /** `result_count` */
  resultCount: number;
  /** `total_search_result_count` */
  total: number;
  offset: number;
  limit: number;
}

export interface Party {
  name: string;
  address?: string;
  lang?: string;
  sequence?: number;
}

export interface Bibliography {
  patentId: string;
  pn: string;
  title?: string;
  /** Every language the service gave, e.g. { EN: '...', CN: '...' }. */
  titles: Record<string, string>;
  abstract?: string;
  assignees: Party[];
  applicants: Party[];
  inventors: Party[];
  applicationNumber?: string;
  applicationDate?: number;
  publicationDate?: number;
  country?: string;
  kind?: string;
  patentType?: string;
  ipcMain?: string;
  cpcMain?: string;
  priorityClaims: Array<{ country?: string; docNumber?: string; date?: number }>;
}

export interface LegalStatus {
  patentId: string;
  pn: string;
  statuses: string[];
}

export interface AbstractImage {
  patentId: string;
  pn: string;
  num?: string;
  /** Signed link, valid about 9 hours: fetch promptly, cache bytes not links. */
  url?: string;
}

export interface PdfLink {
  patentId: string;
  pn: string;
  /** Signed link, valid 10 days. */
  url?: string;
  /** Set when a family member's PDF stands in. */
  pnRelated?: string;
}

export interface ExamDocsParams {
  /** One of apno, patentId, patentNumber. CN patents are refused before any call. */
  apno?: string;
  patentId?: string;
  patentNumber?: string;
  docCodes?: readonly string[];
  /** yyyyMMdd */
  dateFrom?: number;
  dateTo?: number;
  limit?: number;
  offset?: number;
}

export interface ExamDocument {
  date?: number;
  docCode?: string;
  description?: string;
  pageCount?: number;
  /** Signed PDF link. */
  url?: string;
  /** Listed with a signed link a kept listing no longer holds (lapsed, or read from disk): the listing is asked for again to open it. */
  urlExpired?: boolean;
}

export interface ExamDocsPage {
  apno?: string;
  patentId?: string;
  patentNumber?: string;
  /** `doc_count`: documents in the file wrapper. */
  docCount: number;
  /** `doc_detail_count`: rows matching the filter. */
  detailCount: number;
  documents: ExamDocument[];
}

export type ExportType = 'json' | 'csv' | 'xls' | 'pdf' | 'full_text' | 'xml';
export type ExportLang = 'cn' | 'en' | 'jp' | 'de' | 'fr' | 'kr';
export type TransLang = 'cn' | 'en' | 'jp';

export interface ExportParams extends CollapseOptions {
  query: string;
  fields: readonly string[];
  exportType: ExportType;
  rows: number;
  offset?: number;
  /** yyyyMMdd or '*' */
  apdtFrom?: string;
  apdtTo?: string;
  pbdtFrom?: string;
  pbdtTo?: string;
  lang?: ExportLang;
  transLang?: TransLang;
  stemming?: boolean;
}

export interface ExportTaskCreated {
  taskId: string;
  /** Patents that will be exported and billed. */
  count: number;
}

export type ExportStatus = 'PENDING' | 'SUCCESS' | 'FAIL';

export interface ExportTaskState {
  status: ExportStatus;
  count?: number;
  /** Signed link, valid 7 days; set on SUCCESS. */
  url?: string;
}

/** P003: top values of up to five fields over a query's results. */
export interface FacetParams {
  /** PatSnap query syntax, without positional operators ($W, $PRE, $WS, $SEN, $PARA, $FREQ). */
  query: string;
  /** 1 to 5 field codes, e.g. ASSIGNEE, PUBLICATION_YEAR, SIMPLE_LEGAL_STATUS. */
  fields: readonly string[];
  /** Values per field, 1..100; default 50. */
  limit?: number;
  /** offset + limit <= 200; default 0. */
  offset?: number;
  /** Language of the values; default the client's language when it is cn, en or jp, else the service's (cn). */
  lang?: FacetLang;
}

export type FacetLang = 'cn' | 'en' | 'jp';

export interface FacetValue {
  name: string;
  count: number;
}

/** Values by field code as asked (upper case), in the order asked; a field the service left out has none. */
export type FacetCounts = Record<string, FacetValue[]>;

export interface SignedBytes {
  bytes: Buffer;
  /** As the host sent it: the host's claim. */
  contentType?: string;
  /** What the bytes are, from their magic numbers, when recognised (e.g. `image/png`, `application/pdf`). */
  mediaType?: string;
}

/** What the client offers; the extension and CLI depend on this, not on the class. */
export interface PatsnapApi {
  /** One cheap authenticated call; throws a `credentials` PatsnapError when rejected. */
  verifyCredentials(options?: CallOptions): Promise<void>;
  search(params: SearchParams, options?: CallOptions): Promise<SearchPage>;
  /** P001: how many patents the query finds (`total_search_result_count`), without fetching any. */
  count(params: CountParams, options?: CallOptions): Promise<number>;
  /** search(), then titles, assignees and dates filled from P011 where P002 left them out. */
  searchWithDetails(params: SearchParams, options?: CallOptions): Promise<SearchPage>;
  /** P003: top values per field over the query's results (at most 5 fields, 100 values each). */
  facets(params: FacetParams, options?: CallOptions): Promise<FacetCounts>;
  /**
   * Batch endpoints: any number of refs, split into calls of at most 100, answers in input order.
   * When some calls fail and others succeed, they reject with a `PartialBatchError` holding
   * what came (`results`) and the refs no answer came for (`missing`).
   */
  bibliography(refs: PatentRefs, options?: CallOptions): Promise<Bibliography[]>;
  legalStatus(refs: PatentRefs, options?: CallOptions): Promise<LegalStatus[]>;
  abstractImages(refs: PatentRefs, options?: CallOptions): Promise<AbstractImage[]>;
  pdfs(refs: PatentRefs, options?: CallOptions & { replaceByRelated?: boolean }): Promise<PdfLink[]>;
  examinationDocuments(params: ExamDocsParams, options?: CallOptions): Promise<ExamDocsPage>;
  /** P013: simple, detailed and event status (batch). */
  legalStatusDetail(refs: PatentRefs, options?: CallOptions): Promise<LegalStatusDetail[]>;
  /** P014: simple, INPADOC and PatSnap families (batch). */
  family(refs: PatentRefs, options?: CallOptions): Promise<PatentFamily[]>;
  /** P015: the later patents that cite these (forward citations; batch). */
  citedBy(refs: PatentRefs, options?: CallOptions): Promise<CitedBy[]>;
  /** P016: what these patents cite, patents and literature (backward citations; batch). */
  citations(refs: PatentRefs, options?: CallOptions): Promise<Citations[]>;
  /** P018: claims as the service's HTML (batch); replaceByRelated accepts a family member's. */
  claims(refs: PatentRefs, options?: CallOptions & { replaceByRelated?: boolean }): Promise<PatentClaims[]>;
  /** P026: INPADOC and office legal events (batch). */
  legalEvents(refs: PatentRefs, options?: CallOptions): Promise<LegalEvents[]>;
  /** P069: the publications an application number or a loosely written number stands for. */
  standardNumber(params: StandardNumberParams, options?: CallOptions): Promise<StandardNumberPage>;
  createExport(params: ExportParams, options?: CallOptions): Promise<ExportTaskCreated>;
  exportStatus(taskId: string, options?: CallOptions): Promise<ExportTaskState>;
  /**
   * GET a signed link (image, PDF) without our credentials; bytes in memory, within the
   * deadline. With `expect`, bytes that are not an image (or a PDF) are refused
   * (`unexpectedResponse`, reason `wrongContent`).
   */
  fetchSignedBytes(url: string, options?: CallOptions & { maxBytes?: number; expect?: ExpectedContent }): Promise<SignedBytes>;
  /** GET a signed link as a stream (export files), without our credentials; fails when no byte comes for the timeout. */
  openSignedStream(url: string, options?: CallOptions): Promise<{ stream: NodeJS.ReadableStream; contentLength?: number; contentType?: string; fileName?: string }>;
  /** Calls made so far, by endpoint path (for benchmarks and diagnostics). */
  readonly callCounts: ReadonlyMap<string, number>;
}
