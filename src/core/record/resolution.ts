/**
 * Application numbers (`US14/706838`, `CN201510570472.5`) and loosely written
 * publication numbers to PatSnap's publications, through P069. P069 takes one
 * number per call, so many inputs are asked a few at a time, each distinct query once.
 */
import { runSettled } from '../api/batch';
import type { StandardNumberParams } from '../api/recordTypes';
import type { CallOptions, PatsnapApi, SearchHit } from '../api/types';
import { parsePatentNumber } from '../numbers';

export interface NumberQuery {
  type: 'application' | 'publication';
  /** What is sent: `apno` for an application, `pn` for a publication. */
  value: string;
}

export interface Resolution {
  input: string;
  query: NumberQuery;
  /** The publications found (a granted patent and its pre-grant publication, say), oldest first. */
  publications: SearchHit[];
}

/** What to ask P069 for a number as written: the recognised form, else the input compacted. */
export function numberQuery(input: string): NumberQuery {
  const parsed = parsePatentNumber(input);
  if (parsed) return { type: parsed.type, value: parsed.number };
  const compact = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  // An application: a slash (US14/706838, PCT/…) or a Chinese 12-digit number with its check digit.
  if (compact.includes('/') || /^(?:CN|ZL)?\d{12}\.[\dX]$/.test(compact)) return { type: 'application', value: compact.replace(/^ZL/, 'CN') };
  return { type: 'publication', value: compact.replace(/,/g, '') };
}

export interface ResolveOptions extends CallOptions {
  /** Offices to keep. */
  authority?: readonly string[];
  /** Publications per number; default 20 (a family of one application rarely has more). */
  limit?: number;
  /** Calls in flight at once; default 2. */
  concurrency?: number;
}

const byDate = (a: SearchHit, b: SearchHit): number => (a.publicationDate ?? 99999999) - (b.publicationDate ?? 99999999) || a.pn.localeCompare(b.pn);

/** One result per input, in input order; an input nothing answers has no publications. */
export async function resolveNumbers(api: PatsnapApi, inputs: readonly string[], options: ResolveOptions = {}): Promise<Resolution[]> {
  const queries = inputs.map(numberQuery);
  const key = (q: NumberQuery): string => `${q.type}:${q.value}`;
  const distinct = [...new Map(queries.map((q) => [key(q), q])).values()];
  const settled = await runSettled(
    distinct.map((q) => async (signal: AbortSignal) => {
      const params: StandardNumberParams = { [q.type === 'application' ? 'apno' : 'pn']: q.value, limit: options.limit ?? 20 };
      if (options.authority) params.authority = options.authority;
      return (await api.standardNumber(params, { signal })).hits;
    }),
    options.concurrency ?? 2,
    options.signal,
  );
  // One failed query fails the resolution: a number silently left unresolved would read as "not found".
  const failed = settled.find((r) => r !== undefined && !r.ok);
  if (failed && !failed.ok) throw failed.error;
  const answers = settled.map((r) => (r?.ok ? r.value : []));
  const found = new Map(distinct.map((q, i) => [key(q), [...(answers[i] ?? [])].sort(byDate)]));
  return inputs.map((input, i) => {
    const query = queries[i] as NumberQuery;
    return { input, query, publications: found.get(key(query)) ?? [] };
  });
}
