/** Faults a test switches on to make the sandbox misbehave in one precise way. */

export interface Fault {
  /** Path prefix, e.g. '/search/patent'. Without it: any business API call (or any file download, for dropMidBody). */
  path?: string;
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
  /** A valid envelope whose data has the wrong shape. */
  malformed?: boolean;
  /** How many requests this fault applies to; default 1; 0 = until cleared. */
  times?: number;
}

export type RequestCategory = 'api' | 'token' | 'file';

interface Entry {
  fault: Fault;
  left: number;
}

export function faultProblem(f: unknown): string | undefined {
  if (typeof f !== 'object' || f === null || Array.isArray(f)) return 'A fault is a JSON object.';
  const o = f as Record<string, unknown>;
  const known = ['path', 'errorCode', 'httpStatus', 'delayMs', 'drop', 'dropMidBody', 'malformed', 'times'];
  for (const key of Object.keys(o)) if (!known.includes(key)) return `Unknown fault property "${key}".`;
  if (o.path !== undefined && (typeof o.path !== 'string' || !o.path.startsWith('/'))) return 'path must start with "/".';
  for (const key of ['errorCode', 'httpStatus', 'delayMs', 'times']) {
    const v = o[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) return `${key} must be a non-negative integer.`;
  }
  if (typeof o.httpStatus === 'number' && (o.httpStatus < 200 || o.httpStatus > 599)) return 'httpStatus must be 200..599.';
  for (const key of ['drop', 'dropMidBody', 'malformed']) if (o[key] !== undefined && typeof o[key] !== 'boolean') return `${key} must be true or false.`;
  return undefined;
}

export class FaultQueue {
  private entries: Entry[] = [];

  add(fault: Fault): void {
    const problem = faultProblem(fault);
    if (problem) throw new TypeError(problem);
    this.entries.push({ fault: { ...fault }, left: fault.times ?? 1 });
  }

  clear(): void {
    this.entries = [];
  }

  get size(): number {
    return this.entries.length;
  }

  /** The first fault that applies to this request, used up by one. */
  take(path: string, category: RequestCategory): Fault | undefined {
    const index = this.entries.findIndex(({ fault }) =>
      fault.path !== undefined ? path.startsWith(fault.path) : fault.dropMidBody === true ? category === 'file' : category === 'api',
    );
    const entry = this.entries[index];
    if (!entry) return undefined;
    if (entry.fault.times !== 0) {
      entry.left--;
      if (entry.left <= 0) this.entries.splice(index, 1);
    }
    return entry.fault;
  }
}
