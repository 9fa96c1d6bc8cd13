/**
 * What a Chinese or Japanese user reads: a window of its own in each display language (zh-cn,
 * ja) walks the extension as a user does, against the runner's sandbox, and reads the text of
 * the extension's own UI (what a screen reader reads too: text, aria-label, title, placeholder,
 * alt) at each step: the status bar item and its menu, the walkthrough, Search Patents… and its
 * prompts, the results side bar (rows, their tooltips, a spent quota, an empty result), the
 * patent panel (every section, an empty one, an error), the PDF viewer's toolbar, the export
 * wizard's steps and the Exports view, a hover card, the citation problems and their quick
 * fixes, and a notebook run's output. Any run of English words from our code fails the step
 * (english.ts says what counts as data and what is allowed, and why).
 *
 * Only the extension's own UI is read: VS Code's chrome stays English here (the test language
 * pack translates nothing of VS Code), so where VS Code draws into our widgets its own words
 * are taken out first, each listed in VS_CODE_OWN.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Locator } from 'playwright-core';
import { openInLanguage, Words, type DisplayLanguage, type LanguageWindow } from './displayLanguage';
import { englishRuns } from './english';
import { Sandbox, type TreeView, type VsCode } from '../lib/pages';
import { UI_MS } from '../lib/pages/timeouts';

/** 139 sample patents match; the eighth result is a US patent, so it has examination documents and a PDF. */
const QUERY = 'TTL:(sensor OR device)';
const PATENT = 'US12219441B1';
/** A patent whose family section is made to fail. */
const FAILING = 'EP1234567B1';
const NO_RESULTS = 'TTL:qqqzzzxxx';
const QUOTA_SPENT = 67200005;
const ILLEGAL_REQUEST = 67200012;
const NUMBER = 'US 11,205,304 B2';
const CITING = 'opinion.md';
const NOTEBOOK = 'one-query.patentsearch';

/** VS Code's own words (English with the test language pack) drawn inside our widgets. */
const VS_CODE_OWN: ReadonlyArray<string | RegExp> = [
  // The quick input's count, its own checkbox and hint.
  /\b\d+ Results?\b/g,
  /\b\d+ Selected\b/g,
  'Toggle all checkboxes',
  /Back \([^)]*\)/g,
  "Press 'Enter' to confirm your input or 'Escape' to cancel",
  // A view pane's and its toolbar's labels ("检索结果 Section", "… actions").
  / Section$/gm,
  / actions$/gm,
  /More Actions(\.\.\.|…)/g,
  // The walkthrough page's frame around our steps.
  /Inspect this in the accessible view \([^)]*\)\.?/g,
  'Checkbox for Step',
  'Not completed',
  'Image showing',
  'Mark Done',
  // A cancellable progress notification's and a dialog's own buttons, a dialog's icon.
  'Cancel',
  'Close Dialog',
  /^Warning$/gm,
  // A link's "(ctrl + click)" in a hover; the Quick Fix menu's heading and hint.
  'ctrl + click',
  // A document link to a command: VS Code's links contribution titles the link's hover with
  // "Execute command {id}" (its own nls string "tooltip.explanation"), which its language pack
  // translates; the test's pack translates nothing. Our part, the tooltip beside it, is checked.
  /Execute command [\w.]+/g,
  'Quick Fix',
  'Enter to Apply',
];

/**
 * Reads what `locator`'s elements show and say: each visible text node on its own (so that a
 * number and the title beside it are not read as one word) and the attributes a screen reader
 * or a tooltip reads (labels, titles, placeholders, alt text). Not what the user typed.
 */
async function textOf(locator: Locator): Promise<string[]> {
  const texts: string[] = [];
  for (let i = 0, n = await locator.count(); i < n; i++) {
    // (No named inner functions: the test loader's name helper does not exist in the page.)
    texts.push(
      ...(await locator.nth(i).evaluate((root) => {
        const out: string[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          if (node.textContent?.trim() && parent?.checkVisibility({ visibilityProperty: true })) out.push(node.textContent.trim());
        }
        for (const e of [root, ...Array.from(root.querySelectorAll('*'))].filter((el) => el.checkVisibility({ visibilityProperty: true })))
          for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription']) {
            const v = e.getAttribute(a);
            if (v) out.push(v);
          }
        return out;
      })),
    );
  }
  return texts;
}

