/** Both account models: the token exchange (client id + secret) and checking the credential of each business call. */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SANDBOX_CREDENTIALS } from '../../core/sandboxCredentials';
import type { Fault } from '../faults';
import { mangle, readBody, sendError, sendJson } from '../http';

export interface AuthOptions {
  now: () => number;
  tokenTtlSeconds: number;
  /** 'documented': {token, token_type, expires_in, status, issued_at}; 'wrapped': the enveloped variant. */
  tokenShape: 'documented' | 'wrapped';
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class SandboxAuth {
  /** Issued tokens stay valid across reset(), as a real gateway's do. */
  private readonly tokens = new Map<string, { clientId: string; expiresAt: number }>();

  constructor(private readonly options: AuthOptions) {}

  /** POST /oauth/token. */
  async handleToken(req: IncomingMessage, res: ServerResponse, url: URL, fault?: Fault): Promise<void> {
    const body = await readBody(req);
    const form = new URLSearchParams(body);
    const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const decoded = basic ? Buffer.from(basic[1] as string, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const [id, secret] = colon < 0 ? ['', ''] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
    const formEncoded = /^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '');
    const inUrl = keyInUrl(url);
    if (inUrl) return sendError(res, inUrl.code, inUrl.detail, undefined, fault);
    // The secret goes only in the Basic header: one in the body or URL is refused outright.
    const leaked = form.has('client_secret') || url.searchParams.has('client_secret');
    if (!formEncoded || form.get('grant_type') !== 'client_credentials' || leaked || !sameSecret(id, SANDBOX_CREDENTIALS.clientId) || !sameSecret(secret, SANDBOX_CREDENTIALS.clientSecret)) {
      sendError(res, 67200003, undefined, undefined, fault);
      return;
    }
    const token = randomBytes(24).toString('base64url');
    const issuedAt = this.options.now();
    const ttl = this.options.tokenTtlSeconds;
    this.tokens.set(token, { clientId: id, expiresAt: issuedAt + ttl * 1000 });
    const answer =
      this.options.tokenShape === 'wrapped'
        ? { status: true, error_code: 0, data: { token, expires_in: String(ttl) } }
        : { token, token_type: 'BearerToken', expires_in: ttl, status: 'approved', issued_at: String(issuedAt) };
    if (fault?.malformed) sendJson(res, 200, this.options.tokenShape === 'wrapped' ? { ...answer, data: mangle((answer as { data: unknown }).data) } : mangle(answer), fault);
    else sendJson(res, 200, answer, fault);
  }

  /** Undefined when the caller may go on, else the error code to answer. */
  authenticate(req: IncomingMessage, url: URL): Denied | undefined {
    const inUrl = keyInUrl(url);
    if (inUrl) return inUrl;
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!bearer) return { code: 67200003 };
    const credential = bearer[1] as string;
    if (credential.startsWith('sk-')) return sameSecret(credential, SANDBOX_CREDENTIALS.apiKey) ? undefined : { code: 67200003 };
    const apikey = url.searchParams.get('apikey');
    if (!apikey) return { code: 67200008 };
    const token = this.tokens.get(credential);
    if (!token || token.expiresAt <= this.options.now()) return { code: 67200003 };
    if (apikey !== token.clientId) return { code: 67200009 };
    return undefined;
  }
}

export interface Denied {
  code: number;
  detail?: string;
}

/**
 * An sk- key in the URL (as `apikey` or anywhere else in the query) is refused, valid
 * or not: URLs end up in proxy and server logs. Stricter than the gateway, so our own
 * tests catch a client that puts it there.
 */
function keyInUrl(url: URL): Denied | undefined {
  for (const value of url.searchParams.values()) {
    if (/^\s*(bearer\s+)?sk-/i.test(value)) return { code: 68300007, detail: 'An sk- API key belongs in the Authorization header, never in the URL.' };
  }
  return undefined;
}
