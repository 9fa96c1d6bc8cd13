/**
 * Batch endpoints (P011, P021, P041, P020) take at most 100 ids or numbers per call
 * and bill per result. Any number of refs is split into such calls, run a few at a
 * time, and the answers merged back into the caller's order.
 */
import { compactNumber as compact, withoutKind } from '../numbers/match';
import { cancelledError, isPatsnapError, PartialBatchError, type MissingRefs, type PatsnapError } from './errors';
import type { PatentRefs } from './types';
import { BATCH_MAX } from './validation';

export { withoutKind } from '../numbers/match';

export const BATCH_SIZE = BATCH_MAX;

export type BatchParam = 'patent_id' | 'patent_number';

export interface BatchPlan {
  /** Trimmed, deduplicated, in input order. */
  ids: string[];
  numbers: string[];
}

export function planRefs(refs: PatentRefs): BatchPlan {
  const ids = new Map<string, string>();
  for (const raw of refs.patentIds ?? []) {
    const id = raw.trim();
    if (id && !ids.has(id.toLowerCase())) ids.set(id.toLowerCase(), id);
  }
  const numbers = new Map<string, string>();
  for (const raw of refs.numbers ?? []) {
    const n = raw.trim();
    if (n && !numbers.has(compact(n))) numbers.set(compact(n), n);
  }
  return { ids: [...ids.values()], numbers: [...numbers.values()] };
}

export function chunks<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `tasks` with at most `concurrency` at once and settles each. After a failure
 * that `stopsOthers` says would fail the rest too (spent quota, refused credentials),
 * no further task starts; tasks in flight finish, since their answers may already be
 * billed. The caller's abort aborts those in flight. A task never started settles as
 * undefined.
 */
export async function runSettled<T>(
  tasks: ReadonlyArray<(signal: AbortSignal) => Promise<T>>,
  concurrency: number,
  signal?: AbortSignal,
  stopsOthers: (error: unknown) => boolean = () => true,
): Promise<Array<Settled<T> | undefined>> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) controller.abort();
  const settled = new Array<Settled<T> | undefined>(tasks.length);
  let next = 0;
  let stopped = false;
  const worker = async (): Promise<void> => {
    while (next < tasks.length && !stopped && !controller.signal.aborted) {
      const i = next++;
      try {
        settled[i] = { ok: true, value: await (tasks[i] as (signal: AbortSignal) => Promise<T>)(controller.signal) };
      } catch (error) {
        settled[i] = { ok: false, error };
        if (stopsOthers(error)) stopped = true;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, worker));
    return settled;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Failures that concern one batch's content: the other batches may still succeed. */
function stopsOtherBatches(error: unknown): boolean {
  return !(isPatsnapError(error) && (error.kind === 'unexpectedResponse' || error.kind === 'invalidParameter'));
}

interface Item {
  patentId: string;
  pn: string;
}

/**
 * Fetches every ref of the plan in calls of at most 100 (ids and numbers in separate
 * calls, since the service ignores numbers when ids are given) and returns one item
 * per patent found: ids first, then numbers, each in input order; a patent named
 * both ways (or twice) appears once, at its first place. Patents not found are absent.
 *
 * When some calls fail and at least one succeeded, it rejects with a
 * `PartialBatchError`: what the others returned, merged the same way, and the refs of
 * the calls that failed (or never started). When none succeeded, with the failure.
 */
export async function fetchBatched<T extends Item>(
  plan: BatchPlan,
  fetchChunk: (param: BatchParam, values: string[], signal: AbortSignal) => Promise<T[]>,
  concurrency: number,
  signal?: AbortSignal,
): Promise<T[]> {
  const jobs = [
    ...chunks(plan.ids).map((values) => ({ param: 'patent_id' as const, values })),
    ...chunks(plan.numbers).map((values) => ({ param: 'patent_number' as const, values })),
  ];
  if (jobs.length === 0) return [];
  const settled = await runSettled(
    jobs.map((job) => (s: AbortSignal) => fetchChunk(job.param, job.values, s)),
    concurrency,
    signal,
    stopsOtherBatches,
  );
  if (signal?.aborted) throw cancelledError();
  const answers = settled.map((s) => (s?.ok ? s.value : undefined));
  const failed = settled.find((s): s is { ok: false; error: unknown } => s?.ok === false);
  // A failure that is not the API's (a bug) goes up as it is.
  if (failed && !isPatsnapError(failed.error)) throw failed.error;

  const out: T[] = [];
  const seen = new Set<string>();
  const add = (item: T | undefined): void => {
    if (item && !seen.has(item.patentId)) {
      seen.add(item.patentId);
      out.push(item);
    }
  };
  const leftovers: T[] = [];
  jobs.forEach((job, j) => {
    const items = answers[j];
    if (items === undefined) return;
    const used = new Set<T>();
    if (job.param === 'patent_id') {
      const byId = new Map(items.map((it) => [it.patentId.toLowerCase(), it]));
      for (const id of job.values) {
        const it = byId.get(id.toLowerCase());
        if (it) used.add(it);
        add(it);
      }
    } else {
      const byPn = new Map(items.map((it) => [compact(it.pn), it]));
      const byBase = new Map<string, T[]>();
      for (const it of items) {
        const base = withoutKind(compact(it.pn));
        byBase.set(base, [...(byBase.get(base) ?? []), it]);
      }
      for (const n of job.values) {
        const key = compact(n);
        const candidates = byBase.get(key);
        const it = byPn.get(key) ?? (candidates?.length === 1 ? candidates[0] : undefined);
        if (it) used.add(it);
        add(it);
      }
    }
    // Answers not matched to an input (the service wrote the number differently) are kept, after the rest.
    leftovers.push(...items.filter((it) => !used.has(it)));
  });
  leftovers.forEach(add);
  if (!failed) return out;
  const failure = failed.error as PatsnapError;
  if (answers.every((a) => a === undefined)) throw failure;
  const missing: MissingRefs = { patentIds: [], numbers: [] };
  jobs.forEach((job, j) => {
    if (answers[j] === undefined) (job.param === 'patent_id' ? missing.patentIds : missing.numbers).push(...job.values);
  });
  throw new PartialBatchError(out, missing, failure, plan.ids.length + plan.numbers.length);
}
