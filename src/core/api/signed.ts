/**
 * Downloads of the pre-signed links in answers (drawings, PDFs, examination
 * documents, export files). The link is its own credential: these requests go
 * through a separate axios instance without our interceptors, Authorization
 * header or apikey, since a storage host refuses a second credential and must
 * never see a PatSnap token.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { Readable } from 'node:stream';
import { PatsnapError, invalidInput } from './errors';
import { hostOf, networkError, type Transport } from './transport';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface SignedStream {
  stream: NodeJS.ReadableStream;
  contentLength?: number;
  contentType?: string;
  fileName?: string;
}

/** When the signature says the link stops working (epoch ms), if it says. */
export function linkExpiry(url: URL): number | undefined {
  const q = url.searchParams;
  const amzDate = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(q.get('X-Amz-Date') ?? '');
  const amzExpires = Number(q.get('X-Amz-Expires'));
  if (amzDate && Number.isFinite(amzExpires)) {
    const [, y, mo, d, h, mi, s] = amzDate.map(Number) as number[];
    return Date.UTC(y as number, (mo as number) - 1, d, h, mi, s) + amzExpires * 1000;
  }
  const responseExpires = Date.parse(q.get('response-expires') ?? '');
  if (!Number.isNaN(responseExpires)) return responseExpires;
  const expires = Number(q.get('expires') ?? q.get('Expires'));
  if (Number.isFinite(expires) && expires > 1e9) return expires * 1000;
  return undefined;
}

/** The file name of a Content-Disposition header, reduced to a bare name (no folders). */
export function fileNameFromDisposition(header: string | undefined): string | undefined {
  if (!header) return undefined;
  let name: string | undefined;
  const extended = /filename\*\s*=\s*([\w-]*)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2]) {
    try {
      name = decodeURIComponent(extended[2].trim());
    } catch {
      name = undefined;
    }
  }
  if (name === undefined) {
    const plain = /filename\s*=\s*(?:"((?:\\.|[^"\\])*)"|([^;\s]+))/i.exec(header);
    name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  }
  // eslint-disable-next-line no-control-regex
  const base = name?.split(/[\\/]/).pop()?.replace(/[\u0000-\u001f]/g, '').trim();
  return base && base !== '.' && base !== '..' ? base : undefined;
}

function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidInput('url', 'The file link is not a URL.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw invalidInput('url', 'The file link must be an http(s) URL.');
  return parsed;
}

function header(res: AxiosResponse<unknown>, name: string): string | undefined {
  const v = res.headers[name] as unknown;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

async function readSome(stream: Readable, limit = 4096): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      chunks.push(b);
      size += b.length;
      if (size >= limit) break;
    }
  } catch {
    // The body of an error answer is only a hint.
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}

export class SignedLinks {
  private readonly http: AxiosInstance;

  constructor(
    private readonly transport: Transport,
    private readonly timeoutMs: number,
  ) {
    this.http = axios.create({
      timeout: timeoutMs,
      validateStatus: () => true,
      // Raw bytes: Content-Length then matches what the caller receives.
      decompress: false,
      headers: { 'Accept-Encoding': 'identity' },
    });
  }

  async bytes(url: string, options: { signal?: AbortSignal; maxBytes?: number } = {}): Promise<{ bytes: Buffer; contentType?: string }> {
    const parsed = parseUrl(url);
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const label = parsed.host;
    return this.transport.retry(label, options.signal, async () => {
      let res: AxiosResponse<ArrayBuffer>;
      try {
        res = await this.http.get<ArrayBuffer>(parsed.toString(), { responseType: 'arraybuffer', maxContentLength: maxBytes, signal: options.signal });
      } catch (e) {
        if (axios.isAxiosError(e) && /maxContentLength/.test(e.message)) {
          throw new PatsnapError('unexpectedResponse', `The file at ${label} is larger than ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB.`);
        }
        throw networkError(e, label, this.timeoutMs, label, options.signal);
      }
      const body = Buffer.from(res.data);
      if (res.status < 200 || res.status >= 300) throw this.statusError(res.status, parsed, body.subarray(0, 4096).toString('utf8'));
      return { bytes: body, contentType: header(res, 'content-type') };
    });
  }

  async stream(url: string, options: { signal?: AbortSignal } = {}): Promise<SignedStream> {
    const parsed = parseUrl(url);
    const label = parsed.host;
    // Retries cover failures before the body starts; after that the stream's consumer sees the error.
    return this.transport.retry(label, options.signal, async () => {
      let res: AxiosResponse<Readable>;
      try {
        res = await this.http.get<Readable>(parsed.toString(), { responseType: 'stream', signal: options.signal });
      } catch (e) {
        throw networkError(e, label, this.timeoutMs, label, options.signal);
      }
      if (res.status < 200 || res.status >= 300) throw this.statusError(res.status, parsed, await readSome(res.data));
      const length = Number(header(res, 'content-length'));
      return {
        stream: res.data,
        contentLength: Number.isSafeInteger(length) && length >= 0 && !header(res, 'content-encoding') ? length : undefined,
        contentType: header(res, 'content-type'),
        fileName: fileNameFromDisposition(header(res, 'content-disposition')),
      };
    });
  }

  private statusError(status: number, url: URL, body: string): PatsnapError {
    const host = hostOf(url.toString());
    const o = { httpStatus: status };
    const expiry = linkExpiry(url);
    const expired = /expired/i.test(body) || (expiry !== undefined && expiry <= Date.now());
    if (status === 403 && expired) return new PatsnapError('forbidden', 'The link has expired: look the patent or export up again to get a fresh one.', o);
    if (status === 403 || status === 401) return new PatsnapError('forbidden', `${host} refused the link (HTTP ${status}); it may have expired: look it up again to get a fresh one.`, o);
    if (status === 404) return new PatsnapError('notFound', `${host} has no file at this link (HTTP 404).`, o);
    if (status === 429) return new PatsnapError('rateLimited', `${host} is refusing downloads: too many requests (HTTP 429).`, o);
    if (status >= 500) return new PatsnapError('serviceUnavailable', `${host} had a server error (HTTP ${status}).`, o);
    return new PatsnapError('unexpectedResponse', `${host} answered the link with HTTP ${status}.`, o);
  }
}
