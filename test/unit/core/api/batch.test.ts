import * as assert from 'node:assert/strict';
import { ENDPOINTS } from '../../../../src/core/api/client';
import { planRefs, withoutKind } from '../../../../src/core/api/batch';
import { isPartialBatchError, PartialBatchError } from '../../../../src/core/api/errors';
import type { Bibliography } from '../../../../src/core/api/types';
import { client, KEY_CREDENTIALS, rejectsWith, useSandbox } from './helpers';

const BIB = ENDPOINTS.bibliography;

describe('batching of the batch endpoints', () => {
  const ctx = useSandbox();
  const pns = (): string[] => ctx.sb.data.patents.map((p) => p.pn);

  for (const n of [1, 100, 101, 250]) {
    it(`${n} numbers: ${Math.ceil(n / 100)} call(s), answers in input order`, async () => {
      const api = client(ctx.sb, { credentials: KEY_CREDENTIALS, maxConcurrentBatches: 3 });
      // Reversed, so input order differs from the sample's order.
      const numbers = pns().slice(0, n).reverse();
      const result = await api.bibliography({ numbers });
      assert.deepEqual(result.map((b) => b.pn), numbers);
      assert.equal(ctx.sb.stats.calls(BIB), Math.ceil(n / 100));
      assert.equal(api.callCounts.get(BIB), Math.ceil(n / 100));
    });
  }

  it('ids and numbers go in separate calls; a patent named both ways appears once, as the id', async () => {
    const api = client(ctx.sb);
    const [a, b, c] = ctx.sb.data.patents;
    assert.ok(a && b && c);
    const result = await api.legalStatus({ patentIds: [c.patentId, a.patentId], numbers: [b.pn, a.pn] });
    assert.deepEqual(result.map((r) => r.pn), [c.pn, a.pn, b.pn]);
    assert.equal(ctx.sb.stats.calls(ENDPOINTS.legalStatus), 2);
  });

  it('duplicates are sent once; patents not found are simply absent', async () => {
    const api = client(ctx.sb);
    const result = await api.abstractImages({ numbers: ['US11205304B2', ' us11205304b2 ', 'US99999999B1', 'US7123456B2', 'US11205304B2'] });
    assert.deepEqual(result.map((r) => r.pn), ['US11205304B2', 'US7123456B2']);
  });

  it('a number without kind code matches the answer that has one', async () => {
    const api = client(ctx.sb);
    const result = await api.bibliography({ numbers: ['EP2458380B1', 'US7123456', 'US11205304B2'] });
    assert.deepEqual(result.map((r) => r.pn), ['EP2458380B1', 'US7123456B2', 'US11205304B2']);
  });

  it('empty input answers [] without a call', async () => {
    const api = client(ctx.sb);
    assert.deepEqual(await api.bibliography({}), []);
    assert.deepEqual(await api.pdfs({ numbers: [], patentIds: ['  '] }), []);
    assert.equal(ctx.sb.stats.calls(), 0);
  });

  it('a ref with a comma is refused before any call', async () => {
    const api = client(ctx.sb);
    await rejectsWith(api.legalStatus({ numbers: ['US11205304B2,US7123456B2'] }), 'invalidParameter', /own list item/);
    assert.equal(ctx.sb.stats.calls(), 0);
  });

  it('a failure that would fail every batch stops the rest; with none done it is that failure', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS, maxConcurrentBatches: 1 });
    ctx.sb.faults.add({ path: BIB, errorCode: 67200005 });
    const e = await rejectsWith(api.bibliography({ numbers: pns().slice(0, 250) }), 'quota');
    assert.ok(!isPartialBatchError(e));
    assert.equal(ctx.sb.stats.calls(BIB), 1, 'no further batch after the failure');
  });

  async function partial(promise: Promise<Bibliography[]>): Promise<PartialBatchError<Bibliography>> {
    const e = await promise.then(
      () => assert.fail('expected a partial result'),
      (x: unknown) => x,
    );
    assert.ok(e instanceof PartialBatchError, String(e));
    return e as PartialBatchError<Bibliography>;
  }

  it('completed batches are kept: the quota running out in batch 2 of 3 returns batch 1 and names the rest missing', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS, maxConcurrentBatches: 1 });
    const numbers = pns().slice(0, 250);
    ctx.sb.faults.add({ path: BIB, errorCode: 67200005, skip: 1 });
    const e = await partial(api.bibliography({ numbers }));
    assert.equal(e.kind, 'quota');
    assert.equal(e.code, 67200005);
    assert.equal(e.failure.kind, 'quota');
    assert.deepEqual(e.results.map((b) => b.pn), numbers.slice(0, 100));
    assert.deepEqual(e.missing, { patentIds: [], numbers: numbers.slice(100) });
    assert.match(e.message, /150 of 250 patents could not be looked up/);
    assert.equal(ctx.sb.stats.calls(BIB), 2, 'the quota stops the third batch');
  });

  it('a batch whose answer is unreadable does not stop the others', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS, maxConcurrentBatches: 1 });
    const numbers = pns().slice(0, 250);
    ctx.sb.faults.add({ path: BIB, malformed: true, skip: 1 });
    const e = await partial(api.bibliography({ numbers }));
    assert.equal(e.kind, 'unexpectedResponse');
    assert.deepEqual(e.results.map((b) => b.pn), [...numbers.slice(0, 100), ...numbers.slice(200)]);
    assert.deepEqual(e.missing.numbers, numbers.slice(100, 200));
    assert.equal(ctx.sb.stats.calls(BIB), 3);
  });

  it('batches in flight when one fails finish, and their answers are kept', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS, maxConcurrentBatches: 3 });
    const numbers = pns().slice(0, 300);
    // The first call to arrive fails at once; the two others are slower, and were already sent.
    ctx.sb.faults.add({ path: BIB, errorCode: 67200004 });
    ctx.sb.faults.add({ path: BIB, delayMs: 50, times: 2 });
    const e = await partial(api.bibliography({ numbers }));
    assert.equal(e.kind, 'quota');
    assert.equal(e.results.length, 200);
    assert.equal(e.missing.numbers.length, 100);
    assert.equal(ctx.sb.stats.calls(BIB), 3);
  });

  it('a batch that fails transiently is retried on its own', async () => {
    const api = client(ctx.sb, { credentials: KEY_CREDENTIALS, maxConcurrentBatches: 1 });
    ctx.sb.faults.add({ path: BIB, errorCode: 67200100 });
    const result = await api.bibliography({ numbers: pns().slice(0, 250) });
    assert.equal(result.length, 250);
    assert.equal(ctx.sb.stats.calls(BIB), 4);
  });

  it('plans: trims, dedupes, keeps order; withoutKind strips the kind code only', () => {
    assert.deepEqual(planRefs({ patentIds: [' a ', 'A', 'b'], numbers: ['US1B2', 'us 1b2', 'EP2'] }), { ids: ['a', 'b'], numbers: ['US1B2', 'EP2'] });
    assert.equal(withoutKind('US11205304B2'), 'US11205304');
    assert.equal(withoutKind('USD912345S'), 'USD912345');
    assert.equal(withoutKind('US7123456'), 'US7123456');
  });
});
