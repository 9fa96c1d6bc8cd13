import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileSink } from '../../../../src/core/exports/fileSink';
import { useScratchDir } from '../../scratchDir';

const KB = 1024;

/** A real file handle with some of its calls counted or replaced. */
function instrument(handle: FileHandle, overrides: Partial<Pick<FileHandle, 'writev' | 'datasync'>> = {}) {
  const calls = { writev: 0, datasync: 0, sync: 0, close: 0 };
  const wrapped = {
    writev: (buffers: NodeJS.ArrayBufferView[], position?: number) => {
      calls.writev++;
      return (overrides.writev ?? handle.writev.bind(handle))(buffers, position);
    },
    datasync: () => {
      calls.datasync++;
      return (overrides.datasync ?? handle.datasync.bind(handle))();
    },
    sync: () => {
      calls.sync++;
      return handle.sync();
    },
    close: () => {
      calls.close++;
      return handle.close();
    },
  };
  return { handle: wrapped as unknown as FileHandle, calls };
}

function chunksOf(data: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) out.push(data.subarray(i, i + size));
  return out;
}

describe('FileSink', () => {
  const scratch = useScratchDir('patent-sink-');
  let file: string;
  beforeEach(() => {
    file = path.join(scratch.path, 'out.bin');
  });

  it('writes every chunk in order, reports the bytes written and closes the file', async () => {
    const data = randomBytes(3 * 1024 * KB + 123);
    const { handle, calls } = instrument(await fs.open(file, 'w'));
    const seen: number[] = [];
    const sink = new FileSink(handle, { highWaterMark: 256 * KB, onWritten: (n) => seen.push(n) });
    // Uneven chunks, as a socket delivers them.
    await pipeline(Readable.from(chunksOf(data, 40 * KB + 7)), sink);
    assert.deepEqual(await fs.readFile(file), data);
    assert.equal(sink.bytesWritten, data.length);
    assert.equal(seen.at(-1), data.length);
    assert.ok(seen.every((n, i) => i === 0 || n > (seen[i - 1] as number)), 'progress only grows');
    assert.equal(calls.sync, 1, 'one fsync before finishing');
    assert.equal(calls.close, 1);
  });

  it('syncs in the background as it goes, one sync at a time, so the final fsync has little left', async () => {
    // Each datasync runs only when the test releases it, so what is counted follows the order of events, not the disk's speed.
    const syncs: Array<{ release: () => void; done: Promise<void> }> = [];
    const real = await fs.open(file, 'w');
    const datasync = (): Promise<void> => {
      let release = (): void => undefined;
      const done = new Promise<void>((resolve) => (release = resolve)).then(() => real.datasync());
      syncs.push({ release, done });
      return done;
    };
    const finishSync = async (i: number): Promise<void> => {
      const sync = syncs[i] as { release: () => void; done: Promise<void> };
      sync.release();
      await sync.done;
      await new Promise<void>((resolve) => setImmediate(resolve)); // the sink's own handlers of that promise have run
    };
    const { handle, calls } = instrument(real, { datasync });
    const sink = new FileSink(handle, { syncEveryBytes: 512 * KB });
    const data = randomBytes(4 * 1024 * KB);
    const chunks = chunksOf(data, 64 * KB);
    const write = (chunk: Buffer): Promise<void> => new Promise((resolve, reject) => sink.write(chunk, (e) => (e ? reject(e) : resolve())));

    for (const chunk of chunks.slice(0, 7)) await write(chunk);
    assert.equal(calls.datasync, 0, 'nothing synced before 512 KB');
    await write(chunks[7] as Buffer);
    assert.equal(calls.datasync, 1, 'a sync starts at 512 KB');
    // While it runs, 1 MB more is written and no second sync starts.
    for (const chunk of chunks.slice(8, 24)) await write(chunk);
    assert.equal(calls.datasync, 1, 'one sync at a time');
    await finishSync(0);
    // The first sync covered 512 KB; 1 MB is unsynced, so the next write starts another.
    await write(chunks[24] as Buffer);
    assert.equal(calls.datasync, 2);
    for (const chunk of chunks.slice(25)) await write(chunk);
    assert.equal(calls.datasync, 2, 'the second sync is still running');

    // Finishing waits for the running sync before its own fsync.
    const finished = new Promise<void>((resolve, reject) => {
      sink.once('finish', resolve);
      sink.once('error', reject);
    });
    sink.end();
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.equal(calls.sync, 0, 'no fsync while a datasync runs');
    await finishSync(1);
    await finished;
    assert.equal(calls.sync, 1);
    assert.equal(calls.datasync, 2);
    await new Promise((resolve) => (sink.closed ? resolve(undefined) : sink.once('close', resolve)));
    assert.deepEqual(await fs.readFile(file), data);
  });

  it('does not sync before the first threshold', async () => {
    const { handle, calls } = instrument(await fs.open(file, 'w'));
    await pipeline(Readable.from([randomBytes(100 * KB)]), new FileSink(handle, { syncEveryBytes: 1024 * KB }));
    assert.equal(calls.datasync, 0);
    assert.equal(calls.sync, 1);
  });

  it('carries on after a short write, where the system took fewer bytes than asked', async () => {
    const data = randomBytes(1024 * KB);
    const real = await fs.open(file, 'w');
    // Take at most 10,000 bytes of the first buffer per call, as a filling disk or IOV_MAX would.
    const { handle, calls } = instrument(real, {
      writev: async (buffers, position) => {
        const first = buffers[0] as Buffer;
        const { bytesWritten } = await real.write(first, 0, Math.min(first.length, 10_000), position);
        return { bytesWritten, buffers };
      },
    });
    await pipeline(Readable.from(chunksOf(data, 64 * KB)), new FileSink(handle));
    assert.deepEqual(await fs.readFile(file), data);
    assert.ok(calls.writev >= Math.ceil(data.length / 10_000), `writev called ${calls.writev} times`);
  });

  it('fails the download when a background sync fails, and still closes the file', async () => {
    const failure = Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    const { handle, calls } = instrument(await fs.open(file, 'w'), { datasync: () => Promise.reject(failure) });
    const sink = new FileSink(handle, { highWaterMark: 64 * KB, syncEveryBytes: 128 * KB });
    await assert.rejects(pipeline(Readable.from(chunksOf(randomBytes(2 * 1024 * KB), 64 * KB)), sink), (e: unknown) => e === failure);
    assert.equal(calls.datasync, 1, 'no further syncs after the failure');
    assert.equal(calls.close, 1);
  });

  it('closes the file when destroyed mid-way, without a final fsync', async () => {
    const { handle, calls } = instrument(await fs.open(file, 'w'));
    let wrote = (): void => undefined;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const sink = new FileSink(handle, { onWritten: () => wrote() });
    const source = new Readable({ read() {} });
    source.push(randomBytes(64 * KB));
    const done = pipeline(source, sink);
    await written; // mid-way: bytes are in the file, the source is still open
    source.destroy(new Error('socket hang up'));
    await assert.rejects(done, /socket hang up/);
    await new Promise((resolve) => (sink.closed ? resolve(undefined) : sink.once('close', resolve)));
    assert.equal(calls.close, 1);
    assert.equal(calls.sync, 0);
  });
});
