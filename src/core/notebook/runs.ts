/**
 * Runs of a query cell: recording what a run found (hit count, the top results, facet
 * counts) and comparing it with the run before: "12 new since 2026-11-03, 1 gone".
 * Results are compared by family, so a new member of a family already seen is reported
 * apart, not as new.
 */
import { clausesOf, listOf, sentenceOf, withAside } from '../text/punctuation';
import { plainLine } from '../text/escape';
import { DEFAULT_FACET_LIMIT, DEFAULT_KEEP, DEFAULT_MAX_RUNS, type FacetBucket, type KeptResult, type QueryCell, type QueryOptions, type Run } from './schema';
import { ENGLISH, type Translator } from '../text/translator';

/**
 * One hit as the search (P002) gives it, filled from the other calls: P011 for the title
 * and assignee where P002 left them out, P041 for the legal status, and P014's
 * `simple_family_id` (or the DOCDB family the collapse used) as `familyKey`. `SearchHit`
 * from `src/core/api/types.ts` fits as it is.
 */
export interface RunHit {
  readonly pn: string;
  readonly patentId?: string;
  readonly title?: string;
  readonly currentAssignee?: string;
  readonly originalAssignee?: string;
  /** yyyyMMdd */
  readonly publicationDate?: number;
  readonly legalStatus?: readonly string[];
  /** Without it a family is compared by its publication number alone. */
  readonly familyKey?: string;
}

export interface RunInput {
  /** P001 `total_search_result_count` (or P002's `total_search_result_count`). */
  readonly total: number;
  /** P002 results in PatSnap's order; the first `options.limit` are kept. */
  readonly hits: readonly RunHit[];
  /** P003 counts by field code, as `patent-lookup facets --json` prints them: `{ "ASSIGNEE": [{ name, count }] }`. */
  readonly facets?: Readonly<Record<string, readonly FacetBucket[]>>;
}

export interface RecordOptions {
  /** Clock, epoch ms; default Date.now. */
  readonly now?: () => number;
  /** Runs kept in the cell, oldest dropped first; default DEFAULT_MAX_RUNS. */
  readonly maxRuns?: number;
}

export interface Recorded {
  /** The cell with the new run appended (the input cell is left as it was). */
  readonly cell: QueryCell;
  readonly run: Run;
  /** Against the cell's previous run, when it had one. */
  readonly comparison?: RunComparison;
}

const TITLE_MAX = 500;
const NAME_MAX = 200;

