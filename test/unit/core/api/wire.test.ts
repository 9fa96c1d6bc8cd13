import * as assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { readLimited, StallWatchdog, Stalled, TooLarge } from '../../../../src/core/api/wire';
import { FakeClock, flush } from './fakeClock';

describe('wire: the stall watchdog (fake clock)', () => {
  function watched(clock: FakeClock): { source: PassThrough; dog: StallWatchdog; errors: unknown[] } {
    const source = new PassThrough();
    const dog = new StallWatchdog(1000, undefined, clock);
    const errors: unknown[] = [];
    dog.on('error', (e) => errors.push(e));
    source.pipe(dog);
    return { source, dog, errors };
  }

  it('fails a stream whose reader waits longer than the limit for the next bytes', async () => {
    const clock = new FakeClock();
    const { source, dog, errors } = watched(clock);
    const got: Buffer[] = [];
    dog.on('data', (c: Buffer) => got.push(c));
    source.write('a');
    await clock.advance(900);
    source.write('b'); // in time: the timer starts again
    await clock.advance(900);
    assert.deepEqual([Buffer.concat(got).toString(), errors.length], ['ab', 0]);
    await clock.advance(200);
    assert.equal(errors.length, 1);
    assert.ok(errors[0] instanceof Stalled);
    assert.ok(dog.destroyed);
  });

  it('does not count the time a slow reader leaves what already came unread', async () => {
    const clock = new FakeClock();
    const { source, dog, errors } = watched(clock);
    // More than the buffers hold, and nobody reading: the source is not stalled, the reader is slow.
    for (let i = 0; i < 8; i++) source.write(Buffer.alloc(16 * 1024));
    source.end();
    await clock.advance(10_000);
    assert.equal(errors.length, 0);
    let total = 0;
    for await (const c of dog) total += (c as Buffer).length;
    assert.equal(total, 8 * 16 * 1024);
    assert.equal(errors.length, 0);
    assert.equal(clock.pending, 0, 'no timer left behind');
  });
});

describe('wire: readLimited', () => {
  it('reads a body whole', async () => {
    const body = await readLimited(Readable.from([Buffer.from('ab'), Buffer.from('c')]), 3, new AbortController().signal);
    assert.equal(body.toString(), 'abc');
  });

  it('refuses a body past the cap and stops reading it', async () => {
    const source = new PassThrough();
    const read = readLimited(source, 4, new AbortController().signal);
    source.write('abc');
    source.write('de');
    await assert.rejects(read, (e: unknown) => e instanceof TooLarge && e.maxBytes === 4);
    assert.ok(source.destroyed);
  });

  it('stops at once when its signal aborts, and when the stream closes short', async () => {
    const ac = new AbortController();
    const source = new PassThrough();
    const read = readLimited(source, 100, ac.signal);
    source.write('abc');
    await flush();
    ac.abort();
    await assert.rejects(read, /aborted/);
    assert.ok(source.destroyed);
    const short = new PassThrough();
    const cut = readLimited(short, 100, new AbortController().signal);
    short.write('x');
    short.destroy();
    await assert.rejects(cut, (e: unknown) => (e as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE');
  });
});
