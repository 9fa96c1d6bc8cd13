/**
 * Keyboard alone, and what a screen reader is told: each view, the quick picks, the
 * status bar item, the patent panel and the walkthrough, checked in the accessibility
 * tree (Playwright's aria snapshots) and driven with keys only (no mouse from the
 * first step to the last). Runs against the sandbox session the runner starts.
 */
import * as assert from 'assert';
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { openVsCode, type TreeView, type VsCode } from '../lib/pages';
import { UI_MS } from '../lib/pages/timeouts';

const QUERY = 'TTL:(sensor OR device)';

/** F1, the command's title, Enter on it once it is the focused row: the palette by keyboard. */
async function runByKeyboard(vscode: VsCode, title: string): Promise<void> {
  const q = vscode.quickInput;
  for (let attempt = 1; ; attempt++) {
    if (!(await q.isOpen())) await vscode.page.keyboard.press('F1');
    await q.waitOpen();
    // Typed into the palette's box (focused first): a late focus change cannot send the keys elsewhere.
    if (!(await q.typeIfOpen(''))) {
      // Closed as it opened: a webview took the focus back (microsoft/vscode#93950); opened again.
      if (attempt >= 5) throw new Error('The command palette closed as it opened, five times in a row.');
      continue;
    }
    await q.input.pressSequentially(`>${title}`);
    const focused = q.widget.locator('.quick-input-list .monaco-list-row.focused');
    try {
      await focused.filter({ hasText: title }).waitFor({ state: 'visible', timeout: 5_000 });
      await vscode.page.keyboard.press('Enter');
      return;
    } catch (e) {
      // Right after load the palette may not list a contributed command yet (see CommandPalette).
      if (attempt >= 5) throw e;
      await vscode.page.keyboard.press('Escape');
      await vscode.page.waitForTimeout(1_000);
    }
  }
}

/**
 * "Focus on TITLE View" until the view's list has the focus: a collapsed view is expanded
 * by the first, and its tree may come after the focus was asked for.
 */
