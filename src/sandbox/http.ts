/** HTTP plumbing the sandbox's handlers share: bodies in, envelopes and storage errors out. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, httpStatusFor } from './api';
import type { EnvelopeShape, Fault } from './faults';

const MAX_BODY = 1 << 20;

/** A request the sandbox refuses before it reaches an endpoint (answered 68300007). */
export class BadRequest extends Error {}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new BadRequest('The request body is too large.'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A JSON answer; a `dropMidBody` fault sends half of it and then destroys the socket. */
export function sendJson(res: ServerResponse, status: number, body: unknown, fault?: Fault): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': bytes.length });
  if (fault?.dropMidBody) res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
  else res.end(bytes);
}

/**
 * The envelope of a business failure, with the service's own message, shaped as
 * `shape` says: the contract requires only `status` and `error_code`, so `data` and
 * `error_msg` may be null or missing.
 */
export function sendError(res: ServerResponse, code: number, detail?: string, status = httpStatusFor(code), shape: EnvelopeShape = {}): void {
  const body: Record<string, unknown> = {};
  if (shape.errorData !== 'absent') body.data = shape.errorData === 'object' ? {} : null;
  body.status = false;
  body.error_code = code;
  if (shape.errorMsg !== 'absent') body.error_msg = shape.errorMsg === 'null' ? null : new ApiError(code, detail).message;
  if (shape.retryAfter !== undefined) res.setHeader('Retry-After', String(shape.retryAfter));
  sendJson(res, status, body);
}

/** An object-storage error (S3's XML), as signed links answer. */
export function sendStorageError(res: ServerResponse, status: number, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>\n`;
  res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** A status without an error code still gets one, so clients can read the envelope. */
export function codeForStatus(status: number): number {
  return status === 401 ? 67200003 : status === 404 ? 67200101 : status === 429 ? 67200002 : status === 403 ? 67200012 : status >= 500 ? 67200100 : 68300007;
}

/**
 * The same answer with every descriptive field of every patent oddly typed (a list
 * as a string or `{}`, a string as a number, a number as a word), `pn` and
 * `patent_id` kept: what a client must survive without losing the batch.
 */
export function oddly(data: unknown): unknown {
  if (Array.isArray(data)) return data.map((item) => (isPatent(item) ? oddPatent(item) : item));
  if (isObject(data) && Array.isArray(data.results)) return { ...data, results: oddly(data.results) };
  return data;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPatent(v: unknown): v is Record<string, unknown> {
  return isObject(v) && typeof v.pn === 'string' && typeof v.patent_id === 'string';
}

function oddPatent(item: Record<string, unknown>): Record<string, unknown> {
  let lists = 0;
  const odd = (v: unknown, depth: number): unknown => {
    if (Array.isArray(v)) return [3, 'a string where a list belongs', {}][lists++ % 3];
    if (typeof v === 'string') return 12345;
    if (typeof v === 'number') return 'not a number';
    if (typeof v === 'boolean') return 'yes';
    if (isObject(v)) return depth < 2 ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, odd(x, depth + 1)])) : 'an object was here';
    return {};
  };
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, k === 'pn' || k === 'patent_id' ? v : odd(v, 0)]));
}

/** Every value of the wrong type: a valid envelope whose data no schema accepts. */
export function mangle(data: unknown): unknown {
  if (Array.isArray(data)) return 'malformed: a list was expected here';
  if (data !== null && typeof data === 'object') {
    return Object.fromEntries(
      Object.entries(data).map(([k, v]) => [k, Array.isArray(v) ? 'not-a-list' : typeof v === 'number' ? 'not-a-number' : typeof v === 'string' ? 12345 : typeof v === 'object' ? ['not-an-object'] : 'not-a-boolean']),
    );
  }
  return { unexpected: data };
}
