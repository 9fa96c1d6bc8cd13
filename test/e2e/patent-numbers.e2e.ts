/**
 * "Patent numbers in any document", as a user meets it: hover a number written in an
 * open file and read the card (the sandbox's data and drawing), Ctrl+click it to open
 * the patent panel, list the document's patents in "Patents in Document" and jump to
 * where one is written, and turn lookups off in the Settings editor so that nothing
 * more reaches the API. Runs against the sandbox the runner starts.
 */
import * as assert from 'assert';
import { openVsCode, Sandbox, type VsCode } from '../lib/pages';
import { UI_MS } from '../lib/pages/timeouts';

const VIEW = 'Patents in Document';
const FIND_COMMAND = 'Patent: Find Patent Numbers in This Document';
/** The endpoints a hover, the prefetcher or the document view call to look numbers up. */
const LOOKUP_PATHS = ['/basic-patent-data/simple-bibliography', '/basic-patent-data/simple-legal-status', '/basic-patent-data/abstract-image', '/_files'];
/** A hover shows after `editor.hover.delay` (300 ms): a card that has not come in this long is not coming. */
const NO_CARD_WINDOW_MS = 2_000;

async function lookupCalls(sandbox: Sandbox): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(LOOKUP_PATHS.map(async (p) => [p, await sandbox.calls(p)] as const)));
}

/** Opens the Settings editor on one boolean setting and sets its checkbox. */
async function setBooleanSetting(vscode: VsCode, key: string, title: RegExp, value: boolean): Promise<void> {
  const page = vscode.page;
  await vscode.palette.run('Preferences: Open User Settings');
  const editor = page.locator('.settings-editor');
  await editor.waitFor({ state: 'visible', timeout: UI_MS });
  // The search box is a small code editor; it has the focus when the Settings editor opens.
  await editor.locator('.search-container .monaco-editor').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(key);
  const item = editor.locator('.setting-item-bool').filter({ hasText: title }).first();
  await item.waitFor({ state: 'visible', timeout: UI_MS });
  const checkbox = item.locator('.setting-value-checkbox');
  if ((await checkbox.getAttribute('aria-checked')) !== String(value)) await checkbox.click();
  await item.locator(`.setting-value-checkbox[aria-checked="${value}"]`).waitFor({ state: 'visible', timeout: UI_MS });
}

/**
 * Quick Open for `name`, from wherever the focus is (a webview keeps keys to itself),
 * and waits until its tab is the active one: a tab already open is not proof of the switch.
 */
async function showFile(vscode: VsCode, name: string): Promise<void> {
  const page = vscode.page;
  if (await page.evaluate(() => document.activeElement?.tagName === 'IFRAME')) {
    // Focus in a webview: its tab takes the focus back to the workbench, where Ctrl+P works.
    await page.locator('.tabs-container .tab.active').first().click();
    await page.waitForFunction(() => document.activeElement?.tagName !== 'IFRAME', undefined, { timeout: UI_MS });
  }
  await vscode.workbench.openFile(name);
  await vscode.page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ state: 'visible', timeout: UI_MS });
}

