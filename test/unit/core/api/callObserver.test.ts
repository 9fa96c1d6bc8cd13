import * as assert from 'node:assert/strict';
import { isPatsnapError } from '../../../../src/core/api/errors';
import { ENDPOINTS } from '../../../../src/core/api/client';
import { client, KEY_CREDENTIALS, rejectsWith, TOKEN, useSandbox } from './helpers';

/** What the observer saw, in order: `start PATH` and `end PATH ok|KIND`. */
function recorder(): { events: string[]; inFlight: () => number; most: () => number; onCall: (endpoint: string) => (outcome: { error?: unknown }) => void } {
  const events: string[] = [];
  let open = 0;
  let most = 0;
  return {
    events,
    inFlight: () => open,
    most: () => most,
    onCall: (endpoint) => {
      most = Math.max(most, ++open);
      events.push(`start ${endpoint}`);
      let ended = false;
      return ({ error }) => {
        assert.equal(ended, false, `${endpoint} ended twice`);
        ended = true;
        open--;
        events.push(`end ${endpoint} ${error === undefined ? 'ok' : isPatsnapError(error) ? error.kind : 'other'}`);
      };
    },
  };
}

describe('client: the call observer (onCall)', () => {
  const ctx = useSandbox();

  it('sees each call start and end once, the token exchange as a call of its own', async () => {
    const r = recorder();
    const api = client(ctx.sb, { onCall: r.onCall });
    await api.search({ query: 'TTL:battery', limit: 2 });
    assert.deepEqual(r.events, [`start ${ENDPOINTS.search}`, `start ${TOKEN}`, `end ${TOKEN} ok`, `end ${ENDPOINTS.search} ok`]);
    assert.equal(r.inFlight(), 0);
  });

  it('is told the error a call failed with for good, after its retries', async () => {
    const r = recorder();
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS, onCall: r.onCall });
    ctx.sb.faults.add({ path: ENDPOINTS.search, errorCode: 67200100, times: 2 }); // busy twice, then fine
    await api.search({ query: 'TTL:battery', limit: 2 });
    assert.deepEqual(r.events, [`start ${ENDPOINTS.search}`, `end ${ENDPOINTS.search} ok`], 'retries are inside the one call');

    ctx.sb.faults.add({ path: ENDPOINTS.search, errorCode: 67200005, times: 0 });
    await rejectsWith(api.search({ query: 'TTL:battery', limit: 2 }), 'quota');
    assert.deepEqual(r.events.slice(2), [`start ${ENDPOINTS.search}`, `end ${ENDPOINTS.search} quota`]);
    assert.equal(r.inFlight(), 0);
  });

  it('counts calls in flight together', async () => {
    const r = recorder();
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS, onCall: r.onCall });
    // Both calls start before either can have an answer.
    await Promise.all([api.search({ query: 'TTL:battery', limit: 1 }), api.search({ query: 'TTL:sensor', limit: 1 })]);
    assert.equal(r.most(), 2);
    assert.equal(r.inFlight(), 0);
  });

  it('sees a cancelled call end as cancelled', async () => {
    const r = recorder();
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS, onCall: r.onCall });
    ctx.sb.faults.add({ path: ENDPOINTS.search, delayMs: 2_000 });
    const controller = new AbortController();
    const call = api.search({ query: 'TTL:battery', limit: 1 }, { signal: controller.signal });
    controller.abort();
    await rejectsWith(call, 'cancelled');
    assert.deepEqual(r.events, [`start ${ENDPOINTS.search}`, `end ${ENDPOINTS.search} cancelled`]);
  });
});
