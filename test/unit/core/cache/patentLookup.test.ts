/** PatentLookupService against the real sandbox over loopback: batching, sharing, caching, abandoning. */
import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isPatsnapError } from '../../../../src/core/api/errors';
import type { PatsnapApi } from '../../../../src/core/api/types';
import { PatentLookupService } from '../../../../src/core/cache/patentLookup';
import { LIFETIMES, RecordStore } from '../../../../src/core/cache/recordStore';
import { createPatsnapClient } from '../../../../src/core/api/client';
import { client, KEY_CREDENTIALS, useSandbox } from '../api/helpers';
import { envelope, startHostile } from '../api/hostile';

const BIB = '/basic-patent-data/simple-bibliography';
const LEGAL = '/basic-patent-data/simple-legal-status';
const IMAGE = '/basic-patent-data/abstract-image';

describe('PatentLookupService (sandbox)', () => {
  const ctx = useSandbox();
  let api: PatsnapApi;
  let lookups: PatentLookupService;

  beforeEach(() => {
    api = client(ctx.sb);
    lookups = new PatentLookupService(() => api, { batchWindowMs: 5 });
  });

  function samplePns(count: number): string[] {
    const pns = ctx.sb.data.patents.map((p) => p.pn);
    assert.ok(pns.length >= count, `the sandbox has only ${pns.length} patents`);
    return pns.slice(0, count);
  }

  it('looks 250 distinct numbers up in 3 calls per endpoint, each number once', async () => {
    const numbers = samplePns(250);
    // Asked for twice, partly concurrently, as hovers and the tree would.
    const [first, second] = await Promise.all([lookups.lookup([...numbers, ...numbers.slice(0, 50)]), lookups.lookup(numbers.slice(100, 200))]);
    assert.equal(ctx.sb.stats.calls(BIB), 3);
    assert.equal(ctx.sb.stats.calls(LEGAL), 3);
    assert.equal(first.size, 250);
    for (const n of numbers) assert.equal(first.get(n)?.bibliography.pn, n);
    assert.equal(second.get(numbers[150] as string)?.bibliography.pn, numbers[150]);
  });

  it('shares a call under way with a later ask for the same number', async () => {
    ctx.sb.faults.add({ path: BIB, delayMs: 100 });
    const first = lookups.lookupOne('US11205304B2');
    // The batch's call has reached the server (and waits there): now ask again.
    while (ctx.sb.stats.calls(BIB) === 0) await new Promise((r) => setImmediate(r));
    const second = lookups.lookupOne('US11205304B2');
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a, b);
    assert.equal(a?.bibliography.pn, 'US11205304B2');
    assert.equal(ctx.sb.stats.calls(BIB), 1);
  });

  it('shares no call under way once cleared (the backend changed): a later ask makes its own', async () => {
    ctx.sb.faults.add({ path: BIB, delayMs: 100 });
    const first = lookups.lookupOne('US11205304B2');
    while (ctx.sb.stats.calls(BIB) === 0) await new Promise((r) => setImmediate(r));
    lookups.clear();
    const second = lookups.lookupOne('US11205304B2');
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a?.bibliography.pn, 'US11205304B2');
    assert.equal(b?.bibliography.pn, 'US11205304B2');
    assert.equal(ctx.sb.stats.calls(BIB), 2);
  });

  it('answers from the cache without a call, peek included', async () => {
    const n = 'US11205304B2';
    assert.equal(lookups.peek(n), undefined);
    const card = await lookups.lookupOne(n);
    assert.equal(card?.bibliography.pn, n);
    assert.ok(card?.legalStatus.includes('Active'));
    ctx.sb.stats.reset();
    assert.equal(lookups.peek(n), card);
    assert.equal(await lookups.lookupOne(n), card);
    assert.equal(ctx.sb.stats.calls(), 0);
  });

  it('remembers a number PatSnap does not know, as null', async () => {
    assert.equal(await lookups.lookupOne('US9999999B2'), null);
    ctx.sb.stats.reset();
    assert.equal(lookups.peek('US9999999B2'), null);
    assert.equal(await lookups.lookupOne('US9999999B2'), null);
    assert.equal(ctx.sb.stats.calls(), 0);
  });

  it('answers a kind-less number with its patent, and caches it under the full pn too', async () => {
    const card = await lookups.lookupOne('US7123456');
    assert.equal(card?.bibliography.pn, 'US7123456B2');
    assert.equal(lookups.peek('US7123456B2')?.bibliography.pn, 'US7123456B2');
  });

  it('lets an abandoned caller go while the others are served', async () => {
    ctx.sb.faults.add({ path: BIB, delayMs: 150 });
    const controller = new AbortController();
    const abandoned = lookups.lookupOne('EP1234567B1', controller.signal);
    const other = lookups.lookupOne('EP1234567B1');
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(abandoned, (e: unknown) => isPatsnapError(e, 'cancelled'));
    assert.equal((await other)?.bibliography.pn, 'EP1234567B1');
    // The shared answer was cached although one caller left.
    assert.equal(lookups.peek('EP1234567B1')?.bibliography.pn, 'EP1234567B1');
  });

  it('listens once on the caller\'s signal for a whole list, and a cancelled list rejects as cancelled', async () => {
    ctx.sb.faults.add({ path: BIB, delayMs: 150 });
    const controller = new AbortController();
    const numbers = samplePns(100);
    const listing = lookups.lookup(numbers, controller.signal);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(getEventListeners(controller.signal, 'abort').length, 1);
    controller.abort();
    await assert.rejects(listing, (e: unknown) => isPatsnapError(e, 'cancelled'));
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
    // The shared call goes on for others; it ends before the next test's faults are set.
    assert.equal((await lookups.lookup(numbers)).size, 100);
  });

  it('does not cache a failure: the next ask calls again and succeeds', async () => {
    ctx.sb.faults.add({ path: BIB, errorCode: 67200005 }); // quota: not retried
    await assert.rejects(lookups.lookupOne('WO2020123456A1'), (e: unknown) => isPatsnapError(e, 'quota'));
    assert.equal(lookups.peek('WO2020123456A1'), undefined);
    const card = await lookups.lookupOne('WO2020123456A1');
    assert.equal(card?.bibliography.pn, 'WO2020123456A1');
    assert.equal(ctx.sb.stats.calls(BIB), 2);
  });

  it('keeps the numbers whose batches came when another batch fails, and asks again for the rest', async () => {
    const numbers = samplePns(250);
    // The second P011 call fails; its 100 numbers are not answered, not cached as "not found".
    ctx.sb.faults.add({ path: BIB, errorCode: 67200004, skip: 1 });
    const settled = await Promise.allSettled(numbers.map((n) => lookups.lookupOne(n)));
    const failed = numbers.filter((_, i) => settled[i]?.status === 'rejected');
    assert.equal(failed.length, 100);
    for (const [i, n] of numbers.entries()) {
      const s = settled[i];
      if (s?.status === 'rejected') {
        assert.ok(isPatsnapError(s.reason, 'quota'));
        assert.equal(lookups.peek(n), undefined);
      } else assert.equal(lookups.peek(n)?.bibliography.pn, n);
    }
    ctx.sb.stats.reset();
    const again = await lookups.lookup(failed);
    assert.ok(failed.every((n) => again.get(n)?.bibliography.pn === n));
    assert.equal(ctx.sb.stats.calls(BIB), 1);
  });

  it('hands out a card past its lifetime as stale without a call, and lookupOne asks again for it', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'patent-lookup-'));
    let clock = Date.UTC(2025, 0, 1);
    const now = (): number => clock;
    try {
      const store = await RecordStore.open({ folder, now });
      // Each service is a window: a new one starts with nothing in memory, as after a reload.
      const window = (): PatentLookupService => new PatentLookupService(() => api, { batchWindowMs: 5, store: () => Promise.resolve(store), now });
      const n = 'US11205304B2';
      const first = window();
      await first.lookupOne(n);
      await first.idle();
      const lookedUpAt = clock;

      clock += LIFETIMES.legalStatus - 1;
      ctx.sb.stats.reset();
      const fresh = await window().kept(n);
      assert.deepEqual([fresh?.value?.bibliography.pn, fresh?.storedAt, fresh?.stale], [n, lookedUpAt, false]);

      clock += 1;
      const reloaded = window();
      const stale = await reloaded.kept(n);
      assert.deepEqual([stale?.value?.bibliography.pn, stale?.storedAt, stale?.stale], [n, lookedUpAt, true]);
      assert.equal(reloaded.peek(n), undefined, 'a stale card is not an answer');
      assert.equal(ctx.sb.stats.calls(), 0, 'no call for what is kept, fresh or stale');

      const refreshed = await reloaded.lookupOne(n);
      assert.equal(refreshed?.bibliography.pn, n);
      assert.deepEqual([ctx.sb.stats.calls(BIB), ctx.sb.stats.calls(LEGAL)], [1, 1], 'one batched call asks again');
      await reloaded.idle();
      ctx.sb.stats.reset();
      const again = await window().kept(n);
      assert.deepEqual([again?.storedAt, again?.stale], [clock, false], 'the answer replaced the stale card on disk');
      assert.equal(ctx.sb.stats.calls(), 0);
      assert.equal(await window().kept('EP9999999B1'), undefined, 'nothing kept: nothing to show');
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });

  it('fetches a drawing once and serves it from memory', async () => {
    const withDrawing = ctx.sb.data.patents.find((p) => p.hasDrawing);
    assert.ok(withDrawing);
    assert.equal(lookups.peekImage(withDrawing.pn), undefined);
    const bytes = await lookups.image(withDrawing.pn);
    assert.ok(bytes && bytes.length > 0);
    ctx.sb.stats.reset();
    assert.equal(lookups.peekImage(withDrawing.pn), bytes);
    assert.equal(await lookups.image(withDrawing.pn), bytes);
    assert.equal(ctx.sb.stats.calls(), 0);
  });

  it('remembers that a patent has no drawing', async () => {
    const without = ctx.sb.data.patents.find((p) => !p.hasDrawing);
    if (!without) return; // every sample patent has one: nothing to check
    assert.equal(await lookups.image(without.pn), undefined);
    ctx.sb.stats.reset();
    assert.equal(lookups.peekImage(without.pn), null);
    assert.equal(await lookups.image(without.pn), undefined);
    assert.equal(ctx.sb.stats.calls(IMAGE), 0);
  });
});

describe('PatentLookupService (a storage host that serves a login page)', () => {
  it('refuses a page served as the drawing and does not keep it', async () => {
    const hostile = await startHostile((req, res) => {
      if (req.url?.startsWith('/basic-patent-data/abstract-image')) {
        res.setHeader('Content-Type', 'application/json');
        res.end(envelope([{ pn: 'US11205304B2', patent_id: 'p1', abstract_drawing: { num: '1', path: `${hostile.url}/login?next=drawing.png` } }]));
      } else {
        // A proxy's sign-in page, claiming to be the image.
        res.writeHead(200, { 'Content-Type': 'image/png' });
        res.end('<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action="/login"></form></body></html>');
      }
    });
    try {
      const api = createPatsnapClient({ baseUrl: hostile.url, credentials: KEY_CREDENTIALS });
      const lookups = new PatentLookupService(() => api);
      await assert.rejects(lookups.image('US11205304B2'), (e: unknown) => isPatsnapError(e, 'unexpectedResponse') && e.reason === 'wrongContent' && /not an image: it is an HTML page/.test(e.message));
      assert.equal(lookups.peekImage('US11205304B2'), undefined);
    } finally {
      await hostile.close();
    }
  });
});
