/** `/_sandbox/...`: what tests and demos use to steer the sandbox (faults, stats, reset, health). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultProblem, type Fault, type FaultQueue } from '../faults';
import { readBody, sendJson } from '../http';

export interface Controls {
  faults: FaultQueue;
  calls: ReadonlyMap<string, number>;
  reset(): void;
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
  if (route === 'GET /_sandbox/stats') return sendJson(res, 200, { calls: Object.fromEntries(controls.calls) });
  if (route === 'POST /_sandbox/reset') {
    controls.reset();
    return sendJson(res, 200, { ok: true });
  }
  if (route === 'GET /_sandbox/health') return sendJson(res, 200, { ok: true });
  return sendJson(res, 404, { ok: false, error: 'No such sandbox control.' });
}
