/**
 * A search notebook as a user works with it in code-server: a `.patentsearch` file with
 * three query cells opens as a notebook; "Run All" says what it will cost, then shows
 * each cell's hit count, its results table and its charts; a number opens the patent
 * panel; the notebook is saved; after the sandbox published newer patents, "Run All
 * Again at PatSnap" shows what is new, marked; the search log opens as Markdown. The
 * outputs stay readable in a high-contrast theme, and API text in a stored run stays text.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseNotebook, serializeNotebook, type Notebook } from '../../src/core/notebook';
import { e2eEnvironment } from '../lib/e2eEnvironment';
import { openVsCode, Sandbox, type VsCode } from '../lib/pages';
import { UI_MS } from '../lib/pages/timeouts';

const NOTEBOOK = 'watch.patentsearch';
const HOSTILE = 'stored.patentsearch';
const OPEN_RESULT = 'open-result.patentsearch';
const PATENT = 'US20250006211A1'; // one of the lidar patents the sandbox publishes later
const RECENT = 'TACD:"head-mounted display"';

describe('Search notebooks', function () {
  let vscode: VsCode;
  let sandbox: Sandbox;
  const file = (name: string): string => path.join(e2eEnvironment().workspace, name);

  before(async () => {
    sandbox = Sandbox.current();
    // Three query cells between reasoning cells (the in-host tests run the same notebook).
    const fixtures = path.join(__dirname, '..', 'fixtures', 'notebooks');
    fs.copyFileSync(path.join(fixtures, 'watch.patentsearch'), file(NOTEBOOK));
    fs.copyFileSync(path.join(fixtures, 'battery-watch.patentsearch'), file(HOSTILE));
    vscode = await openVsCode();
    // The results table needs the editor's whole height: a panel an earlier spec left open
    // (the window's layout is the workspace's) would put the rows it opens below the fold.
    if (await vscode.page.locator('.part.panel').isVisible()) await vscode.palette.run('View: Hide Panel');
  });

  after(async () => {
    await sandbox?.withdrawLater();
    await vscode?.closeAllEditors();
    await vscode?.close();
    for (const name of [NOTEBOOK, HOSTILE, OPEN_RESULT]) fs.rmSync(file(name), { force: true });
  });

  /**
   * Saves the notebook (Ctrl+S; VS Code in the browser also saves by itself after a
   * second) and resolves the file once it holds its three query cells with `runs` runs
   * each. The file is read while VS Code may be writing it: empty (which reads as a
   * notebook with no cells) or cut short, it is read again.
   */
  async function save(runs: number): Promise<Notebook> {
    await vscode.palette.run('File: Save');
    const deadline = Date.now() + UI_MS;
    for (;;) {
      let saved: Notebook | undefined;
      try {
        saved = parseNotebook(fs.readFileSync(file(NOTEBOOK), 'utf8'));
      } catch {
        saved = undefined; // half written
      }
      const queries = saved?.cells.filter((c) => c.kind === 'query') ?? [];
      if (saved && queries.length === 3 && queries.every((c) => c.runs.length === runs)) {
        await vscode.page.locator('.tabs-container .tab.dirty', { hasText: NOTEBOOK }).waitFor({ state: 'detached', timeout: UI_MS });
        return saved;
      }
      if (Date.now() > deadline) throw new Error(`${NOTEBOOK} was not saved with ${runs} run(s) per query`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Waits until no cell runs any more: the toolbar offers "Run All" again instead of "Stop Execution". */
  async function runsFinished(): Promise<void> {
    await vscode.notebook.toolbarButton(/^Run All$/).waitFor({ state: 'visible', timeout: 60_000 });
  }

  /** Answers the modal that states the number of calls before several queries run. */
  async function confirmRun(queries: number): Promise<string> {
    const dialog = vscode.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: UI_MS });
    const text = await dialog.innerText();
    assert.match(text, new RegExp(`Run ${queries} queries\\? This makes up to \\d+ calls to PatSnap\\.`));
    await vscode.screenshot('notebook-confirm-run');
    await dialog.locator('.monaco-button', { hasText: /^Run$/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: UI_MS });
    return text;
  }

  it('opens the file as a notebook: reasoning and three query cells with their options', async () => {
    await vscode.workbench.openFile(NOTEBOOK);
    await vscode.notebook.waitOpen();
    assert.strictEqual(await vscode.notebook.codeCells.count(), 3);
    // Each query cell shows its options and what a run costs.
    await vscode.notebook.root.locator('.cell-statusbar-container', { hasText: /Publication date, newest first/ }).first().waitFor({ state: 'visible', timeout: UI_MS });
    await vscode.notebook.root.locator('.cell-statusbar-container', { hasText: /up to 6 calls/ }).first().waitFor({ state: 'visible', timeout: UI_MS });
    await vscode.screenshot('notebook-opened');
  });

  it('runs all three after saying what it costs: counts, a results table and charts', async () => {
    const before = await sandbox.calls();
    await vscode.notebook.toolbarButton(/^Run All$/).click();
    const asked = await confirmRun(3);
    assert.match(asked, /up to 17 calls/);
    const lidar = await vscode.notebook.output(/^7 hits/, 60_000);
    assert.strictEqual(await lidar.locator('.pl-results tbody tr').count(), 7);
    assert.match(await lidar.locator('.pl-results caption').innerText(), /^Top results \(all 7 kept\)$/);
    // Dates as the patent panel writes them in the display language (English here), the run's time in UTC.
    assert.match(await lidar.locator('.pl-hits').innerText(), /^7 hits \(run of [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M UTC\)$/u);
    assert.strictEqual(await lidar.locator('.pl-chart').count(), 3, 'by publication year, assignee and office');
    assert.deepStrictEqual(await lidar.locator('.pl-chart figcaption').allInnerTexts(), ['By publication year', 'By assignee', 'By office']);
    assert.ok((await sandbox.calls()) > before, 'the runs called PatSnap');
    await vscode.screenshot('notebook-first-run');
  });

  it('saves the notebook with its runs', async () => {
    await runsFinished();
    const saved = await save(1);
    const totals = saved.cells.flatMap((c) => (c.kind === 'query' ? [c.runs.map((r) => r.total)] : []));
    assert.strictEqual(totals.length, 3);
    assert.deepStrictEqual(totals[0], [7]);
    assert.ok(totals.every((t) => t.length === 1));
  });

  it('after the sandbox published newer patents, runs again and marks what is new', async () => {
    await sandbox.publishLater();
    await vscode.palette.run('Patent: Run All Again at PatSnap');
    await confirmRun(3);
    const lidar = await vscode.notebook.output(/^16 hits/, 60_000);
    assert.match(await lidar.locator('.pl-summary').innerText(), /^2 new families \(9 publications\) since [A-Z][a-z]{2} \d{1,2}, \d{4}; 16 hits \(\+9\)\.$/);
    assert.strictEqual(await lidar.locator('.pl-badge.pl-new').count(), 9);
    assert.ok((await lidar.locator('tr.pl-changed').count()) >= 9);
    // (Read, not clicked open: a click below the fold of the notebook lands on what covers it.)
    assert.deepStrictEqual(await lidar.locator('.pl-history tbody tr td.pl-count').allTextContents(), ['16', '7'], 'both runs, newest first, with their dates');
    for (const day of await lidar.locator('.pl-history tbody tr td.pl-date').allTextContents()) assert.match(day, /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    await vscode.screenshot('notebook-what-is-new');
    await runsFinished();
    const saved = await save(2);
    const first = saved.cells[1];
    assert.ok(first?.kind === 'query');
    assert.deepStrictEqual(first.runs.map((r) => r.total), [7, 16]);
  });

  it('a run\u2019s output reads to a screen reader and works by keyboard', async () => {
    const lidar = await vscode.notebook.output(/^16 hits/);
    const tree = await lidar.ariaSnapshot();
    // What is new is a status a screen reader announces, families and publications both.
    assert.match(tree, /status: 2 new families \(9 publications\) since/, tree);
    // The results: a table named by its caption, with column headers; each number a named button.
    assert.match(tree, /table "Top results \(all 16 kept\)"/, tree);
    for (const header of ['Change', 'Number', 'Title', 'Assignee', 'Published', 'Status']) assert.match(tree, new RegExp(`columnheader "${header}"`), `${header} in\n${tree}`);
    assert.strictEqual((tree.match(/button "Open [A-Z]{2}\w+ in the patent panel"/g) ?? []).length, 16, tree);
    // Each chart is a named figure whose figures are text: "2025: 9" for a column, name and count for a bar.
    for (const chart of ['By publication year', 'By assignee', 'By office']) assert.match(tree, new RegExp(`figure "${chart}"`), `${chart} in\n${tree}`);
    const years = await lidar.locator('.pl-chart', { hasText: 'By publication year' }).ariaSnapshot();
    assert.match(years, /listitem: "\d{4}: \d+"/, years);
    const offices = await lidar.locator('.pl-chart', { hasText: 'By office' }).ariaSnapshot();
    assert.match(offices, /table "By office"[\s\S]*row "US \d+"/, offices);

    // Keyboard: from one number Tab goes to the next, it shows where the focus is, and Enter opens it.
    const buttons = lidar.locator('.pl-results button.pl-number');
    await buttons.first().focus();
    await vscode.page.keyboard.press('Tab');
    const next = lidar.locator('button.pl-number:focus');
    await next.waitFor({ state: 'attached', timeout: UI_MS });
    const number = (await next.innerText()).trim();
    assert.strictEqual(number, (await buttons.nth(1).innerText()).trim());
    const outline = await next.evaluate((e) => getComputedStyle(e).outlineStyle);
    assert.notStrictEqual(outline, 'none', 'the focused number is outlined');
    await vscode.screenshot('notebook-output-keyboard');
    await vscode.page.keyboard.press('Enter');
    await vscode.patentPanel(number).waitLoaded();
    await vscode.workbench.editorTab(NOTEBOOK).click();
  });

  it('opens a result in the patent panel', async () => {
    // A notebook and a run of its own: one query (no cost to confirm) whose results hold PATENT
    // once the sandbox has published it, options no other test runs (nothing from the cache).
    await sandbox.publishLater();
    const watch = parseNotebook(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'notebooks', 'watch.patentsearch'), 'utf8'));
    const lidar = watch.cells.find((c) => c.kind === 'query');
    assert.ok(lidar?.kind === 'query');
    fs.writeFileSync(file(OPEN_RESULT), serializeNotebook({ ...watch, cells: [{ ...lidar, options: { limit: 20 } }] }));
    await vscode.notebook.waitOpenedBy(() => vscode.workbench.openFile(OPEN_RESULT));
    await vscode.notebook.toolbarButton(/^Run All$/).click();
    const run = await vscode.notebook.output(/^16 hits/, 60_000);
    await run.locator('.pl-results button.pl-number', { hasText: PATENT }).click();
    const panel = vscode.patentPanel(PATENT);
    await panel.waitLoaded();
    assert.strictEqual((await panel.shownNumber.innerText()).trim(), PATENT);
    await vscode.screenshot('notebook-open-patent');
    // Leave the window as it was: the panel closed (by its tab: the focus is in its webview, which keeps F1), the notebook closed unsaved.
    await panel.tab.locator('.tab-actions .action-label').click();
    await panel.tab.waitFor({ state: 'detached', timeout: UI_MS });
    await vscode.workbench.editorTab(OPEN_RESULT).click();
    await vscode.palette.run('View: Revert and Close Editor');
    await vscode.workbench.editorTab(OPEN_RESULT).waitFor({ state: 'detached', timeout: UI_MS });
  });

  it('exports the search log, which opens as Markdown', async () => {
    await vscode.palette.run('Patent: Export Search Log…');
    await vscode.quickInput.pick('Markdown');
    await vscode.editor.waitVisible();
    await vscode.editor.active.locator('.view-line', { hasText: '## Query 1' }).first().waitFor({ state: 'visible', timeout: UI_MS });
    await vscode.page.locator('.statusbar-item', { hasText: /^Markdown$/ }).first().waitFor({ state: 'visible', timeout: UI_MS });
    await vscode.screenshot('notebook-search-log');
  });

  it('shows a stored run as it was saved, its API text as text', async () => {
    await vscode.workbench.openFile(HOSTILE);
    await vscode.notebook.waitOpen();
    const run = await vscode.notebook.output(/1,857 hits/);
    const cell = run.locator('.pl-results td', { hasText: '<b>halide</b>' }).first();
    await cell.waitFor({ state: 'visible', timeout: UI_MS });
    assert.strictEqual(await run.locator('.pl-results b').count(), 0, 'no markup from a title');
    assert.deepStrictEqual(await run.locator('.pl-badge').allInnerTexts(), ['new', 'new member']);
    await vscode.screenshot('notebook-stored-run');
  });

  it('keeps the output readable in a high-contrast theme', async () => {
    try {
      await vscode.setColorTheme('Dark High Contrast');
      const frame = vscode.notebook.outputs;
      await frame.locator('body.vscode-high-contrast').waitFor({ state: 'attached', timeout: UI_MS });
      const badge = frame.locator('.pl-badge.pl-new').first();
      const ratio = await vscode.webview().contrastRatio(badge);
      assert.ok(ratio >= 4.5, `"new" badge: contrast ${ratio.toFixed(2)}:1`);
      // High-contrast themes outline every bar (their contrastBorder), so bars stand apart without colour.
      const border = await frame.locator('.pl-col').first().evaluate((e) => getComputedStyle(e).borderTopColor);
      assert.ok(!/rgba\(0, 0, 0, 0\)|transparent/.test(border), `bars are outlined in high contrast (${border})`);
      await vscode.screenshot('notebook-high-contrast');
    } finally {
      await vscode.setColorTheme('Dark Modern');
    }
  });

  it('saves the search shown in Search Results to a new notebook', async () => {
    await vscode.palette.run('Patent: Search Patents…');
    await vscode.quickInput.type(RECENT);
    await vscode.quickInput.row(RECENT).waitFor({ state: 'visible', timeout: UI_MS });
    await vscode.quickInput.accept();
    const results = vscode.sideBar.view('Search Results');
    await results.description.filter({ hasText: / of / }).waitFor({ state: 'visible', timeout: UI_MS });
    await results.moreAction('Save Search to Notebook…');
    await vscode.notebook.waitOpenedBy(async () => {
      await vscode.quickInput.pick('New search notebook');
      await vscode.workbench.editorTab('Untitled').first().waitFor({ state: 'visible', timeout: UI_MS });
    });
    await vscode.notebook.codeCells.first().locator('.view-line', { hasText: RECENT }).waitFor({ state: 'visible', timeout: UI_MS });
    await vscode.notebook.root.locator('.cell-statusbar-container', { hasText: /charts: year, assignee, office/ }).first().waitFor({ state: 'visible', timeout: UI_MS });
    await vscode.screenshot('notebook-saved-search');
  });

  it('starts a new notebook from recent searches', async () => {
    await vscode.palette.run('Patent: New Search Notebook…');
    await vscode.quickInput.title.filter({ hasText: 'New Search Notebook' }).waitFor({ state: 'visible', timeout: UI_MS });
    await vscode.quickInput.pick(RECENT);
    // The notebook the previous test made holds the same cell: wait for the one this opens.
    await vscode.notebook.waitOpenedBy(async () => {
      await vscode.quickInput.accept();
      await vscode.quickInput.waitClosed();
    });
    await vscode.notebook.codeCells.first().locator('.view-line', { hasText: RECENT }).waitFor({ state: 'visible', timeout: UI_MS });
    assert.strictEqual(await vscode.notebook.codeCells.count(), 1);
    await vscode.screenshot('notebook-from-recent');
  });

  it('says why a run failed, and its Retry runs the cell again', async () => {
    await sandbox.addFault({ path: '/search/patent/query-search-count', errorCode: 68300008, times: 0 });
    try {
      await vscode.notebook.toolbarButton(/^Run All$/).click();
      const error = vscode.notebook.outputs.locator('.pl-error');
      await error.waitFor({ state: 'visible', timeout: 60_000 });
      assert.match(await error.locator('.pl-error-message').innerText(), /^The run failed: /);
      await vscode.screenshot('notebook-run-failed');
    } finally {
      await sandbox.clearFaults();
    }
    await vscode.notebook.outputs.locator('.pl-error .pl-button', { hasText: 'Retry' }).click();
    await vscode.notebook.output(/^\d+ hits/, 60_000);
    await vscode.screenshot('notebook-retried');
  });

  it('leaves no unsaved editor behind: the next window restores none', async () => {
    // One of its own that cannot save by itself (Untitled), besides the Untitled notebooks the tests above may have left.
    await vscode.palette.run('File: New Untitled Text File');
    await vscode.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ state: 'visible', timeout: UI_MS });
    await vscode.page.keyboard.type('Not to be kept.');
    await vscode.page.locator('.tabs-container .tab.active.dirty', { hasText: 'Not to be kept.' }).waitFor({ state: 'visible', timeout: UI_MS });
    await vscode.closeAllEditors();
    await vscode.close();
    vscode = await openVsCode();
    assert.deepStrictEqual(await vscode.page.locator('.tabs-container .tab').allInnerTexts(), [], 'no editor restored');
  });
});
