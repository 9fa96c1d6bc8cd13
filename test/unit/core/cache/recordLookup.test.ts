/** RecordLookup and the lookup cache's disk layer against the real sandbox over loopback: batching, sharing, reloads, cancellation. */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isPatsnapError } from '../../../../src/core/api/errors';
import type { PatsnapApi } from '../../../../src/core/api/types';
import { PatentLookupService } from '../../../../src/core/cache/patentLookup';
import { RecordLookup } from '../../../../src/core/cache/recordLookup';
import { LIFETIMES, RecordStore } from '../../../../src/core/cache/recordStore';
import { createPatsnapClient } from '../../../../src/core/api/client';
import { apiCalls, client, KEY_CREDENTIALS, useSandbox } from '../api/helpers';
import { envelope, startHostile } from '../api/hostile';

const FAMILY = '/basic-patent-data/patent-family';
const LEGAL_DETAIL = '/basic-patent-data/legal-status';
const BIB = '/basic-patent-data/simple-bibliography';
const CLAIMS = '/basic-patent-data/claim-data';

describe('RecordLookup (sandbox)', () => {
  const ctx = useSandbox();
  let folder: string;
  let api: PatsnapApi;
  let opened: Array<{ idle(): Promise<void> }>;

  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'record-lookup-'));
    api = client(ctx.sb);
    opened = [];
  });
  afterEach(async () => {
    await Promise.all(opened.map((o) => o.idle()));
    await fs.rm(folder, { recursive: true, force: true });
  });

  /** What a window builds at start: a store on the global storage folder and the lookups over it. */
  function window(): RecordLookup {
    const store = RecordStore.open({ folder });
    const lookups = new RecordLookup(() => api, { store: () => store, batchWindowMs: 5 });
    opened.push(lookups);
    return lookups;
  }

  function hoverCards(): PatentLookupService {
    const store = RecordStore.open({ folder });
    const lookups = new PatentLookupService(() => api, { store: () => store, batchWindowMs: 5 });
    opened.push(lookups);
    return lookups;
  }

  it('asks each record once; a second window (a reload) answers from disk without a call', async () => {
    const first = window();
    const key = { number: 'US11205304B2' };
    const [claims, family, cites, citedBy, events, detail] = await Promise.all([
      first.claims(key),
      first.family(key),
      first.citations(key),
      first.citedBy(key),
      first.legalEvents(key),
      first.legalDetail(key),
    ]);
    assert.ok(claims && claims.texts.length > 0 && family && cites && citedBy && events && detail);
    const calls = apiCalls(ctx.sb);
    assert.equal(calls, 6, 'one call per endpoint');
    await first.idle();
    assert.deepEqual(await first.claims(key), claims, 'from memory');
    assert.equal(apiCalls(ctx.sb), calls);

    const reloaded = window();
    assert.deepEqual(await reloaded.claims(key), claims);
    assert.deepEqual(await reloaded.family(key), family);
    assert.deepEqual(await reloaded.citations(key), cites);
    assert.deepEqual(await reloaded.citedBy(key), citedBy);
    assert.deepEqual(await reloaded.legalEvents(key), events);
    assert.deepEqual(await reloaded.legalDetail(key), detail);
    assert.equal(apiCalls(ctx.sb), calls, 'no call after the reload');
  });

  it('shares no call under way once cleared (the backend changed): a later ask makes its own', async () => {
    const records = window();
    ctx.sb.faults.add({ path: CLAIMS, delayMs: 100 });
    const first = records.claims({ number: 'US11205304B2' });
    while (ctx.sb.stats.calls(CLAIMS) === 0) await new Promise((r) => setImmediate(r));
    records.clear();
    const second = records.claims({ number: 'US11205304B2' });
    const [a, b] = await Promise.all([first, second]);
    assert.ok(a && b && a.pn === b.pn, JSON.stringify([a?.pn, b?.pn]));
    assert.equal(ctx.sb.stats.calls(CLAIMS), 2);
  });

  it('gathers asks for many patents into one batched call', async () => {
    const lookups = window();
    const numbers = ctx.sb.data.patents.slice(0, 30).map((p) => p.pn);
    const families = await Promise.all(numbers.map((number) => lookups.family({ number })));
    assert.equal(ctx.sb.stats.calls(FAMILY), 1);
    families.forEach((f, i) => assert.equal(f?.pn, numbers[i]));
  });

  it('builds a family view from one P014, one P013 and one P011 for all its members', async () => {
    const lookups = window();
    const view = await lookups.familyView({ number: 'WO2013136789A1' }, 'inpadoc');
    assert.equal(view?.members.length, 99);
    assert.equal(ctx.sb.stats.calls(FAMILY), 1);
    assert.equal(ctx.sb.stats.calls(LEGAL_DETAIL), 1, 'one batched status call for 99 members');
    assert.equal(ctx.sb.stats.calls(BIB), 1);
    assert.ok(view?.members.every((m) => m.legalStatus.length > 0), 'each member has its status');
    // The simple family is among the INPADOC members already known: no status or date is asked again.
    const simple = await lookups.familyView({ number: 'WO2013136789A1' }, 'simple');
    assert.ok((simple?.members.length ?? 0) > 0);
    assert.equal(ctx.sb.stats.calls(LEGAL_DETAIL), 1);
    assert.equal(ctx.sb.stats.calls(BIB), 1);
    assert.equal(ctx.sb.stats.calls(FAMILY), 1);
  });

  it('hands out a record past its lifetime as stale without a call, and asks again for it with one batched call', async () => {
    let clock = Date.UTC(2025, 0, 1);
    const now = (): number => clock;
    const store = RecordStore.open({ folder, now });
    // Each lookup is a window on the same disk, as after a reload; the clock is the test's.
    const windowAt = (): RecordLookup => {
      const lookups = new RecordLookup(() => api, { store: () => store, batchWindowMs: 5, now });
      opened.push(lookups);
      return lookups;
    };
    const key = { number: 'WO2013136789A1' };
    const first = windowAt();
    const claims = await first.claims(key);
    const view = await first.familyView(key, 'inpadoc');
    await first.idle();
    const lookedUpAt = clock;
    assert.equal(await windowAt().kept('claims', { number: 'US9999999B2' }), undefined, 'nothing kept: nothing to show');

    // Claims live 30 days, the members' status a day: a day later the family view is stale, the claims not.
    clock += LIFETIMES.legalStatus;
    ctx.sb.stats.reset();
    const reloaded = windowAt();
    assert.deepEqual(await reloaded.kept('claims', key), { value: claims, storedAt: lookedUpAt, stale: false });
    const keptView = await reloaded.keptFamilyView(key, 'inpadoc');
    assert.deepEqual([keptView?.value, keptView?.storedAt, keptView?.stale], [view, lookedUpAt, true]);
    assert.equal(ctx.sb.stats.calls(), 0, 'no call for what is kept, fresh or stale');
    assert.deepEqual(await reloaded.claims(key), claims);
    assert.equal(ctx.sb.stats.calls(), 0, 'a fresh record costs no call');

    const refreshed = await reloaded.familyView(key, 'inpadoc');
    assert.equal(refreshed?.members.length, 99);
    assert.deepEqual([ctx.sb.stats.calls(FAMILY), ctx.sb.stats.calls(LEGAL_DETAIL), ctx.sb.stats.calls(BIB)], [0, 1, 0], 'only the stale statuses, in one batched call');
    await reloaded.idle();
    const again = await windowAt().keptFamilyView(key, 'inpadoc');
    assert.deepEqual([again?.stale, again?.storedAt], [false, lookedUpAt], 'fresh again; as old as its oldest part (the family)');

    clock += LIFETIMES.family;
    const missing = await windowAt().kept('claims', { patentId: 'no-such-id' });
    assert.equal(missing, undefined);
    assert.equal((await windowAt().kept('family', key))?.stale, true);
  });

  it('remembers a patent PatSnap does not know, across a reload', async () => {
    const first = window();
    assert.equal(await first.claims({ number: 'US9999999B2' }), null);
    await first.idle();
    const calls = apiCalls(ctx.sb);
    assert.equal(await window().claims({ number: 'US9999999B2' }), null);
    assert.equal(apiCalls(ctx.sb), calls);
  });

  it('keeps nothing of a failed call: the next ask calls again', async () => {
    ctx.sb.faults.add({ path: CLAIMS, errorCode: 68300008, times: 0 });
    const lookups = window();
    await assert.rejects(lookups.claims({ number: 'US11205304B2' }), (e: unknown) => isPatsnapError(e) && e.kind !== 'cancelled');
    ctx.sb.faults.clear();
    const claims = await lookups.claims({ number: 'US11205304B2' });
    assert.ok(claims && claims.texts.length > 0);
  });

  it('stops a caller at once when its signal aborts, and a sharer still gets the answer', async () => {
    ctx.sb.faults.add({ path: CLAIMS, delayMs: 300 });
    const lookups = window();
    const leaving = new AbortController();
    const left = lookups.claims({ number: 'US11205304B2' }, leaving.signal);
    const staying = lookups.claims({ number: 'US11205304B2' });
    setTimeout(() => leaving.abort(), 20);
    await assert.rejects(left, (e: unknown) => isPatsnapError(e) && e.kind === 'cancelled');
    const claims = await staying;
    assert.ok(claims && claims.texts.length > 0);
    assert.equal(ctx.sb.stats.calls(CLAIMS), 1, 'one shared call');
  });

  it('resolves an application number to its publications, once, across a reload', async () => {
    const lookups = window();
    const first = await lookups.resolve('US14/706838');
    await lookups.idle();
    assert.deepEqual(
      first.publications.map((p) => p.pn),
      ['US11205304B2'],
    );
    const calls = apiCalls(ctx.sb);
    const again = await window().resolve('US14/706838');
    assert.deepEqual(again, first);
    assert.equal(apiCalls(ctx.sb), calls);
  });

  it('keeps hover cards and drawings on disk: a reloaded window shows them without a call', async () => {
    const before = hoverCards();
    const card = await before.lookupOne('EP1234567B1');
    const image = await before.image('EP1234567B1');
    assert.ok(card && image && image.length > 0);
    await before.idle();
    const calls = ctx.sb.stats.calls();
    const after = hoverCards();
    assert.deepEqual(await after.lookupOne('EP1234567B1'), card);
    assert.deepEqual(await after.image('EP1234567B1'), image);
    assert.equal(ctx.sb.stats.calls(), calls, 'not one call, the drawing\u2019s file included');
  });
});

