/** Plain-HTTP helpers for the sandbox tests: global fetch, never our own client. */
import { SANDBOX_CREDENTIALS } from '../../../src/core/sandboxCredentials';
import type { SandboxServer } from '../../../src/sandbox/server';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  query?: Record<string, string>;
  body?: unknown;
  /** 'sk' (default): the API key; a token string: Bearer + apikey; null: no credentials. */
  auth?: 'sk' | { token: string; apikey?: string } | null;
}

export async function call(sb: SandboxServer, path: string, options: CallOptions = {}): Promise<Answer> {
  const url = new URL(path, sb.url);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = {};
  const auth = options.auth === undefined ? 'sk' : options.auth;
  if (auth === 'sk') headers.authorization = `Bearer ${SANDBOX_CREDENTIALS.apiKey}`;
  else if (auth) {
    headers.authorization = `Bearer ${auth.token}`;
    if (auth.apikey !== undefined) url.searchParams.set('apikey', auth.apikey);
  }
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const res = await fetch(url, { method: options.method ?? (body !== undefined ? 'POST' : 'GET'), headers, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function getToken(sb: SandboxServer, id: string = SANDBOX_CREDENTIALS.clientId, secret: string = SANDBOX_CREDENTIALS.clientSecret): Promise<Answer> {
  const res = await fetch(new URL('/oauth/token', sb.url), {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The data of a successful envelope; fails the test on an error envelope. */
export function ok<T = Record<string, unknown>>(a: Answer): T {
  if (a.status !== 200 || a.body.status !== true || a.body.error_code !== 0) {
    throw new Error(`expected success, got HTTP ${a.status} ${JSON.stringify(a.body).slice(0, 300)}`);
  }
  return a.body.data as T;
}

export function search(sb: SandboxServer, body: Record<string, unknown>): Promise<Answer> {
  return call(sb, '/search/patent/query-search-patent', { body });
}

export async function pns(sb: SandboxServer, query: string, extra: Record<string, unknown> = {}): Promise<string[]> {
  const data = ok<{ results: Array<{ pn: string }> }>(await search(sb, { query_text: query, limit: 1000, ...extra }));
  return data.results.map((r) => r.pn);
}

/** A small RFC 4180 reader (quotes, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Throws unless `xml` is well-formed enough: balanced tags, no raw '<' or stray '&' in text. */
export function checkXml(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '').replace(/<\?[^?]*\?>\s*/g, '');
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    if (m[6]) throw new Error(`stray "<" at ${m.index}`);
    if (m[5] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(m[5])) throw new Error(`unescaped "&" in ${m[5].slice(0, 40)}`);
      continue;
    }
    const [, close, name, , selfClose] = m;
    if (selfClose) continue;
    if (close) {
      if (stack.pop() !== name) throw new Error(`mismatched </${name}>`);
    } else stack.push(name as string);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
}
