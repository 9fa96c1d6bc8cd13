/**
 * Issue #16's "restored panels render within 2 s (cached data first, refresh after)",
 * measured where users see it: a patent panel open in code-server's workbench in
 * Chromium, the window reloaded with "Developer: Reload Window", against the runner's
 * sandbox. Run with `npm run bench:host -- restored-panel` (scripts/run-e2e.mjs
 * --bench: the packaged extension, the page objects of test/lib/pages; a reload ends
 * the extension host, so this bench cannot run inside it as the other host benches do).
 *
 * From the click on the command, each round times (a) the workbench shown again (its
 * remote connection up: explorer rows or our view container), (b) the restored panel
 * showing the patent's title and bibliography, (c) the refreshed card (the "Cached on …"
 * note gone), how long the restored panel's tab shows blank (from the tab to (b)), and
 * where the time to (b) goes: the new extension host's start and our activation in it
 * (from its log), VS Code's webview element created (it waits for our
 * deserializeWebviewPanel), the webview frames' requests (index.html, its service worker,
 * the fake.html its page is written into, any linked script or style sheet), and in the
 * page, by its own clock (performance marks of src/webview/patent/main.ts), its frame's
 * navigation, its script, the card drawn and the first paint. BENCH_TRACE=1 also writes
 * every request of each reload to requests.tsv in the artifacts. Four
 * cases, interleaved round by round so that load from other processes hits them alike:
 * - kept fresh: the card as the panel left it; nothing to refresh, (c) is (b);
 * - kept stale: the card's cache entry aged past its lifetime (looked up two days ago),
 *   so the panel shows it marked as cached and asks again;
 * - stale, sandbox slowed: the same, every API call answered SLOW_MS late;
 * - stale, sandbox held: every API call and the token call held HELD_MS, past the measure, so the refresh
 *   is not waited for: (b) shows the cached card does not wait for the network.
 * Times are taken in this process around Playwright's waits (a few tens of ms of
 * polling and round trips each; a few hundred for a new frame under load: the in-page
 * times are the closer ones). Figures only: the bench fails only if the panel does
 * not come back with the patent as the case has it (marked cached when slowed or held; a
 * fresh card without a call).
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { e2eEnvironment } from '../../lib/e2eEnvironment';
import type { Locator, Request } from 'playwright-core';
import { openVsCode, Sandbox, SideBar, type VsCode } from '../../lib/pages';
import { WORKBENCH_READY_MS } from '../../lib/pages/timeouts';
import { median, verdict } from '../lib/download';

const PATENT = 'US11205304B2';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET_MS = 2_000;
const SLOW_MS = Number(process.env.BENCH_SLOW_MS ?? 3_000);
const HELD_MS = 120_000;
const DAY = 24 * 3_600_000;
/** The lookup cache's namespace of patent cards (src/core/cache/patentLookup.ts CARD_NS). */
const CARD_NAMESPACE = 'card-v1';

type CaseName = 'kept fresh' | 'kept stale' | 'stale, sandbox slowed' | 'stale, sandbox held';

interface Round {
  pageLoaded: number;
  ready: number;
  /** The restored panel's tab shown (blank until its frame shows the card). */
  tab: number;
  /** VS Code's webview element for the panel created (after our deserializeWebviewPanel resolved). */
  webview: number;
  /** Where the time to the card goes: the new extension host's start and our activation in it (its log), the panel's frame shown, the card shown (as seen from here). */
  hostStarted: number;
  activated: number;
  frame: number;
  card: number;
  /** In the panel's page, by its own clock: its script ran, it drew the first card, its first paint with content (VS Code shows the frame once it has loaded). */
  page: { navigation: number; answered: number; script: number; card: number; paint: number };
  /** The webview frames' requests from the click: when each was made and when its answer ended (`index.html`, `service-worker.js`, `fake.html`, our CSS and script). */
  requests: Record<string, { start: number; end?: number }>;
  /** Undefined when the refresh was not waited for (held). */
  refreshed?: number;
  /** The "Cached on …" note showed when (b) was taken. */
  cachedNote: boolean;
  /** API calls the sandbox answered from the click until the window settled, by path. */
  calls: Record<string, number>;
}

/** Run in the opposite order: the held case leaves the card stale, a refreshed one leaves it fresh for the next. */
const CASES: ReadonlyArray<{ name: CaseName; stale: boolean; delayMs?: number; token?: boolean; waitRefresh: boolean }> = [
  { name: 'kept fresh', stale: false, waitRefresh: false },
  { name: 'kept stale', stale: true, waitRefresh: true },
  { name: 'stale, sandbox slowed', stale: true, delayMs: SLOW_MS, waitRefresh: true },
  { name: 'stale, sandbox held', stale: true, delayMs: HELD_MS, token: true, waitRefresh: false },
];
const BIBLIOGRAPHY = '/basic-patent-data/simple-bibliography';