describe('RecordLookup (a server that answers with PatSnap\u2019s own examples)', () => {
  it('takes the one answer to a one-patent call as that patent\u2019s, whatever number it carries', async () => {
    const example = JSON.parse(await fs.readFile(path.join(__dirname, '../../../fixtures/patsnap-examples/P018-claims.json'), 'utf8')) as { data: unknown };
    const server = await startHostile((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(envelope(example.data));
    });
    try {
      const api = createPatsnapClient({ baseUrl: server.url, credentials: KEY_CREDENTIALS, maxRequestsPerSecond: 1000, maxRetries: 0 });
      const claims = await new RecordLookup(() => api, { batchWindowMs: 1 }).claims({ number: 'US11205304B2' });
      assert.equal(claims?.pn, 'CN108977442B');
      assert.equal(claims?.pnRelated, 'CN103106923A');
      assert.match(claims?.texts[0]?.html ?? '', /用于VEGFA基因编辑的系统/);
    } finally {
      await server.close();
    }
  });

  it('cancels the call itself once nobody waits for it (a closed panel)', async () => {
    const server = await startHostile(() => undefined); // never answers
    try {
      const api = createPatsnapClient({ baseUrl: server.url, credentials: KEY_CREDENTIALS, maxRequestsPerSecond: 1000, maxRetries: 0, timeoutMs: 60_000 });
      const lookups = new RecordLookup(() => api, { batchWindowMs: 1 });
      const a = new AbortController();
      const b = new AbortController();
      const asks = [lookups.citations({ number: 'US11205304B2' }, a.signal), lookups.citations({ number: 'US11205304B2' }, b.signal)];
      while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
      a.abort();
      await assert.rejects(asks[0] as Promise<unknown>, (e: unknown) => isPatsnapError(e) && e.kind === 'cancelled');
      b.abort();
      await assert.rejects(asks[1] as Promise<unknown>, (e: unknown) => isPatsnapError(e) && e.kind === 'cancelled');
      await server.closed(); // the client hung up: the request was cancelled, not left to time out
      assert.equal(server.requests.length, 1);
    } finally {
      await server.close();
    }
  });
});
