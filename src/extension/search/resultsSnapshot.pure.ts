/**
 * The last search of a workspace, kept in its workspaceState so a reload shows it
 * again without a call: the query, its options, the pages loaded (up to a bound) and
 * where the next page starts, for the backend it came from. Read back defensively:
 * another version, another backend or a tampered state is no snapshot. Pure.
 */
import type { SearchHit } from '../../core/api/types';
import type { BackendSummary } from '../status/backendStatus.pure';
import type { ResultSet } from './resultsModel.pure';
import { readSearchOptions, type SearchOptions } from './searchOptions.pure';

export const RESULTS_SNAPSHOT_KEY = 'patentLookup.search.lastResults';

/**
 * How long results are shown again without a call. Searches find new publications
 * weekly and legal changes any day, so a day, as the lookup cache keeps legal status.
 */
export const RESULTS_LIFETIME_MS = 24 * 3_600_000;

/** Hits kept (a few hundred bytes each): beyond this a reload shows the first ones and "Load more". */
export const MAX_SAVED_HITS = 1000;

const MAX_TEXT = 2000;

export interface ResultsSnapshot {
  v: 1;
  /** `backendKey` of the session the results came from. */
  backend: string;
  /** Epoch ms of the first page's answer: the age of the whole set. */
  savedAt: number;
  query: string;
  options: SearchOptions;
  hits: SearchHit[];
  total: number;
  nextOffset: number;
}

/** Which backend answered, so results are not shown under another account or gateway. */
export function backendKey(summary: BackendSummary): string | undefined {
  if (summary.kind === 'sandbox') return `sandbox ${summary.url}`;
  if (summary.kind === 'patsnap') return `patsnap ${summary.host} ${summary.account} ${summary.hint}`;
  return undefined;
}

export function snapshotOf(set: ResultSet, backend: string, now: number): ResultsSnapshot {
  const savedAt = set.fetchedAt ?? now;
  const hits = set.hits.slice(0, MAX_SAVED_HITS);
  // Cut short, the next page starts after the last hit kept (a shifted list only repeats a few, which appendPage drops).
  const nextOffset = hits.length < set.hits.length ? hits.length : set.nextOffset;
  return { v: 1, backend, savedAt, query: set.query, options: set.options, hits, total: set.total, nextOffset };
}

export type RestoredResults =
  | { kind: 'fresh'; results: ResultSet }
  | { kind: 'expired'; query: string; options: SearchOptions; savedAt: number };

/** What the stored snapshot gives for `backend` at `now`, or undefined when it gives nothing. */
export function readSnapshot(stored: unknown, backend: string | undefined, now: number): RestoredResults | undefined {
  if (backend === undefined || typeof stored !== 'object' || stored === null) return undefined;
  const o = stored as Record<string, unknown>;
  if (o.v !== 1 || o.backend !== backend || !isText(o.query) || o.query.trim() === '') return undefined;
  if (!isCount(o.savedAt) || !isCount(o.total) || !isCount(o.nextOffset) || !Array.isArray(o.hits)) return undefined;
  const options = readSearchOptions(o.options);
  if (o.savedAt > now || now - o.savedAt > RESULTS_LIFETIME_MS) return { kind: 'expired', query: o.query, options, savedAt: o.savedAt };
  const hits = o.hits.slice(0, MAX_SAVED_HITS).map(readHit);
  if (hits.some((h) => h === undefined)) return undefined;
  return { kind: 'fresh', results: { query: o.query, options, hits: hits as SearchHit[], total: o.total, nextOffset: o.nextOffset, fetchedAt: o.savedAt, restored: true } };
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_TEXT;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

const TEXT_FIELDS = ['title', 'currentAssignee', 'originalAssignee', 'applicationNumber'] as const;
const DATE_FIELDS = ['applicationDate', 'publicationDate'] as const;

function readHit(value: unknown): SearchHit | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const o = value as Record<string, unknown>;
  if (!isText(o.patentId) || o.patentId === '' || !isText(o.pn) || o.pn === '') return undefined;
  const hit: SearchHit = { patentId: o.patentId, pn: o.pn };
  for (const key of TEXT_FIELDS) {
    const v = o[key];
    if (v === undefined) continue;
    if (!isText(v)) return undefined;
    hit[key] = v;
  }
  for (const key of DATE_FIELDS) {
    const v = o[key];
    if (v === undefined) continue;
    if (!isCount(v)) return undefined;
    hit[key] = v;
  }
  if (o.inventors !== undefined) {
    if (!Array.isArray(o.inventors) || !o.inventors.every(isText)) return undefined;
    hit.inventors = o.inventors.slice(0, 100);
  }
  return hit;
}
