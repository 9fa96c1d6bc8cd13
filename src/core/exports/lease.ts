import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';

export interface Lease {
  readonly key: string;
  /** Gives the lease up; a no-op when it was already lost (taken over as stale). */
  release(): Promise<void>;
}

interface Holding {
  token: string;
  heartbeat: ReturnType<typeof setInterval>;
  refs: number;
}

export interface FileLeasesOptions {
  /** A lease whose file was not touched for this long is taken as abandoned (its window closed or crashed). Default 60 s. */
  staleMs?: number;
  /** How often a holder touches its file. Default a third of `staleMs`. */
  heartbeatMs?: number;
}

/**
 * Leases between processes that share a folder: the VS Code windows of one
 * profile share `globalStorageUri` and the task list in globalState, so each would
 * otherwise poll and download the same export. A lease is a file created with `wx`
 * (exactly one creator wins), touched while it is held, and taken over only once
 * it has gone stale, so a window that closed or crashed does not hold a task forever.
 */
export class FileLeases {
  private readonly staleMs: number;
  private readonly heartbeatMs: number;
  /** Lease files this instance holds: token, heartbeat, and how many of its callers share it. */
  private readonly holding = new Map<string, Holding>();
  /** Acquisitions under way, so that a second caller waits for the first instead of racing it. */
  private readonly acquiring = new Map<string, Promise<unknown>>();

  constructor(
    private readonly dir: string,
    options: FileLeasesOptions = {},
  ) {
    this.staleMs = options.staleMs ?? 60_000;
    this.heartbeatMs = options.heartbeatMs ?? Math.max(1, Math.floor(this.staleMs / 3));
  }

  /** How long a lease outlives the window that held it. */
  get staleAfterMs(): number {
    return this.staleMs;
  }

  /**
   * The lease on `key`, or undefined when another holder has it. Within one instance
   * (one window) a held key is shared: each caller gets its own handle and the file
   * goes when the last of them releases.
   */
  async acquire(key: string): Promise<Lease | undefined> {
    const file = this.file(key, 'lease');
    for (;;) {
      const mine = this.holding.get(file);
      if (mine) {
        mine.refs++;
        return this.handle(key, file, mine);
      }
      const under = this.acquiring.get(file);
      if (!under) break;
      await under.catch(() => undefined);
    }
    const work = this.create(file);
    this.acquiring.set(file, work);
    try {
      const holding = await work;
      return holding && this.handle(key, file, holding);
    } finally {
      this.acquiring.delete(file);
    }
  }

  /**
   * Gives up every lease at once, synchronously: for deactivation, which VS Code does
   * not wait on for long, so that a reloaded window picks its tasks up at once rather
   * than after `staleMs`.
   */
  releaseAllSync(): void {
    for (const [file, { token, heartbeat }] of this.holding) {
      clearInterval(heartbeat);
      try {
        if (readFileSync(file, 'utf8') === token) rmSync(file, { force: true });
      } catch {
        // Gone already, or taken over.
      }
    }
    this.holding.clear();
  }

  /**
   * Writes down for the other windows that the work on `key` is done, with `note` (a small
   * JSON value). The task list the windows share (globalState) reaches another window only a
   * while later, so a window that takes a lease just given back reads this first ({@link
   * settled}) rather than its own copy of the list, and does not do the work again.
   */
  async settle(key: string, note: unknown): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const file = this.file(key, 'done');
    const partial = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(partial, JSON.stringify(note));
    await fs.rename(partial, file); // whole or not at all, for a reader in another window
  }

  /** What a window wrote with {@link settle} for `key`, or undefined (none, or unreadable). */
  async settled(key: string): Promise<unknown> {
    try {
      return JSON.parse(await fs.readFile(this.file(key, 'done'), 'utf8')) as unknown;
    } catch {
      return undefined;
    }
  }

  /** Drops what {@link settle} wrote for `key` (the task left the list). */
  async forget(key: string): Promise<void> {
    await fs.rm(this.file(key, 'done'), { force: true });
  }

  private file(key: string, kind: 'lease' | 'done'): string {
    return path.join(this.dir, `${key.replace(/[^\w.-]/g, '_')}.${kind}`);
  }

  private async create(file: string): Promise<Holding | undefined> {
    await fs.mkdir(this.dir, { recursive: true });
    const token = randomBytes(12).toString('hex');
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await fs.writeFile(file, token, { flag: 'wx' });
        const heartbeat = setInterval(() => {
          const now = new Date();
          void fs.utimes(file, now, now).catch(() => undefined);
        }, this.heartbeatMs);
        heartbeat.unref?.();
        const holding: Holding = { token, heartbeat, refs: 1 };
        this.holding.set(file, holding);
        return holding;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      if (!(await this.removeIfStale(file))) return undefined;
    }
    return undefined;
  }

  private handle(key: string, file: string, holding: Holding): Lease {
    let released = false;
    return {
      key,
      release: async () => {
        if (released) return;
        released = true;
        // Given up already (releaseAllSync), or still shared with another caller.
        if (this.holding.get(file) !== holding || --holding.refs > 0) return;
        this.holding.delete(file);
        clearInterval(holding.heartbeat);
        // Only our own file: after a takeover the file belongs to someone else.
        if ((await readToken(file)) === holding.token) await fs.rm(file, { force: true });
      },
    };
  }

  /** True when the file was stale and is gone now (removed by us or by another taker). */
  private async removeIfStale(file: string): Promise<boolean> {
    let stat;
    try {
      stat = await fs.stat(file);
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ENOENT';
    }
    if (Date.now() - stat.mtimeMs < this.staleMs) return false;
    const staleToken = await readToken(file);
    // Re-read just before removing, so a fresh lease another taker created meanwhile survives.
    if (staleToken !== undefined && (await readToken(file)) === staleToken) await fs.rm(file, { force: true });
    return true;
  }
}

async function readToken(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}
