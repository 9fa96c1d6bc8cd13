import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The hidden temp files a save writes before it moves into place:
 * `.NAME.PID-HOST.RANDOM.part`, in the destination's folder so the rename stays on
 * one file system. A process killed mid-download (kill -9, a closed window, a
 * crash) cannot remove its own; the next save of the same destination sweeps them.
 * Whose a file is decides: one of a process on this machine that is no longer
 * running is litter at once; any other (another machine's on a shared folder, a
 * process id the system has since reused, an older version's `.NAME.RANDOM.part`)
 * once nothing has written to it for a day, far longer than a live download can go
 * without a byte (the stall limit is minutes).
 */

export const STALE_TEMP_AFTER_MS = 24 * 60 * 60 * 1000;

let hostTag: string | undefined;

/** Six hex digits that tell this machine's temp files from another's in a shared folder. */
function thisHost(): string {
  return (hostTag ??= createHash('sha256').update(os.hostname()).digest('hex').slice(0, 6));
}

export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${thisHost()}.${randomBytes(6).toString('hex')}.part`);
}

export interface SweepOptions {
  /** Epoch ms; default Date.now(). */
  now?: number;
  /** Whether a process of this machine is running; default: signal 0. */
  isRunning?: (pid: number) => boolean;
}

/**
 * Removes the stale temp files of `target` (see above) and resolves to their names.
 * Best effort: a save never fails because litter could not be swept.
 */
export async function sweepStaleTemps(target: string, options: SweepOptions = {}): Promise<string[]> {
  const { now = Date.now(), isRunning = processIsRunning } = options;
  const folder = path.dirname(target);
  const ours = new RegExp(`^\\.${escapeRegExp(path.basename(target))}\\.(?:(\\d+)-([0-9a-f]{6})\\.)?[0-9a-f]{12}\\.part$`);
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const swept: string[] = [];
  for (const name of names) {
    const m = ours.exec(name);
    if (!m) continue;
    const pid = m[1] === undefined ? undefined : Number(m[1]);
    const file = path.join(folder, name);
    let stale = pid !== undefined && m[2] === thisHost() && pid !== process.pid && !isRunning(pid);
    if (!stale) {
      const stat = await fs.lstat(file).catch(() => undefined);
      stale = stat !== undefined && stat.isFile() && now - stat.mtimeMs > STALE_TEMP_AFTER_MS;
    }
    if (stale && (await fs.rm(file, { force: true }).then(() => true, () => false))) swept.push(name);
  }
  return swept;
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return typeof e === 'object' && e !== null && 'code' in e && e.code === 'EPERM';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
