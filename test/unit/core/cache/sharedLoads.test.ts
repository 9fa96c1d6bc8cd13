/** SharedLoads: loads shared while under way, their values kept, and a clear that forgets both (event order, deferred loads). */
import * as assert from 'node:assert/strict';
import { LruCache } from '../../../../src/core/cache/lru';
import { SharedLoads } from '../../../../src/core/cache/sharedLoads';

/** A load the test answers when it says. */
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SharedLoads', () => {
  let loads: SharedLoads<string, string>;
  let started: Array<{ answer: ReturnType<typeof deferred<string>>; current: () => boolean }>;
  const load = (current: () => boolean): Promise<string> => {
    const answer = deferred<string>();
    started.push({ answer, current });
    return answer.promise;
  };

  beforeEach(() => {
    loads = new SharedLoads(new LruCache<string, string>({ max: 10 }));
    started = [];
  });

  it('shares a load under way, and keeps its value for the next ask', async () => {
    const first = loads.get('k', load);
    const second = loads.get('k', load);
    assert.equal(started.length, 1);
    started[0]?.answer.resolve('a');
    assert.deepEqual(await Promise.all([first, second]), ['a', 'a']);
    assert.equal(loads.peek('k'), 'a');
    assert.equal(await loads.get('k', load), 'a');
    assert.equal(started.length, 1);
  });

  it('after a clear, loads again; what the load begun before brings goes to its callers only', async () => {
    const old = loads.get('k', load);
    loads.clear();
    assert.equal(started[0]?.current(), false, 'the old load is told its value will not be kept');
    const fresh = loads.get('k', load);
    assert.equal(started.length, 2, 'not shared after the clear');
    started[1]?.answer.resolve('new');
    assert.equal(await fresh, 'new');
    started[0]?.answer.resolve('old');
    assert.equal(await old, 'old');
    assert.equal(loads.peek('k'), 'new', 'the old value did not replace the new one');
    assert.equal(await loads.get('k', load), 'new');
    assert.equal(started.length, 2);
    assert.equal(started[1]?.current(), true);
  });

  it('keeps nothing of a failed load: the next ask loads again', async () => {
    const failed = loads.get('k', load);
    started[0]?.answer.reject(new Error('refused'));
    await assert.rejects(failed, /refused/);
    assert.equal(loads.peek('k'), undefined);
    const again = loads.get('k', load);
    assert.equal(started.length, 2);
    started[1]?.answer.resolve('b');
    assert.equal(await again, 'b');
  });
});
