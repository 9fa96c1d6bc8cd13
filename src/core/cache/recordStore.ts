/**
 * A lookup cache on disk, in a folder the extension gives it (its global storage),
 * so a reopened panel and a repeated hover cost no call after a reload. One file
 * per entry: a JSON header line (key, expiry, body size) and the body. Writes go to
 * a temp file renamed into place, so two windows writing the same entry leave one
 * whole entry, never a mix; a file that is truncated, garbled or not what it claims
 * reads as a miss and is removed. The folder is kept under a size bound by evicting
 * the least recently used entries. An entry past its lifetime reads as a miss, but
 * stays (until a sweep removes it) for `getEntry`, which hands it out marked stale:
 * a restored panel shows it at once while it is looked up again. No `vscode` import:
 * the extension passes a path.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type * as z from 'zod/mini';
import type { Kept } from './kept';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * How long each kind of answer is kept. Signed links carry their own clock: an image
 * link lives about 9 hours (some say 1), so drawings are kept as bytes, never links;
 * a PDF link lives 10 days from when it was issued, kept 9 so it is never used in its
 * last hours. The rest is judged by how often PatSnap's data changes:
 */
export const LIFETIMES = {
  /** Titles, parties, dates: fixed at publication; assignments show within a week. */
  bibliography: 7 * DAY,
  /** Simple and detailed status (P041, P013) and legal events (P026): offices publish weekly and fees fall due any day, so a day. */
  legalStatus: DAY,
  legalEvents: DAY,
  /** Families grow when a member publishes (weekly gazettes). */
  family: 7 * DAY,
  /** What a patent cites is fixed once published. */
  citations: 30 * DAY,
  /** What cites it grows as later patents publish. */
  citedBy: 7 * DAY,
  /** Claims are fixed per publication (an amended text is a new kind code). */
  claims: 30 * DAY,
  /** An application gains publications (its grant): a week. */
  resolution: 7 * DAY,
  /** A number unknown today may be published tomorrow. */
  notFound: DAY,
  /** Drawing bytes never change. */
  image: 30 * DAY,
  /** The signed link, 10 days from issue, less a day of margin. */
  pdfLink: 9 * DAY,
  /** What a file wrapper lists (P048): it grows when the office sends or receives a paper, so a day. */
  examDocuments: DAY,
  /** Its signed links, when they do not say when they expire (the contract gives no lifetime): less than the sandbox's hour. */
  examDocumentLink: 50 * 60_000,
} as const;

export interface RecordStoreOptions {
  /** Where the entries live; created when missing. */
  folder: string;
  /** Bound on the bytes on disk; default 64 MB. */
  maxBytes?: number;
  /** Clock in epoch ms; default Date.now. Tests move it. */
  now?: () => number;
  /** Debug lines (never keys' contents beyond their namespace). */
  log?: (message: string) => void;
}

/** An entry as kept, fresh or past its lifetime (`stale`), with when it was stored and when it expires. */
export interface StoredEntry<T> extends Kept<T> {
  expiresAt: number;
}

interface Header {
  v: 1;
  key: string;
  storedAt: number;
  expiresAt: number;
  size: number;
  type: 'json' | 'bytes';
}

const NAMESPACE = /^[a-z0-9][a-z0-9-]{0,40}$/;
const ENTRY = '.entry';
const TEMP = '.tmp';
/** Small entries still take a disk block: count at least this much for each. */
const BLOCK = 4096;
/** A read refreshes an entry's place in the eviction order at most this often. */
const TOUCH_EVERY_MS = HOUR;
/** A sweep removes entries nobody read for this long: past the longest lifetime, so stale for sure. */
const UNUSED_FOR_MS = 60 * DAY;

function isHeader(h: unknown): h is Header {
  if (typeof h !== 'object' || h === null) return false;
  const o = h as Record<string, unknown>;
  return o.v === 1 && typeof o.key === 'string' && Number.isFinite(o.storedAt) && Number.isFinite(o.expiresAt) && Number.isInteger(o.size) && (o.type === 'json' || o.type === 'bytes');
}

