/** Faults a test switches on to make the sandbox misbehave in one precise way. */

/** How error envelopes look: the contract requires only `status` and `error_code`. */
export interface EnvelopeShape {
  /** `data` of an error answer: null (default), left out, or an empty object. */
  errorData?: 'null' | 'absent' | 'object';
  /** `error_msg` of an error answer: the service's text (default), null, or left out. */
  errorMsg?: 'text' | 'null' | 'absent';
  /** A Retry-After header (seconds) on an error answer. */
  retryAfter?: number;
}

export interface Fault extends EnvelopeShape {
  /** Path prefix, e.g. '/search/patent'. Without it: any business API call (or any file download, for dropMidBody and stallMidBody). */
  path?: string;
  /**
   * The token call (`POST /oauth/token`) too, besides what `path` (or its absence) picks: a
   * gateway held or slowed as a whole (`{ delayMs, times: 0, token: true }`) holds a client
   * that has no token yet at its token call, as the real one would, instead of handing it one.
   */
  token?: boolean;
  /** Answer this error code in the envelope (HTTP 200, 401 for 67200003, 404 for 67200101). */
  errorCode?: number;
  /** Answer this HTTP status, with an envelope. */
  httpStatus?: number;
  /** Wait this long before answering (or before the other effects of this fault). */
  delayMs?: number;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** Send part of the body, then destroy the socket. */
  dropMidBody?: boolean;
  /** Send part of a file's body, then nothing more until the client goes away (a download to kill mid-way). */
  stallMidBody?: boolean;
  /** A valid envelope whose data has the wrong shape. */
  malformed?: boolean;
  /** A success whose `data` is null. */
  nullData?: boolean;
  /** Patents in the answer keep `pn` and `patent_id`, but every descriptive field has an odd type (a title as a string, `abstracts: {}`, a legal status as a number). */
  oddFields?: boolean;
  /** Let this many matching requests through before the fault applies; default 0. */
  skip?: number;
  /** How many requests this fault applies to; default 1; 0 = until cleared. */
  times?: number;
}

export type RequestCategory = 'api' | 'token' | 'file';

interface Entry {
  fault: Fault;
  left: number;
  skip: number;
}

const ENVELOPE_KEYS = ['errorData', 'errorMsg', 'retryAfter'] as const;

export function envelopeShapeProblem(o: Record<string, unknown>): string | undefined {
  if (o.errorData !== undefined && !['null', 'absent', 'object'].includes(o.errorData as string)) return 'errorData must be "null", "absent" or "object".';
  if (o.errorMsg !== undefined && !['text', 'null', 'absent'].includes(o.errorMsg as string)) return 'errorMsg must be "text", "null" or "absent".';
  const r = o.retryAfter;
  if (r !== undefined && (typeof r !== 'number' || !Number.isInteger(r) || r < 0)) return 'retryAfter must be a non-negative integer (seconds).';
  return undefined;
}

/** The envelope part of a fault over the server's defaults. */
export function envelopeOf(defaults: EnvelopeShape | undefined, fault: Fault | undefined): EnvelopeShape {
  const shape: EnvelopeShape = { ...defaults };
  for (const key of ENVELOPE_KEYS) if (fault?.[key] !== undefined) Object.assign(shape, { [key]: fault[key] });
  return shape;
}

export function faultProblem(f: unknown): string | undefined {
  if (typeof f !== 'object' || f === null || Array.isArray(f)) return 'A fault is a JSON object.';
  const o = f as Record<string, unknown>;
  const known = ['path', 'token', 'errorCode', 'httpStatus', 'delayMs', 'drop', 'dropMidBody', 'stallMidBody', 'malformed', 'nullData', 'oddFields', 'skip', 'times', ...ENVELOPE_KEYS];
  for (const key of Object.keys(o)) if (!known.includes(key)) return `Unknown fault property "${key}".`;
  if (o.path !== undefined && (typeof o.path !== 'string' || !o.path.startsWith('/'))) return 'path must start with "/".';
  for (const key of ['errorCode', 'httpStatus', 'delayMs', 'skip', 'times']) {
    const v = o[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) return `${key} must be a non-negative integer.`;
  }
  if (typeof o.httpStatus === 'number' && (o.httpStatus < 200 || o.httpStatus > 599)) return 'httpStatus must be 200..599.';
  for (const key of ['token', 'drop', 'dropMidBody', 'stallMidBody', 'malformed', 'nullData', 'oddFields']) if (o[key] !== undefined && typeof o[key] !== 'boolean') return `${key} must be true or false.`;
  return envelopeShapeProblem(o);
}

export class FaultQueue {
  private entries: Entry[] = [];

  add(fault: Fault): void {
    const problem = faultProblem(fault);
    if (problem) throw new TypeError(problem);
    this.entries.push({ fault: { ...fault }, left: fault.times ?? 1, skip: fault.skip ?? 0 });
  }

  clear(): void {
    this.entries = [];
  }

  get size(): number {
    return this.entries.length;
  }

  /** The first fault that applies to this request, used up by one; a fault still skipping counts this request and lets it by. */
  take(path: string, category: RequestCategory): Fault | undefined {
    const matches = ({ fault }: Entry): boolean =>
      (fault.token === true && category === 'token') ||
      (fault.path !== undefined ? path.startsWith(fault.path) : fault.dropMidBody === true || fault.stallMidBody === true ? category === 'file' : category === 'api');
    let index = -1;
    for (const [i, entry] of this.entries.entries()) {
      if (!matches(entry)) continue;
      if (entry.skip > 0) {
        entry.skip--;
        continue;
      }
      index = i;
      break;
    }
    const entry = this.entries[index];
    if (!entry) return undefined;
    if (entry.fault.times !== 0) {
      entry.left--;
      if (entry.left <= 0) this.entries.splice(index, 1);
    }
    return entry.fault;
  }
}