/**
 * Ages every patent card the lookup cache keeps on disk: stored two days ago, past its
 * lifetime a day ago (the store's own entry format, src/core/cache/recordStore.ts: a
 * JSON header line, then the body). Returns how many it aged.
 */
async function ageCards(globalStorage: string): Promise<number> {
  const lookups = path.join(globalStorage, 'lookups');
  let aged = 0;
  for (const backend of await fs.readdir(lookups).catch(() => [] as string[])) {
    const folder = path.join(lookups, backend, CARD_NAMESPACE);
    for (const name of await fs.readdir(folder).catch(() => [] as string[])) {
      if (!name.endsWith('.entry')) continue;
      const file = path.join(folder, name);
      const raw = await fs.readFile(file);
      const newline = raw.indexOf(0x0a);
      const header = JSON.parse(raw.subarray(0, newline).toString('utf8')) as { storedAt: number; expiresAt: number };
      const now = Date.now();
      header.storedAt = now - 2 * DAY;
      header.expiresAt = now - DAY;
      await fs.writeFile(file, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), raw.subarray(newline + 1)]));
      aged++;
    }
  }
  return aged;
}

/** code-server's logs: one folder per server start, with one exthostN folder per extension host. */
function logsFolder(): string {
  return path.resolve(e2eEnvironment().globalStorage, '..', '..', '..', 'logs');
}

/**
 * When the newest extension host started and activated this extension, from its own log
 * (remoteexthost.log: "2026-12-01 19:24:56.173 [info] …", local time).
 */
async function hostTimes(logs: string): Promise<{ started: number; activated: number }> {
  const hosts: string[] = [];
  for (const run of await fs.readdir(logs)) for (const d of await fs.readdir(path.join(logs, run)).catch(() => [] as string[])) if (/^exthost\d+$/.test(d)) hosts.push(path.join(logs, run, d));
  const newest = hosts.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1);
  const text = newest ? await fs.readFile(path.join(newest, 'remoteexthost.log'), 'utf8') : '';
  const at = (pattern: RegExp): number => {
    const m = new RegExp(`^(\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*${pattern.source}`, 'm').exec(text);
    return m ? new Date(`${m[1]}T${m[2]}`).getTime() : NaN;
  };
  return { started: at(/Extension host with pid \d+ started/), activated: at(/_doActivateExtension patent-lookup\.patent-lookup\b/) };
}

const ms = (x: number): string => `${Math.round(x)} ms`;

function since(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).flatMap(([p, n]) => (n > (before[p] ?? 0) ? [[p, n - (before[p] ?? 0)]] : [])));
}

const total = (calls: Record<string, number>): number => Object.values(calls).reduce((a, b) => a + b, 0);