function code(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

export class RecordStore {
  private readonly maxBytes: number;
  private readonly now: () => number;
  private readonly log?: (message: string) => void;
  /** Bytes on disk as this window believes; another window's writes are found by the next sweep. */
  private total = 0;
  private sweeping?: Promise<void>;

  private constructor(
    /** The folder the entries live in (absolute). */
    readonly folder: string,
    options: RecordStoreOptions,
  ) {
    this.maxBytes = options.maxBytes !== undefined && options.maxBytes > 0 ? options.maxBytes : 64 * 1024 * 1024;
    this.now = options.now ?? Date.now;
    this.log = options.log;
  }

  /** Opens (and creates) the folder and counts what is in it; entries over the bound are evicted. */
  static async open(options: RecordStoreOptions): Promise<RecordStore> {
    const store = new RecordStore(path.resolve(options.folder), options);
    await fs.mkdir(store.folder, { recursive: true });
    await store.sweep();
    return store;
  }

  /** The value stored under (namespace, key), if fresh and whole; with a schema, only if it still fits it. */
  async get<T = unknown>(namespace: string, key: string, schema?: z.ZodMiniType<T>): Promise<T | undefined> {
    const entry = await this.getEntry(namespace, key, schema);
    return entry && !entry.stale ? entry.value : undefined;
  }

  /** The value stored under (namespace, key), fresh or `stale` (past its lifetime, not swept yet), if whole. */
  async getEntry<T = unknown>(namespace: string, key: string, schema?: z.ZodMiniType<T>): Promise<StoredEntry<T> | undefined> {
    const entry = await this.read(namespace, key, 'json');
    if (!entry) return undefined;
    const { storedAt, expiresAt } = entry.header;
    const stale = expiresAt <= this.now();
    try {
      const value: unknown = JSON.parse(entry.body.toString('utf8'));
      if (!schema) return { value: value as T, storedAt, expiresAt, stale };
      const parsed = schema.safeParse(value);
      if (parsed.success) return { value: parsed.data, storedAt, expiresAt, stale };
    } catch {
      // fall through: not JSON
    }
    await this.discard(entry.file, 'does not hold what it says');
    return undefined;
  }

  async getBytes(namespace: string, key: string): Promise<Buffer | undefined> {
    const entry = await this.read(namespace, key, 'bytes');
    return entry && entry.header.expiresAt > this.now() ? entry.body : undefined;
  }

  /** Stores a JSON value for `ttlMs`. A failed write is logged and forgotten: the cache never breaks a lookup. */
  async put(namespace: string, key: string, value: unknown, ttlMs: number): Promise<void> {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError('RecordStore.put: the value has no JSON form.');
    await this.write(namespace, key, Buffer.from(json, 'utf8'), ttlMs, 'json');
  }

  async putBytes(namespace: string, key: string, bytes: Buffer, ttlMs: number): Promise<void> {
    await this.write(namespace, key, bytes, ttlMs, 'bytes');
  }

  /** The stored value, else `load()`'s, stored for `ttlMs` (nothing is stored when load throws). */
  async remember<T>(namespace: string, key: string, ttlMs: number, load: () => Promise<T>, schema?: z.ZodMiniType<T>): Promise<T> {
    const cached = await this.get(namespace, key, schema);
    if (cached !== undefined) return cached;
    const value = await load();
    await this.put(namespace, key, value, ttlMs);
    return value;
  }

  async delete(namespace: string, key: string): Promise<void> {
    await fs.rm(this.fileOf(namespace, key), { force: true });
  }

  async clear(): Promise<void> {
    const names = await fs.readdir(this.folder).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => NAMESPACE.test(n)).map((n) => fs.rm(path.join(this.folder, n), { recursive: true, force: true })));
    this.total = 0;
  }

  /** Bytes on disk as last counted (for benchmarks and diagnostics). */
  get size(): number {
    return this.total;
  }

  /**
   * Recounts the folder, removes leftover temp files and entries unused for 60 days
   * (stale by then), and evicts the least recently used entries while over the bound
   * (down to 80 % of it, so sweeps stay rare).
   * Another window sweeping at the same time only makes some removals no-ops.
   */
  sweep(): Promise<void> {
    this.sweeping ??= this.doSweep().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async doSweep(): Promise<void> {
    const files: Array<{ file: string; size: number; used: number }> = [];
    const now = this.now();
    for (const ns of await fs.readdir(this.folder).catch(() => [] as string[])) {
      if (!NAMESPACE.test(ns)) continue;
      const dir = path.join(this.folder, ns);
      for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
        const file = path.join(dir, name);
        const stat = await fs.stat(file).catch(() => undefined);
        if (!stat?.isFile()) continue;
        if (name.endsWith(TEMP)) {
          // A write that never finished (a window closed mid-write); one in progress is younger than this.
          if (now - stat.mtimeMs > 10 * 60_000) await fs.rm(file, { force: true });
          continue;
        }
        if (!name.endsWith(ENTRY)) continue;
        if (now - stat.mtimeMs > UNUSED_FOR_MS) await fs.rm(file, { force: true });
        else files.push({ file, size: Math.max(BLOCK, stat.size), used: stat.mtimeMs });
      }
    }
    let total = files.reduce((sum, f) => sum + f.size, 0);
    if (total > this.maxBytes) {
      const target = this.maxBytes * 0.8;
      let removed = 0;
      for (const f of files.sort((a, b) => a.used - b.used)) {
        if (total <= target) break;
        await fs.rm(f.file, { force: true });
        total -= f.size;
        removed++;
      }
      this.log?.(`lookup cache: evicted ${removed} least recently used entries`);
    }
    this.total = total;
  }

  private fileOf(namespace: string, key: string): string {
    if (!NAMESPACE.test(namespace)) throw new TypeError(`RecordStore: "${namespace}" is not a namespace (lower-case letters, digits and dashes).`);
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 40);
    return path.join(this.folder, namespace, `${hash}${ENTRY}`);
  }

  /** The whole entry, fresh or past its lifetime: the callers judge. */
  private async read(namespace: string, key: string, type: Header['type']): Promise<{ file: string; body: Buffer; header: Header } | undefined> {
    const file = this.fileOf(namespace, key);
    let raw: Buffer;
    try {
      raw = await fs.readFile(file);
    } catch (e) {
      if (code(e) !== 'ENOENT') this.log?.(`lookup cache: cannot read a ${namespace} entry (${code(e) ?? 'error'})`);
      return undefined;
    }
    const newline = raw.indexOf(0x0a);
    let header: unknown;
    try {
      header = newline > 0 ? JSON.parse(raw.subarray(0, newline).toString('utf8')) : undefined;
    } catch {
      header = undefined;
    }
    const body = raw.subarray(newline + 1);
    if (!isHeader(header) || header.key !== key || header.type !== type || header.size !== body.length) {
      await this.discard(file, 'is not a whole entry');
      return undefined;
    }
    await this.touch(file, this.now());
    return { file, body, header };
  }

  private async write(namespace: string, key: string, body: Buffer, ttlMs: number, type: Header['type']): Promise<void> {
    const file = this.fileOf(namespace, key);
    if (!(ttlMs > 0)) return;
    if (body.length > this.maxBytes / 4) {
      this.log?.(`lookup cache: a ${namespace} entry of ${body.length} bytes is too big to keep`);
      return;
    }
    const now = this.now();
    const header: Header = { v: 1, key, storedAt: now, expiresAt: now + ttlMs, size: body.length, type };
    const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP}`;
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(temp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body]));
      await this.touch(temp, now);
      // rename replaces the entry at once: a reader in another window sees the old entry or the new one.
      await fs.rename(temp, file);
    } catch (e) {
      await fs.rm(temp, { force: true }).catch(() => undefined);
      this.log?.(`lookup cache: cannot write a ${namespace} entry (${code(e) ?? 'error'})`);
      return;
    }
    this.total += Math.max(BLOCK, body.length);
    if (this.total > this.maxBytes) await this.sweep();
  }

  /** The entry's place in the eviction order is its mtime, set from the store's clock. */
  private async touch(file: string, now: number): Promise<void> {
    try {
      const stat = await fs.stat(file);
      if (file.endsWith(TEMP) || Math.abs(now - stat.mtimeMs) >= TOUCH_EVERY_MS) await fs.utimes(file, now / 1000, now / 1000);
    } catch {
      // gone meanwhile (another window evicted it): nothing to keep fresh
    }
  }

  private async discard(file: string, why?: string): Promise<void> {
    if (why) this.log?.(`lookup cache: an entry ${why}; removed`);
    await fs.rm(file, { force: true }).catch(() => undefined);
  }
}
