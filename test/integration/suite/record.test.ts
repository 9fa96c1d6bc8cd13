/**
 * The whole patent record in a real extension host: the panel's sections against the
 * sandbox, against PatSnap's own example answers as they stand, and against empty and
 * failing answers; the lookup cache kept across a (simulated) reload, so a reopened
 * panel and a repeated hover cost no call; application numbers; and the PDF viewer.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXAM_DOCS_NS, examDocsKey } from '../../../src/core/cache/examDocuments';
import { CARD_NS } from '../../../src/core/cache/patentLookup';
import { LIFETIMES, RecordStore } from '../../../src/core/cache/recordStore';
import type { PatentPanel } from '../../../src/extension/patent/patentPanel';
import { setPatentPage } from '../../../src/extension/patent/patentPage';
import { docsPageParams } from '../../../src/extension/patent/patentView.pure';
import type { RecordSection, Section, ToWebview } from '../../../src/webview/protocol';
import { PATENT_VIEW_TYPE } from '../../../src/webview/viewTypes';
import { disposePanels, restoreSandboxSession, sandbox, sandboxedApi, sandboxUrl, waitFor, type TestApi } from '../../lib/extensionHarness';
import { startRecordingProxy, type RecordingProxy } from '../../lib/recordingProxy';

const NUMBER = 'US11205304B2';
const SECTIONS: readonly RecordSection[] = ['claims', 'family', 'citations', 'legal'];
const EXAMPLES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'patsnap-examples');
/** Every path that costs a call or a download. */
const BILLED = ['/basic-patent-data', '/advanced-patent-data', '/search', '/_files'];

async function calls(): Promise<number> {
  let n = 0;
  for (const p of BILLED) n += await sandbox.calls(p);
  return n;
}

function example(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(EXAMPLES, name), 'utf8')) as Record<string, unknown>;
}

/** Opens `number` and shows every record section; resolves once none is loading. */
async function openAll(api: TestApi, number: string): Promise<PatentPanel> {
  await vscode.commands.executeCommand('patentLookup.openPatent', number);
  const panel = await waitFor('a panel', () => api.panelFeature.openPanels.find((p) => p.patentRef.number?.startsWith(number.slice(0, 8))));
  await waitFor('the patent', () => panel.snapshot.main.state !== 'loading');
  for (const s of SECTIONS) panel.showSection(s);
  await waitFor('every section', () => SECTIONS.every((s) => panel.sectionViews.get(s) && panel.sectionViews.get(s)?.view.state !== 'loading')).catch((e: unknown) => {
    // Which section is still loading, or was never asked for, and the card: what a timeout needs to be read.
    const states = SECTIONS.map((s) => `${s}: ${panel.sectionViews.get(s)?.view.state ?? 'none'}`).join(', ');
    const main = panel.snapshot.main;
    throw new Error(`${e instanceof Error ? e.message : String(e)} (${states}; the card ${main.state === 'error' ? `error: ${main.error.message}` : main.state})`);
  });
  return panel;
}

type Loaded<S extends RecordSection> = Extract<Extract<ToWebview, { type: S }>['view'], { state: 'loaded' }>;

function loaded<S extends RecordSection>(panel: PatentPanel, section: S): Loaded<S> {
  const view = panel.sectionViews.get(section)?.view;
  assert.strictEqual(view?.state, 'loaded', `${section}: ${JSON.stringify(view).slice(0, 300)}`);
  return view as Loaded<S>;
}

