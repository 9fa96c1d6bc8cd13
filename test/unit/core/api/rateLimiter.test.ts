import * as assert from 'node:assert/strict';
import { ENDPOINTS } from '../../../../src/core/api/client';
import { isPatsnapError } from '../../../../src/core/api/errors';
import { AdaptiveRateLimiter } from '../../../../src/core/api/rateLimiter';
import { FakeClock } from './fakeClock';
import { client, KEY_CREDENTIALS, useSandbox } from './helpers';

function limiter(max: number): { clock: FakeClock; rl: AdaptiveRateLimiter; starts: number[]; take: (n: number, signal?: AbortSignal) => Array<Promise<void>> } {
  const clock = new FakeClock();
  const rl = new AdaptiveRateLimiter({ maxPerSecond: max, now: clock.now, timers: clock });
  const starts: number[] = [];
  const take = (n: number, signal?: AbortSignal): Array<Promise<void>> =>
    Array.from({ length: n }, () => rl.acquire(signal).then(() => void starts.push(clock.t)));
  return { clock, rl, starts, take };
}

describe('AdaptiveRateLimiter (fake clock)', () => {
  it('lets calls start at most `rate` per second, in the order they asked', async () => {
    const { clock, starts, take } = limiter(4);
    void take(6);
    await clock.advance(2000);
    assert.deepEqual(starts, [0, 250, 500, 750, 1000, 1250]);
  });

  it('halves the rate on "too many", once per burst, down to its floor', async () => {
    const { clock, rl } = limiter(8);
    rl.limited();
    rl.limited(); // the same burst: calls in flight fail together
    assert.equal(rl.rate, 4);
    await clock.advance(1000);
    rl.limited();
    assert.equal(rl.rate, 2);
    for (let i = 0; i < 10; i++) {
      await clock.advance(5000);
      rl.limited();
    }
    assert.equal(rl.rate, 0.25);
  });

  it('climbs back by a fixed step per success, never above the maximum (additive increase)', async () => {
    const { rl } = limiter(10);
    rl.limited();
    assert.equal(rl.rate, 5);
    const steps: number[] = [];
    for (let i = 0; i < 12; i++) {
      rl.succeeded();
      steps.push(rl.rate);
    }
    assert.deepEqual(steps.slice(0, 3), [5.5, 6, 6.5]);
    assert.equal(steps.at(-1), 10);
  });

  it('a lower rate applies to calls already waiting', async () => {
    const { clock, rl, starts, take } = limiter(10);
    void take(3);
    await clock.advance(0);
    assert.deepEqual(starts, [0]);
    rl.limited(); // now 5 per second: the next one waits 200 ms, not 100
    await clock.advance(1000);
    assert.deepEqual(starts, [0, 200, 400]);
  });

  it('a caller that aborts leaves the queue, cancelled, and the others keep their turns', async () => {
    const { clock, starts, take } = limiter(2);
    const ac = new AbortController();
    const [first, second, third] = [...take(1), ...take(1, ac.signal), ...take(1)];
    ac.abort();
    await assert.rejects(second as Promise<void>, (e: unknown) => isPatsnapError(e, 'cancelled'));
    await clock.advance(1000);
    await Promise.all([first, third]);
    assert.deepEqual(starts, [0, 500]);
  });
});

describe('rate: a service that allows one call a second', () => {
  const ctx = useSandbox({ maxRequestsPerSecond: 1 });

  it('a 250-number lookup (bibliography and legal status at once) finishes with every result', async () => {
    // The client's default rate and budgets, only the backoff base shortened.
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS, maxRequestsPerSecond: 5, maxRetries: 4, retryBaseDelayMs: 500, timeoutMs: 30_000 });
    const numbers = ctx.sb.data.patents.slice(0, 250).map((p) => p.pn);
    const [bibs, statuses] = await Promise.all([api.bibliography({ numbers }), api.legalStatus({ numbers })]);
    assert.deepEqual(bibs.map((b) => b.pn), numbers);
    assert.deepEqual(statuses.map((s) => s.pn), numbers);
    const refused = (api.callCounts.get(ENDPOINTS.bibliography) ?? 0) + (api.callCounts.get(ENDPOINTS.legalStatus) ?? 0) - 6;
    // The rate went down and the calls waited for it, rather than each being refused ten times.
    assert.ok(refused < 6 * 10, `${refused} calls refused`);
  });
});
