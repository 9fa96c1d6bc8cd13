/**
 * Pre-signed links in the manner of object storage: the sandbox serves images,
 * PDFs, examination documents and export files under /_files/..., valid for a
 * set time, with an HMAC over path, date and lifetime keyed by a per-server secret.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { amzDate, parseAmzDate } from './dates';

export type LinkCheck = 'ok' | 'unsigned' | 'expired' | 'badSignature';

export class UrlSigner {
  private readonly secret = randomBytes(32);

  constructor(
    private readonly origin: () => string,
    private readonly now: () => number,
  ) {}

  /** The full signed URL of `path` (already URL-encoded), valid `ttlSeconds` from now. */
  sign(path: string, ttlSeconds: number): string {
    const date = amzDate(this.now());
    const expires = String(Math.max(1, Math.floor(ttlSeconds)));
    const query = new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': `SANDBOX/${date.slice(0, 8)}/local/s3/aws4_request`,
      'X-Amz-Date': date,
      'X-Amz-Expires': expires,
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': this.signature(path, date, expires),
    });
    return `${this.origin()}${path}?${query.toString()}`;
  }

  check(path: string, query: URLSearchParams): LinkCheck {
    const date = query.get('X-Amz-Date');
    const expires = query.get('X-Amz-Expires');
    const signature = query.get('X-Amz-Signature');
    if (!date || !expires || !signature) return 'unsigned';
    const expected = Buffer.from(this.signature(path, date, expires), 'hex');
    const given = Buffer.from(signature, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'badSignature';
    const start = parseAmzDate(date);
    if (start === undefined || !/^\d+$/.test(expires)) return 'badSignature';
    return this.now() >= start + Number(expires) * 1000 ? 'expired' : 'ok';
  }

  private signature(path: string, date: string, expires: string): string {
    return createHmac('sha256', this.secret).update(`${path}\n${date}\n${expires}`).digest('hex');
  }
}
