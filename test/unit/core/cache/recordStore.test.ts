import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as z from 'zod';
import { LIFETIMES, RecordStore } from '../../../../src/core/cache/recordStore';

async function entries(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const ns of await fs.readdir(folder)) for (const f of await fs.readdir(path.join(folder, ns))) out.push(path.join(ns, f));
  return out.sort();
}

describe('RecordStore: the lookup cache on disk', () => {
  let folder: string;
  let clock: number;
  const now = (): number => clock;
  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'patent-store-'));
    clock = Date.UTC(2025, 0, 1);
  });
  afterEach(() => fs.rm(folder, { recursive: true, force: true }));
  const open = (options: { maxBytes?: number; log?: (m: string) => void } = {}) => RecordStore.open({ folder: path.join(folder, 'lookups'), now, ...options });

  it('keeps JSON values and bytes across a reload, per namespace and key', async () => {
    const a = await open();
    await a.put('claims', 'US11205304B2', { claims: [{ num: 1, text: '一种电池 & <b>' }] }, LIFETIMES.claims);
    await a.putBytes('image', 'US11205304B2', Buffer.from([0, 1, 2, 255]), LIFETIMES.image);
    const b = await open();
    assert.deepEqual(await b.get('claims', 'US11205304B2'), { claims: [{ num: 1, text: '一种电池 & <b>' }] });
    assert.deepEqual(await b.getBytes('image', 'US11205304B2'), Buffer.from([0, 1, 2, 255]));
    assert.equal(await b.get('family', 'US11205304B2'), undefined, 'another namespace');
    assert.equal(await b.get('claims', 'US11205304'), undefined, 'another key');
    assert.equal(await b.getBytes('claims', 'US11205304B2'), undefined, 'JSON is not bytes');
  });

  it('reads an entry past its lifetime as a miss, yet hands it out as stale until a sweep removes it', async () => {
    const store = await open();
    const storedAt = clock;
    await store.put('legal-status', 'EP1234567B1', ['Inactive'], LIFETIMES.legalStatus);
    clock += LIFETIMES.legalStatus - 1;
    assert.deepEqual(await store.get('legal-status', 'EP1234567B1'), ['Inactive']);
    assert.deepEqual(await store.getEntry('legal-status', 'EP1234567B1'), { value: ['Inactive'], storedAt, expiresAt: storedAt + LIFETIMES.legalStatus, stale: false });
    clock += 1;
    assert.equal(await store.get('legal-status', 'EP1234567B1'), undefined);
    assert.deepEqual(await store.getEntry('legal-status', 'EP1234567B1', z.array(z.string())), { value: ['Inactive'], storedAt, expiresAt: storedAt + LIFETIMES.legalStatus, stale: true });
    assert.equal(await store.getEntry('legal-status', 'EP1234567B1', z.array(z.number())), undefined, 'stale or not, it must fit the schema');
    await store.putBytes('image', 'EP1234567B1', Buffer.from([1]), 1000);
    clock += 1000;
    assert.equal(await store.getBytes('image', 'EP1234567B1'), undefined, 'bytes past their lifetime are a miss');
    await store.put('legal-status', 'EP1234567B1', ['Inactive'], LIFETIMES.legalStatus);
    // Kept while a reload might still show it (a read counts as a use); a sweep 60 days after its last use removes it.
    clock += 59 * 86_400_000;
    await (await open()).sweep();
    assert.equal((await store.getEntry('legal-status', 'EP1234567B1'))?.stale, true);
    clock += 59 * 86_400_000;
    await (await open()).sweep();
    assert.ok(await store.getEntry('legal-status', 'EP1234567B1'), 'read 59 days ago: kept');
    clock += 61 * 86_400_000;
    await (await open()).sweep();
    assert.equal(await store.getEntry('legal-status', 'EP1234567B1'), undefined);
    assert.deepEqual(await entries(path.join(folder, 'lookups')), []);
    await store.put('legal-status', 'x', 1, 0);
    assert.equal(await store.get('legal-status', 'x'), undefined, 'a lifetime of 0 keeps nothing');
  });

  it('keeps PDF links less than their 10 days, and drawings as bytes', () => {
    assert.ok(LIFETIMES.pdfLink < 10 * 86_400_000);
    assert.ok(LIFETIMES.legalStatus <= LIFETIMES.bibliography && LIFETIMES.claims >= LIFETIMES.family);
  });

  it('reads a corrupt, truncated or foreign file as a miss, removes it, and never throws', async () => {
    const store = await open();
    await store.put('claims', 'k', { a: 1 }, LIFETIMES.claims);
    const [file] = await entries(path.join(folder, 'lookups'));
    const full = path.join(folder, 'lookups', file as string);
    const good = await fs.readFile(full);
    const header = good.subarray(0, good.indexOf(0x0a)).toString();
    const variants: Array<[string, Buffer | string]> = [
      ['truncated', good.subarray(0, good.length - 2)],
      ['empty', ''],
      ['no header', '{"a":1}'],
      ['garbage header', `{not json\n{"a":1}`],
      ['wrong key', `${header.replace('"key":"k"', '"key":"other"')}\n{"a":1}`],
      ['body not JSON', `${header.replace(/"size":\d+/, '"size":7')}\nnot-jso`],
      ['binary noise', Buffer.from([0xff, 0xfe, 0x0a, 0x00, 0x01])],
    ];
    for (const [what, content] of variants) {
      await fs.writeFile(full, content);
      assert.equal(await store.get('claims', 'k'), undefined, what);
      await assert.rejects(fs.access(full), `${what}: removed`);
    }
    await store.put('claims', 'k', { a: 'text' }, LIFETIMES.claims);
    assert.equal(await store.get('claims', 'k', z.object({ a: z.number() })), undefined, 'what no longer fits the schema is a miss');
    await store.put('claims', 'k', { a: 2 }, LIFETIMES.claims);
    assert.deepEqual(await store.get('claims', 'k', z.object({ a: z.number() })), { a: 2 });
  });

  it('two windows writing the same entries at once leave whole entries, never a mix', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    const big = (who: string, i: number): { who: string; i: number; pad: string } => ({ who, i, pad: who.repeat(200_000) });
    const seen: unknown[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await Promise.all([a.put('family', `k${i % 3}`, big('a', i), LIFETIMES.family), b.put('family', `k${i % 3}`, big('b', i), LIFETIMES.family), a.get('family', `k${i % 3}`).then((v) => seen.push(v)), b.get('family', `k${i % 3}`).then((v) => seen.push(v))]);
      }),
    );
    for (const v of seen) {
      if (v === undefined) continue;
      const e = v as { who: string; pad: string };
      assert.ok(e.pad === e.who.repeat(200_000), 'a whole value of one writer');
    }
    for (const k of ['k0', 'k1', 'k2']) assert.ok(await a.get('family', k), k);
    const left = await entries(path.join(folder, 'lookups'));
    assert.deepEqual(left.filter((f) => f.endsWith('.tmp')), [], 'no temp files left');
    assert.equal(left.length, 3);
  });

  it('stays under its size bound, evicting the least recently used first', async () => {
    const store = await open({ maxBytes: 200_000 });
    const value = 'x'.repeat(20_000);
    for (let i = 0; i < 8; i++) {
      await store.put('bibliography', `n${i}`, value, LIFETIMES.bibliography);
      clock += 2 * 3_600_000;
    }
    assert.ok(await store.get('bibliography', 'n0'), 'n0 used again: now the most recent');
    clock += 2 * 3_600_000;
    for (let i = 8; i < 14; i++) {
      await store.put('bibliography', `n${i}`, value, LIFETIMES.bibliography);
      clock += 2 * 3_600_000;
    }
    const onDisk = (await Promise.all((await entries(path.join(folder, 'lookups'))).map((f) => fs.stat(path.join(folder, 'lookups', f))))).reduce((s, st) => s + st.size, 0);
    assert.ok(onDisk <= 200_000, String(onDisk));
    assert.ok(store.size <= 200_000);
    assert.ok(await store.get('bibliography', 'n0'), 'the recently used entry stayed');
    assert.equal(await store.get('bibliography', 'n1'), undefined, 'the least recently used went first');
    assert.ok(await store.get('bibliography', 'n13'));
    const logs: string[] = [];
    const tooBig = await open({ maxBytes: 200_000, log: (m) => logs.push(m) });
    await tooBig.put('bibliography', 'huge', 'y'.repeat(60_000), LIFETIMES.bibliography);
    assert.equal(await tooBig.get('bibliography', 'huge'), undefined);
    assert.match(logs.join('\n'), /too big/);
    assert.ok(!logs.join('\n').includes('huge'), 'keys stay out of the log');
  });

  it('removes temp files a closed window left behind, but not one being written', async () => {
    const store = await open();
    const dir = path.join(folder, 'lookups', 'claims');
    await fs.mkdir(dir, { recursive: true });
    const old = path.join(dir, 'abc.entry.1.x.tmp');
    const fresh = path.join(dir, 'def.entry.1.y.tmp');
    await fs.writeFile(old, 'partial');
    await fs.writeFile(fresh, 'partial');
    await fs.utimes(old, (clock - 3_600_000) / 1000, (clock - 3_600_000) / 1000);
    await fs.utimes(fresh, clock / 1000, clock / 1000);
    await store.sweep();
    await assert.rejects(fs.access(old));
    await fs.access(fresh);
  });

  it('a folder it cannot write to costs nothing but the cache', async () => {
    const logs: string[] = [];
    const store = await open({ log: (m) => logs.push(m) });
    await fs.writeFile(path.join(folder, 'lookups', 'claims'), 'a file where the namespace folder would be');
    await store.put('claims', 'k', { a: 1 }, LIFETIMES.claims);
    assert.equal(await store.get('claims', 'k'), undefined);
    assert.match(logs.join('\n'), /cannot write a claims entry/);
    await assert.rejects(store.get('Bad Namespace', 'k'), /not a namespace/);
  });

  it('remember() loads once, then answers from disk; a failed load stores nothing', async () => {
    const store = await open();
    let loads = 0;
    const load = async (): Promise<string[]> => {
      loads++;
      return ['Active'];
    };
    assert.deepEqual(await store.remember('legal-status', 'US1', LIFETIMES.legalStatus, load), ['Active']);
    assert.deepEqual(await (await open()).remember('legal-status', 'US1', LIFETIMES.legalStatus, load), ['Active']);
    assert.equal(loads, 1);
    await assert.rejects(store.remember('legal-status', 'US2', LIFETIMES.legalStatus, () => Promise.reject(new Error('offline'))), /offline/);
    assert.equal(await store.get('legal-status', 'US2'), undefined);
    await store.clear();
    assert.equal(await store.get('legal-status', 'US1'), undefined);
  });
});