function ymdToIso(ymd: number | undefined): string | undefined {
  if (ymd === undefined || !Number.isInteger(ymd)) return undefined;
  const s = String(ymd);
  return /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}` : undefined;
}

function text(value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  const clean = plainLine(value, max);
  return clean === '' ? undefined : clean;
}

export function keptResult(hit: RunHit): KeptResult {
  const status = hit.legalStatus?.map((s) => plainLine(s, 60)).filter((s) => s !== '');
  const kept: KeptResult = { number: plainLine(hit.pn, 40) };
  const title = text(hit.title, TITLE_MAX);
  const assignee = text(hit.currentAssignee ?? hit.originalAssignee, NAME_MAX);
  const date = ymdToIso(hit.publicationDate);
  const family = text(hit.familyKey, 80);
  const patentId = text(hit.patentId, 80);
  if (title !== undefined) kept.title = title;
  if (assignee !== undefined) kept.assignee = assignee;
  if (date !== undefined) kept.date = date;
  if (status !== undefined && status.length > 0) kept.status = status.join(', ');
  if (family !== undefined) kept.family = family;
  if (patentId !== undefined) kept.patentId = patentId;
  return kept;
}

/** A copy without undefined values, so what is stored equals what is read back. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Records a run of `cell` as it stands now (its source and options). */
export function recordRun(cell: QueryCell, input: RunInput, options: RecordOptions = {}): Recorded {
  if (!Number.isInteger(input.total) || input.total < 0) throw new RangeError(`A hit count is a whole number of 0 or more, not ${input.total}.`);
  const now = options.now ?? Date.now;
  const keep = cell.options.limit ?? DEFAULT_KEEP;
  const facetLimit = cell.options.facetLimit ?? DEFAULT_FACET_LIMIT;
  const run: Run = {
    date: new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    query: cell.source,
    options: structuredClone(defined(cell.options)),
    total: input.total,
    results: input.hits.slice(0, keep).map(keptResult),
  };
  if (input.facets) {
    const facets: Record<string, FacetBucket[]> = {};
    for (const [field, buckets] of Object.entries(input.facets)) {
      facets[field.toUpperCase()] = buckets.slice(0, facetLimit).map((b) => ({ name: plainLine(b.name, NAME_MAX), count: b.count }));
    }
    run.facets = facets;
  }
  const previous = cell.runs[cell.runs.length - 1];
  const maxRuns = Math.max(1, options.maxRuns ?? DEFAULT_MAX_RUNS);
  const runs = [...cell.runs, run].slice(-maxRuns);
  return { cell: { ...cell, runs }, run, ...(previous ? { comparison: compareRuns(previous, run) } : {}) };
}

// ---- comparison ----------------------------------------------------------------------

/** How one result of the later run relates to the earlier. */
export type ResultMark = 'new' | 'newMember' | 'seen';

export interface RunComparison {
  /** The earlier run's date, yyyy-mm-dd (UTC). */
  readonly since: string;
  /** Families in the later run's results and not in the earlier one's (the first result of each). */
  readonly added: readonly KeptResult[];
  /**
   * The later run's results of those families, every member counted: the rows marked new.
   * More than `added.length` when a new family has several members among the results.
   */
  readonly newPublications: number;
  /** Families in the earlier run's results and not in the later one's. */
  readonly gone: readonly KeptResult[];
  /** Results of a family already seen, under a number not seen: a new family member. */
  readonly newMembers: readonly KeptResult[];
  /** For each result of the later run, in its order: for marking the table. */
  readonly marks: readonly ResultMark[];
  readonly totalBefore: number;
  readonly totalAfter: number;
  /**
   * True when both runs kept every hit, so `added` and `gone` cover the whole result sets;
   * otherwise they compare the kept top results only (a result may have left the top
   * without leaving the results).
   */
  readonly exact: boolean;
  /** The number of results compared when not exact: the smaller kept count. */
  readonly window: number;
  /** The query text or the options differ between the runs. */
  readonly queryChanged: boolean;
  readonly optionsChanged: boolean;
  /** "12 new since 2026-11-03, 1 gone" and what else changed, in English (`describeComparison` translates it). */
  readonly summary: string;
}

export const familyOf = (r: KeptResult): string => r.family ?? `pn:${r.number.toUpperCase()}`;

export function isComplete(run: Run): boolean {
  return run.results.length >= run.total;
}

export function runDay(run: Run): string {
  return run.date.slice(0, 10);
}

/** Stable text of options for comparing them: keys sorted, undefined left out. */
function optionsKey(o: QueryOptions | undefined): string {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sortKeys) : typeof v === 'object' && v !== null ? Object.fromEntries(Object.keys(v).sort().flatMap((k) => ((v as Record<string, unknown>)[k] === undefined ? [] : [[k, sortKeys((v as Record<string, unknown>)[k])]]))) : v;
  return JSON.stringify(sortKeys(o ?? {}));
}

/** Whether `query` and `options` differ from what `run` sent (the cell edited since its run), without comparing results. */
export function requestChanged(run: Run, query: string, options: QueryOptions | undefined): Pick<RunComparison, 'queryChanged' | 'optionsChanged'> {
  return { queryChanged: run.query !== query, optionsChanged: optionsKey(run.options) !== optionsKey(options) };
}

export function compareRuns(before: Run, after: Run): RunComparison {
  const beforeFamilies = new Set(before.results.map(familyOf));
  const beforeNumbers = new Set(before.results.map((r) => r.number.toUpperCase()));
  const afterFamilies = new Set(after.results.map(familyOf));
  const added: KeptResult[] = [];
  const newMembers: KeptResult[] = [];
  const addedFamilies = new Set<string>();
  const marks = after.results.map((r): ResultMark => {
    const family = familyOf(r);
    if (!beforeFamilies.has(family)) {
      if (!addedFamilies.has(family)) {
        addedFamilies.add(family);
        added.push(r);
      }
      return 'new';
    }
    if (beforeNumbers.has(r.number.toUpperCase())) return 'seen';
    newMembers.push(r);
    return 'newMember';
  });
  const goneFamilies = new Set<string>();
  const gone = before.results.filter((r) => {
    const family = familyOf(r);
    if (afterFamilies.has(family) || goneFamilies.has(family)) return false;
    goneFamilies.add(family);
    return true;
  });
  const exact = isComplete(before) && isComplete(after);
  const base = {
    since: runDay(before),
    added,
    newPublications: marks.filter((m) => m === 'new').length,
    gone,
    newMembers,
    marks,
    totalBefore: before.total,
    totalAfter: after.total,
    exact,
    window: Math.min(before.results.length, after.results.length),
    ...requestChanged(before, after.query, after.options),
  };
  return { ...base, summary: describeComparison(base) };
}

const n = (x: number): string => x.toLocaleString('en-US');

/**
 * What changed, in words: "12 new since 2026-11-03, 1 gone; 13 hits (+11)." New is
 * counted in families; where the new families have more publications among the results
 * than there are families (the rows marked new), both are said: "2 new families (9
 * publications) since …". `l10n`: `vscode.l10n` in the extension, English elsewhere.
 */
export function describeComparison(c: Omit<RunComparison, 'summary'>, l10n: Translator = ENGLISH): string {
  const parts: string[] = [];
  if (c.added.length === 0 && c.gone.length === 0 && c.newMembers.length === 0 && c.totalBefore === c.totalAfter) {
    parts.push(l10n.t('No change since {0}', c.since));
  } else {
    parts.push(newText(c, l10n));
    if (c.gone.length > 0) parts.push(l10n.t('{0} gone', n(c.gone.length)));
    if (c.newMembers.length > 0) parts.push(c.newMembers.length === 1 ? l10n.t('1 new member of known families') : l10n.t('{0} new members of known families', n(c.newMembers.length)));
  }
  const delta = c.totalAfter - c.totalBefore;
  const hitCount = c.totalAfter === 1 ? l10n.t('1 hit') : l10n.t('{0} hits', n(c.totalAfter));
  const hits = delta === 0 ? hitCount : withAside(l10n, hitCount, `${delta > 0 ? '+' : '\u2212'}${n(Math.abs(delta))}`);
  const changed = c.queryChanged ? [l10n.t('the query changed since then')] : c.optionsChanged ? [l10n.t('the options changed since then')] : [];
  return sentenceOf(l10n, clausesOf(l10n, [listOf(l10n, parts), hits, ...changed]));
}

/** "Nothing new", "12 new", "2 new families (9 publications)", each "in the top N" when only the kept results were compared. */
function newText(c: Omit<RunComparison, 'summary'>, l10n: Translator): string {
  const families = c.added.length;
  const publications = c.newPublications;
  if (c.exact) {
    if (families === 0) return l10n.t('Nothing new since {0}', c.since);
    if (publications <= families) return l10n.t('{0} new since {1}', n(families), c.since);
    return families === 1 ? l10n.t('1 new family ({0} publications) since {1}', n(publications), c.since) : l10n.t('{0} new families ({1} publications) since {2}', n(families), n(publications), c.since);
  }
  const top = n(c.window);
  if (families === 0) return l10n.t('Nothing new in the top {0} since {1}', top, c.since);
  if (publications <= families) return l10n.t('{0} new in the top {1} since {2}', n(families), top, c.since);
  return families === 1
    ? l10n.t('1 new family ({0} publications) in the top {1} since {2}', n(publications), top, c.since)
    : l10n.t('{0} new families ({1} publications) in the top {2} since {3}', n(families), n(publications), top, c.since);
}