describe('Patent numbers in documents: hover card, link, document view', function () {
  let vscode: VsCode;

  before(async () => {
    Sandbox.current(); // fails plainly without the sandbox
    vscode = await openVsCode();
    await showFile(vscode, 'memo.md');
    // Numbers underlined as links: the extension is active and its providers answer.
    await vscode.editor.waitForLink('US 11,205,304 B2');
  });

  after(async () => {
    await vscode?.closeAllEditors();
    await vscode?.close();
  });

  it('shows the card of US 11,205,304 B2: number, title, assignee, dates, status and drawing', async () => {
    const card = await vscode.editor.hoverUntil('US 11,205,304 B2', /augmented or virtual reality/);
    assert.match(card, /US11205304B2 · Active/);
    assert.match(card, /Systems and methods for rendering user interfaces for augmented or virtual reality/);
    assert.match(card, /MAGIC LEAP, INC\. · Filed May 7, 2015 · Published Dec 21, 2021/);
    assert.match(card, /Open Patent · Examination Documents · Copy Number · Open PDF/);

    // The drawing joins the card when it came within the hover's wait; otherwise it was
    // still fetched and the next hover shows it from the cache.
    let images = await vscode.editor.hoverImages();
    if (images.length === 0) {
      await vscode.editor.hoverAway();
      await vscode.editor.hoverUntil('US 11,205,304 B2', /augmented or virtual reality/);
      await vscode.editor.hover.locator('img').first().waitFor({ state: 'attached', timeout: UI_MS });
      images = await vscode.editor.hoverImages();
    }
    await vscode.screenshot('hover-card-US11205304B2');
    // VS Code caps a hover's height: the whole card shows without scrolling.
    const overflow = await vscode.editor.hover.locator('.monaco-hover-content').evaluate((e) => e.scrollHeight - e.clientHeight);
    assert.ok(overflow <= 1, `the card scrolls: ${overflow} px do not fit`);
    assert.equal(images.length, 1, JSON.stringify(images));
    const [drawing] = images;
    assert.equal(drawing?.alt, 'Abstract drawing of US11205304B2');
    assert.ok((drawing?.naturalWidth ?? 0) > 0, `the drawing did not render: ${JSON.stringify(drawing)}`);
  });

  it('normalises the other ways a number is written', async () => {
    await vscode.editor.hoverAway();
    // Kind-less: the card names the patent the lookup found.
    assert.match(await vscode.editor.hoverUntil('U.S. Pat. No. 7,123,456', /field-effect transistor/), /US7123456B2 · Inactive/);
    await vscode.editor.hoverAway();
    assert.match(await vscode.editor.hoverUntil('WO 98/12345', /cardiac pacing/), /WO1998012345A1/);
    await vscode.screenshot('hover-card-WO-98-12345');
  });

  it('shows no card over plain text next to a number', async () => {
    await vscode.editor.hoverAway();
    await vscode.editor.hoverAt('closest');
    // Nothing to wait for when nothing should come: watch for a while that no hover shows.
    const shown = await vscode.page
      .locator('.monaco-hover:visible')
      .first()
      .waitFor({ state: 'visible', timeout: NO_CARD_WINDOW_MS })
      .then(
        () => true,
        () => false,
      );
    assert.equal(shown, false, `a hover showed over plain text: ${shown ? await vscode.editor.hover.innerText() : ''}`);
    // The same spot a word further on is a number, and its card does show.
    assert.match(await vscode.editor.hoverUntil('US 11,205,304 B2', /US11205304B2/), /Active/);
  });

  it('opens the patent panel on Ctrl+click', async () => {
    await vscode.editor.hoverAway();
    await vscode.editor.ctrlClick('EP 1 234 567 B1');
    const panel = vscode.patentPanel('EP1234567B1');
    await panel.waitLoaded();
    assert.equal((await panel.shownNumber.innerText()).trim(), 'EP1234567B1');
    assert.match(await panel.title(), /cooling the stator/);
    await vscode.screenshot('panel-from-ctrl-click');
    await panel.tab.locator('.tab-actions .action-label').click();
    await panel.tab.waitFor({ state: 'detached', timeout: UI_MS });
  });

  it('lists the memo\u2019s patents in "Patents in Document", one row per patent, and reveals a place', async () => {
    await showFile(vscode, 'memo.md');
    await vscode.palette.run(FIND_COMMAND);
    const view = vscode.sideBar.view(VIEW);
    // Titles come in from one batched lookup.
    await view.row('US7123456B2').filter({ hasText: 'field-effect transistor' }).waitFor({ state: 'visible', timeout: UI_MS });
    await view.row('WO1998012345A1').filter({ hasText: 'cardiac pacing' }).waitFor({ state: 'visible', timeout: UI_MS });
    assert.deepEqual(await view.topRowLabels(), ['US11205304B2', 'US7123456B2', 'EP1234567B1', 'WO1998012345A1']);
    assert.match(await view.row('US11205304B2').innerText(), /Active · Systems and methods for rendering user interfaces/);

    // U.S. Pat. No. 7,123,456 and US7123456B2 are one patent, written in two places.
    await view.expandRow('US7123456B2');
    const places = view.rows.and(vscode.page.locator('[aria-level="2"]'));
    await places.filter({ hasText: '7:19' }).waitFor({ state: 'visible', timeout: UI_MS });
    assert.deepEqual(
      await view.labelsWithDescriptions(places),
      ['6:21 U.S. Pat. No. 7,123,456', '7:19 US7123456B2'],
    );
    await vscode.screenshot('patents-in-document-memo');

    await places.filter({ hasText: '7:19' }).click();
    // The editor selects the number: 11 characters, the cursor after them.
    assert.equal(await vscode.editor.waitSelectionStatus(/\(11 selected\)/), 'Ln 7, Col 30 (11 selected)');
    await places.filter({ hasText: '6:21' }).click();
    assert.equal(await vscode.editor.waitSelectionStatus(/\(23 selected\)/), 'Ln 6, Col 44 (23 selected)');
    await vscode.screenshot('place-revealed');
  });

  it('groups a CSV of numbers written many ways: one row per patent', async () => {
    await showFile(vscode, 'prior-art.csv');
    const view = vscode.sideBar.view(VIEW);
    // The view follows the active editor.
    await view.row('KR102355140B1').filter({ hasText: 'Memory cell array' }).waitFor({ state: 'visible', timeout: UI_MS });
    await view.row('USRE45678E').filter({ hasText: /\S+ · \S+/ }).waitFor({ state: 'visible', timeout: UI_MS });
    assert.deepEqual(await view.topRowLabels(), [
      'US11205304B2',
      'EP1234567B1',
      'WO2020123456A1',
      'WO1998012345A1',
      'CN104169186A',
      'JP2020123456A',
      'JP1996179521A',
      'KR102355140B1',
      'US20190123456A1',
      'USD912345S',
      'USRE45678E',
    ]);
    await view.expandRow('US11205304B2');
    const places = view.rows.and(vscode.page.locator('[aria-level="2"]'));
    await places.first().waitFor({ state: 'visible', timeout: UI_MS });
    assert.deepEqual(
      await view.labelsWithDescriptions(places),
      ['2:3 US 11205304 B2', '3:4 US 11,205,304 B2', '4:3 U.S. Patent No. 11205304'],
    );
    await vscode.screenshot('patents-in-document-csv');
  });
});

