/**
 * How a running sandbox is found without guessing ports: `patent-lookup sandbox`
 * (and `npm run sandbox`, the demo, the test runners) writes a small file with its
 * URL and pid into a per-user folder when it listens, and removes it when it stops.
 * "Use Local Sandbox…" reads the folder; a file whose process is gone (a sandbox that
 * was killed) is ignored, and swept by the next sandbox that starts.
 *
 * The folder: `$PATENT_LOOKUP_SANDBOX_DIR` when set (the test runners give the sandbox
 * and code-server one of their own), else `$XDG_RUNTIME_DIR/patent-lookup/sandboxes`
 * (or `$XDG_CACHE_HOME`, `~/.cache`) on Linux, `~/Library/Caches/patent-lookup/sandboxes`
 * on macOS, `%LOCALAPPDATA%\patent-lookup\sandboxes` on Windows. Only this user can
 * write there; even so a file is believed only for a loopback `http` URL.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const SANDBOX_DIR_ENV = 'PATENT_LOOKUP_SANDBOX_DIR';

export interface SandboxAnnouncement {
  /** e.g. http://127.0.0.1:43123 (no trailing slash) */
  url: string;
  pid: number;
  /** Epoch ms. */
  startedAt: number;
}

const PREFIX = 'sandbox-';
const SUFFIX = '.json';
/** An announcement is a few dozen bytes: anything larger is not one. */
const MAX_BYTES = 4096;
const LOOPBACK_URL = /^http:\/\/(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\]):\d{1,5}$/;

export function announcementFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  const own = env[SANDBOX_DIR_ENV]?.trim();
  if (own) return path.resolve(own);
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  if (platform === 'win32') return join(env.LOCALAPPDATA?.trim() || join(home, 'AppData', 'Local'), 'patent-lookup', 'sandboxes');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'patent-lookup', 'sandboxes');
  const base = env.XDG_RUNTIME_DIR?.trim() || env.XDG_CACHE_HOME?.trim() || join(home, '.cache');
  return join(base, 'patent-lookup', 'sandboxes');
}

/** Whether process `pid` exists (one of another user counts: it exists). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The announcement in `text`, or undefined when it is not a believable one. */
export function parseAnnouncement(text: string): SandboxAnnouncement | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { url, pid, startedAt } = value as Record<string, unknown>;
  if (typeof url !== 'string' || !LOOPBACK_URL.test(url)) return undefined;
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return undefined;
  if (typeof startedAt !== 'number' || !Number.isFinite(startedAt)) return undefined;
  return { url, pid, startedAt };
}

export interface AnnounceOptions {
  folder?: string;
  pid?: number;
  now?: () => number;
  isAlive?: (pid: number) => boolean;
}

/**
 * Announces the sandbox at `url` (written whole: a temp file renamed into place) and
 * sweeps announcements of sandboxes that are gone. `remove()` takes it back; it also
 * runs when the process exits. A folder that cannot be written only means the
 * sandbox is not found: `problem` then says why.
 */
export function announceSandbox(url: string, options: AnnounceOptions = {}): { file: string; remove(): void; problem?: string } {
  const folder = options.folder ?? announcementFolder();
  const pid = options.pid ?? process.pid;
  const file = path.join(folder, `${PREFIX}${pid}${SUFFIX}`);
  const announcement: SandboxAnnouncement = { url: url.replace(/\/+$/, ''), pid, startedAt: (options.now ?? Date.now)() };
  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    process.off('exit', remove);
    fs.rmSync(file, { force: true });
  };
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    sweepStale(folder, options.isAlive ?? processExists);
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify(announcement)}\n`, { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch (e) {
    removed = true;
    return { file, remove, problem: (e as Error).message };
  }
  process.on('exit', remove);
  return { file, remove };
}

/** The sandboxes running now, most recently started first. */
export async function findSandboxes(options: { folder?: string; isAlive?: (pid: number) => boolean } = {}): Promise<SandboxAnnouncement[]> {
  const folder = options.folder ?? announcementFolder();
  const isAlive = options.isAlive ?? processExists;
  let names: string[];
  try {
    names = await fs.promises.readdir(folder);
  } catch {
    return [];
  }
  const found = await Promise.all(names.filter(isAnnouncementName).map((name) => readAnnouncement(path.join(folder, name))));
  return found.filter((a): a is SandboxAnnouncement => a !== undefined && isAlive(a.pid)).sort((a, b) => b.startedAt - a.startedAt);
}

function isAnnouncementName(name: string): boolean {
  return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
}

async function readAnnouncement(file: string): Promise<SandboxAnnouncement | undefined> {
  try {
    const handle = await fs.promises.open(file, 'r');
    try {
      const buffer = Buffer.alloc(MAX_BYTES + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return bytesRead > MAX_BYTES ? undefined : parseAnnouncement(buffer.subarray(0, bytesRead).toString('utf8'));
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

function sweepStale(folder: string, isAlive: (pid: number) => boolean): void {
  for (const name of fs.readdirSync(folder)) {
    if (!isAnnouncementName(name)) continue;
    const file = path.join(folder, name);
    try {
      const announcement = fs.statSync(file).size <= MAX_BYTES ? parseAnnouncement(fs.readFileSync(file, 'utf8')) : undefined;
      if (!announcement || !isAlive(announcement.pid)) fs.rmSync(file, { force: true });
    } catch {
      // another sandbox removed it meanwhile
    }
  }
}
