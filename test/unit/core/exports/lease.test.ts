import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { FileLeases } from '../../../../src/core/exports/lease';
import { useScratchDir } from '../../scratchDir';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('FileLeases (one task followed by one window)', () => {
  const dir = useScratchDir('patent-lease-');

  it('gives a key to one holder at a time, and to the next once released', async () => {
    const windowA = new FileLeases(dir.path);
    const windowB = new FileLeases(dir.path);
    const a = await windowA.acquire('task-1');
    assert.ok(a);
    assert.equal(await windowB.acquire('task-1'), undefined);
    assert.ok(await windowB.acquire('task-2'), 'other keys are free');
    await a.release();
    assert.ok(await windowB.acquire('task-1'));
  });

  it('shares a key among the callers of one window, also while it is being acquired, until the last releases', async () => {
    const window = new FileLeases(dir.path);
    const other = new FileLeases(dir.path);
    // Both asked before either acquisition finished: a window's old and new follower of a task across a reload.
    const [first, second] = await Promise.all([window.acquire('task'), window.acquire('task')]);
    assert.ok(first && second);
    await first.release();
    await first.release();
    assert.equal(await other.acquire('task'), undefined, 'still held by the second caller');
    await second.release();
    assert.ok(await other.acquire('task'));
  });

  it('lets exactly one of many concurrent takers win', async () => {
    const takers = Array.from({ length: 8 }, () => new FileLeases(dir.path));
    const leases = await Promise.all(takers.map((t) => t.acquire('task')));
    assert.equal(leases.filter(Boolean).length, 1);
  });

  it('takes over a lease its holder stopped touching, and the old holder cannot release the new one', async () => {
    const crashed = new FileLeases(dir.path, { staleMs: 100, heartbeatMs: 60_000 });
    const old = await crashed.acquire('task');
    assert.ok(old);
    assert.equal(await new FileLeases(dir.path, { staleMs: 100 }).acquire('task'), undefined, 'still fresh');
    await sleep(150);
    const taker = await new FileLeases(dir.path, { staleMs: 100, heartbeatMs: 20 }).acquire('task');
    assert.ok(taker, 'stale after 100 ms');
    await old.release();
    assert.equal(await new FileLeases(dir.path, { staleMs: 100 }).acquire('task'), undefined, 'the taker still holds it');
    await taker.release();
  });

  it('keeps a held lease fresh while its holder lives', async () => {
    const holder = await new FileLeases(dir.path, { staleMs: 120, heartbeatMs: 20 }).acquire('task');
    assert.ok(holder);
    await sleep(300);
    assert.equal(await new FileLeases(dir.path, { staleMs: 120 }).acquire('task'), undefined);
    await holder.release();
  });

  it('gives up everything at once when its window closes', async () => {
    const closing = new FileLeases(dir.path);
    assert.ok(await closing.acquire('task-1'));
    assert.ok(await closing.acquire('task-2'));
    closing.releaseAllSync();
    const next = new FileLeases(dir.path);
    assert.ok(await next.acquire('task-1'));
    assert.ok(await next.acquire('task-2'));
  });

  it('keeps any task id inside its folder', async () => {
    const lease = await new FileLeases(dir.path).acquire('../../etc/passwd');
    assert.ok(lease);
    assert.deepEqual(await fs.readdir(dir.path), ['.._.._etc_passwd.lease']);
    await lease.release();
    assert.deepEqual(await fs.readdir(dir.path), []);
  });
});
