/** HTTP plumbing the sandbox's handlers share: bodies in, envelopes and storage errors out. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, httpStatusFor } from './api';
import type { Fault } from './faults';

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

/** The envelope of a business failure, with the service's own message. */
export function sendError(res: ServerResponse, code: number, detail?: string, status = httpStatusFor(code)): void {
  const error = new ApiError(code, detail);
  sendJson(res, status, { data: null, status: false, error_code: code, error_msg: error.message });
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