async function frameText(frame: Frame, selector: string): Promise<string[]> {
  return textOf(frame.locator(selector));
}

for (const language of ['zh-cn', 'ja'] as const satisfies readonly DisplayLanguage[]) {
  describe(`What a user of the ${language} display language reads: no English from Patent Lookup`, function () {
    const w = new Words(language);
    let window: LanguageWindow;
    let vscode: VsCode;
    let sandbox: Sandbox;
    let results: TreeView;

    /** Fails with the English found in `texts` (VS Code's own words taken out). */
    function check(step: string, texts: readonly string[]): void {
      const failing = englishRuns(texts.join('\n'), VS_CODE_OWN);
      assert.deepStrictEqual(failing, [], `English in ${step} (${language}): ${JSON.stringify(failing)}\nin:\n${texts.join('\n---\n')}`);
    }

    async function checkShown(step: string, ...locators: Locator[]): Promise<void> {
      const texts = (await Promise.all(locators.map(textOf))).flat();
      check(step, texts);
    }

    /** Like checkShown, with the user's own words (what they typed, their folder's name) taken out: they are not ours. */
    async function checkShownTyped(step: string, users: readonly string[], ...locators: Locator[]): Promise<void> {
      const texts = (await Promise.all(locators.map(textOf))).flat();
      check(step, texts.map((t) => users.reduce((rest, u) => rest.split(u).join(' '), t)));
    }

    /**
     * Closes every editor by its tab's close button, as a user does (the palette would not do:
     * the walkthrough takes the focus back from a quick input opened over it).
     */
    async function closeEditors(): Promise<void> {
      const tabs = vscode.page.locator('.tabs-container .tab');
      for (let n = await tabs.count(); n > 0; n = await tabs.count()) {
        await tabs.first().hover();
        await tabs.first().locator('.tab-actions .action-label').first().click();
        await vscode.page.waitForFunction((before) => document.querySelectorAll('.tabs-container .tab').length < before, n, { timeout: UI_MS });
      }
    }

    /** A workspace file through "Go to File…" (VS Code's own command), until its tab shows. */
    async function openFile(name: string): Promise<void> {
      await vscode.palette.run('Go to File...');
      await vscode.quickInput.type(name);
      await vscode.quickInput.pick(name);
      await vscode.workbench.editorTab(name).waitFor({ state: 'visible', timeout: UI_MS });
    }

    before(async () => {
      sandbox = Sandbox.current();
      window = await openInLanguage(language, { sandbox: true });
      vscode = window.vscode;
      fs.writeFileSync(
        path.join(window.workspace, NOTEBOOK),
        JSON.stringify({ format: 'patent-search-notebook', version: 1, title: 'One query', cells: [{ kind: 'query', source: ['TACD:"lidar sensor"'], options: { limit: 5, facets: ['PUBLICATION_YEAR', 'AUTHORITY'] }, runs: [] }] }),
      );
      await vscode.sideBar.openContainer(w.contributed('viewsContainer.activitybar.patentLookup.title'));
      // The results with the side bar's height (the list is virtual: rows below it are not in the page).
      for (const other of ['view.documentPatents.name', 'view.exports.name']) await vscode.sideBar.view(w.contributed(other)).collapse();
      results = vscode.sideBar.view(w.contributed('view.results.name'));
    });

    afterEach(async () => {
      await sandbox.clearFaults();
      // A dialog left by a failed step would keep every later step from the workbench.
      const dialog = vscode?.page.locator('.monaco-dialog-box');
      if (await dialog?.isVisible()) {
        await vscode.page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden', timeout: UI_MS });
      }
      await vscode?.dismissTransients();
    });

    after(async () => {
      await window?.stop();
    });

    it('the status bar item, its tooltip and its menu', async () => {
      await vscode.statusBar.backend.filter({ hasText: /\S/ }).waitFor({ state: 'visible', timeout: UI_MS });
      await vscode.statusBar.backend.hover();
      const tooltip = vscode.page.locator('.monaco-hover, .workbench-hover').filter({ hasNotText: /^\s*$/ }).first();
      await tooltip.waitFor({ state: 'visible', timeout: UI_MS });
      await checkShown('the status bar item', vscode.statusBar.backend, tooltip);
      await vscode.page.mouse.move(700, 450);
      await tooltip.waitFor({ state: 'hidden', timeout: UI_MS });
      await vscode.statusBar.backend.click();
      await vscode.quickInput.rows.first().waitFor({ state: 'visible', timeout: UI_MS });
      await checkShown('the status bar menu', vscode.quickInput.widget);
      await vscode.screenshot(`${language}-status-menu`);
    });

    it('the walkthrough', async () => {
      await vscode.palette.run('Welcome: Open Walkthrough...');
      await vscode.quickInput.pick(w.contributed('walkthrough.gettingStarted.title'));
      // The walkthrough's own page (the list of every walkthrough is another slide).
      const page = vscode.page.locator('.gettingStartedContainer .gettingStartedSlideDetails');
      await page.locator('.getting-started-step').first().waitFor({ state: 'visible', timeout: UI_MS });
      await checkShown('the walkthrough', page);
      await vscode.screenshot(`${language}-walkthrough`);
      await closeEditors();
    });

    it('Search Patents…: its prompt, an empty query, a query too long', async () => {
      const q = vscode.quickInput;
      await vscode.palette.run(w.command('search'));
      await q.waitOpen();
      await checkShown('the search prompt', q.widget);
      await q.accept();
      await q.rows.first().waitFor({ state: 'visible', timeout: UI_MS });
      await checkShown('the empty query', q.widget);
      const long = `TTL:battery AND ${'x'.repeat(1_485)}`;
      await q.type(long);
      await q.rows.filter({ hasText: /1501/ }).first().waitFor({ state: 'visible', timeout: UI_MS });
      await checkShownTyped('the query too long', [long], q.widget);
      await q.cancel();
      await q.waitClosed();
    });

    it('the results side bar: rows, tooltips, Load more', async () => {
      await results.expand();
      await vscode.palette.run(w.command('search'));
      await vscode.quickInput.type(QUERY);
      await vscode.quickInput.rows.filter({ hasText: QUERY }).first().waitFor({ state: 'visible', timeout: UI_MS });
      await vscode.quickInput.accept();
      await vscode.quickInput.waitClosed();
      const row = results.row(PATENT);
      await row.waitFor({ state: 'visible', timeout: UI_MS });
      await results.description.filter({ hasText: /139/ }).waitFor({ state: 'visible', timeout: UI_MS });
      await checkShown('the results view', results.pane);
      await vscode.page.mouse.move(700, 450);
      await row.hover();
      const tooltip = vscode.page.locator('.workbench-hover, .monaco-hover').filter({ hasText: PATENT }).first();
      await tooltip.waitFor({ state: 'visible', timeout: UI_MS });
      await checkShown('a result\u2019s tooltip', tooltip);
      await vscode.screenshot(`${language}-results`);
      await vscode.page.mouse.move(1, 1);
    });

    it('the results side bar: no results, and a spent quota', async () => {
      await vscode.palette.run(w.command('search'));
      await vscode.quickInput.type(NO_RESULTS);
      await vscode.quickInput.rows.filter({ hasText: NO_RESULTS }).first().waitFor({ state: 'visible', timeout: UI_MS });
      await vscode.quickInput.accept();
      await results.message.filter({ hasText: NO_RESULTS }).waitFor({ state: 'visible', timeout: UI_MS });
      await results.row(PATENT).waitFor({ state: 'detached', timeout: UI_MS });
      await checkShown('an empty result', results.pane);

      await sandbox.addFault({ errorCode: QUOTA_SPENT, times: 0 });
      await vscode.palette.run(w.command('search'));
      await vscode.quickInput.type('TTL:battery');
      await vscode.quickInput.rows.filter({ hasText: 'TTL:battery' }).first().waitFor({ state: 'visible', timeout: UI_MS });
      await vscode.quickInput.accept();
      const toast = vscode.notifications.fromSource(w.contributed('extension.displayName')).first();
      await toast.waitFor({ state: 'visible', timeout: UI_MS });
      await checkShown('a spent quota', toast.locator('.notification-list-item-message, .notification-list-item-buttons-container'), results.pane);
      await vscode.screenshot(`${language}-quota`);
    });

    it('the patent panel: every section, and the PDF viewer\u2019s toolbar', async () => {
      await vscode.palette.run(w.command('search'));
      await vscode.quickInput.type(QUERY);
      await vscode.quickInput.rows.filter({ hasText: QUERY }).first().waitFor({ state: 'visible', timeout: UI_MS });
      await vscode.quickInput.accept();
      await results.row(PATENT).click();
      const panel = vscode.patentPanel(PATENT);
      await panel.waitLoaded();
      await panel.drawingWidth();
      await checkShown('the patent panel', panel.content.locator('body'));
      // The legal status is data the allowlist lets through, so it is asserted: PatSnap's "Active" in the display language (有效, 有効), its colour still from the English value.
      assert.deepStrictEqual(await panel.statuses(), [w.t('Active')]);
      assert.match((await panel.legalStatus.first().getAttribute('class')) ?? '', /\bactive\b/);
      for (const id of ['claims', 'family', 'citations', 'legal'] as const) {
        await panel.content.locator(`#tab-${id}`).click();
        const section = panel.section(id);
        await section.locator(':scope[aria-busy="false"]').or(section.locator('.error')).first().waitFor({ state: 'attached', timeout: UI_MS });
        await checkShown(`the panel's ${id} section`, section, panel.content.locator('#announcer'));
      }
      // The detailed status, "Granted", in the legal section (the simple one is shown once, in the header's language too).
      assert.deepStrictEqual((await panel.section('legal').locator('.facts .badge').allInnerTexts()).map((t) => t.trim()), [w.t('Active'), w.t('Granted')]);
      await panel.content.locator('#tab-documents').click();
      await panel.documentRows.first().or(panel.documents.locator('.muted, .error')).first().waitFor({ state: 'visible', timeout: UI_MS });
      await checkShown('the panel\u2019s examination documents', panel.documents, panel.content.locator('#announcer'));
      await vscode.screenshot(`${language}-panel-documents`);

      await panel.button(w.t('Open PDF')).click();
      const viewer = vscode.pdfViewer(`${PATENT}.pdf`);
      await viewer.waitRendered();
      const frame = await viewer.frame();
      // All but the document itself (its text layer is the patent's PDF: data).
      const chrome = 'body > :not(#viewerArea)';
      check('the PDF viewer\u2019s toolbar', await frameText(frame, chrome));
      // A search with no match: the count says so in the display language.
      await frame.locator('#find').fill('qqqzzz');
      await frame.locator('#findCount').filter({ hasText: w.t('No results') }).waitFor({ state: 'visible', timeout: UI_MS });
      check('the PDF viewer\u2019s find', await frameText(frame, chrome));
      await vscode.screenshot(`${language}-pdf`);
      await closeEditors();
    });

    it('the patent panel: a section that fails', async () => {
      await sandbox.addFault({ path: '/basic-patent-data/patent-family', errorCode: ILLEGAL_REQUEST, times: 0 });
      await vscode.palette.run(w.command('openPatent'));
      await vscode.quickInput.type(FAILING);
      await vscode.quickInput.accept();
      const panel = vscode.patentPanel(FAILING);
      await panel.waitLoaded();
      await panel.content.locator('#tab-family').click();
      const section = panel.section('family');
      await section.locator('.error').first().waitFor({ state: 'visible', timeout: 30_000 });
      await checkShown('a section that failed', section, panel.content.locator('#announcer'));
      await vscode.screenshot(`${language}-panel-error`);
      // The same patent's legal section: revoked after an opposition, each status and the office's events' in the display language.
      await panel.content.locator('#tab-legal').click();
      const legal = panel.section('legal');
      await legal.locator(':scope[aria-busy="false"]').waitFor({ state: 'attached', timeout: UI_MS });
      assert.deepStrictEqual((await legal.locator('.facts .badge').allInnerTexts()).map((t) => t.trim()), [w.t('Inactive'), w.t('Revoked'), w.t('Opposition')]);
      assert.ok((await legal.innerText()).includes(w.t('Status after: {0}', w.t('Revoked'))), await legal.innerText());
      await checkShown('the panel\u2019s legal section of a revoked patent', legal);
      await closeEditors();
    });

    it('the export wizard\u2019s steps, the confirmation and the Exports view', async () => {
      const q = vscode.quickInput;
      // "(1/5)", or "（1/5）" beside Chinese or Japanese.
      const step = (n: number): Promise<void> => q.title.filter({ hasText: new RegExp(`[(（]${n}/5[)）]`) }).waitFor({ state: 'visible', timeout: UI_MS });
      await vscode.palette.run(w.command('exportSearch'));
      await step(1);
      await q.type('TTL:battery');
      await q.rows.filter({ hasText: 'TTL:battery' }).first().waitFor({ state: 'visible', timeout: UI_MS });
      await checkShown('the export wizard, step 1', q.widget);
      await q.accept();
      await step(2);
      await checkShown('the export wizard, step 2', q.widget);
      await q.pick(/CSV/);
      await step(3);
      await q.rows.first().waitFor({ state: 'visible', timeout: UI_MS });
      await checkShown('the export wizard, step 3', q.widget);
      await q.accept();
      await step(4);
      await q.type('100001');
      await q.message.filter({ hasText: /100/ }).waitFor({ state: 'visible', timeout: UI_MS });
      await checkShown('the export wizard, step 4', q.widget);
      await q.type('3');
      await q.accept();
      await step(5);
      await checkShownTyped('the export wizard, step 5', [path.basename(window.workspace)], q.widget);
      await q.pick(w.t('Create Export'));
      const dialog = vscode.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ state: 'visible', timeout: UI_MS });
      await checkShownTyped('the export confirmation', [path.basename(window.workspace)], dialog);
      await vscode.screenshot(`${language}-export-confirm`);
      await dialog.locator('.monaco-button', { hasText: w.t('Export {0}', w.t('{0} patents', 3)) }).click();
      const exportsView = vscode.sideBar.view(w.contributed('view.exports.name'));
      await exportsView.expand();
      await exportsView.rows.first().waitFor({ state: 'visible', timeout: UI_MS });
      await checkShown('the Exports view', exportsView.pane);
      await vscode.screenshot(`${language}-exports-view`);
    });

    it('a hover card on a number in a document', async () => {
      await vscode.palette.run(w.command('openSampleDocument'));
      await vscode.editor.waitForLink(NUMBER);
      await vscode.editor.hoverUntil(NUMBER, /augmented or virtual reality/);
      await checkShown('the hover card', vscode.editor.hover);
      // Its heading: the number, then the legal status in the display language.
      assert.ok((await vscode.editor.hover.innerText()).includes(`US11205304B2 · ${w.t('Active')}`), await vscode.editor.hover.innerText());
      await vscode.screenshot(`${language}-hover`);
      await vscode.editor.hoverAway();
      // The sample is an untitled document: closed without asking to save it.
      await vscode.palette.run('View: Revert and Close Editor');
    });

    it('the citation problems and their quick fixes', async () => {
      await openFile(CITING);
      await vscode.editor.waitForLink(NUMBER);
      await vscode.palette.run('View: Focus Problems (Errors, Warnings, Infos)');
      const problems = vscode.page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'Patent Lookup' });
      await vscode.page.waitForFunction(() => Array.from(document.querySelectorAll('.markers-panel .monaco-list-row')).filter((r) => r.textContent?.includes('Patent Lookup')).length >= 4, undefined, { timeout: UI_MS });
      await checkShown('the citation problems', problems.locator('.marker-message-details, .marker-message'), vscode.statusBar.item('patentLookup.citations'));
      // EP 1 234 567 B1 is revoked: the problem says so in the display language.
      await problems.filter({ hasText: 'EP1234567B1' }).filter({ hasText: w.t('Revoked') }).first().waitFor({ state: 'visible', timeout: UI_MS });
      const point = await vscode.editor.hoverAt('US 2005/0262868 A1');
      await vscode.page.mouse.click(point.x, point.y);
      const rows = vscode.page.locator('.action-widget .monaco-list-row');
      await vscode.page.keyboard.press('Control+.');
      await rows.first().waitFor({ state: 'visible', timeout: UI_MS });
      await checkShown('the quick fixes', rows);
      await vscode.screenshot(`${language}-quick-fixes`);
      await vscode.page.keyboard.press('Escape');
      await vscode.palette.run('File: Revert File');
      await vscode.palette.run('View: Close All Editors');
      await vscode.palette.run('View: Hide Panel');
    });

    it('a notebook run\u2019s output', async () => {
      await vscode.notebook.waitOpenedBy(() => openFile(NOTEBOOK));
      await checkShown('the notebook cell\u2019s status bar', vscode.notebook.root.locator('.cell-statusbar-container'));
      await vscode.notebook.toolbarButton(/^Run All$/).click();
      const run = await vscode.notebook.output(/\S/, 60_000);
      await checkShown('the notebook run\u2019s output', run);
      await vscode.screenshot(`${language}-notebook`);
    });
  });
}
