/**
 * What comes off the socket, for the API transport and the signed links alike: a
 * wall-clock deadline per request (axios' `timeout` is a socket idle timer, which a
 * server dripping a byte a second never trips), bodies read with a size cap, a stall
 * watchdog for streamed downloads, and one mapping from whatever failed to a typed
 * error that names what happened. Errors never keep the transport's own objects:
 * axios errors carry the request config, Authorization header included.
 */
import axios from 'axios';
import type { Readable } from 'node:stream';
import { Transform, type TransformCallback } from 'node:stream';
import { cancelledError, PatsnapError } from './errors';

/** API answers larger than this are refused: the contract's largest (1,000 search hits) is well under 1 MB. */
export const MAX_ANSWER_BYTES = 20 * 1024 * 1024;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Fires `signal` when the caller aborts or `ms` have passed, whichever comes first; `clear()` when done. */
export class Deadline {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly onCallerAbort = (): void => this.controller.abort();
  private timedOut = false;

  constructor(
    readonly ms: number,
    private readonly caller?: AbortSignal,
  ) {
    this.signal = this.controller.signal;
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, ms);
    caller?.addEventListener('abort', this.onCallerAbort, { once: true });
    if (caller?.aborted) this.controller.abort();
  }

  get expired(): boolean {
    return this.timedOut && !this.callerAborted;
  }

  get callerAborted(): boolean {
    return this.caller?.aborted === true;
  }

  clear(): void {
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this.onCallerAbort);
  }
}

/** A body larger than the cap; thrown by `readLimited`, mapped by `wireError`. */
export class TooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`larger than ${maxBytes} bytes`);
    this.name = 'TooLarge';
  }
}

/** A stream that sent nothing for the stall limit. */
export class Stalled extends Error {
  constructor(readonly ms: number) {
    super(`no data for ${ms} ms`);
    this.name = 'Stalled';
  }
}

/** The whole body, or a rejection as soon as it passes `maxBytes`, errors, or `signal` aborts. */
export function readLimited(stream: Readable, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (error === undefined) return resolve(Buffer.concat(chunks, size));
      stream.destroy();
      reject(error);
    };
    const onAbort = (): void => finish(new Error('aborted'));
    stream.on('data', (chunk: Buffer | string) => {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += b.length;
      if (size > maxBytes) finish(new TooLarge(maxBytes));
      else chunks.push(b);
    });
    stream.once('end', () => finish());
    stream.once('error', (e) => finish(e));
    stream.once('close', () => finish(Object.assign(new Error('premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' })));
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort();
  });
}

/**
 * Passes a download through and fails it with `Stalled` when the source sends nothing
 * for `ms` while the reader is waiting for data. A reader that is slow to take what
 * already came (a slow disk) is not a stall: the timer runs only while the reader asks.
 */
export class StallWatchdog extends Transform {
  private timer: unknown;

  constructor(
    private readonly ms: number,
    /** The error the stream fails with; default a `Stalled`. */
    private readonly stalled: () => Error = () => new Stalled(ms),
    private readonly timers: Timers = realTimers,
  ) {
    super();
  }

  override _read(size: number): void {
    this.arm();
    super._read(size);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.disarm();
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.disarm();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.disarm();
    callback(error);
  }

  private arm(): void {
    this.disarm();
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.destroy(this.stalled());
    }, this.ms);
  }

  private disarm(): void {
    if (this.timer === undefined) return;
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}

function codeOf(e: unknown): string | undefined {
  const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** zlib, brotli and zstd failures: the body came, but does not decompress. */
function isDecodeFailure(code: string | undefined): boolean {
  return code !== undefined && (/^Z_/.test(code) || /BROTLI|ZSTD|ZLIB/.test(code));
}

/** Where a request went, for messages: the host only (never the URL, its query or user info). */
export interface Where {
  host: string;
  /** The endpoint path of an API call, or the host of a signed link. */
  endpoint: string;
  /** What was being fetched, as a message starts: "The answer from host to /path", "The file at host". */
  subject: string;
}

/** Any failure of one request as a typed error that names the host and what happened. */
export function wireError(e: unknown, where: Where, deadline?: Deadline): PatsnapError {
  if (e instanceof PatsnapError) return e;
  const { host, endpoint, subject } = where;
  if (deadline?.callerAborted || (axios.isCancel(e) && !deadline?.expired)) return cancelledError(endpoint);
  const o = { endpoint };
  if (deadline?.expired) return new PatsnapError('network', `${host} did not answer within ${seconds(deadline.ms)}.`, { ...o, reason: 'timeout' });
  if (e instanceof Stalled) return new PatsnapError('network', `The download from ${host} stalled: no data for ${seconds(e.ms)}.`, { ...o, reason: 'stalled' });
  if (e instanceof TooLarge) return new PatsnapError('unexpectedResponse', `${subject} is larger than ${megabytes(e.maxBytes)}; it was refused.`, { ...o, reason: 'tooLarge' });
  const code = codeOf(e);
  if (isDecodeFailure(code)) return new PatsnapError('unexpectedResponse', `${subject} is compressed but does not decompress (${code}).`, { ...o, reason: 'undecodable' });
  if (code?.startsWith('HPE_')) return new PatsnapError('unexpectedResponse', `${host} answered with something that is not valid HTTP (${code}).`, { ...o, reason: 'undecodable' });
  const message = e instanceof Error ? e.message : '';
  if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || /hang up|aborted|terminated|premature/i.test(message)) {
    return new PatsnapError('network', `The connection to ${host} closed before the answer was complete.`, o);
  }
  // Only the code: a transport's message may quote the URL.
  return new PatsnapError('network', `Could not reach ${host}${code && /^[A-Z0-9_]{2,40}$/.test(code) ? ` (${code})` : ''}.`, o);
}
