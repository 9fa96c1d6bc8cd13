/**
 * A newcomer reads a sandbox patent without leaving the editor: opened by number, its
 * claims tree, its family with statuses, its citations both ways, its legal events,
 * the drawing enlarged, an office action and the patent's PDF in the PDF viewer, and a
 * PDF saved in the workspace in the same viewer. A section that fails says so, with
 * Retry, and the rest of the panel still loads. Runs against the runner's sandbox.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildPdf } from '../../src/sandbox/content';
import { e2eEnvironment } from '../lib/e2eEnvironment';
import { openVsCode, Sandbox, type PatentPanel, type PdfViewer, type VsCode } from '../lib/pages';
import type { Rgb } from '../lib/pages/PdfViewer';
import { UI_MS } from '../lib/pages/timeouts';

const PATENT = 'US11205304B2';
const SAVED_PDF = 'saved-office-action.pdf';

describe('The whole patent record and its documents, in the editor', function () {
  let vscode: VsCode;
  let sandbox: Sandbox;
  let panel: PatentPanel;

  before(async () => {
    sandbox = Sandbox.current();
    // A PDF someone saved into the workspace earlier: three pages, the word "rejection" on the second.
    const pages = [['Office action', 'Application 14/706,838'], ['Claims 1-20 are rejected.', 'Final rejection under 35 U.S.C. 103.'], ['Conclusion']];
    fs.writeFileSync(path.join(e2eEnvironment().workspace, SAVED_PDF), buildPdf(pages, 'Saved office action'));
    vscode = await openVsCode();
  });

  afterEach(async () => {
    await sandbox.clearFaults();
    await vscode.dismissTransients();
  });

  after(async () => {
    await vscode?.close();
  });

  /** The patent's own PDF from its panel, brought to the front: "Open PDF" and the viewer it opens. */
  async function openPatentPdf(): Promise<PdfViewer> {
    await panel.tab.click();
    await panel.waitLoaded();
    await panel.button('Open PDF').click();
    return vscode.pdfViewer(`${PATENT}.pdf`);
  }

  it('opens a patent by number at its claims: a tree, independent claims marked, dependents nested', async () => {
    panel = await vscode.openPatent(PATENT);
    const claims = await panel.showSection('Claims', 'claims');
    assert.ok((await panel.claims.count()) >= 3, 'claims listed');
    assert.match(await claims.innerText(), /\d+ claims, \d+ independent/);
    assert.ok((await claims.locator('li.claim.independent .badge.independent').count()) >= 1, 'an independent claim is marked');
    assert.ok((await claims.locator('.claim-tree.nested li.claim').count()) >= 1, 'a dependent claim is nested under its parent');
    assert.match(await claims.locator('.claim-tree.nested li.claim').first().innerText(), /Depends on claim \d+/);
    await claims.getByRole('button', { name: 'Copy claim 1' }).click();
    await panel.announced(/^Claim 1 copied\.$/);
    await vscode.screenshot('record-claims');
  });

  it('shows the family by office with each member\u2019s status, and opens a member in its own panel', async () => {
    const family = await panel.showSection('Family', 'family');
    const offices = await family.locator('section.office h3').allInnerTexts();
    assert.ok(offices.length >= 2, `offices: ${offices.join(', ')}`);
    const rows = family.locator('tbody tr');
    assert.ok((await rows.count()) >= offices.length);
    assert.ok((await family.locator('tbody tr td.status .badge').count()) >= (await rows.count()), 'every member has a status');
    assert.equal(await family.locator('tr.self').count(), 1, 'the patent itself is marked');
    const statuses = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td.status .badge'), (b) => (b.textContent ?? '').trim().toLowerCase())));
    assert.deepEqual(statuses.filter((s) => new Set(s).size !== s.length), [], 'each status once in a row');
    await vscode.screenshot('record-family');

    await family.getByRole('radio', { name: /INPADOC family/ }).click();
    await family.getByRole('radio', { name: /INPADOC family/, checked: true }).waitFor({ state: 'visible', timeout: UI_MS });
    await vscode.screenshot('record-family-inpadoc');

    const member = family.locator('tbody tr:not(.self) button.link').first();
    const number = (await member.innerText()).trim();
    await member.click();
    const memberPanel = vscode.patentPanel(number);
    await memberPanel.waitLoaded();
    assert.equal((await memberPanel.shownNumber.innerText()).trim(), number);
    await vscode.screenshot('record-family-member-opened');
    await panel.tab.click();
    await panel.waitLoaded();
  });

  it('shows the legal status beside its detail, and the events oldest first with readable dates', async () => {
    const legal = await panel.showSection('Legal status', 'legal');
    assert.match(await legal.locator('dl.facts').innerText(), /Status\s+Active[\s\S]*Legal status\s+Granted/);
    const dates = await legal.locator('ol.timeline time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
    assert.ok(dates.length >= 2, `events: ${dates.join(', ')}`);
    assert.deepEqual(dates, [...dates].sort(), 'oldest first');
    assert.doesNotMatch(await legal.locator('ol.timeline time').first().innerText(), /^\d{4}-\d{2}-\d{2}$/, 'the date as people read it');
    // The card's dates read the same way as the sections' (VS Code's display language, English here).
    assert.match(await panel.content.locator('dl.facts').first().innerText(), /filed May 7, 2015[\s\S]*Published\s+Dec 21, 2021/);
    await vscode.screenshot('record-legal');
  });

  it('enlarges the front-page drawing', async () => {
    await panel.content.locator('.drawing-button').click();
    const dialog = panel.content.locator('dialog.drawing-dialog');
    await dialog.waitFor({ state: 'visible', timeout: UI_MS });
    const width = await dialog.locator('img').evaluate((img: HTMLImageElement) => img.getBoundingClientRect().width);
    const small = await panel.drawing.evaluate((img: HTMLImageElement) => img.getBoundingClientRect().width);
    assert.ok(width > small, `enlarged ${width}px, was ${small}px`);
    await vscode.screenshot('record-drawing-enlarged');
    await vscode.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: UI_MS });
  });

  it('opens an office action in the PDF viewer, in an editor tab', async () => {
    await panel.showDocuments();
    const first = panel.documentRows.first();
    const code = (await first.locator('td.code').innerText()).trim();
    await first.getByRole('button', { name: /^Open / }).click();
    const viewer = vscode.pdfViewer(new RegExp(`^${PATENT}-\\d{8}-${code}-1\\.pdf`));
    const pages = await viewer.waitRendered();
    assert.ok(pages >= 1, `${pages} pages`);
    await vscode.screenshot('record-office-action');
  });

  it('opens the patent\u2019s PDF in the viewer: pages, zoom, find', async () => {
    const viewer = await openPatentPdf();
    assert.equal(await viewer.waitRendered(), 3, 'front page, claims, description');
    await (await viewer.button('next')).click();
    await viewer.waitPage(2);
    const before = await viewer.zoom();
    await (await viewer.button('zoomIn')).click();
    const frame = await viewer.frame();
    await frame.locator('#zoom').filter({ hasNotText: '' }).waitFor({ state: 'attached', timeout: UI_MS });
    assert.notEqual(await viewer.zoom(), before, 'zoomed');
    assert.match(await viewer.find('claim'), /^\d+ of \d+$/);
    assert.ok((await viewer.highlights()) > 0, 'the matches are highlighted');
    await vscode.screenshot('record-patent-pdf');
  });

  it('draws the PDF\u2019s pages in a high-contrast theme\u2019s colours, its toolbar and find box outlined, and white again in the normal theme it was in', async () => {
    const viewer = await openPatentPdf();
    await viewer.waitRendered();
    const white: Rgb = [255, 255, 255];
    await viewer.waitPaper(white);
    const kind = await viewer.themeKind();
    const [page, zoom] = [await viewer.pageNumber(), await viewer.zoom()];
    assert.ok(kind === 'vscode-light' || kind === 'vscode-dark', `a normal theme first: ${kind}`);
    try {
      await vscode.setColorTheme('Dark High Contrast');
      await viewer.waitThemeKind('vscode-high-contrast');
      const background = await viewer.themeColor('--vscode-editor-background');
      assert.notDeepEqual(background, white, 'a dark theme');
      // The paper is the editor's background, drawn by pdf.js from the canvas, not a CSS colour behind it.
      await viewer.waitPaper(background);
      const border = await viewer.themeColor('--vscode-contrastBorder');
      assert.deepEqual(await viewer.cssColor('#toolbar', 'border-bottom-color'), border, 'the toolbar outlined');
      assert.deepEqual(await viewer.cssColor('#find', 'border-top-color'), border, 'the find box outlined');
      assert.deepEqual(await viewer.cssColor('#zoomIn', 'border-top-color'), border, 'the buttons outlined');
      assert.deepEqual(await viewer.cssColor('.pdfViewer .page', 'border-top-color'), border, 'each page outlined');
      assert.equal(await viewer.waitRendered(), 3, 'every page drawn again');
      assert.deepEqual([await viewer.pageNumber(), await viewer.zoom()], [page, zoom], 'where the reader was');
      await vscode.screenshot('record-pdf-high-contrast');
      // A viewer opened in the theme draws its pages in it from the start.
      await vscode.workbench.openFile(SAVED_PDF);
      const saved = vscode.pdfViewer(SAVED_PDF);
      await saved.waitRendered();
      await saved.waitPaper(background);
    } finally {
      await vscode.setColorTheme(kind === 'vscode-dark' ? 'Dark Modern' : 'Light Modern');
    }
    await viewer.waitThemeKind(kind);
    await viewer.waitPaper(white);
    await vscode.screenshot('record-pdf-normal-theme');
  });

  it('opens a PDF saved in the workspace in the same viewer', async () => {
    await vscode.workbench.openFile(SAVED_PDF);
    const viewer = vscode.pdfViewer(SAVED_PDF);
    assert.equal(await viewer.waitRendered(), 3);
    assert.equal(await viewer.find('reject'), '1 of 2');
    await vscode.screenshot('record-saved-pdf');
  });

  it('shows what a patent cites, with category and cite type, literature with its DOI, and what cites it', async () => {
    const cited = await vscode.openPatent('EP1234567B1');
    const citations = await cited.showSection('Citations', 'citations');
    const headings = await citations.locator('h3').allInnerTexts();
    // The sandbox's EP1234567B1 cites one patent and one other document: said in the singular.
    assert.equal(headings[0], 'Cites: 1 patent');
    assert.equal(headings[1], 'Cites: 1 other document');
    assert.match(headings[2] ?? '', /^Cited by: [1-9]\d* patents$/);
    assert.ok((await citations.locator('.badge.category').count()) > 0, 'examiner categories');
    assert.match(await citations.locator('tbody').first().innerText(), /examiner|applicant|third party|opposition/);
    assert.ok((await citations.getByRole('button', { name: /^Open DOI 10\./ }).count()) > 0, 'a DOI the host opens');
    assert.ok((await citations.locator('ul.numbers button.link').count()) > 1, 'the citing patents');
    await vscode.screenshot('record-citations');
    const citing = citations.locator('ul.numbers button.link').first();
    const number = (await citing.innerText()).trim();
    await citing.click();
    await vscode.patentPanel(number).waitLoaded();
  });

  it('shows a failing section with Retry while the rest of the panel loads', async () => {
    await sandbox.addFault({ path: '/basic-patent-data/claim-data', errorCode: 68300008, times: 0 });
    const other = await vscode.openPatent('CN104169186A');
    const claims = await other.showSection('Claims', 'claims');
    await claims.locator('.error').waitFor({ state: 'visible', timeout: UI_MS });
    assert.match(await claims.innerText(), /Loading the claims failed/);
    const legal = await other.showSection('Legal status', 'legal');
    assert.ok((await legal.locator('ol.timeline li').count()) > 0, 'another section loads');
    await vscode.screenshot('record-section-error');
    await sandbox.clearFaults();
    await other.sectionTab('Claims').click();
    await claims.getByRole('button', { name: 'Retry' }).click();
    await claims.locator('li.claim').first().waitFor({ state: 'visible', timeout: UI_MS });
    // The claims in Chinese, as PatSnap has them beside the English.
    await claims.getByRole('button', { name: 'CN' }).click();
    await claims.locator('p.claim-text[lang="zh"]').first().waitFor({ state: 'visible', timeout: UI_MS });
    assert.match(await claims.locator('p.claim-text').first().innerText(), /[\u4e00-\u9fff]/);
    await vscode.screenshot('record-claims-chinese');
  });
});
