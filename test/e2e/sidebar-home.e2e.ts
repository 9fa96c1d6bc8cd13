/**
 * Knowing where you are, as a user sees it: the status bar item names the backend
 * (the sandbox here) and opens a menu to switch; "Use Local Sandbox…" offers the
 * sandbox that announced itself, at its own port; result rows show number, date,
 * assignee and title within the side bar, or number and title when compact.
 * Runs after search-panel.e2e.ts (which expects an empty search history).
 */
import * as assert from 'assert';
import { e2eEnvironment } from '../lib/e2eEnvironment';
import { openVsCode, type TreeView, type VsCode } from '../lib/pages';
import { UI_MS } from '../lib/pages/timeouts';

const QUERY = 'TTL:(sensor OR device)';
const PATENT = 'US12219441B1';

describe('Where am I: the status bar, the sandbox found, result rows', function () {
  let vscode: VsCode;
  let results: TreeView;
  const sandboxUrl = (): string => e2eEnvironment().sandboxUrl ?? assert.fail('the runner started no sandbox');

  before(async () => {
    vscode = await openVsCode();
    results = await vscode.sideBar.resultsWithRoom();
  });

  afterEach(async () => {
    await vscode.dismissTransients();
  });

  after(async () => {
    await vscode?.close();
  });

  it('the status bar says the sandbox is in use, and its menu offers the ways to switch', async () => {
    // Once the calls of the window's start are answered (it says ", working" while they are out).
    await vscode.statusBar.waitBackendLabel('Patent Lookup: local sandbox');
    assert.strictEqual(await vscode.statusBar.waitBackend('Sandbox'), 'Sandbox');
    await vscode.statusBar.backend.click();
    const q = vscode.quickInput;
    await q.title.filter({ hasText: `Patent Lookup uses the sandbox at ${sandboxUrl()}` }).waitFor({ state: 'visible', timeout: UI_MS });
    const rows = (await q.rowLabels()).join('\n');
    // ("Use PatSnap" too when credentials are stored: the credentials spec stored some.)
    for (const entry of ['Set API Credentials\u2026', 'Use Local Sandbox\u2026', 'Clear API Credentials', 'Open Settings', 'Show Log']) assert.ok(rows.includes(entry), `${entry} in\n${rows}`);
    await vscode.screenshot('status-bar-menu');
    await q.pick('Show Log');
    // The "Patent Lookup" output channel, with the session's line about the sandbox.
    const line = vscode.page.locator('.part.panel .view-line', { hasText: 'PatSnap client ready for' }).first();
    await line.waitFor({ state: 'visible', timeout: UI_MS });
    assert.match((await line.innerText()).replace(/\s+/g, ' '), /PatSnap client ready for 127\.0\.0\.1:\d+ \(sandbox\)/);
    await vscode.screenshot('status-bar-show-log');
  });

  it('"Use Local Sandbox…" offers the sandbox that announced itself, at its own port', async () => {
    await vscode.palette.run('Patent: Use Local Sandbox…');
    const q = vscode.quickInput;
    await q.title.filter({ hasText: 'Use Local Sandbox' }).waitFor({ state: 'visible', timeout: UI_MS });
    const row = q.row(sandboxUrl());
    await row.waitFor({ state: 'visible', timeout: UI_MS });
    assert.match(await row.innerText(), /in use/);
    assert.match(await row.innerText(), new RegExp(`process \\d+`));
    assert.ok(!(await q.rowLabels()).some((l) => l.includes(':8787') && !sandboxUrl().endsWith(':8787')), 'no guessed port');
    await vscode.screenshot('use-local-sandbox');
    await q.pick(sandboxUrl());
    await vscode.notifications.waitFor(`Patent Lookup uses the sandbox at ${sandboxUrl()} with its test credentials.`);
    await vscode.statusBar.waitBackend('Sandbox');
  });

  it('result rows show number and title, and date and assignee beneath, within the side bar; compact rows one line', async () => {
    await vscode.search(QUERY);
    const row = results.row(PATENT);
    await row.waitFor({ state: 'visible', timeout: UI_MS });
    assert.match(await row.innerText(), new RegExp(`^${PATENT}\\s*Image classification device`));

    // The patent's row says everything; the row beneath shows the date and the assignee.
    const spoken = (await row.getAttribute('aria-label')) ?? '';
    const [, assignee, date] = /, assignee (.+), published ([A-Z][a-z]{2} \d{1,2}, \d{4})$/.exec(spoken) ?? assert.fail(`row label: ${spoken}`);
    const details = results.rows.and(vscode.page.locator(`[aria-label="assignee ${assignee}, published ${date}"]`)).first();
    await details.waitFor({ state: 'visible', timeout: UI_MS });
    assert.strictEqual((await details.locator('.label-name').innerText()).trim(), date);
    assert.strictEqual((await details.locator('.label-description').innerText()).trim(), assignee);
    // Both show whole within the side bar's width: nothing runs under an ellipsis.
    const cut = await details.locator('.monaco-icon-label-container').evaluate((e) => e.scrollWidth - e.clientWidth);
    assert.ok(cut <= 1, `${cut} px of "${date} ${assignee}" are cut off`);
    await vscode.screenshot('results-detailed');
    assert.strictEqual(await row.getAttribute('aria-expanded'), 'true', 'a detailed row is expanded over its details');

    await results.moreAction('Compact Rows: Number and Title Only');
    try {
      await details.waitFor({ state: 'detached', timeout: UI_MS });
      assert.match(await row.innerText(), new RegExp(`^${PATENT}\\s*Image classification device`));
      // (A detailed row is drawn expanded over its date and assignee; a compact one has nothing to expand.)
      assert.strictEqual(await row.getAttribute('aria-expanded'), null, 'a compact row');
      await vscode.screenshot('results-compact');
    } finally {
      await results.moreAction('Detailed Rows: Date and Assignee under Each Result');
    }
    await details.waitFor({ state: 'visible', timeout: UI_MS });
  });
});
