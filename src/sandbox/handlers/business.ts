/** A business call: route, credential, body, then the endpoint's answer in the envelope. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, type SandboxApi } from '../api';
import type { Fault } from '../faults';
import { mangle, oddly, readBody, sendError, sendJson } from '../http';
import { InvalidParameter } from '../validate';
import type { SandboxAuth } from './auth';

/** The JSON object of a POST body; an answer has been sent when it returns undefined. */
async function jsonBody(req: IncomingMessage, res: ServerResponse, fault?: Fault): Promise<Record<string, unknown> | undefined> {
  if (req.method !== 'POST') return {};
  const text = await readBody(req);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    sendError(res, 68300007, 'The body is not valid JSON.', undefined, fault);
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    sendError(res, 68300007, 'The body must be a JSON object.', undefined, fault);
    return undefined;
  }
  return parsed as Record<string, unknown>;
}

export async function handleBusinessCall(api: SandboxApi, auth: SandboxAuth, req: IncomingMessage, res: ServerResponse, url: URL, fault?: Fault): Promise<void> {
  const handler = api.routes.get(`${req.method} ${url.pathname}`);
  if (!handler) return sendError(res, 67200101, undefined, undefined, fault);
  const denied = auth.authenticate(req, url);
  if (denied !== undefined) return sendError(res, denied.code, denied.detail, undefined, fault);
  const body = await jsonBody(req, res, fault);
  if (!body) return;
  try {
    const result = handler({ query: url.searchParams, body });
    const data = fault?.nullData ? null : fault?.malformed ? mangle(result) : fault?.oddFields ? oddly(result) : result;
    sendJson(res, 200, { data, status: true, error_code: 0 }, fault);
  } catch (e) {
    if (e instanceof InvalidParameter) sendError(res, 68300004, e.message, undefined, fault);
    else if (e instanceof ApiError) sendError(res, e.code, undefined, undefined, fault);
    else throw e;
  }
}
