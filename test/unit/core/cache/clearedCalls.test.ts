/**
 * A call under way when the caches are cleared (the backend changed, or "Clear Lookup
 * Cache"): its own waiters get its answer, and that answer is kept nowhere, neither in
 * memory nor in the disk store of the backend now in use; a later ask makes its own call
 * and gets the new backend's answer. Over loopback against two sandboxes of different
 * data, the old one holding the call until the test releases it (event order, no sleeps).
 */
import * as assert from 'node:assert/strict';
import { CARD_NS, PatentLookupService } from '../../../../src/core/cache/patentLookup';
import { RecordLookup, type RecordKind } from '../../../../src/core/cache/recordLookup';
import { ENDPOINTS } from '../../../../src/core/api/client';
import type { PatentKey } from '../../../../src/core/cache/recordLookup';
import { useTwoBackends } from './twoBackends';

describe('lookup caches: a call under way when they are cleared', () => {
  const two = useTwoBackends();
  let opened: Array<{ idle(): Promise<void> }>;

  beforeEach(() => {
    opened = [];
  });
  afterEach(async () => {
    await Promise.all(opened.map((o) => o.idle()));
  });

  function cards(): PatentLookupService {
    const lookups = new PatentLookupService(() => two.api(), { store: () => two.store(), batchWindowMs: 1 });
    opened.push(lookups);
    return lookups;
  }

  function records(): RecordLookup {
    const lookups = new RecordLookup(() => two.api(), { store: () => two.store(), batchWindowMs: 1 });
    opened.push(lookups);
    return lookups;
  }

  it('cards: the old answer goes to its waiter only; the next ask calls the new backend, and keeps its answer', async () => {
    const n = two.onlyInA();
    const lookups = cards();
    const held = two.a.hold(ENDPOINTS.bibliography);
    const old = lookups.lookupOne(n);
    await held.arrived();
    lookups.clear();
    two.use(two.b);
    assert.equal(await lookups.lookupOne(n), null, 'b has no such patent');
    held.release();
    assert.equal((await old)?.bibliography.pn, n, 'the old waiter gets a’s answer');
    await lookups.idle();
    assert.equal(lookups.peek(n), null);
    assert.equal(await lookups.lookupOne(n), null, 'b’s answer, kept');
    assert.equal(two.b.calls(ENDPOINTS.bibliography), 1);
    assert.equal(two.a.calls(ENDPOINTS.bibliography), 1);
    const onDisk = await (await two.b.store).getEntry(CARD_NS, n.toUpperCase());
    assert.deepEqual(onDisk?.value, { v: null }, 'b’s store keeps b’s answer');
  });

  it('cards: what kept() reads from the old store after a clear is not remembered', async () => {
    const n = two.onlyInA();
    const first = cards();
    assert.equal((await first.lookupOne(n))?.bibliography.pn, n);
    await first.idle();
    // The store of a, handed out just before the backend changed.
    const { store, open } = two.slowStoreOfA();
    const lookups = new PatentLookupService(() => two.api(), { store, batchWindowMs: 1 });
    opened.push(lookups);
    const kept = lookups.kept(n);
    lookups.clear();
    two.use(two.b);
    open();
    assert.equal((await kept)?.value?.bibliography.pn, n, 'its caller gets what a’s store keeps');
    assert.equal(lookups.peek(n), undefined, 'not remembered');
    assert.equal(await lookups.lookupOne(n), null, 'b’s answer');
    assert.equal(two.b.calls(ENDPOINTS.bibliography), 1);
  });

  it('drawings: the old bytes go to their waiter only; the next ask calls the new backend ("no drawing"), and keeps that', async () => {
    const n = two.onlyInA();
    const lookups = cards();
    const held = two.a.hold(ENDPOINTS.abstractImage);
    const old = lookups.image(n);
    await held.arrived();
    lookups.clear();
    two.use(two.b);
    assert.equal(await lookups.image(n), undefined, 'b has no drawing of it');
    held.release();
    assert.ok((await old)?.length, 'the old waiter gets a’s drawing');
    await lookups.idle();
    assert.equal(lookups.peekImage(n), null, 'known to have none');
    assert.equal(await lookups.image(n), undefined);
    assert.equal(two.b.calls(ENDPOINTS.abstractImage), 1);
    assert.equal(await (await two.b.store).getBytes('image-v1', n.toUpperCase()), undefined, 'no bytes in b’s store');
  });

  it('drawings: an old "no drawing" goes to its waiter only; the next ask calls the new backend and keeps its bytes', async () => {
    const n = two.onlyInA();
    two.use(two.b);
    const lookups = cards();
    const held = two.b.hold(ENDPOINTS.abstractImage);
    const old = lookups.image(n);
    await held.arrived();
    lookups.clear();
    two.use(two.a);
    const bytes = await lookups.image(n);
    assert.ok(bytes?.length, 'a has a drawing of it');
    held.release();
    assert.equal(await old, undefined, 'the old waiter hears b: no drawing');
    await lookups.idle();
    assert.deepEqual(lookups.peekImage(n), bytes);
    assert.deepEqual(await lookups.image(n), bytes);
    assert.equal(two.a.calls(ENDPOINTS.abstractImage), 1);
    assert.equal(await (await two.a.store).get('image-none-v1', n.toUpperCase()), undefined, 'no "no drawing" in a’s store');
  });

  const KINDS: Array<{ kind: Exclude<RecordKind, 'bibliography'>; path: string; ask: (r: RecordLookup, key: PatentKey) => Promise<unknown> }> = [
    { kind: 'legalDetail', path: ENDPOINTS.legalStatusDetail, ask: (r, k) => r.legalDetail(k) },
    { kind: 'family', path: ENDPOINTS.family, ask: (r, k) => r.family(k) },
    { kind: 'citations', path: ENDPOINTS.citations, ask: (r, k) => r.citations(k) },
    { kind: 'citedBy', path: ENDPOINTS.citedBy, ask: (r, k) => r.citedBy(k) },
    { kind: 'claims', path: ENDPOINTS.claims, ask: (r, k) => r.claims(k) },
    { kind: 'legalEvents', path: ENDPOINTS.legalEvents, ask: (r, k) => r.legalEvents(k) },
    { kind: 'pdfLink', path: ENDPOINTS.pdf, ask: (r, k) => r.pdfLink(k) },
  ];
  for (const { kind, path, ask } of KINDS) {
    it(`records (${kind}): the old answer goes to its waiter only; the next ask calls the new backend, and keeps its answer`, async () => {
      const key = { number: two.onlyInA() };
      const lookups = records();
      const held = two.a.hold(path);
      const old = ask(lookups, key);
      await held.arrived();
      lookups.clear();
      two.use(two.b);
      assert.equal(await ask(lookups, key), null, 'b has no such patent');
      held.release();
      assert.ok(await old, 'the old waiter gets a’s record');
      await lookups.idle();
      assert.equal(await ask(lookups, key), null, 'b’s answer, kept');
      assert.equal(two.b.calls(path), 1);
      assert.equal(two.a.calls(path), 1);
      assert.deepEqual((await lookups.kept(kind, key))?.value, null);
      const reloaded = new RecordLookup(() => two.api(), { store: () => two.b.store, batchWindowMs: 1 });
      assert.deepEqual((await reloaded.kept(kind, key))?.value, null, 'b’s store keeps b’s answer');
    });
  }

  it('records (bibliography, a family’s members): the old answers go to their waiter only and are not kept', async () => {
    const key = { number: two.onlyInA() };
    const lookups = records();
    const held = two.a.hold(ENDPOINTS.bibliography);
    const old = lookups.familyView(key, 'simple');
    await held.arrived();
    lookups.clear();
    two.use(two.b);
    assert.equal(await lookups.familyView(key, 'simple'), undefined, 'b has no such patent');
    held.release();
    const view = await old;
    assert.ok(view, 'the old waiter gets a’s family');
    const members = view.members.map((m) => m.number);
    assert.ok(members.length > 0, 'a’s family has members');
    await lookups.idle();
    for (const number of members) assert.equal(await lookups.kept('bibliography', { number }), undefined, `${number}: not kept from a`);
    assert.equal(two.b.calls(ENDPOINTS.family), 1, 'b’s "no family" was kept');
  });

  it('records: what kept() reads from the old store after a clear is not remembered', async () => {
    const key = { number: two.onlyInA() };
    const first = records();
    assert.ok(await first.claims(key));
    await first.idle();
    const { store, open } = two.slowStoreOfA();
    const lookups = new RecordLookup(() => two.api(), { store, batchWindowMs: 1 });
    opened.push(lookups);
    const kept = lookups.kept('claims', key);
    lookups.clear();
    two.use(two.b);
    open();
    assert.ok((await kept)?.value, 'its caller gets what a’s store keeps');
    assert.equal((await lookups.kept('claims', key))?.value, undefined, 'not remembered');
    assert.equal(await lookups.claims(key), null, 'b’s answer');
    assert.equal(two.b.calls(ENDPOINTS.claims), 1);
  });

  it('resolutions: the old answer goes to its waiter only; the next ask calls the new backend, and keeps its answer', async () => {
    const n = two.onlyInA();
    const lookups = records();
    const held = two.a.hold(ENDPOINTS.standardNumber);
    const old = lookups.resolve(n);
    await held.arrived();
    lookups.clear();
    two.use(two.b);
    assert.deepEqual((await lookups.resolve(n)).publications, [], 'b has no such patent');
    held.release();
    assert.deepEqual((await old).publications.map((p) => p.pn), [n], 'the old waiter gets a’s publication');
    await lookups.idle();
    assert.deepEqual((await lookups.resolve(n)).publications, [], 'b’s answer, kept');
    assert.equal(two.b.calls(ENDPOINTS.standardNumber), 1);
    const onB = await (await two.b.store).get('resolution-v1', n.toUpperCase());
    assert.deepEqual((onB as { v?: { publications?: unknown[] } } | undefined)?.v?.publications, [], 'b’s store keeps b’s answer');
  });

  it('examination documents: the old listing goes to its waiter only, never into the new backend’s store; the next ask calls the new backend', async () => {
    const params = { patentNumber: two.onlyInA(), docCodes: [], limit: 20, offset: 0 };
    const lookups = records();
    const held = two.a.hold(ENDPOINTS.examDocs);
    const old = lookups.examDocuments(params);
    await held.arrived();
    lookups.clear();
    two.use(two.b);
    assert.equal((await lookups.examDocuments(params)).docCount, 0, 'b has no documents of it');
    held.release();
    assert.ok((await old).docCount > 0, 'the old waiter gets a’s listing');
    await lookups.idle();
    const reloaded = new RecordLookup(() => two.api(), { store: () => two.b.store, batchWindowMs: 1 });
    assert.equal((await reloaded.keptExamDocuments(params))?.value.docCount, 0, 'b’s store keeps b’s listing');
    assert.equal((await lookups.examDocuments(params)).docCount, 0, 'b’s answer, kept');
    assert.equal(two.b.calls(ENDPOINTS.examDocs), 1);
  });

  it('examination documents: an old document’s link goes to its waiter only; the next ask gets the new backend’s', async () => {
    const params = { patentNumber: two.onlyInA(), docCodes: [], limit: 20, offset: 0 };
    const lookups = records();
    const pick = (page: { documents: Array<{ url?: string }> }): { url?: string } | undefined => page.documents[0];
    const held = two.a.hold(ENDPOINTS.examDocs);
    const old = lookups.examDocumentLink(params, pick);
    await held.arrived();
    lookups.clear();
    two.use(two.b);
    assert.equal(await lookups.examDocumentLink(params, pick), undefined, 'b lists no document of it');
    held.release();
    assert.ok((await old)?.url, 'the old waiter gets a’s link');
    await lookups.idle();
    assert.equal(await lookups.examDocumentLink(params, pick), undefined, 'no link of a’s is handed out');
    assert.equal(two.a.calls(ENDPOINTS.examDocs), 1);
  });
});
