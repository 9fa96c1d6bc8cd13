/**
 * The facts the citation checks and lists need, looked up in batches: every distinct
 * number once, each endpoint called ⌈n/100⌉ times for n numbers (the client splits),
 * and what was found kept for a while, so a re-check after an edit asks only for the
 * numbers written since. Calls, in order:
 *
 * 1. P069 for application numbers (the contract's only way to resolve them: one call each);
 * 2. P011 and P013 together, for the publications written and those the applications resolved to;
 * 3. P014 for the pre-grant publications found, then P011 for their family's grants of the
 *    same office, to find the grant of the same application.
 *
 * A batch that failed leaves its numbers out of the facts (never "not found") and is reported.
 */
import { Generation } from '../cache/generation';
import { LruCache } from '../cache/lru';
import { isPatsnapError, keepPartial, type BatchOutcome } from '../api/errors';
import type { LegalStatusDetail, PatentFamily } from '../api/recordTypes';
import type { Bibliography, PatsnapApi } from '../api/types';
import { answersNumber, compactNumber } from '../numbers/match';
import { isoDate } from '../record/legal';
import { resolveNumbers, type Resolution } from '../record/resolution';
import { bestPublication, isGrant, stageOf } from './lint';
import type { ApplicationFact, Citation, CitationFacts, LegalState, PatentFacts, PublicationFact } from './types';

/** Bibliographies by number asked (null: PatSnap has none); numbers whose batch failed are left out. */
export type BibliographySource = (numbers: readonly string[], signal?: AbortSignal) => Promise<{ found: Map<string, Bibliography | null>; failure?: unknown }>;

/** The record lookups the checks share with the panel: each batched by its source, null for "PatSnap has none". */
export interface RecordSource {
  legalDetails(numbers: readonly string[], signal?: AbortSignal): Promise<Array<LegalStatusDetail | null>>;
  families(numbers: readonly string[], signal?: AbortSignal): Promise<Array<PatentFamily | null>>;
  resolve(inputs: readonly string[], signal?: AbortSignal): Promise<Resolution[]>;
}

export interface CitationFactsOptions {
  /**
   * Where bibliographies come from; default the client's P011. The extension passes the
   * hovers' card cache, so a number a hover already showed costs no call.
   */
  bibliographies?: BibliographySource;
  /**
   * Where P013 detailed statuses, P014 families and P069 resolutions come from when a check is
   * not asked to be fresh; default the client. The extension passes the panel's record cache
   * (kept on disk), so a reload or a patent the panel showed costs no call.
   */
  records?: RecordSource;
  /** How long facts stay fresh; default a day (legal status changes with each weekly gazette and fee date). */
  ttlMs?: number;
  /** Numbers remembered; default 10 000. */
  maxEntries?: number;
}

export interface LookUpOptions {
  signal?: AbortSignal;
  /** Ask again even for numbers looked up recently (a check on demand). */
  fresh?: boolean;
}

export interface FactsOutcome {
  facts: CitationFacts;
  /** The first failure, when some numbers could not be looked up (they are missing from `facts`). */
  failure?: unknown;
}

type Entry = { kind: 'publication'; fact: PublicationFact } | { kind: 'application'; fact: ApplicationFact };

/**
 * What a batched call gave: all of it, part of it (`PartialBatchError`), or, when every call of
 * the batch failed, nothing, with the failure. Only cancellation and our own bugs go up as errors.
 */
async function settled<T>(call: Promise<T[]>, numbers: readonly string[], signal: AbortSignal | undefined): Promise<BatchOutcome<T>> {
  try {
    return await keepPartial(call);
  } catch (e) {
    if (signal?.aborted || !isPatsnapError(e) || e.kind === 'cancelled') throw e;
    return { results: [], missing: { patentIds: [], numbers: [...numbers] }, failure: e };
  }
}

/** A record source's answers as a batch's outcome: its records (none for a patent PatSnap lacks), or nothing with the failure. */
async function fromRecords<T>(call: Promise<Array<T | null>>, numbers: readonly string[], signal: AbortSignal | undefined): Promise<BatchOutcome<T>> {
  return settled(
    call.then((all) => all.filter((r): r is T => r !== null)),
    numbers,
    signal,
  );
}

/** Bibliographies from the client's P011 (batched by the client), matched to the numbers asked. */
export function apiBibliographies(api: () => PatsnapApi): BibliographySource {
  return async (numbers, signal) => {
    const outcome = await settled(api().bibliography({ numbers }, { signal }), numbers, signal);
    const missing = new Set(outcome.missing.numbers.map(compactNumber));
    const found = new Map<string, Bibliography | null>();
    for (const n of numbers) {
      if (missing.has(compactNumber(n))) continue;
      found.set(n, outcome.results.find((b) => compactNumber(b.pn) === compactNumber(n)) ?? outcome.results.find((b) => answersNumber(b.pn, n)) ?? null);
    }
    return { found, failure: outcome.failure };
  };
}