describe('Bench: a patent panel restored after a window reload', function () {
  this.timeout(30 * 60_000);
  let vscode: VsCode;
  let sandbox: Sandbox;
  let title: string;

  before(async () => {
    sandbox = Sandbox.current();
    vscode = await openVsCode();
    const panel = await vscode.openPatent(PATENT);
    title = await panel.title();
    await panel.content.locator('dl.facts').waitFor({ state: 'visible' });
  });

  after(async () => {
    await sandbox?.clearFaults();
    await vscode?.close();
  });

  /** Reloads the window and times what comes back, from the click on the command. */
  async function reload(waitRefresh: boolean): Promise<Round> {
    const page = vscode.page;
    const callsBefore = await sandbox.callsByPath();
    let started = 0;
    const requests: Round['requests'] = {};
    const requestName = (url: string): string | undefined => /\/(index\.html|service-worker\.js|fake\.html|patentPanel\.css|patent\.js)(?:[?#]|$)/.exec(url)?.[1];
    const trace: string[] = [];
    const onAny = (r: Request): void => {
      if (!started) return;
      const t0 = Date.now() - started;
      void r.response().then(() => r.sizes()).then(() => trace.push(`${t0}\t${Date.now() - started}\t${r.resourceType()}\t${r.url().slice(0, 200)}`)).catch(() => trace.push(`${t0}\t?\t${r.url().slice(0, 200)}`));
    };
    if (process.env.BENCH_TRACE) page.context().on('request', onAny);
    const onRequest = (r: Request): void => {
      const name = requestName(r.url());
      if (name && started && !requests[name]) requests[name] = { start: Date.now() - started };
    };
    const onFinished = (r: Request): void => {
      const entry = requests[requestName(r.url()) ?? ''];
      if (entry && entry.end === undefined) entry.end = Date.now() - started;
    };
    page.context().on('request', onRequest);
    page.context().on('requestfinished', onFinished);
    let loaded!: Promise<unknown>;
    await vscode.palette.run('Developer: Reload Window', {
      chosen: () => {
        // (Before the click: the old page's workbench must not answer the waits below.)
        loaded = page.waitForEvent('domcontentloaded', { timeout: WORKBENCH_READY_MS });
        started = Date.now();
      },
    });
    await loaded;
    const pageAt = Date.now() - started;
    const panel = vscode.patentPanel(PATENT);
    const at = async (wait: Promise<unknown>): Promise<number> => {
      await wait;
      return Date.now() - started;
    };
    const shown = (l: Locator): Promise<void> => l.waitFor({ state: 'attached', timeout: WORKBENCH_READY_MS });
    const cardShown = panel.content.locator('#patent:has(header.header h1):has(dl.facts)', { hasText: title });
    const [ready, tab, webview, frame, card] = await Promise.all([
      at(vscode.workbench.waitShown(SideBar.CONTAINER)),
      at(panel.tab.waitFor({ state: 'visible', timeout: WORKBENCH_READY_MS })),
      at(page.locator('iframe.webview').first().waitFor({ state: 'attached', timeout: WORKBENCH_READY_MS })),
      // The webview's document (webviewHtml.ts' <main id="root">) in the frame VS Code shows once it has loaded.
      at(shown(panel.content.locator('#root'))),
      at(cardShown.waitFor({ state: 'visible', timeout: WORKBENCH_READY_MS })),
    ]);
    // (No named functions inside: the test loader's name helper does not exist in the page.)
    const inPage = await panel.content.locator('body').evaluate((): Record<string, number> => ({
      ...Object.fromEntries(['patent-panel:script', 'patent-panel:card', 'first-contentful-paint'].map((name) => [name, performance.timeOrigin + (performance.getEntriesByName(name)[0]?.startTime ?? NaN)])),
      // The frame's own navigation (VS Code's fake.html, which its page is then written into): its start and its answer's end.
      navigation: performance.timeOrigin,
      answered: performance.timeOrigin + ((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseEnd ?? NaN),
    }));
    const note = panel.content.locator('header.header p.status.cached');
    const cachedNote = (await note.count()) > 0;
    let refreshed: number | undefined;
    if (waitRefresh) {
      await panel.content.locator('header.header:not(:has(p.status.cached)) h1', { hasText: title }).waitFor({ state: 'visible', timeout: WORKBENCH_READY_MS });
      refreshed = Date.now() - started;
    } else if (!cachedNote) refreshed = card;
    // The next reload starts from a settled window (restored webviews loaded: see Workbench.waitWebviewsRestored).
    await vscode.workbench.waitReady(SideBar.CONTAINER);
    page.context().off('request', onRequest);
    page.context().off('request', onAny);
    if (process.env.BENCH_TRACE) await fs.appendFile(path.join(e2eEnvironment().artifacts, 'requests.tsv'), `--- reload at ${started} host ${JSON.stringify(await hostTimes(logsFolder()))}\n${trace.sort((a, b) => parseInt(a) - parseInt(b)).join('\n')}\n`);
    page.context().off('requestfinished', onFinished);
    const host = await hostTimes(logsFolder());
    return { pageLoaded: pageAt, page: { navigation: (inPage.navigation ?? NaN) - started, answered: (inPage.answered ?? NaN) - started, script: (inPage['patent-panel:script'] ?? NaN) - started, card: (inPage['patent-panel:card'] ?? NaN) - started, paint: (inPage['first-contentful-paint'] ?? NaN) - started }, ready, tab, webview, requests, hostStarted: host.started - started, activated: host.activated - started, frame, card, refreshed, cachedNote, calls: since(callsBefore, await sandbox.callsByPath()) };
  }

  it(`prints the times to the workbench, the cached card and the refreshed one against ${TARGET_MS / 1000} s`, async () => {
    // Once uncounted: the first reload after opening saves the layout that holds the panel.
    const cold = await reload(false);
    const rounds = new Map<CaseName, Round[]>(CASES.map((c) => [c.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of [...CASES].reverse()) {
        await sandbox.clearFaults();
        if (c.stale) assert.ok((await ageCards(e2eEnvironment().globalStorage)) > 0, 'the lookup cache keeps the card on disk');
        if (c.delayMs) await sandbox.addFault({ delayMs: c.delayMs, times: 0, token: c.token });
        const r = await reload(c.waitRefresh);
        // (Unslowed, the refresh may replace the aged card before it is looked at.)
        if (!c.stale || c.delayMs) assert.strictEqual(r.cachedNote, c.stale, c.stale ? 'the aged card is shown as cached' : 'the fresh card is shown as it is');
        if (!c.stale) assert.strictEqual(r.calls[BIBLIOGRAPHY] ?? 0, 0, 'a fresh card costs no call');
        rounds.get(c.name)?.push(r);
      }
    }
    await sandbox.clearFaults();

    const W = 22;
    const stat = (xs: number[]): string => (xs.length ? `${ms(median(xs))} (max ${ms(Math.max(...xs))})`.padEnd(W) : 'not waited'.padEnd(W));
    console.log(`${ROUNDS} rounds per case, ${PATENT}; medians (max) from the click on "Developer: Reload Window"; slowed = every API call ${SLOW_MS / 1000} s late, held = ${HELD_MS / 1000} s`);
    console.log(`  ${'case'.padEnd(24)}${['page loaded', '(a) workbench', '(b) cached card', 'blank tab', '(c) refreshed'].map((h) => h.padEnd(W)).join('')}calls  target (b) <= ${TARGET_MS / 1000} s`);
    const line = (name: string, rs: Round[]): string => {
      const cards = rs.map((r) => r.card);
      const refreshed = rs.flatMap((r) => (r.refreshed === undefined ? [] : [r.refreshed]));
      return `  ${name.padEnd(24)}${stat(rs.map((r) => r.pageLoaded))}${stat(rs.map((r) => r.ready))}${stat(cards)}${stat(rs.map((r) => r.card - r.tab))}${stat(refreshed)}${String(median(rs.map((r) => total(r.calls)))).padEnd(7)}${verdict(median(cards) <= TARGET_MS)} (median), ${verdict(Math.max(...cards) <= TARGET_MS)} (max)`;
    };
    console.log(line('first reload (cold)', [cold]));
    for (const [name, rs] of rounds) console.log(line(name, rs));
    console.log("blank tab: from the restored panel's tab showing (blank) to its card, what a user sees empty");
    const steps = {
      tab: (r: Round) => r.tab,
      hostStarted: (r: Round) => r.hostStarted,
      activated: (r: Round) => r.activated,
      webview: (r: Round) => r.webview,
      'page:nav': (r: Round) => r.page.navigation,
      'page:answer': (r: Round) => r.page.answered,
      'page:script': (r: Round) => r.page.script,
      'page:card': (r: Round) => r.page.card,
      'page:paint': (r: Round) => r.page.paint,
      frame: (r: Round) => r.frame,
      card: (r: Round) => r.card,
    };
    console.log(
      `where the time to (b) goes, medians from the click: the panel's tab shown, the new extension host started, activated us (its log), VS Code's webview element created (after our deserializer); in the page by its clock: its frame's navigation (VS Code's fake.html) began and was answered, its script ran, it drew the card, its first paint with content; seen from here: the frame shown, the card`,
    );
    console.log(`  ${''.padEnd(24)}${Object.keys(steps).map((k) => k.padEnd(13)).join('')}card after activation`);
    for (const [name, rs] of [['first reload (cold)', [cold]] as const, ...rounds]) {
      console.log(`  ${name.padEnd(24)}${Object.values(steps).map((f) => ms(median(rs.map(f))).padEnd(13)).join('')}${stat(rs.map((r) => r.card - r.activated))}`);
    }
    console.log("the webview frames' requests, medians from the click: made -> answered");
    for (const [name, rs] of [['first reload (cold)', [cold]] as const, ...rounds]) {
      const names = [...new Set(rs.flatMap((r) => Object.keys(r.requests)))];
      const span = (n: string): string => {
        const starts = rs.flatMap((r) => (r.requests[n] ? [r.requests[n].start] : []));
        const ends = rs.flatMap((r) => (r.requests[n]?.end === undefined ? [] : [r.requests[n].end]));
        return `${n} ${ms(median(starts))} -> ${ends.length ? ms(median(ends)) : '?'}`;
      };
      console.log(`  ${name.padEnd(24)}${names.sort((a, b) => median(rs.flatMap((r) => (r.requests[a] ? [r.requests[a].start] : []))) - median(rs.flatMap((r) => (r.requests[b] ? [r.requests[b].start] : [])))).map(span).join(', ') || 'none seen'}`);
    }
    console.log('calls per reload, by path (all rounds):');
    for (const [name, rs] of [['first reload (cold)', [cold]] as const, ...rounds]) {
      const sum: Record<string, number> = {};
      for (const r of rs) for (const [p, n] of Object.entries(r.calls)) sum[p] = (sum[p] ?? 0) + n;
      console.log(`  ${name.padEnd(24)}${Object.entries(sum).map(([p, n]) => `${p} ${n / rs.length}`).join(', ') || 'none'}`);
    }
    // The host's logs (activation, the extension's own log) for a closer look.
    await fs.cp(logsFolder(), path.join(e2eEnvironment().artifacts, 'logs'), { recursive: true }).catch(() => undefined);
  });
});
