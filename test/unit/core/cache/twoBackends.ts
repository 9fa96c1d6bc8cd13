/**
 * Two backends for the tests of a switch under a call: two sandboxes of different sample
 * data (as the sandbox and PatSnap, or two gateways, answer differently), each behind a
 * loopback proxy that can hold a path's requests until the test releases them, and each
 * with its own disk store (the session keeps one per backend). A patent of the first
 * one's data that the second does not have answers with its records there and "none"
 * here, so every answer says which backend gave it.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PatsnapApi } from '../../../../src/core/api/types';
import { RecordStore } from '../../../../src/core/cache/recordStore';
import type { SampleData } from '../../../../src/sandbox/data';
import type { SandboxServer } from '../../../../src/sandbox/server';
import { startRecordingProxy, type RecordingProxy } from '../../../lib/recordingProxy';
import { client, TOKEN, until, useSandbox } from '../api/helpers';

export interface Backend {
  readonly sb: SandboxServer;
  readonly proxy: RecordingProxy;
  /** A client of this backend (through its proxy). */
  readonly api: PatsnapApi;
  /** This backend's disk store (the session's `lookupStore()` while it is in use). */
  readonly store: Promise<RecordStore>;
  /** Business calls of `pathPrefix` that reached the proxy (held ones too). */
  calls(pathPrefix: string): number;
  /** Holds the calls of `pathPrefix` until the returned release; resolves once one has arrived. */
  hold(pathPrefix: string): { arrived: () => Promise<void>; release: () => void };
}

export interface TwoBackends {
  /** The first sample data's backend (the one a test starts on). */
  readonly a: Backend;
  /** The other sample data's. */
  readonly b: Backend;
  /** The one in use: what `api()` and `store()` answer, as the session's do. */
  use(backend: Backend): void;
  api(): PatsnapApi;
  store(): Promise<RecordStore>;
  /** A patent of a's data that b does not have, with records of every kind in a (cited by another, a drawing, a PDF, documents). */
  onlyInA(): string;
  /**
   * A store opener whose first opening hands out a's store once `open` is called (a store
   * handed out just before the backend changed); later ones the store in use.
   */
  slowStoreOfA(): { store: () => Promise<RecordStore>; open: () => void };
}

/** Starts both backends for the enclosing describe block; each test starts on `a`. */
export function useTwoBackends(): TwoBackends {
  const sandboxA = useSandbox();
  const sandboxB = useSandbox({ seed: 2 });
  const proxies: RecordingProxy[] = [];
  let folder = '';
  let backends: { a: Backend; b: Backend } | undefined;
  let inUse: Backend | undefined;

  before(async () => {
    proxies.push(await startRecordingProxy(sandboxA.sb.url), await startRecordingProxy(sandboxB.sb.url));
  });
  after(async () => {
    await Promise.all(proxies.map((p) => p.close()));
  });
  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'two-backends-'));
    const [proxyA, proxyB] = proxies as [RecordingProxy, RecordingProxy];
    backends = { a: backend(sandboxA.sb, proxyA, path.join(folder, 'a')), b: backend(sandboxB.sb, proxyB, path.join(folder, 'b')) };
    inUse = backends.a;
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  const both = (): { a: Backend; b: Backend } => {
    if (!backends) throw new Error('the backends are set up before each test');
    return backends;
  };
  return {
    get a() {
      return both().a;
    },
    get b() {
      return both().b;
    },
    use: (b) => (inUse = b),
    api: () => (inUse ?? both().a).api,
    store: () => (inUse ?? both().a).store,
    onlyInA: () => onlyIn(sandboxA.sb.data, sandboxB.sb.data),
    slowStoreOfA: () => {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      const storeA = both().a.store;
      let first = true;
      const store = (): Promise<RecordStore> => {
        if (!first) return (inUse ?? both().a).store;
        first = false;
        return opened.then(() => storeA);
      };
      return { store, open };
    },
  };
}

function backend(sb: SandboxServer, proxy: RecordingProxy, folder: string): Backend {
  proxy.requests.splice(0);
  const calls = (prefix: string): number => proxy.requests.filter((r) => r.url.startsWith(prefix) && !r.url.startsWith(TOKEN)).length;
  return {
    sb,
    proxy,
    api: client(sb, { baseUrl: proxy.url }),
    store: RecordStore.open({ folder }),
    calls,
    hold: (prefix) => {
      const before = calls(prefix);
      const release = proxy.hold(prefix);
      return { arrived: () => until(() => calls(prefix) > before), release };
    },
  };
}

function onlyIn(mine: SampleData, theirs: SampleData): string {
  const elsewhere = new Set(theirs.patents.map((p) => p.pn));
  const cited = new Set(mine.patents.flatMap((p) => p.citedPatents.map((c) => c.pn)));
  const found = mine.patents.find((p) => !elsewhere.has(p.pn) && cited.has(p.pn) && p.citedPatents.length > 0 && p.hasDrawing && p.hasPdf && p.examDocCount > 0 && p.claims.length > 0);
  assert.ok(found, 'no patent of the first sample data has every kind of record and is missing from the other');
  return found.pn;
}