describe('Patent numbers in documents: typing', function () {
  let vscode: VsCode;

  before(async () => {
    Sandbox.current();
    vscode = await openVsCode();
    await showFile(vscode, 'drafting.txt');
    await vscode.editor.waitForLink('EP 1 234 567 B1');
  });

  after(async () => {
    // Leave the fixture as it was for the next spec's window: closed unsaved.
    await vscode?.closeAllEditors();
    await vscode?.close();
  });

  it('links a number as it is typed, and the numbers below keep their links and cards', async () => {
    const page = vscode.page;
    await vscode.editor.active.locator('.view-line', { hasText: 'Draft response' }).click();
    // A new first line: every number below moves down one.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('Prior art: US 11,205,304');
    // Rescanned as it is typed: the kind-less number is a link already.
    await vscode.editor.waitForLink('US 11,205,304');
    await page.keyboard.type(' B2 of Magic Leap.');
    await page.keyboard.press('Escape');
    assert.match(await vscode.editor.hoverUntil('US 11,205,304 B2', /augmented or virtual reality/), /US11205304B2 · Active/);
    await vscode.screenshot('typing-new-number-card');
    // The number below moved down a line: its link and its card followed it.
    await vscode.editor.hoverAway();
    await vscode.editor.waitForLink('EP 1 234 567 B1');
    assert.match(await vscode.editor.hoverUntil('EP 1 234 567 B1', /cooling the stator/), /EP1234567B1/);
    await vscode.screenshot('typing-moved-number-card');
  });
});

describe('Patent numbers in documents with lookups turned off', function () {
  let vscode: VsCode;
  let sandbox: Sandbox;

  before(async () => {
    sandbox = Sandbox.current();
    vscode = await openVsCode();
  });

  after(async () => {
    if (vscode) {
      await setBooleanSetting(vscode, 'patentLookup.lookups.enabled', /Lookups: Enabled/, true).catch((e: unknown) => {
        throw new Error(`could not turn lookups back on: ${String(e)}`);
      });
      // Written once the extension has it (the view stops saying lookups are off): closing the
      // window before could lose the write, and leave lookups off for the specs after this one.
      await showFile(vscode, 'claims.txt');
      await vscode.sideBar.view(VIEW).message.filter({ hasText: 'Lookups are off' }).waitFor({ state: 'hidden', timeout: UI_MS });
      await vscode.closeAllEditors();
      await vscode.close();
    }
  });

  it('shows only the number and the actions, and sends nothing to PatSnap', async () => {
    // A document without numbers and the view shown: nothing is looked up before the switch.
    await showFile(vscode, 'README.txt');
    await vscode.sideBar.openPatentLookup();
    const view = vscode.sideBar.view(VIEW);
    await view.expand();
    await setBooleanSetting(vscode, 'patentLookup.lookups.enabled', /Lookups: Enabled/, false);
    await vscode.screenshot('settings-lookups-off');
    // Back in the document: the view says when the extension has taken the setting.
    await showFile(vscode, 'README.txt');
    await view.message.filter({ hasText: 'Lookups are off' }).waitFor({ state: 'visible', timeout: UI_MS });

    const before = await lookupCalls(sandbox);
    await showFile(vscode, 'claims.txt');
    await vscode.editor.waitForLink('KR 10-2020-0012345 A');
    const card = await vscode.editor.hoverUntil('KR 10-2020-0012345 A', /Copy Number/);
    await vscode.screenshot('hover-card-lookups-off');
    assert.match(card, /^KR20200012345A\s+Open Patent · Examination Documents · Copy Number · Open PDF/);
    assert.doesNotMatch(card, /SAMSUNG|Active|Pending|Filed/);
    assert.equal(await vscode.editor.hover.locator('img').count(), 0);

    // The view lists the numbers, without titles or legal status.
    await view.row('US10123456B1').waitFor({ state: 'visible', timeout: UI_MS });
    assert.deepEqual(await view.labelsWithDescriptions(view.topRows), [
      'KR20200012345A 1 place',
      'EP2458380B1 1 place',
      'CN303649457S 1 place',
      'US10123456B1 1 place',
      'US14/706838 application number · 1 place',
    ]);
    await vscode.screenshot('patents-in-document-lookups-off');
    assert.deepEqual(await lookupCalls(sandbox), before);
  });
});
