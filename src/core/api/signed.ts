/**
 * Downloads of the pre-signed links in answers (drawings, PDFs, examination
 * documents, export files). The link is its own credential: these requests go
 * through a separate axios instance without our Authorization header or apikey,
 * since a storage host refuses a second credential and must never see a PatSnap
 * token. Storage may redirect, and these requests follow by hand (a fresh request per
 * hop, carrying nothing of the last), because nothing secret but the link itself is
 * sent; axios follows nothing, so its http adapter needs no follow-redirects.
 *
 * `bytes` has a wall-clock deadline for the whole file; a stream gets the deadline
 * until its headers, then a stall watchdog (no bytes for the same time) instead, so
 * a large export may take as long as it needs while it keeps moving.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { Readable } from 'node:stream';
import { PatsnapError } from './errors';
import { describeContent, matchesExpected, sniffMediaType } from './sniff';
import type { ExpectedContent, SignedBytes } from './types';
import { hostOf, type Transport } from './transport';
import { Deadline, readLimited, StallWatchdog, Stalled, TooLarge, wireError, type Where } from './wire';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** Storage hosts redirect once or twice (a regional endpoint); more is a loop. */
const MAX_REDIRECTS = 5;
/** The statuses a GET follows (with a Location); any other 3xx is an answer. */
const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export interface SignedStream {
  stream: NodeJS.ReadableStream;
  contentLength?: number;
  contentType?: string;
  fileName?: string;
}

export interface SignedBytesOptions {
  signal?: AbortSignal;
  maxBytes?: number;
  /** Check the bytes are an image (PNG, JPEG, GIF, WebP, TIFF) or a PDF; anything else is refused as `wrongContent`. */
  expect?: ExpectedContent;
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

/**
 * The link as a URL, or an error: the links come from PatSnap's answers (a PDF's, a drawing's,
 * an export's), so one that is not an http(s) URL is an answer we cannot use, not a mistake of
 * the user's (whom "a parameter was rejected" would send looking for one).
 */
function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PatsnapError('unexpectedResponse', 'The file link is not a URL.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new PatsnapError('unexpectedResponse', 'The file link must be an http(s) URL.');
  return parsed;
}

/** Where a redirect from `from` leads, or the reason it is not followed: it must be an http(s) URL without a user name or password. */
function redirectTarget(location: string, from: URL): URL {
  const o = { endpoint: from.host, reason: 'redirected' as const };
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    throw new PatsnapError('unexpectedResponse', `${from.host} redirected the request to an address that is not a URL.`, o);
  }
  if (to.protocol !== 'https:' && to.protocol !== 'http:') throw new PatsnapError('unexpectedResponse', `${from.host} redirected the request to an address that is not http(s).`, o);
  if (to.username !== '' || to.password !== '') throw new PatsnapError('unexpectedResponse', `${from.host} redirected the request to an address with a user name or password in it; it was not followed.`, o);
  return to;
}

function whereOf(url: URL): Where {
  return { host: url.host, endpoint: url.host, subject: `The file at ${url.host}` };
}

