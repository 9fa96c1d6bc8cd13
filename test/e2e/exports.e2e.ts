/**
 * A bulk export as a user makes one: "Patent: Export Search Results…" from the
 * palette, the wizard (query, format, fields, rows, settings), the billing
 * confirmation, then the task in the Exports view and its CSV in the
 * workspace's exports/ folder. Runs against the sandbox the runner starts.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { e2eEnvironment } from '../lib/e2eEnvironment';
import { openVsCode, Sandbox, SANDBOX_PATHS, type VsCode } from '../lib/pages';
import { UI_MS } from '../lib/pages/timeouts';

/** Pending polls, then the download: the sandbox finishes a task in a few seconds. */
const EXPORT_DONE_MS = 90_000;

async function waitForFile(folder: string, pattern: RegExp, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = fs.existsSync(folder) ? fs.readdirSync(folder).find((f) => pattern.test(f)) : undefined;
    if (found) return path.join(folder, found);
    if (Date.now() > deadline) throw new Error(`no file matching ${pattern} in ${folder} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Waits until the export wizard shows step `n` of 5. */
async function wizardStep(vscode: VsCode, n: number): Promise<void> {
  await vscode.quickInput.title.filter({ hasText: `(${n}/5)` }).waitFor({ state: 'visible', timeout: UI_MS });
}

/** The wizard with its defaults, then the billing confirmation: a CSV export of `rows` patents. */
async function exportCsv(vscode: VsCode, query: string, rows: number): Promise<void> {
  const q = vscode.quickInput;
  await vscode.palette.run('Patent: Export Search Results…');
  await wizardStep(vscode, 1);
  await q.type(query);
  await q.row('export this query').waitFor({ state: 'visible', timeout: UI_MS });
  await q.accept();
  await wizardStep(vscode, 2);
  await q.pick(/Comma-separated/);
  await wizardStep(vscode, 3);
  await q.accept();
  await wizardStep(vscode, 4);
  await q.type(String(rows));
  await q.accept();
  await wizardStep(vscode, 5);
  await q.pick('Create Export');
  const dialog = vscode.page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: UI_MS });
  await dialog.locator('.monaco-button', { hasText: /^Export \d+ patents?$/ }).click();
}

describe('Exports: a search exported to CSV through the palette', function () {
  let vscode: VsCode;

  before(async function () {
    if (!e2eEnvironment().sandboxUrl) throw new Error('The sandbox is not running (dist/sandbox.js not built?): exports need it.');
    vscode = await openVsCode();
  });

  after(async () => {
    await vscode?.close();
  });

  it('creates the task after confirmation and saves the CSV in exports/', async () => {
    const { workspace } = e2eEnvironment();
    const exportsFolder = path.join(workspace, 'exports');
    const q = vscode.quickInput;
    const step = (n: number): Promise<void> => wizardStep(vscode, n);

    await vscode.palette.run('Patent: Export Search Results…');

    // 1. Query: what is typed becomes the first row.
    await step(1);
    await q.type('TTL:battery');
    await q.row('export this query').waitFor({ state: 'visible', timeout: UI_MS });
    await q.accept();

    // 2. Format.
    await step(2);
    await q.pick(/Comma-separated/);

    // 3. Fields: the "Bibliographic basics" default is ticked; only fields CSV takes are offered.
    await step(3);
    await q.rows.filter({ hasText: 'LEGAL_STATUS' }).first().waitFor({ state: 'visible', timeout: UI_MS });
    for (const refused of ['CLMS', 'DESC']) {
      // Filtered, the few matching rows are all rendered (the list is virtual).
      await q.type(refused);
      // The filter has applied once no row is left that does not match it.
      await vscode.page.waitForFunction(
        (term) => Array.from(document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')).every((r) => (r.textContent ?? '').toUpperCase().includes(term)),
        refused,
        { timeout: UI_MS },
      );
      const labels = await q.rows.locator('.label-name').allInnerTexts();
      assert.ok(!labels.map((l) => l.trim()).includes(refused), `${refused} is offered for CSV: ${JSON.stringify(labels)}`);
    }
    await q.type('');
    await q.rows.filter({ hasText: 'LEGAL_STATUS' }).first().waitFor({ state: 'visible', timeout: UI_MS });
    await q.accept();

    // 4. Rows.
    await step(4);
    assert.strictEqual(await q.value(), '100');
    await q.type('100001');
    await q.message.filter({ hasText: 'at most 100,000' }).waitFor({ state: 'visible', timeout: UI_MS });
    await q.type('5');
    await q.accept();

    // 5. Settings, then Create Export.
    await step(5);
    await vscode.screenshot('export-settings');
    await q.pick('Create Export');

    // The billing confirmation: nothing is created before it.
    const dialog = vscode.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: UI_MS });
    const text = await dialog.innerText();
    assert.match(text, /Export 5 patents as CSV\?/);
    assert.match(text, /PatSnap will bill 5 patents for this export: the search finds [\d,]+; 5 requested/);
    assert.match(text, /TTL:battery/);
    await vscode.screenshot('export-confirmation');
    await dialog.locator('.monaco-button', { hasText: 'Export 5 patents' }).click();

    // The task shows in the Exports view while PatSnap (the sandbox) works on it.
    await vscode.sideBar.openPatentLookup();
    const view = vscode.sideBar.view('Exports');
    await view.expand();
    await view.row('TTL:battery').waitFor({ state: 'visible', timeout: UI_MS });

    const file = await waitForFile(exportsFolder, /^ttl-battery-[0-9a-f]{8}\.csv$/, EXPORT_DONE_MS);
    assert.match(fs.readFileSync(file, 'utf8').split('\n')[0] ?? '', /^PN,TTL,AN,APD,PBD/);
    assert.deepStrictEqual(fs.readdirSync(exportsFolder).filter((f) => f.endsWith('.part')), [], 'no partial files');

    await vscode.notifications.waitFor(new RegExp(`Saved \\d+ patents? to ${path.basename(file).replace(/\./g, '\\.')}`), EXPORT_DONE_MS);
    await view.row(/downloaded/).waitFor({ state: 'visible', timeout: UI_MS });
    // What a screen reader is told: a tree of rows named by their query.
    const tree = await view.pane.locator('.monaco-list').ariaSnapshot();
    assert.match(tree, /tree "Exports"[\s\S]*treeitem "[^"]*TTL:battery/, tree);
    await vscode.screenshot('export-downloaded');
  });

  it('saves a task once when a second window opens while the first is downloading it', async () => {
    const sandbox = Sandbox.current();
    const { workspace } = e2eEnvironment();
    const exportsFolder = path.join(workspace, 'exports');
    // The export file answers after 20 s: the first window is mid-download while the second starts.
    await sandbox.addFault({ path: '/_files/export', delayMs: 20_000, times: 1 });
    const filesBefore = await sandbox.calls(SANDBOX_PATHS.files);
    let second: VsCode | undefined;
    try {
      await exportCsv(vscode, 'TTL:vehicle', 3);
      const deadline = Date.now() + EXPORT_DONE_MS;
      while ((await sandbox.calls(SANDBOX_PATHS.files)) === filesBefore) {
        if (Date.now() > deadline) throw new Error('the first window never started the download');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }

      // A second window on the same profile: it activates, reads the shared task list and
      // finds the finished, not yet saved task, which the first window is saving.
      second = await openVsCode();
      await second.sideBar.openPatentLookup();
      const secondView = second.sideBar.view('Exports');
      await secondView.expand();
      await secondView.row('TTL:vehicle').waitFor({ state: 'visible', timeout: UI_MS });

      const file = await waitForFile(exportsFolder, /^ttl-vehicle-[0-9a-f]{8}\.csv$/, EXPORT_DONE_MS);
      // Time for a second download, had there been one, to show.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      assert.strictEqual((await sandbox.calls(SANDBOX_PATHS.files)) - filesBefore, 1, 'one window downloaded the file');
      assert.deepStrictEqual(fs.readdirSync(exportsFolder).filter((f) => f.startsWith('ttl-vehicle-')), [path.basename(file)], 'no second copy');
      for (const window of [vscode, second]) {
        assert.strictEqual(await window.page.locator('.monaco-dialog-box').count(), 0, 'nobody was asked to replace or keep both');
      }
      await vscode.screenshot('export-two-windows-first');
      await second.screenshot('export-two-windows-second');
    } finally {
      await sandbox.clearFaults();
      await second?.close();
    }
  });
});
