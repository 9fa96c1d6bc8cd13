import { setTimeout as sleep } from 'node:timers/promises';
import { cancelledError, isPatsnapError, PatsnapError } from '../api/errors';
import type { ExportStatus, PatsnapApi } from '../api/types';
import { EXPORT_TASK_ID_LIFETIME_MS, exportTaskExpiry, toDate, type DateInput } from './expiry';

/** How far our clock and the service's may disagree. */
const CLOCK_SKEW_MS = 60 * 60 * 1000;

export interface ExportTaskPollerOptions {
  /** Wait before the second status call; default 2 000. */
  initialIntervalMs?: number;
  /** The wait grows up to this; default 30 000. */
  maxIntervalMs?: number;
  /** Growth of the wait per poll; default 1.5. */
  backoffFactor?: number;
  /**
   * Transient failures (network, busy, rate limited) tolerated in a row before
   * giving up; the client has already retried each one. Default 3.
   */
  maxConsecutiveErrors?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export interface ExportPollProgress {
  taskId: string;
  status: ExportStatus;
  /** Since the task was created when that is known, else since polling began. */
  elapsedMs: number;
  /** Status calls made so far. */
  polls: number;
  /** Wait before the next call; absent on the final report. */
  nextPollInMs?: number;
}

export type ExportPollOutcome =
  | { status: 'SUCCESS'; taskId: string; url: string; count?: number; succeededAt: Date; elapsedMs: number }
  | { status: 'FAIL'; taskId: string; count?: number; elapsedMs: number }
  | { status: 'expired'; taskId: string; which: 'task' | 'link'; expiredAt: Date };

export interface ExportPollRequest {
  taskId: string;
  /** When the task was created; lets the poller stop at the task id's 24-hour lifetime. */
  createdAt?: DateInput;
  signal?: AbortSignal;
  onProgress?: (progress: ExportPollProgress) => void;
}

/**
 * Polls an export task (P055 status) until it succeeds, fails or outlives its
 * task id. The wait grows from a couple of seconds to half a minute: exports take
 * minutes, and every poll counts against the account's calls.
 */
export class ExportTaskPoller {
  private readonly initialIntervalMs: number;
  private readonly maxIntervalMs: number;
  private readonly backoffFactor: number;
  private readonly maxConsecutiveErrors: number;
  private readonly now: () => number;

  constructor(
    private readonly api: Pick<PatsnapApi, 'exportStatus'>,
    options: ExportTaskPollerOptions = {},
  ) {
    this.initialIntervalMs = options.initialIntervalMs ?? 2_000;
    this.maxIntervalMs = Math.max(this.initialIntervalMs, options.maxIntervalMs ?? 30_000);
    this.backoffFactor = Math.max(1, options.backoffFactor ?? 1.5);
    this.maxConsecutiveErrors = options.maxConsecutiveErrors ?? 3;
    this.now = options.now ?? Date.now;
  }

  async poll(request: ExportPollRequest): Promise<ExportPollOutcome> {
    const { taskId, signal, onProgress } = request;
    const startedAt = request.createdAt === undefined ? this.now() : toDate(request.createdAt).getTime();
    const elapsed = (): number => Math.max(0, this.now() - startedAt);
    const expired = (): ExportPollOutcome | undefined => {
      if (request.createdAt === undefined) return undefined;
      const expiry = exportTaskExpiry(request.createdAt, undefined, this.now());
      return expiry.expired ? { status: 'expired', taskId, which: 'task', expiredAt: expiry.expiresAt } : undefined;
    };

    let interval = this.initialIntervalMs;
    let polls = 0;
    let errorsInRow = 0;
    for (;;) {
      if (signal?.aborted) throw cancelledError('/patent-search/task');
      const gone = expired();
      if (gone) return gone;

      let status: ExportStatus | undefined;
      try {
        const state = await this.api.exportStatus(taskId, { signal });
        polls++;
        errorsInRow = 0;
        status = state.status;
        if (state.status === 'SUCCESS') {
          if (!state.url) throw new PatsnapError('unexpectedResponse', 'PatSnap reported the export as finished but gave no download link.', { endpoint: '/patent-search/task' });
          onProgress?.({ taskId, status, elapsedMs: elapsed(), polls });
          return { status: 'SUCCESS', taskId, url: state.url, count: state.count, succeededAt: new Date(this.now()), elapsedMs: elapsed() };
        }
        if (state.status === 'FAIL') {
          onProgress?.({ taskId, status, elapsedMs: elapsed(), polls });
          return { status: 'FAIL', taskId, count: state.count, elapsedMs: elapsed() };
        }
      } catch (e) {
        // The service forgets a task at 24 hours by its own clock; near that age, "no such task" means expired.
        if (isPatsnapError(e, 'invalidParameter') && request.createdAt !== undefined && elapsed() >= EXPORT_TASK_ID_LIFETIME_MS - CLOCK_SKEW_MS) {
          return { status: 'expired', taskId, which: 'task', expiredAt: new Date(this.now()) };
        }
        if (isPatsnapError(e) && e.retryable && ++errorsInRow <= this.maxConsecutiveErrors) {
          status = undefined;
        } else {
          throw e;
        }
      }

      const wait = this.boundedWait(interval, request.createdAt);
      if (status) onProgress?.({ taskId, status, elapsedMs: elapsed(), polls, nextPollInMs: wait });
      try {
        await sleep(wait, undefined, { signal });
      } catch {
        throw cancelledError('/patent-search/task');
      }
      interval = Math.min(this.maxIntervalMs, Math.round(interval * this.backoffFactor));
    }
  }

  /** Never sleep past the task id's lifetime: the next turn then reports it expired. */
  private boundedWait(interval: number, createdAt: DateInput | undefined): number {
    if (createdAt === undefined) return interval;
    return Math.min(interval, exportTaskExpiry(createdAt, undefined, this.now()).remainingMs);
  }
}