const names = (parties: ReadonlyArray<{ name: string }>): string[] => parties.map((p) => p.name.trim()).filter((n) => n.length > 0);

function toFacts(b: Bibliography, legal: LegalState | undefined): PatentFacts {
  const facts: PatentFacts = {
    pn: b.pn,
    assignees: names(b.assignees),
    applicants: names(b.applicants),
    inventors: names(b.inventors),
    priority: b.priorityClaims
      .filter((p) => p.docNumber)
      .map((p) => {
        const date = isoDate(p.date);
        return { number: `${p.country ?? ''}${p.docNumber ?? ''}`, ...(date ? { date } : {}) };
      }),
  };
  if (b.patentId) facts.patentId = b.patentId;
  if (b.title) facts.title = b.title;
  const published = isoDate(b.publicationDate);
  if (published) facts.publicationDate = published;
  if (b.applicationNumber) facts.applicationNumber = b.applicationNumber;
  const filed = isoDate(b.applicationDate);
  if (filed) facts.applicationDate = filed;
  if (legal) facts.legal = legal;
  return facts;
}

function toLegal(d: LegalStatusDetail): LegalState {
  const date = isoDate(d.legalDate);
  return { simple: [...d.simple], detailed: [...d.detailed], ...(date ? { date } : {}) };
}

const firstFailure = (a: unknown, b: unknown): unknown => a ?? b;

/** Looks up the facts of citations, batched and cached (see the module comment). */
export class CitationFactsLookup {
  private readonly cache: LruCache<string, { entry: Entry }>;
  private readonly bibliographies: BibliographySource;
  private readonly records: RecordSource | undefined;
  private readonly generation = new Generation();

  constructor(
    private readonly api: () => PatsnapApi,
    options: CitationFactsOptions = {},
  ) {
    this.cache = new LruCache({ max: options.maxEntries ?? 10_000, ttlMs: options.ttlMs ?? 24 * 3600_000 });
    this.bibliographies = options.bibliographies ?? apiBibliographies(api);
    this.records = options.records;
  }

  /** The facts known now for `citations`, without any call. */
  known(citations: ReadonlyArray<Pick<Citation, 'number' | 'type' | 'problem'>>): CitationFacts {
    return factsOf(citations, (k) => this.cache.get(k)?.entry);
  }

  /** The facts of `citations`, asking the API for the numbers not known (all of them when `fresh`). */
  async lookUp(citations: ReadonlyArray<Pick<Citation, 'number' | 'type' | 'problem'>>, options: LookUpOptions = {}): Promise<FactsOutcome> {
    const { signal, fresh = false } = options;
    // What this look-up knows: kept when it began, or found by it. What it finds is kept in
    // the cache too, unless a clear came meanwhile (another backend): its caller still gets it.
    const current = this.generation.start();
    const seen = new Map<string, Entry>();
    const keep = (k: string, entry: Entry): void => {
      seen.set(k, entry);
      if (current()) this.cache.set(k, { entry });
    };
    const unknown = (c: Pick<Citation, 'number' | 'type'>): boolean => {
      const kept = fresh ? undefined : this.cache.get(key(c))?.entry;
      if (kept) seen.set(key(c), kept);
      return !kept;
    };
    const wanted = citations.filter((c) => !c.problem);
    const apps = [...new Set(wanted.filter((c) => c.type === 'application' && unknown(c)).map((c) => c.number))];
    let failure: unknown;

    // 1. Applications to their publications; the publication a fix would cite is looked up with the others.
    const resolvedTo = new Set<string>();
    if (apps.length > 0) {
      try {
        const resolutions = !fresh && this.records ? await this.records.resolve(apps, signal) : await resolveNumbers(this.api(), apps, { signal });
        for (const r of resolutions) {
          const fact: ApplicationFact = {
            publications: r.publications.map((p) => {
              const date = isoDate(p.publicationDate);
              return { pn: p.pn, ...(p.patentId ? { patentId: p.patentId } : {}), ...(p.title ? { title: p.title } : {}), ...(date ? { date } : {}) };
            }),
          };
          keep(key({ number: r.input, type: 'application' }), { kind: 'application', fact });
          const best = bestPublication(fact);
          if (best) resolvedTo.add(compactNumber(best.pn));
        }
      } catch (e) {
        if (signal?.aborted || isPatsnapError(e, 'cancelled')) throw e;
        failure = firstFailure(failure, e);
      }
    }

    // 2. Publications: bibliography and legal status, side by side.
    const pubs = [...new Set([...wanted.filter((c) => c.type === 'publication' && unknown(c)).map((c) => c.number), ...[...resolvedTo].filter((n) => unknown({ number: n, type: 'publication' }))])];
    if (pubs.length > 0) failure = firstFailure(failure, await this.lookUpPublications(pubs, signal, fresh ? undefined : this.records, keep));
    const facts = factsOf([...wanted, ...[...resolvedTo].map((number) => ({ number, type: 'publication' as const }))], (k) => seen.get(k) ?? (current() ? this.cache.get(k)?.entry : undefined));
    return { facts, ...(failure === undefined ? {} : { failure }) };
  }

