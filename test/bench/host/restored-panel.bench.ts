/**
 * Issue #16's "restored panels render within 2 s (cached data first, refresh after)",
 * measured where users see it: a patent panel open in code-server's workbench in
 * Chromium, the window reloaded with "Developer: Reload Window", against the runner's
 * sandbox. Run with `npm run bench:host -- restored-panel` (scripts/run-e2e.mjs
 * --bench: the packaged extension, the e2e page objects; a reload ends the extension
 * host, so this bench cannot run inside it as the other host benches do).
 *
 * From the click on the command, each round times (a) the workbench shown again (its
 * remote connection up: explorer rows or our view container), (b) the restored panel
 * showing the patent's title and bibliography, (c) the refreshed card (the "Cached on …"
 * note gone), and where the time to (b) goes: the new extension host's start and our
 * activation in it (from its log), the panel's frame, its script, our first message. Four
 * cases, interleaved round by round so that load from other processes hits them alike:
 * - kept fresh: the card as the panel left it; nothing to refresh, (c) is (b);
 * - kept stale: the card's cache entry aged past its lifetime (looked up two days ago),
 *   so the panel shows it marked as cached and asks again;
 * - stale, sandbox slowed: the same, every API call answered SLOW_MS late;
 * - stale, sandbox held: every API call held HELD_MS, past the measure, so the refresh
 *   is not waited for: (b) shows the cached card does not wait for the network.
 * Times are taken in this process around Playwright's waits (a few tens of ms of
 * polling and round trips each). Figures only: the bench fails only if the panel does
 * not come back with the patent as the case has it (marked cached when slowed or held; a
 * fresh card without a call).
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { e2eEnvironment } from '../../e2e/environment';
import type { Locator } from 'playwright-core';
import { openVsCode, Sandbox, SideBar, type VsCode } from '../../e2e/pages';
import { WORKBENCH_READY_MS } from '../../e2e/pages/timeouts';
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
  page: number;
  ready: number;
  /** Where the time to the card goes: the new extension host's start and our activation in it (its log), the panel's frame, its script, the extension's first message. */
  hostStarted: number;
  activated: number;
  frame: number;
  script: number;
  loading: number;
  card: number;
  /** Undefined when the refresh was not waited for (held). */
  refreshed?: number;
  /** The "Cached on …" note showed when (b) was taken. */
  cachedNote: boolean;
  /** API calls the sandbox answered from the click until the window settled, by path. */
  calls: Record<string, number>;
}

/** Run in the opposite order: the held case leaves the card stale, a refreshed one leaves it fresh for the next. */
const CASES: ReadonlyArray<{ name: CaseName; stale: boolean; delayMs?: number; waitRefresh: boolean }> = [
  { name: 'kept fresh', stale: false, waitRefresh: false },
  { name: 'kept stale', stale: true, waitRefresh: true },
  { name: 'stale, sandbox slowed', stale: true, delayMs: SLOW_MS, waitRefresh: true },
  { name: 'stale, sandbox held', stale: true, delayMs: HELD_MS, waitRefresh: false },
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
    const [ready, frame, script, loading, card] = await Promise.all([
      at(vscode.workbench.waitShown(SideBar.CONTAINER)),
      // The webview's document (webviewHtml.ts' <main id="root">), its script's first element, the extension's "loading" (or the card).
      at(shown(panel.content.locator('#root'))),
      at(shown(panel.content.locator('#patent'))),
      at(shown(panel.content.locator('#patent p.status').or(cardShown).first())),
      at(cardShown.waitFor({ state: 'visible', timeout: WORKBENCH_READY_MS })),
    ]);
    const note = panel.content.locator('header.header p.status.cached');
    const cachedNote = (await note.count()) > 0;
    let refreshed: number | undefined;
    if (waitRefresh) {
      await panel.content.locator('header.header:not(:has(p.status.cached)) h1', { hasText: title }).waitFor({ state: 'visible', timeout: WORKBENCH_READY_MS });
      refreshed = Date.now() - started;
    } else if (!cachedNote) refreshed = card;
    // The next reload starts from a settled window (restored webviews loaded: see Workbench.waitWebviewsRestored).
    await vscode.workbench.waitReady(SideBar.CONTAINER);
    const host = await hostTimes(logsFolder());
    return { page: pageAt, ready, hostStarted: host.started - started, activated: host.activated - started, frame, script, loading, card, refreshed, cachedNote, calls: since(callsBefore, await sandbox.callsByPath()) };
  }

  it(`prints the times to the workbench, the cached card and the refreshed one against ${TARGET_MS / 1000} s`, async () => {
    // Once uncounted: the first reload after opening saves the layout that holds the panel.
    const cold = await reload(false);
    const rounds = new Map<CaseName, Round[]>(CASES.map((c) => [c.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of [...CASES].reverse()) {
        await sandbox.clearFaults();
        if (c.stale) assert.ok((await ageCards(e2eEnvironment().globalStorage)) > 0, 'the lookup cache keeps the card on disk');
        if (c.delayMs) await sandbox.addFault({ delayMs: c.delayMs, times: 0 });
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
    console.log(`  ${'case'.padEnd(24)}${['page loaded', '(a) workbench', '(b) cached card', '(c) refreshed'].map((h) => h.padEnd(W)).join('')}calls  target (b) <= ${TARGET_MS / 1000} s`);
    const line = (name: string, rs: Round[]): string => {
      const cards = rs.map((r) => r.card);
      const refreshed = rs.flatMap((r) => (r.refreshed === undefined ? [] : [r.refreshed]));
      return `  ${name.padEnd(24)}${stat(rs.map((r) => r.page))}${stat(rs.map((r) => r.ready))}${stat(cards)}${stat(refreshed)}${String(median(rs.map((r) => total(r.calls)))).padEnd(7)}${verdict(median(cards) <= TARGET_MS)} (median), ${verdict(Math.max(...cards) <= TARGET_MS)} (max)`;
    };
    console.log(line('first reload (cold)', [cold]));
    for (const [name, rs] of rounds) console.log(line(name, rs));
    const steps = ['hostStarted', 'activated', 'frame', 'script', 'loading', 'card'] as const;
    console.log(`where the time to (b) goes, medians from the click: the new extension host started, activated us (its log), the panel's frame loaded, its script ran, our first message (loading, or the card), the card`);
    console.log(`  ${''.padEnd(24)}${steps.map((k) => k.padEnd(14)).join('')}card after activation`);
    for (const [name, rs] of [['first reload (cold)', [cold]] as const, ...rounds]) {
      console.log(`  ${name.padEnd(24)}${steps.map((k) => ms(median(rs.map((r) => r[k]))).padEnd(14)).join('')}${stat(rs.map((r) => r.card - r.activated))}`);
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
