import * as assert from 'node:assert/strict';
import { LruCache } from '../../../../src/core/cache/lru';

describe('LruCache: the in-memory caches', () => {
  let clock: number;
  const now = (): number => clock;
  beforeEach(() => {
    clock = 1000;
  });

  it('evicts the least recently used entry beyond max, a read counting as a use', () => {
    const c = new LruCache<string, number>({ max: 2 });
    c.set('a', 1).set('b', 2);
    assert.equal(c.get('a'), 1);
    c.set('c', 3);
    assert.deepEqual([c.get('a'), c.get('b'), c.get('c')], [1, undefined, 3]);
    assert.equal(c.size, 2);
  });

  it('has() is not a use, and set() of a key already there replaces it as the newest', () => {
    const c = new LruCache<string, number>({ max: 2 });
    c.set('a', 1).set('b', 2);
    assert.equal(c.has('a'), true);
    c.set('c', 3);
    assert.equal(c.has('a'), false);
    c.set('b', 20).set('d', 4);
    assert.deepEqual([c.get('b'), c.get('c'), c.get('d')], [20, undefined, 4]);
  });

  it('keeps the total size within maxSize, evicting the oldest, and refuses an entry larger than all of it', () => {
    const c = new LruCache<string, Buffer>({ maxSize: 10, sizeOf: (b) => Math.max(1, b.length) });
    c.set('a', Buffer.alloc(4)).set('b', Buffer.alloc(4));
    c.set('c', Buffer.alloc(4));
    assert.deepEqual([c.has('a'), c.has('b'), c.has('c')], [false, true, true]);
    c.set('b', Buffer.alloc(11));
    assert.deepEqual([c.has('b'), c.has('c')], [false, true]);
    c.set('d', Buffer.alloc(6));
    assert.deepEqual([c.has('c'), c.has('d')], [true, true]);
  });

  it('reads an entry as absent once its ttl has passed since it was set, and a new set starts it again', () => {
    const c = new LruCache<string, number>({ max: 10, ttlMs: 100, now });
    c.set('a', 1);
    clock += 99;
    assert.equal(c.get('a'), 1);
    clock += 1;
    assert.equal(c.has('a'), false);
    assert.equal(c.get('a'), undefined);
    c.set('a', 2);
    clock += 50;
    assert.equal(c.get('a'), 2);
    assert.equal(c.size, 1);
  });

  it('delete and clear free their size for new entries', () => {
    const c = new LruCache<string, string>({ maxSize: 4, sizeOf: (s) => s.length });
    c.set('a', 'xx').set('b', 'yy');
    assert.equal(c.delete('a'), true);
    assert.equal(c.delete('a'), false);
    c.set('c', 'zz');
    assert.deepEqual([c.has('b'), c.has('c')], [true, true]);
    c.clear();
    assert.equal(c.size, 0);
    c.set('d', 'wwww');
    assert.equal(c.get('d'), 'wwww');
  });

  it('needs a bound', () => {
    assert.throws(() => new LruCache({}), /max or maxSize/);
  });
});
