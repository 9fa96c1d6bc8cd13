import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';

export interface FileSinkOptions {
  /** Bytes buffered before the writer is asked to wait; all of them go to the file in one writev. */
  highWaterMark?: number;
  /** Start a background fdatasync after this many bytes; default 32 MB. */
  syncEveryBytes?: number;
  /** Called after each write with the bytes written so far. */
  onWritten?: (bytes: number) => void;
}

const DEFAULT_HIGH_WATER_MARK = 2 * 1024 * 1024;
const DEFAULT_SYNC_EVERY = 32 * 1024 * 1024;

/**
 * The end of a download: writes to an open file at increasing positions, everything
 * buffered since the last write in one writev, and keeps the data moving to disk as
 * it goes. Every `syncEveryBytes` it starts an fdatasync that runs (in libuv's pool)
 * while the next chunks arrive, so the fsync that `final` needs for durability has
 * little left to flush, and a large download does not leave hundreds of MB of dirty
 * pages for the end. The sink owns the handle and closes it when it is destroyed,
 * finished or not.
 */
export class FileSink extends Writable {
  private position = 0;
  private syncedUpTo = 0;
  private syncing: Promise<void> | undefined;
  private syncError: unknown;
  private readonly syncEvery: number;
  private readonly onWritten: ((bytes: number) => void) | undefined;

  constructor(
    private readonly handle: FileHandle,
    options: FileSinkOptions = {},
  ) {
    super({ highWaterMark: options.highWaterMark ?? DEFAULT_HIGH_WATER_MARK });
    this.syncEvery = options.syncEveryBytes ?? DEFAULT_SYNC_EVERY;
    this.onWritten = options.onWritten;
  }

  /** Bytes written to the file so far. */
  get bytesWritten(): number {
    return this.position;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.writeAll([chunk]).then(() => callback(), callback);
  }

  override _writev(chunks: Array<{ chunk: Buffer }>, callback: (error?: Error | null) => void): void {
    this.writeAll(chunks.map((c) => c.chunk)).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    (async () => {
      await this.syncing;
      this.throwSyncError();
      await this.handle.sync();
    })().then(() => callback(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    (async () => {
      await this.syncing;
      await this.handle.close();
    })().then(
      () => callback(error),
      (closeError: unknown) => callback(error ?? (closeError as Error)),
    );
  }

  private async writeAll(buffers: Buffer[]): Promise<void> {
    this.throwSyncError();
    let pending = buffers;
    // writev may write less than asked (more buffers than the system takes at once, a disk filling up).
    while (pending.length > 0) {
      const { bytesWritten } = await this.handle.writev(pending, this.position);
      this.position += bytesWritten;
      pending = dropBytes(pending, bytesWritten);
    }
    this.onWritten?.(this.position);
    if (!this.syncing && this.position - this.syncedUpTo >= this.syncEvery) this.startSync();
  }

  private startSync(): void {
    const upTo = this.position;
    this.syncing = this.handle
      .datasync()
      .then(
        () => {
          this.syncedUpTo = upTo;
        },
        (e: unknown) => {
          this.syncError ??= e;
        },
      )
      .finally(() => {
        this.syncing = undefined;
      });
  }

  private throwSyncError(): void {
    if (this.syncError !== undefined) throw this.syncError;
  }
}

/** The buffers left after the first `count` bytes, without copying. */
function dropBytes(buffers: Buffer[], count: number): Buffer[] {
  if (count === 0 && buffers.some((b) => b.length > 0)) throw new Error('The file took no bytes.');
  let left = count;
  let i = 0;
  while (i < buffers.length && left >= (buffers[i] as Buffer).length) left -= (buffers[i++] as Buffer).length;
  const rest = buffers.slice(i);
  if (left > 0 && rest[0]) rest[0] = rest[0].subarray(left);
  return rest;
}