  /** Forgets every fact; a look-up under way still answers its caller, but what it finds is not kept. */
  clear(): void {
    this.generation.advance();
    this.cache.clear();
  }

  /** Looks up `numbers`, each found fact handed to `keep`; resolves to the first failure, if any. */
  private async lookUpPublications(numbers: string[], signal: AbortSignal | undefined, records: RecordSource | undefined, keep: (k: string, entry: Entry) => void): Promise<unknown> {
    const legalDetails = records ? fromRecords(records.legalDetails(numbers, signal), numbers, signal) : settled(this.api().legalStatusDetail({ numbers }, { signal }), numbers, signal);
    const [bib, legal] = await Promise.all([this.bibliographies(numbers, signal), legalDetails]);
    let failure = firstFailure(bib.failure, legal.failure);
    const legalMissing = new Set(legal.missing.numbers.map(compactNumber));
    const legalOf = (pn: string): LegalState | undefined => {
      const d = legal.results.find((l) => compactNumber(l.pn) === compactNumber(pn));
      return d ? toLegal(d) : undefined;
    };
    const found = new Map<string, PatentFacts>();
    for (const n of numbers) {
      const b = bib.found.get(n);
      if (b === undefined) continue; // its batch failed: not judged
      if (b === null) {
        keep(key({ number: n, type: 'publication' }), { kind: 'publication', fact: { found: false } });
        continue;
      }
      // A status whose batch failed is left unknown (no `inactive` is claimed); the rest of the facts stand.
      found.set(n, toFacts(b, legalMissing.has(compactNumber(n)) ? undefined : legalOf(b.pn)));
    }

    // 3. Pre-grant publications: is the same application granted since?
    const preGrant = [...found.entries()].filter(([, f]) => stageOf(f.pn) === 'pre-grant' && f.applicationNumber);
    if (preGrant.length > 0) failure = firstFailure(failure, await this.findGrants(preGrant.map(([, f]) => f), signal, records));
    for (const [n, f] of found) keep(key({ number: n, type: 'publication' }), { kind: 'publication', fact: { found: true, ...f } });
    return failure;
  }

  /** Sets `grantedAs` on each pre-grant publication whose family holds a grant of the same application. */
  private async findGrants(preGrant: PatentFacts[], signal: AbortSignal | undefined, records: RecordSource | undefined): Promise<unknown> {
    const numbers = preGrant.map((f) => f.pn);
    const outcome = records ? await fromRecords(records.families(numbers, signal), numbers, signal) : await settled(this.api().family({ numbers }, { signal }), numbers, signal);
    const families: PatentFamily[] = outcome.results;
    let failure: unknown = outcome.failure;
    // Candidates: the family's grants at the publication's own office.
    const candidatesOf = new Map<PatentFacts, string[]>();
    for (const f of preGrant) {
      const family = families.find((fam) => compactNumber(fam.pn) === compactNumber(f.pn));
      const office = f.pn.slice(0, 2).toUpperCase();
      const grants = (family?.simple ?? []).filter((m) => m.country.toUpperCase() === office && isGrant(m.number));
      if (grants.length > 0) candidatesOf.set(f, grants.map((m) => m.number));
    }
    const candidates = [...new Set([...candidatesOf.values()].flat())];
    if (candidates.length === 0) return failure;
    const bib = await this.bibliographies(candidates, signal);
    failure = firstFailure(failure, bib.failure);
    const sameApplication = (a: string, b: string): boolean => compactNumber(a).replace(/[^A-Z0-9]/g, '') === compactNumber(b).replace(/[^A-Z0-9]/g, '');
    for (const [f, numbers] of candidatesOf) {
      const grants = numbers
        .map((n) => bib.found.get(n))
        .filter((b): b is Bibliography => !!b && !!b.applicationNumber && sameApplication(b.applicationNumber, f.applicationNumber ?? ''))
        .sort((a, b) => (a.publicationDate ?? 0) - (b.publicationDate ?? 0));
      const grant = grants[0];
      if (!grant) continue;
      const date = isoDate(grant.publicationDate);
      f.grantedAs = { pn: grant.pn, ...(date ? { date } : {}) };
    }
    return failure;
  }
}

/** The facts of `citations` among the entries `entryOf` gives by key. */
function factsOf(citations: ReadonlyArray<Pick<Citation, 'number' | 'type' | 'problem'>>, entryOf: (k: string) => Entry | undefined): CitationFacts {
  const publications = new Map<string, PublicationFact>();
  const applications = new Map<string, ApplicationFact>();
  for (const c of citations) {
    const entry = c.problem ? undefined : entryOf(key(c));
    if (entry?.kind === 'publication') publications.set(c.number, entry.fact);
    else if (entry?.kind === 'application') applications.set(c.number, entry.fact);
  }
  return { publications, applications };
}

function key(c: Pick<Citation, 'number' | 'type'>): string {
  return `${c.type}:${compactNumber(c.number)}`;
}
