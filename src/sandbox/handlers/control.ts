/** `/_sandbox/...`: what tests and demos use to steer the sandbox (faults, later publications, stats, reset, health). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultProblem, type Fault, type FaultQueue } from '../faults';
import { readBody, sendJson } from '../http';

export interface Controls {
  faults: FaultQueue;
  calls: ReadonlyMap<string, number>;
  reset(): void;
  /** Later publications up to `until`, all (undefined) or none (null); the numbers published now. */
  publish(until?: number | null): string[];
  publishedUntil(): number | undefined;
}

/** `{"until": yyyyMMdd}`, `{"until": null}` or `{}`; a message when it is not. */
function publishProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'The body is a JSON object, e.g. {"until": 20251231}.';
  for (const key of Object.keys(body)) if (key !== 'until') return `Unknown property "${key}": only "until" (yyyyMMdd, or null to withdraw).`;
  const until = (body as { until?: unknown }).until;
  if (until === undefined || until === null) return undefined;
  return typeof until === 'number' && Number.isInteger(until) && /^\d{8}$/.test(String(until)) ? undefined : '"until" is a date written yyyyMMdd as a number (e.g. 20251231), or null.';
}

export async function handleControl(controls: Controls, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const route = `${req.method} ${url.pathname}`;
  if (route === 'POST /_sandbox/faults') {
    let fault: unknown;
    try {
      fault = JSON.parse(await readBody(req));
    } catch {
      fault = undefined;
    }
    const problem = faultProblem(fault);
    if (problem) return sendJson(res, 400, { ok: false, error: problem });
    controls.faults.add(fault as Fault);
    return sendJson(res, 200, { ok: true });
  }
  if (route === 'DELETE /_sandbox/faults') {
    controls.faults.clear();
    return sendJson(res, 200, { ok: true });
  }
  if (route === 'POST /_sandbox/publish' || route === 'DELETE /_sandbox/publish' || route === 'GET /_sandbox/publish') {
    let until: number | null | undefined = route === 'DELETE /_sandbox/publish' ? null : undefined;
    if (route === 'POST /_sandbox/publish') {
      let body: unknown;
      try {
        const text = await readBody(req);
        body = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        body = undefined;
      }
      const problem = publishProblem(body);
      if (problem) return sendJson(res, 400, { ok: false, error: problem });
      until = (body as { until?: number | null }).until;
    }
    const published = route === 'GET /_sandbox/publish' ? undefined : controls.publish(until);
    return sendJson(res, 200, { ok: true, until: controls.publishedUntil() ?? null, ...(published ? { published } : {}) });
  }
  if (route === 'GET /_sandbox/stats') return sendJson(res, 200, { calls: Object.fromEntries(controls.calls) });
  if (route === 'POST /_sandbox/reset') {
    controls.reset();
    return sendJson(res, 200, { ok: true });
  }
  if (route === 'GET /_sandbox/health') return sendJson(res, 200, { ok: true });
  return sendJson(res, 404, { ok: false, error: 'No such sandbox control.' });
}
