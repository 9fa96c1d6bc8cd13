/** A business call: route, credential, body, then the endpoint's answer in the envelope. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, type SandboxApi } from '../api';
import type { Fault } from '../faults';
import { mangle, readBody, sendError, sendJson } from '../http';
import { InvalidParameter } from '../validate';
import type { SandboxAuth } from './auth';

/** The JSON object of a POST body; an answer has been sent when it returns undefined. */
async function jsonBody(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown> | undefined> {
  if (req.method !== 'POST') return {};
  const text = await readBody(req);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    sendError(res, 68300007, 'The body is not valid JSON.');
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    sendError(res, 68300007, 'The body must be a JSON object.');
    return undefined;
  }
  return parsed as Record<string, unknown>;
}

export async function handleBusinessCall(api: SandboxApi, auth: SandboxAuth, req: IncomingMessage, res: ServerResponse, url: URL, fault?: Fault): Promise<void> {
  const handler = api.routes.get(`${req.method} ${url.pathname}`);
  if (!handler) return sendError(res, 67200101);
  const denied = auth.authenticate(req, url);
  if (denied !== undefined) return sendError(res, denied);
  const body = await jsonBody(req, res);
  if (!body) return;
  try {
    const result = handler({ query: url.searchParams, body });
    sendJson(res, 200, { data: fault?.malformed ? mangle(result) : result, status: true, error_code: 0 }, fault);
  } catch (e) {
    if (e instanceof InvalidParameter) sendError(res, 68300004, e.message);
    else if (e instanceof ApiError) sendError(res, e.code);
    else throw e;
  }
}