function header(res: AxiosResponse<unknown>, name: string): string | undefined {
  const v = res.headers[name] as unknown;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Up to `limit` bytes of an error answer's body, as a hint; never more, never after the deadline. */
async function readSome(stream: Readable, signal: AbortSignal, limit = 4096): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stop = (): void => {
    stream.destroy();
  };
  signal.addEventListener('abort', stop, { once: true });
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
    signal.removeEventListener('abort', stop);
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

function contentLength(res: AxiosResponse<unknown>): number | undefined {
  const length = Number(header(res, 'content-length'));
  return Number.isSafeInteger(length) && length >= 0 && !header(res, 'content-encoding') ? length : undefined;
}

export class SignedLinks {
  private readonly http: AxiosInstance;

  constructor(
    private readonly transport: Transport,
    private readonly timeoutMs: number,
  ) {
    this.http = axios.create({
      // The Deadline and the stall watchdog do the timing.
      timeout: 0,
      // open() follows redirects itself.
      maxRedirects: 0,
      validateStatus: () => true,
      // Raw bytes: Content-Length then matches what the caller receives.
      decompress: false,
      headers: { 'Accept-Encoding': 'identity' },
      responseType: 'stream',
    });
  }

  async bytes(url: string, options: SignedBytesOptions = {}): Promise<SignedBytes> {
    const parsed = parseUrl(url);
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const where = whereOf(parsed);
    return this.transport.retry(where.endpoint, options.signal, async () => {
      const deadline = new Deadline(this.timeoutMs, options.signal);
      try {
        const res = await this.open(parsed, deadline);
        if ((contentLength(res) ?? 0) > maxBytes) {
          res.data.destroy();
          throw new TooLarge(maxBytes);
        }
        const bytes = await readLimited(res.data, maxBytes, deadline.signal);
        const mediaType = sniffMediaType(bytes);
        if (options.expect && !matchesExpected(mediaType, options.expect)) {
          throw new PatsnapError('unexpectedResponse', `The file at ${where.host} is not ${options.expect === 'pdf' ? 'a PDF' : 'an image'}: ${describeContent(bytes)}. Nothing was kept.`, {
            endpoint: where.endpoint,
            httpStatus: res.status,
            reason: 'wrongContent',
          });
        }
        const result: SignedBytes = { bytes };
        const contentType = header(res, 'content-type');
        if (contentType) result.contentType = contentType;
        if (mediaType) result.mediaType = mediaType;
        return result;
      } catch (e) {
        throw wireError(e, where, deadline);
      } finally {
        deadline.clear();
      }
    });
  }

  async stream(url: string, options: { signal?: AbortSignal } = {}): Promise<SignedStream> {
    const parsed = parseUrl(url);
    const where = whereOf(parsed);
    // Retries cover failures before the body starts; after that the stream's consumer sees the error.
    return this.transport.retry(where.endpoint, options.signal, async () => {
      const deadline = new Deadline(this.timeoutMs, options.signal);
      try {
        const res = await this.open(parsed, deadline);
        return {
          stream: this.watched(res.data, where),
          contentLength: contentLength(res),
          contentType: header(res, 'content-type'),
          fileName: fileNameFromDisposition(header(res, 'content-disposition')),
        };
      } catch (e) {
        throw wireError(e, where, deadline);
      } finally {
        deadline.clear();
      }
    });
  }

  /**
   * The answer to a GET of `url`, its body not read yet, its redirects followed: at most
   * MAX_REDIRECTS, each a new request with only our own headers (no cookie or credential
   * a hop sent or asked for), all within `deadline`; an address seen before is a loop. An
   * error status is thrown, with the start of its body.
   */
  private async open(url: URL, deadline: Deadline): Promise<AxiosResponse<Readable>> {
    const seen = new Set([url.href]);
    for (let at = url; ; ) {
      const res = await this.http.get<Readable>(at.href, { signal: deadline.signal });
      const location = REDIRECTS.has(res.status) ? header(res, 'location') : undefined;
      if (location === undefined) {
        if (res.status < 200 || res.status >= 300) throw this.statusError(res.status, at, await readSome(res.data, deadline.signal));
        return res;
      }
      res.data.destroy();
      at = redirectTarget(location, at);
      if (seen.has(at.href) || seen.size > MAX_REDIRECTS) {
        throw new PatsnapError('unexpectedResponse', `${url.host} redirected the request too many times.`, { endpoint: url.host, reason: 'redirectLoop' });
      }
      seen.add(at.href);
    }
  }

  /** The body behind a stall watchdog; the reader sees typed errors (a stall, a cut connection). */
  private watched(source: Readable, where: Where): Readable {
    const watchdog = new StallWatchdog(this.timeoutMs, () => wireError(new Stalled(this.timeoutMs), where));
    source.on('error', (e) => watchdog.destroy(wireError(e, where)));
    source.on('close', () => {
      if (!source.readableEnded) watchdog.destroy(wireError(Object.assign(new Error('premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }), where));
    });
    watchdog.on('close', () => source.destroy());
    source.pipe(watchdog);
    return watchdog;
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