describe('The patent record (panel sections, cache, documents)', () => {
  let api: TestApi;

  before(async () => {
    api = await sandboxedApi();
  });

  afterEach(async () => {
    await sandbox.clearFaults();
    disposePanels(api);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreSandboxSession(api);
  });

  it('shows claims, family, citations and events of a sandbox patent', async () => {
    const panel = await openAll(api, NUMBER);
    const claims = loaded(panel, 'claims');
    assert.ok(claims.claims.length >= 3 && claims.claims[0]?.independent && claims.claims.some((c) => c.depth > 0), JSON.stringify(claims.claims.map((c) => [c.num, c.depth])));
    const family = loaded(panel, 'family');
    assert.ok(family.offices.length >= 2);
    assert.ok(family.offices.every((o) => o.members.every((m) => m.legalStatus.length > 0)), 'every member has its status');
    const citations = loaded(panel, 'citations');
    assert.ok(citations.cites.length > 0);
    const legal = loaded(panel, 'legal');
    assert.deepStrictEqual([legal.simple, legal.detailed], [['Active'], ['Granted']]);
    const dates = legal.timeline.map((e) => e.date ?? '');
    assert.deepStrictEqual(dates, [...dates].sort());
  });

  it('costs no call for a reopened panel or a repeated hover after a reload', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: `See ${NUMBER} and U.S. Appl. No. 14/706,838.\n`, language: 'plaintext' });
    await vscode.window.showTextDocument(doc);
    const hover = async (text: string): Promise<string> => {
      const at = doc.positionAt(doc.getText().indexOf(text) + 2);
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? [];
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    };
    const first = await openAll(api, NUMBER);
    await waitFor('the drawing', () => first.snapshot.image.state !== 'loading');
    // Looked up before the hover, so the card does not depend on answers arriving in its time.
    await (await api.session.recordLookup()).resolve('US14/706838');
    assert.match(await hover(NUMBER), /Family: \d+ member/);
    assert.match(await hover('14/706'), /Open US11205304B2/);
    first.dispose();
    await (await api.session.lookupService()).idle();
    await (await api.session.recordLookup()).idle();

    // What a reload keeps: the disk store only (the session drops its memory on a backend change, as a new window starts without it).
    await restoreSandboxSession(api);
    assert.strictEqual((await api.session.lookupService()).peek(NUMBER), undefined, 'nothing in memory');
    const before = await calls();
    const again = await openAll(api, NUMBER);
    await waitFor('the drawing', () => again.snapshot.image.state !== 'loading');
    assert.strictEqual(again.snapshot.image.state, 'loaded');
    for (const s of SECTIONS) loaded(again, s);
    assert.match(await hover(NUMBER), /Family: \d+ member/);
    assert.match(await hover('14/706'), /Open US11205304B2/);
    assert.strictEqual(await calls(), before, 'not one call: bibliography, status, drawing, claims, family, citations, events, hover, resolution');
  });

  /** A panel read, closed, and everything it looked up written to disk; then a reload (`reload`: memory dropped). */
  async function readThenReload(reload: () => Promise<void>, documents = false): Promise<PatentPanel['patentRef']> {
    const first = await openAll(api, NUMBER);
    await waitFor('the drawing', () => first.snapshot.image.state !== 'loading');
    if (documents) {
      first.showDocuments();
      await waitFor('the documents', () => first.snapshot.documents?.state === 'page');
    }
    const ref = first.patentRef;
    first.dispose();
    await (await api.session.lookupService()).idle();
    await (await api.session.recordLookup()).idle();
    await reload();
    return ref;
  }

  /** readThenReload with the session going through a recording proxy of the sandbox (a test can hold its answers), then `test` with the proxy and the patent; the proxy is closed after. */
  async function readThenReloadThroughProxy(test: (proxy: RecordingProxy, ref: PatentPanel['patentRef']) => Promise<void>, documents = false): Promise<void> {
    const proxy = await startRecordingProxy(sandboxUrl());
    try {
      const useProxy = (): Promise<void> => api.session.useSandbox(proxy.url, { remember: false });
      await useProxy();
      await test(proxy, await readThenReload(useProxy, documents));
    } finally {
      await proxy.close();
    }
  }

  /**
   * Waits until the page shows `view` from the cache (while its calls are held), lets the answers
   * through with `release`, and waits until the answer replaces it; every call came once the cached
   * view was shown.
   */
  async function cachedThenAnswered(events: readonly string[], view: string, release: () => void): Promise<void> {
    await waitFor(`the cached ${view} shown`, () => events.includes(`${view}:cached-refreshing`));
    release();
    await waitFor(`the answer for ${view} shown`, () => events.lastIndexOf(view) > events.indexOf(`${view}:cached-refreshing`));
    const calls = events.filter((e) => e.startsWith('call'));
    assert.ok(calls.length > 0 && calls.every((e) => e === 'call:cached'), `every call once the cached ${view} was shown: ${events.join(', ')}`);
  }

  interface Restored {
    panel: PatentPanel;
    /** In order: each call as it starts (the session's call observer), `call:cached` when the panel already showed a cached card or section; each message the page gets. */
    events: string[];
    posts: ToWebview[];
    stop(): void;
  }

  const extensionUri = (): vscode.Uri => vscode.extensions.getExtension('patent-lookup.patent-lookup')?.extensionUri ?? assert.fail('the extension is not loaded');

  /** Restores `ref` as VS Code's serializer does after a reload: a new webview panel and the state the page kept. */
  function restore(ref: PatentPanel['patentRef'], section: Section = 'overview'): Restored {
    const events: string[] = [];
    const posts: ToWebview[] = [];
    const webview = vscode.window.createWebviewPanel(PATENT_VIEW_TYPE, NUMBER, vscode.ViewColumn.Active, {});
    // The serializer sets the page at once (patentPage.ts), then the panel's code takes it over.
    setPatentPage(webview, extensionUri());
    api.panelFeature.restorer(webview, { ref, section }, []);
    const panel = api.panelFeature.openPanels.find((p) => p.panel === webview) ?? assert.fail('not restored');
    // Set up before the panel's first await: nothing it asks for can start sooner.
    let inFlight = api.session.activity.inFlight;
    const watching = api.session.activity.onDidChange(() => {
      const main = panel.snapshot.main;
      const cached = (main.state === 'patent' && main.cached) || [...panel.sectionViews.values()].some((m) => m.cached) || panel.snapshot.documentsCached;
      if (api.session.activity.inFlight > inFlight) events.push(cached ? 'call:cached' : 'call');
      inFlight = api.session.activity.inFlight;
    });
    panel.onDidPost((m) => {
      posts.push(m);
      events.push(m.type === 'image' ? `image:${m.image.state}` : 'cached' in m && m.cached ? `${m.type}:${m.cached.refreshing ? 'cached-refreshing' : 'cached'}` : m.type);
    });
    return { panel, events, posts, stop: () => watching.dispose() };
  }

  /** Makes an entry kept on disk one past its lifetime (as twice its lifetime without opening it would), `mark` telling it apart. */
  async function expire(namespace: string, lifetime: number, mark: (v: Record<string, unknown>) => Record<string, unknown> = (v) => v, key = NUMBER): Promise<void> {
    const store = (await api.session.lookupStore()) ?? assert.fail('no disk store');
    const kept = (await store.getEntry<{ v: Record<string, unknown> }>(namespace, key)) ?? assert.fail(`no ${namespace} entry kept`);
    const longAgo = await RecordStore.open({ folder: store.folder, now: () => Date.now() - 2 * lifetime });
    await longAgo.put(namespace, key, { v: mark(kept.value.v) }, lifetime);
    assert.strictEqual((await store.getEntry(namespace, key))?.stale, true);
  }

  /** The card's status marked to tell it apart. */
  const expireCard = (): Promise<void> => expire(CARD_NS, LIFETIMES.legalStatus, (v) => ({ ...v, legalStatus: ['As cached'] }));
  /** The legal section's two records (status detail and events, a day each). */
  const expireLegal = async (): Promise<void> => {
    await expire('legal-detail-v1', LIFETIMES.legalStatus, (v) => ({ ...v, simple: ['As cached'] }));
    await expire('legal-events-v1', LIFETIMES.legalEvents);
  };

  /** The documents' first page as the panel lists it (its key in the store), its first document's description marked. */
  const expireDocuments = (ref: PatentPanel['patentRef']): Promise<void> =>
    expire(
      EXAM_DOCS_NS,
      LIFETIMES.examDocuments,
      (v) => ({ ...v, documents: (v.documents as Array<Record<string, unknown>>).map((d, i) => (i === 0 ? { ...d, description: 'As cached' } : d)) }),
      examDocsKey(docsPageParams(ref, { docCodes: [] }, 0)),
    );
  const DOCS = '/advanced-patent-data/overseas-patent-documents';
  const listed = (m: ToWebview | undefined): string | undefined => (m?.type === 'documents' && m.documents.state === 'page' ? m.documents.rows[0]?.description : undefined);

  const settledImage = (events: readonly string[]): boolean => events.some((e) => /^image:(loaded|none|error)$/.test(e));

  it('renders a panel restored after a reload from the cache before any call', async () => {
    const ref = await readThenReload(() => restoreSandboxSession(api));
    const { panel, events, stop } = restore(ref);
    try {
      await waitFor('the patent and its drawing shown', () => events.includes('patent') && settledImage(events));
      const shown = events.indexOf('patent');
      assert.ok(!events.slice(0, shown).some((e) => e.startsWith('call')), `a call before the page showed the patent: ${events.join(', ')}`);
      assert.ok(events.includes('image:loaded'), events.join(', '));
      assert.ok(!events.some((e) => e.startsWith('call')), `a fresh card costs no call: ${events.join(', ')}`);
      assert.strictEqual(panel.snapshot.main.state === 'patent' && panel.snapshot.main.patent.number, NUMBER);
    } finally {
      stop();
    }
  });

  it('loads a panel restored while the session settles once, from the backend it settles on', async () => {
    const ref = await readThenReload(() => restoreSandboxSession(api));
    const proxy = await startRecordingProxy(sandboxUrl());
    try {
      // The session settles only after the panel is built, as it does after activation: its change comes while the panel's first load is under way.
      const settling = api.session.useSandbox(proxy.url, { remember: false });
      const { panel, events, stop } = restore(ref, 'claims');
      try {
        await settling;
        await waitFor('the claims shown', () => panel.sectionViews.get('claims')?.view.state === 'loaded');
        await waitFor('the drawing', () => settledImage(events));
        // The constructor's first "loading" comes before `restore` listens: any other is a second load.
        assert.ok(!events.includes('loading'), events.join(', '));
        assert.deepStrictEqual(events.filter((e) => e === 'patent'), ['patent'], events.join(', '));
        const asked = (p: string): number => proxy.requests.filter((r) => r.url.startsWith(p)).length;
        assert.deepStrictEqual([asked('/basic-patent-data/claim-data'), asked('/basic-patent-data/simple-bibliography')], [1, 1], proxy.requests.map((r) => r.url).join(', '));
      } finally {
        stop();
      }
    } finally {
      await proxy.close();
    }
  });

  it('renders a restored panel\u2019s card past its lifetime at once, marked as cached, and replaces it after one call', async () => {
    await readThenReloadThroughProxy(async (proxy, ref) => {
      await expireCard();
      const before = await sandbox.calls('/basic-patent-data');
      // The answers wait until the page shows the cached card: the order is the events', not the machine's speed.
      const release = proxy.hold('/basic-patent-data');
      const { panel, events, posts, stop } = restore(ref);
      try {
        await waitFor('the cached card shown', () => events.includes('patent:cached-refreshing'));
        release();
        await waitFor('the answer shown', () => events.includes('patent'));
        const cached = events.indexOf('patent:cached-refreshing');
        const calls = events.filter((e) => e.startsWith('call'));
        assert.ok(calls.length > 0 && calls.every((e) => e === 'call:cached'), `every call once the cached card was shown: ${events.join(', ')}`);
        assert.ok(events.indexOf('patent') > cached, events.join(', '));
        const first = posts.find((m) => m.type === 'patent');
        assert.ok(first?.type === 'patent' && first.cached, JSON.stringify(first).slice(0, 200));
        assert.deepStrictEqual(first.patent.legalStatus, ['As cached']);
        assert.match(first.cached.note, /^Cached on .+, refreshing/);
        const main = panel.snapshot.main;
        assert.ok(main.state === 'patent' && !main.cached, JSON.stringify(main).slice(0, 200));
        assert.deepStrictEqual(main.patent.legalStatus, ['Active'], 'the answer replaced what was cached');
        // One batched call asked again: bibliography and status, each once.
        assert.strictEqual((await sandbox.calls('/basic-patent-data')) - before, 2);
      } finally {
        release();
        stop();
      }
    });
  });

  it('keeps a restored panel\u2019s cached card, with a quiet note, when asking again fails', async () => {
    const ref = await readThenReload(() => restoreSandboxSession(api));
    await expireCard();
    await sandbox.addFault({ path: '/basic-patent-data', errorCode: 67200005, times: 0 });
    const { panel, events, stop } = restore(ref);
    try {
      await waitFor('the cached card and its note', () => events.includes('patent:cached') && settledImage(events));
      assert.ok(!events.includes('error'), events.join(', '));
      const main = panel.snapshot.main;
      assert.ok(main.state === 'patent' && main.cached && !main.cached.refreshing, JSON.stringify(main).slice(0, 300));
      assert.deepStrictEqual(main.patent.legalStatus, ['As cached']);
      assert.match(main.cached.note, /^Cached on .+; not refreshed: /);
    } finally {
      stop();
    }
  });

  it('renders a restored panel\u2019s section past its lifetime at once, marked as cached, and replaces it after the call', async () => {
    await readThenReloadThroughProxy(async (proxy, ref) => {
      await expireLegal();
      const before = [await sandbox.calls('/basic-patent-data/legal-status'), await sandbox.calls('/advanced-patent-data/legal-data')];
      // The answers wait until the page shows the cached section: the order is the events', not the machine's speed.
      const releases = [proxy.hold('/basic-patent-data/legal-status'), proxy.hold('/advanced-patent-data/legal-data')];
      const release = (): void => releases.forEach((r) => r());
      const { panel, events, posts, stop } = restore(ref, 'legal');
      try {
        await cachedThenAnswered(events, 'legal', release);
        const first = posts.find((m) => m.type === 'legal' && m.view.state === 'loaded');
        assert.ok(first?.type === 'legal' && first.view.state === 'loaded' && first.cached, JSON.stringify(first).slice(0, 300));
        assert.deepStrictEqual(first.view.simple, ['As cached']);
        assert.match(first.cached.note, /^Cached on .+, refreshing/);
        const shown = panel.sectionViews.get('legal');
        assert.ok(shown?.type === 'legal' && shown.view.state === 'loaded' && !shown.cached, JSON.stringify(shown).slice(0, 300));
        assert.deepStrictEqual(shown.view.simple, ['Active'], 'the answer replaced what was cached');
        const after = [await sandbox.calls('/basic-patent-data/legal-status'), await sandbox.calls('/advanced-patent-data/legal-data')];
        assert.deepStrictEqual([after[0]! - before[0]!, after[1]! - before[1]!], [1, 1], 'one call for each record asked again');
      } finally {
        release();
        stop();
      }
    });
  });

  it('shows a restored panel\u2019s fresh section from the cache without a call', async () => {
    const ref = await readThenReload(() => restoreSandboxSession(api));
    // The claims' own count: a call an earlier test left going may still land on the others.
    const before = await sandbox.calls('/basic-patent-data/claim-data');
    const { panel, events, stop } = restore(ref, 'claims');
    try {
      await waitFor('the claims shown', () => panel.sectionViews.get('claims')?.view.state === 'loaded');
      // (About the claims only: the card an earlier test left past its lifetime is shown, from the first message, as cached while it is asked again.)
      assert.ok(events.includes('claims') && !events.some((e) => e.startsWith('claims:cached')), events.join(', '));
      assert.strictEqual(await sandbox.calls('/basic-patent-data/claim-data'), before);
    } finally {
      stop();
    }
  });

  it('lists a restored panel\u2019s examination documents past their lifetime at once, marked as cached, and replaces them after the call', async () => {
    await readThenReloadThroughProxy(async (proxy, ref) => {
      await expireDocuments(ref);
      const before = await sandbox.calls(DOCS);
      // The listing waits until the page shows the cached one: the order is the events', not the machine's speed.
      const release = proxy.hold(DOCS);
      const { panel, events, posts, stop } = restore(ref, 'documents');
      try {
        await cachedThenAnswered(events, 'documents', release);
        const first = posts.find((m) => m.type === 'documents' && m.documents.state === 'page');
        assert.strictEqual(listed(first), 'As cached', JSON.stringify(first).slice(0, 300));
        assert.ok(first?.type === 'documents' && first.documents.state === 'page' && first.cached?.refreshing, JSON.stringify(first).slice(0, 300));
        assert.match(first.cached.note, /^Cached on .+, refreshing/);
        assert.ok(first.documents.rows.every((r) => r.openable), 'each document can be opened from the cached list');
        assert.notStrictEqual(listed({ type: 'documents', documents: panel.snapshot.documents ?? { state: 'loading' } }), 'As cached', 'the answer replaced what was cached');
        assert.strictEqual(panel.snapshot.documentsCached, undefined);
        assert.strictEqual((await sandbox.calls(DOCS)) - before, 1, 'one listing call');
      } finally {
        release();
        stop();
      }
    }, true);
  });

  it('lists a restored panel\u2019s fresh examination documents without a call, and opens one with a link asked for then', async () => {
    const ref = await readThenReload(() => restoreSandboxSession(api), true);
    const before = await sandbox.calls(DOCS);
    const pdfs = await api.pdfs();
    const { panel, events, stop } = restore(ref, 'documents');
    try {
      await waitFor('the documents', () => panel.snapshot.documents?.state === 'page');
      assert.ok(!events.some((e) => e.startsWith('call') || e.endsWith('cached-refreshing')), events.join(', '));
      assert.strictEqual(await sandbox.calls(DOCS), before, 'a fresh listing costs no call');
      // The disk keeps no signed link: opening asks the listing once for a fresh one.
      await panel.openDocument(1);
      const doc = await waitFor('the office action', () => pdfs.openViewers.find((v) => v.document.uri.query.includes('index=1') && v.viewState), 30_000);
      assert.ok((doc.viewState?.pages ?? 0) >= 1);
      assert.strictEqual(doc.failure, undefined);
      assert.strictEqual((await sandbox.calls(DOCS)) - before, 1, 'one listing call, for the link');
    } finally {
      stop();
    }
  });

  it('keeps a restored panel\u2019s cached examination documents, with a quiet note, when asking again fails', async () => {
    const ref = await readThenReload(() => restoreSandboxSession(api), true);
    await expireDocuments(ref);
    await sandbox.addFault({ path: DOCS, errorCode: 67200005, times: 0 });
    const { panel, events, stop } = restore(ref, 'documents');
    try {
      await waitFor('the cached documents and their note', () => events.includes('documents:cached'));
      const shown = panel.snapshot;
      assert.strictEqual(listed(shown.documents && { type: 'documents', documents: shown.documents }), 'As cached');
      assert.ok(shown.documentsCached && !shown.documentsCached.refreshing);
      assert.match(shown.documentsCached.note, /^Cached on .+; not refreshed: /);
    } finally {
      stop();
    }
  });

  it('keeps a restored panel\u2019s cached section, with a quiet note, when asking again fails', async () => {
    const ref = await readThenReload(() => restoreSandboxSession(api));
    await expireLegal();
    await sandbox.addFault({ path: '/basic-patent-data/legal-status', errorCode: 67200005, times: 0 });
    const { panel, events, stop } = restore(ref, 'legal');
    try {
      await waitFor('the cached section and its note', () => events.includes('legal:cached'));
      const shown = panel.sectionViews.get('legal');
      assert.ok(shown?.type === 'legal' && shown.view.state === 'loaded' && shown.cached && !shown.cached.refreshing, JSON.stringify(shown).slice(0, 300));
      assert.deepStrictEqual(shown.view.simple, ['As cached']);
      assert.match(shown.cached.note, /^Cached on .+; not refreshed: /);
    } finally {
      stop();
    }
  });

  describe('after the session changes to a backend that fails', () => {
    /** A gateway that takes each connection and drops it at once: every call fails as a network error. */
    async function refusingGateway(): Promise<{ url: string; close(): Promise<void> }> {
      const server = net.createServer((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as net.AddressInfo;
      return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
    }

    /** Each record section's last message to the page, and the whole panel once the failed reload is shown. */
    function lastPosted(panel: PatentPanel): Map<RecordSection, ToWebview> {
      const last = new Map<RecordSection, ToWebview>();
      panel.onDidPost((m) => {
        if ((SECTIONS as readonly string[]).includes(m.type)) last.set(m.type as RecordSection, m);
      });
      return last;
    }

    function assertFailedWithRetry(panel: PatentPanel, last: Map<RecordSection, ToWebview>, sections: readonly RecordSection[]): void {
      for (const s of sections) {
        const held = panel.sectionViews.get(s)?.view;
        assert.strictEqual(held?.state, 'error', `${s} held: ${JSON.stringify(held)?.slice(0, 200)}`);
        assert.ok(held.error.actions.some((a) => a.id === 'retry'), `${s}: ${JSON.stringify(held.error.actions)}`);
        const shown = last.get(s);
        assert.ok(shown && 'view' in shown && shown.view.state === 'error', `${s} on the page: ${JSON.stringify(shown)?.slice(0, 200)}`);
      }
    }

    it('shows the failure, with Retry, in every section the reader opened, the examination documents too, when the new backend is gone; back on a backend that answers, they load again', async () => {
      const panel = await openAll(api, NUMBER);
      panel.showDocuments();
      await waitFor('the documents', () => panel.snapshot.documents?.state === 'page');
      const last = lastPosted(panel);
      const gone = await refusingGateway();
      try {
        await api.session.useSandbox(gone.url, { remember: false });
        await waitFor('the failed reload', () => panel.snapshot.main.state === 'error');
        assertFailedWithRetry(panel, last, SECTIONS);
        const docs = panel.snapshot.documents;
        assert.ok(docs?.state === 'error' && docs.error.actions.some((a) => a.id === 'retry'), JSON.stringify(docs)?.slice(0, 200));
        await api.session.useSandbox(sandboxUrl(), { remember: false });
        await waitFor('every section and the documents loaded', () => SECTIONS.every((s) => panel.sectionViews.get(s)?.view.state === 'loaded') && panel.snapshot.documents?.state === 'page');
      } finally {
        await gone.close();
      }
    });

    it('shows the failure in a section that was loading when the session changed, and its Retry loads the patent and the section once the backend answers', async () => {
      const first = await startRecordingProxy(sandboxUrl());
      const refusing = await startRecordingProxy(sandboxUrl());
      let release = (): void => undefined;
      try {
        await api.session.useSandbox(first.url, { remember: false });
        release = first.hold('/basic-patent-data/claim-data');
        await vscode.commands.executeCommand('patentLookup.openPatent', NUMBER);
        const panel = await waitFor('a panel', () => api.panelFeature.openPanels[0]);
        await waitFor('the patent', () => panel.snapshot.main.state === 'patent');
        const last = lastPosted(panel);
        panel.showSection('claims');
        await waitFor('the claims asked for', () => first.requests.some((r) => r.url.startsWith('/basic-patent-data/claim-data')));
        assert.strictEqual(panel.sectionViews.get('claims')?.view.state, 'loading');
        const refused = (): unknown => ({ status: false, error_code: 68300008, error_msg: 'Service error, please try again later!' });
        refusing.rewrite('/basic-patent-data', refused);
        refusing.rewrite('/advanced-patent-data', refused);
        await api.session.useSandbox(refusing.url, { remember: false });
        await waitFor('the failed reload', () => panel.snapshot.main.state === 'error');
        assertFailedWithRetry(panel, last, ['claims']);
        refusing.clearRewrites();
        await panel.retrySection('claims');
        await waitFor('the claims loaded', () => panel.sectionViews.get('claims')?.view.state === 'loaded');
        assert.strictEqual(panel.snapshot.main.state, 'patent');
      } finally {
        release();
        await refusing.close();
        await first.close();
      }
    });
  });

  it('opens the publication an application number stands for', async () => {
    await vscode.commands.executeCommand('patentLookup.openPatent', 'U.S. Appl. No. 14/706,838');
    const panel = await waitFor('a panel', () => api.panelFeature.openPanels[0]);
    await waitFor('the patent', () => panel.snapshot.main.state !== 'loading');
    assert.strictEqual(panel.snapshot.main.state === 'patent' && panel.snapshot.main.patent.number, NUMBER);
  });

  describe('against PatSnap\u2019s own example answers, and empty and failing ones', () => {
    let proxy: RecordingProxy;

    before(async () => {
      proxy = await startRecordingProxy(sandboxUrl());
    });

    after(async () => {
      await proxy.close();
    });

    afterEach(() => proxy.clearRewrites());

    it('shows every section from the examples as they stand: Chinese claims of a family member, a numeric event code', async () => {
      const answers: Array<[string, string]> = [
        ['/basic-patent-data/claim-data', 'P018-claims.json'],
        ['/basic-patent-data/patent-family', 'P014-patent-family.json'],
        ['/basic-patent-data/backward-citation', 'P015-cited-by-patents.json'],
        ['/advanced-patent-data/forward-citation', 'P016-patent-citation.json'],
        ['/basic-patent-data/legal-status', 'P013-legal-status.json'],
        ['/advanced-patent-data/legal-data', 'P026-legal-events.json'],
      ];
      for (const [p, file] of answers) proxy.rewrite(p, () => example(file));
      await api.session.useSandbox(proxy.url, { remember: false });
      const panel = await openAll(api, NUMBER);
      const claims = loaded(panel, 'claims');
      assert.match(claims.claims[0]?.text ?? '', /^用于VEGFA基因编辑的系统/);
      assert.deepStrictEqual(claims.substitute, { number: 'CN103106923A', of: NUMBER });
      assert.deepStrictEqual(claims.claims.map((c) => c.num), [1, 2, 3, 4, 5]);
      const family = loaded(panel, 'family');
      // P013's example answers for US11205304B2, not for the member: the member is listed, without a status of another patent's.
      assert.deepStrictEqual(family.offices.map((o) => o.members.map((m) => [m.number, m.kind, m.legalStatus])), [[['US20130033085A1', 'A1', []]]]);
      assert.deepStrictEqual(loaded(panel, 'legal').simple, ['Pending'], 'the patent\u2019s own status is P013\u2019s');
      const citations = loaded(panel, 'citations');
      assert.strictEqual(citations.nonPatent[0]?.linked, true);
      assert.deepStrictEqual(citations.citedBy, [{ number: 'US20130033085A1' }]);
      const legal = loaded(panel, 'legal');
      assert.deepStrictEqual(legal.timeline.map((e) => e.code), ['1.3', 'B350']);
      assert.strictEqual(legal.timeline[0]?.legalStatus, '专利权的终止');
    });

    it('says "no citations recorded" for an empty answer, and shows a failure with Retry while the rest loads', async () => {
      proxy.rewrite('/advanced-patent-data/forward-citation', () => ({ status: true, error_code: 0, data: [] }));
      proxy.rewrite('/basic-patent-data/backward-citation', () => ({ status: true, error_code: 0, data: [] }));
      proxy.rewrite('/advanced-patent-data/legal-data', () => ({ status: false, error_code: 68300008, error_msg: 'Service error, please try again later!' }));
      await api.session.useSandbox(proxy.url, { remember: false });
      const panel = await openAll(api, 'EP1234567B1');
      assert.deepStrictEqual(panel.sectionViews.get('citations')?.view, { state: 'empty', message: 'No citations recorded.' });
      const legal = panel.sectionViews.get('legal')?.view;
      assert.strictEqual(legal?.state, 'error');
      assert.ok(legal?.state === 'error' && legal.error.actions.some((a) => a.id === 'retry'));
      loaded(panel, 'claims');
      loaded(panel, 'family');
      proxy.clearRewrites();
      panel.retrySection('legal');
      await waitFor('the events', () => panel.sectionViews.get('legal')?.view.state === 'loaded');
    });
  });

  describe('the PDF viewer', () => {
    it('opens the patent\u2019s PDF and an office action in an editor tab, rendered by the viewer', async () => {
      const pdfs = await api.pdfs();
      const panel = await openAll(api, NUMBER);
      await panel.openPdf();
      const patentPdf = await waitFor('the PDF viewer', () => pdfs.openViewers.find((v) => v.document.uri.path.endsWith(`/${NUMBER}.pdf`) && v.viewState), 30_000);
      assert.strictEqual(patentPdf.viewState?.pages, 3);
      assert.strictEqual(patentPdf.failure, undefined);

      panel.showDocuments();
      await waitFor('the documents', () => panel.snapshot.documents?.state === 'page');
      await panel.openDocument(0);
      const doc = await waitFor('the office action', () => pdfs.openViewers.find((v) => v.document.uri.query.includes('doc=1') && v.viewState), 30_000);
      assert.ok((doc.viewState?.pages ?? 0) >= 1);
    });

    it('opens a PDF saved in the workspace in the same viewer', async () => {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      assert.ok(folder, 'a workspace folder');
      const file = vscode.Uri.joinPath(folder, 'from-the-sandbox.pdf');
      const links = await sandbox.calls('/basic-patent-data/pdf-data');
      const pdfs = await api.pdfs();
      const bytes = (await pdfs.source.read(vscode.Uri.from({ scheme: 'patentlookup-pdf', path: `/${NUMBER}/${NUMBER}.pdf` }))).bytes;
      assert.ok(links <= (await sandbox.calls('/basic-patent-data/pdf-data')));
      await vscode.workspace.fs.writeFile(file, Uint8Array.from(bytes));
      await vscode.commands.executeCommand('vscode.open', file);
      const viewer = await waitFor('the viewer', () => pdfs.openViewers.find((v) => v.document.uri.toString() === file.toString() && v.viewState), 30_000);
      assert.strictEqual(viewer.viewState?.pages, 3);
      await vscode.workspace.fs.delete(file);
    });

    it('reads a PDF again from the backend now in use when the backend changed under a read, and keeps none of the old one', async () => {
      const LINK = '/basic-patent-data/pdf-data';
      const [before, now] = [await startRecordingProxy(sandboxUrl()), await startRecordingProxy(sandboxUrl())];
      const asked = (proxy: RecordingProxy): number => proxy.requests.filter((r) => r.url.startsWith(LINK)).length;
      try {
        // The backend switched to has no PDF of it: the old backend's must not be read from memory after the switch.
        now.rewrite(LINK, () => ({ status: true, error_code: 0, data: [] }));
        // Each backend's disk store starts empty (a port used before may have left one).
        for (const proxy of [now, before]) {
          await api.session.useSandbox(proxy.url, { remember: false });
          await api.session.clearLookupCache();
        }
        const pdfs = await api.pdfs();
        const uri = vscode.Uri.from({ scheme: 'patentlookup-pdf', path: `/${NUMBER}/${NUMBER}.pdf` });
        const release = before.hold(LINK);
        try {
          const old = pdfs.source.read(uri);
          await waitFor('the read at the old backend', () => asked(before) > 0);
          await api.session.useSandbox(now.url, { remember: false });
          // Checked from the start: the read may fail before the wait below ends, and a rejection nobody
          // listens to yet is reported as unhandled.
          const again = assert.rejects(pdfs.source.read(uri), /PatSnap has no PDF of/);
          await waitFor('a read of its own at the backend now in use', () => asked(now) > 0);
          await again;
          release();
          assert.ok((await old).bytes.length > 0, 'the old read gets the old backend\u2019s PDF');
          await assert.rejects(pdfs.source.read(uri), /PatSnap has no PDF of/, 'none of the old backend\u2019s is kept');
          assert.deepStrictEqual([asked(before), asked(now)], [1, 1]);
        } finally {
          release();
        }
      } finally {
        await Promise.all([before.close(), now.close()]);
      }
    });
  });
});