async function focusView(vscode: VsCode, view: TreeView): Promise<void> {
  const list = view.pane.locator('.monaco-list:focus');
  for (let attempt = 1; ; attempt++) {
    await runByKeyboard(vscode, `Focus on ${view.title} View`);
    try {
      await list.waitFor({ state: 'visible', timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/** The element that has the keyboard focus, inside `root` (a page or a webview frame). */
function focused(root: Page | FrameLocator | Frame): Locator {
  return root.locator('*:focus').last();
}

/** What the focused element is called: its accessible label, else its text, else its id. */
async function focusedName(root: Page | FrameLocator | Frame): Promise<string | undefined> {
  const element = focused(root);
  if ((await element.count()) === 0) return undefined;
  return ((await element.getAttribute('aria-label')) ?? ((await element.innerText()) || `#${await element.getAttribute('id')}`)).trim();
}

/**
 * Moves the focus to the button named `name` in `frame` as a keyboard user would: Tab, or Shift+Tab
 * when the focus is past it (a panel shown again keeps the focus where it was left).
 */
async function tabTo(vscode: VsCode, frame: FrameLocator, name: string, most = 12): Promise<void> {
  const target = frame.getByRole('button', { name, exact: true }).first();
  const past = await target.evaluate((el) => {
    const at = document.activeElement;
    return at !== null && at !== document.body && at !== el && (el.compareDocumentPosition(at) & 4) !== 0;
  });
  for (let i = 0; i < most && (await focusedName(frame)) !== name; i++) await vscode.page.keyboard.press(past ? 'Shift+Tab' : 'Tab');
}

describe('Accessibility: keyboard alone, and what a screen reader is told', function () {
  let vscode: VsCode;
  let results: TreeView;

  before(async () => {
    vscode = await openVsCode();
    results = vscode.sideBar.view('Search Results');
  });

  afterEach(async () => {
    await vscode.quickInput.closeIfOpen();
  });

  after(async () => {
    await vscode?.close();
  });

  it('the status bar item is a button that says where calls go, and its menu opens from the palette', async () => {
    await vscode.statusBar.waitBackend('Sandbox');
    const item = vscode.statusBar.backendButton;
    assert.strictEqual(await item.getAttribute('role'), 'button', await vscode.statusBar.backend.evaluate((e) => e.outerHTML.slice(0, 400)));
    // Once the calls of the window's start are answered (until then it says ", working").
    await vscode.statusBar.waitBackendLabel('Patent Lookup: local sandbox');
    await runByKeyboard(vscode, 'Patent: Switch Credentials or Sandbox…');
    await vscode.quickInput.row('Use Local Sandbox').waitFor({ state: 'visible', timeout: UI_MS });
    const menu = await vscode.quickInput.widget.ariaSnapshot();
    assert.match(menu, /textbox .*Switch credentials, use the sandbox, or show the log/);
    for (const option of ['Set API Credentials…', 'Use Local Sandbox…', 'Clear API Credentials', 'Open Settings', 'Show Log']) {
      assert.match(menu, new RegExp(`option "[^"]*${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), `${option} in\n${menu}`);
    }
    await vscode.page.keyboard.press('Escape');
    await vscode.quickInput.waitClosed();
  });

  it('searches, and reads the results, by keyboard: rows are tree items named in full', async () => {
    await runByKeyboard(vscode, 'Patent: Search Patents…');
    await vscode.quickInput.title.filter({ hasText: 'Search Patents' }).waitFor({ state: 'visible', timeout: UI_MS });
    const picker = await vscode.quickInput.widget.ariaSnapshot();
    assert.match(picker, /textbox .*PatSnap query/, picker);
    await vscode.page.keyboard.type(QUERY);
    await vscode.quickInput.widget.locator('.monaco-list-row.focused', { hasText: QUERY }).waitFor({ state: 'visible', timeout: UI_MS });
    await vscode.page.keyboard.press('Enter');
    await results.description.filter({ hasText: /^\d+ of / }).waitFor({ state: 'visible', timeout: UI_MS });

    await focusView(vscode, results);
    await vscode.page.keyboard.press('Home');
    const tree = await results.pane.locator('.monaco-list').ariaSnapshot();
    // Every patent row says its number, title, assignee and date; the view says what it is. (The list is virtual:
    // the rows on screen. Compact or detailed, as an earlier window left the style: a detailed row's second row,
    // which says the date and assignee again, is read in the sidebar-home spec.)
    assert.match(tree, /tree "Search Results"/, tree);
    assert.match(tree, /treeitem "[A-Z]{2}\w+, [^"]+, assignee [^"]+, published [A-Z][a-z]{2} \d{1,2}, \d{4}"/, tree);
    await vscode.screenshot('a11y-results-focused');

    // Down to the first patent (the first search of a profile offers family collapse above it), Enter opens it.
    // (The list keeps the focus; the row it points at is the focused one.)
    const row = results.pane.locator('.monaco-list-row.focused');
    for (let i = 0; i < 3 && !/^[A-Z]{2}\w+, .*assignee/.test((await row.getAttribute('aria-label')) ?? ''); i++) await vscode.page.keyboard.press('ArrowDown');
    const label = (await row.getAttribute('aria-label')) ?? '';
    const number = /^([A-Z]{2}\w+),/.exec(label)?.[1] ?? assert.fail(`no patent row focused: ${label}`);
    await vscode.page.keyboard.press('Enter');
    const panel = vscode.patentPanel(number);
    await panel.waitLoaded();

    // The panel: its heading, its toolbar of named buttons and one live region, in the accessibility tree.
    const content = await panel.content.locator('body').ariaSnapshot();
    assert.match(content, /heading "[^"]+" \[level=1\]/, content);
    assert.match(content, /toolbar "Patent actions"/, content);
    for (const name of ['Open PDF', 'Save PDF…', 'Copy Number', 'Examination Documents']) assert.match(content, new RegExp(`button "${name}"`), `${name} in\n${content}`);
    assert.match(content, /status/, content);

    // Tab reaches each button with its name, and Enter on "Examination Documents" shows them.
    await panel.heading.waitFor({ state: 'visible' });
    await panel.focusByKeyboard();
    const frame = panel.content;
    const names: string[] = [];
    for (let i = 0; i < 12 && !names.includes('Examination Documents'); i++) {
      await vscode.page.keyboard.press('Tab');
      const name = await focusedName(frame);
      if (name !== undefined) names.push(name);
    }
    assert.ok(names.includes('Open PDF') && names.includes('Examination Documents'), `Tab reached ${JSON.stringify(names)}`);
    await vscode.page.keyboard.press('Enter');
    await panel.documentRows.first().or(panel.documents.locator('.muted, .error')).first().waitFor({ state: 'visible', timeout: UI_MS });
    // What the live region says depends on the patent focused first: its documents, or that it has none.
    await panel.announced(/^(Examination documents|No examination documents)/);
    await vscode.screenshot('a11y-panel-documents-by-keyboard');
  });

  it('the PDF viewer is used by keyboard alone and says what it is: named controls, page and zoom, find and its count, a region and text per page', async () => {
    const number = 'US11205304B2';
    await runByKeyboard(vscode, 'Patent: Open Patent…');
    await vscode.quickInput.waitOpen();
    await vscode.page.keyboard.type(number);
    await vscode.page.keyboard.press('Enter');
    const panel = vscode.patentPanel(number);
    await panel.waitLoaded();
    await panel.heading.waitFor({ state: 'visible' });
    await panel.focusByKeyboard();
    await tabTo(vscode, panel.content, 'Open PDF');
    assert.strictEqual(await focusedName(panel.content), 'Open PDF');
    await vscode.page.keyboard.press('Enter');
    const viewer = vscode.pdfViewer(`${number}.pdf`);
    assert.strictEqual(await viewer.waitRendered(), 3);
    const frame = await viewer.frame();

    // What it is: a named toolbar of named controls, the page count beside the page number, a region per page with its text.
    const tree = await frame.locator('body').ariaSnapshot();
    assert.match(tree, /toolbar "PDF viewer"/, tree);
    for (const name of ['Next Page', 'Zoom Out', 'Zoom In', 'Previous Match', 'Next Match', 'Save…']) assert.match(tree, new RegExp(`button "${name}"`), `${name} in\n${tree}`);
    assert.match(tree, /spinbutton "Page"/, tree);
    assert.match(tree, /of 3/, tree);
    assert.match(tree, /combobox "Zoom"/, tree);
    assert.match(tree, /searchbox "Find in document"/, tree);
    for (const page of [1, 2, 3]) assert.match(tree, new RegExp(`region "Page ${page}"`), tree);
    // The page shown (a viewer opened before comes back where it was; pdf.js draws only the pages in view).
    const text = await frame.locator(`.pdfViewer .page[data-page-number="${await viewer.pageNumber()}"] .textLayer`).innerText();
    assert.match(text, /\w{3,}/, 'the page shown has a text layer a screen reader reads');

    // Tab reaches every control, each with its name, and shows where the focus is.
    await frame.locator('#page').focus();
    const names: string[] = [];
    const outlines: string[] = [];
    for (let i = 0; i < 14 && !names.includes('Save…'); i++) {
      await vscode.page.keyboard.press('Tab');
      const name = await focusedName(frame);
      if (name === undefined) continue;
      names.push(name);
      outlines.push(await focused(frame).evaluate((e) => `${getComputedStyle(e).outlineStyle} ${getComputedStyle(e).outlineWidth}`));
    }
    for (const name of ['Next Page', 'Zoom Out', 'Zoom', 'Zoom In', 'Find in document', 'Save…']) assert.ok(names.includes(name), `Tab reached ${JSON.stringify(names)}`);
    assert.ok(outlines.every((o) => !/^none|\b0px$/.test(o)), `a visible focus on each: ${JSON.stringify(outlines)}`);
    await vscode.screenshot('a11y-pdf-focus');

    // Page number and zoom by keyboard; what they became is what the controls say.
    await frame.locator('#page').focus();
    await vscode.page.keyboard.press('Control+A');
    await vscode.page.keyboard.type('2');
    await vscode.page.keyboard.press('Enter');
    await viewer.waitPage(2);
    // In the document (a named, focusable region), Page Down turns the page and says where the reader is.
    await frame.locator('#viewerContainer').focus();
    assert.strictEqual(await focusedName(frame), 'Document');
    await vscode.page.keyboard.press('PageDown');
    await viewer.waitPage(3);
    const announcer = frame.locator('#announcer');
    await announcer.filter({ hasText: /^Page 3 of 3$/ }).waitFor({ state: 'attached', timeout: UI_MS });
    const before = await viewer.zoom();
    await vscode.page.keyboard.press('Control+Equal');
    await announcer.filter({ hasText: /^Zoom \d+\u2009%$/ }).waitFor({ state: 'attached', timeout: UI_MS });
    assert.notStrictEqual(await viewer.zoom(), before, 'Ctrl+= zoomed in');
    const zoomed = /(\d+)/.exec((await announcer.textContent()) ?? '')?.[1] ?? '?';
    const select = await frame.locator('#zoom').ariaSnapshot();
    assert.match(select, new RegExp(`option "${zoomed}\\s%" \\[selected\\]`), `the zoom level (${zoomed} %) is the combobox value:\n${select}`);

    // Find: Ctrl+F, type, and the count is said (a status and the live region).
    await vscode.page.keyboard.press('Control+f');
    assert.strictEqual(await focusedName(frame), 'Find in document');
    await vscode.page.keyboard.type('claim');
    await frame.locator('#findCount').filter({ hasText: /^\d+ of \d+$/ }).waitFor({ state: 'visible', timeout: UI_MS });
    const count = (await frame.locator('#findCount').innerText()).trim();
    assert.match(await frame.locator('#toolbar').ariaSnapshot(), new RegExp(`status: ${count}`));
    await frame.locator('#announcer').filter({ hasText: count }).waitFor({ state: 'attached', timeout: UI_MS });
    if (!count.startsWith('1 of 1')) {
      // Enter goes to the next match, and the count follows.
      await vscode.page.keyboard.press('Enter');
      await frame.locator('#findCount').filter({ hasText: /^2 of / }).waitFor({ state: 'visible', timeout: UI_MS });
    }
    await vscode.screenshot('a11y-pdf-find-by-keyboard');
  });

  it('the Patents in Document view is a tree a screen reader can read', async () => {
    await runByKeyboard(vscode, 'Patent: Open a Sample Document with Patent Numbers');
    await vscode.editor.active.locator('.view-line', { hasText: 'US 11,205,304 B2' }).first().waitFor({ state: 'visible', timeout: UI_MS });
    await vscode.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ state: 'visible', timeout: UI_MS });
    const inDocument = vscode.sideBar.view('Patents in Document');
    await focusView(vscode, inDocument);
    await inDocument.rows.filter({ hasText: 'US11205304B2' }).first().waitFor({ state: 'visible', timeout: UI_MS });
    const numbers = await inDocument.pane.locator('.monaco-list').ariaSnapshot();
    assert.match(numbers, /tree "Patents in Document"/, numbers);
    assert.match(numbers, /treeitem "[^"]*US11205304B2/, numbers);

    // (The Exports view's tree is read in the exports spec, while its rows are drawn.)
    await vscode.screenshot('a11y-document');
  });

  it('the walkthrough opens from the palette; its steps are buttons and its pictures load', async () => {
    await runByKeyboard(vscode, 'Patent: Get Started with Patent Lookup');
    const page = vscode.page.locator('.gettingStartedContainer');
    await page.getByText('Get Started with Patent Lookup').first().waitFor({ state: 'visible', timeout: UI_MS });
    const steps = await page.ariaSnapshot();
    for (const step of ['Connect to PatSnap, or use the sandbox', 'Search patents', 'Open a patent', 'Hover a patent number in any document', 'Export results']) {
      assert.match(steps, new RegExp(`button "[^"]*${step}`), `${step} in\n${steps}`);
    }
    const image = page.locator('.getting-started-media img').first();
    await image.waitFor({ state: 'visible', timeout: UI_MS });
    const loaded = await image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : new Promise<number>((r) => img.addEventListener('load', () => r(img.naturalWidth), { once: true }))));
    assert.ok(loaded > 0, 'the step picture loads from the VSIX');
    assert.ok(((await image.getAttribute('alt')) ?? '').length > 20, 'the picture has a description');
    await vscode.screenshot('a11y-walkthrough');
  });
});
