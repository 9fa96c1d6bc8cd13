import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PatentPanel } from '../../../src/extension/patent/patentPanel';
import { disposePanels, sandbox, sandboxedApi, waitFor, type TestApi } from '../../lib/extensionHarness';

const EXAM_DOCS_PATH = '/advanced-patent-data/overseas-patent-documents';

function loaded(panel: PatentPanel): boolean {
  return panel.snapshot.main.state !== 'loading';
}

describe('The patent panel', () => {
  let api: TestApi;

  before(async () => {
    api = await sandboxedApi();
  });

  afterEach(async () => {
    await sandbox.clearFaults();
    disposePanels(api);
  });

  it('opens a patent typed the way people write it, with its bibliography, status and drawing', async () => {
    await vscode.commands.executeCommand('patentLookup.openPatent', { number: 'US 11,205,304 B2' });
    const panel = await waitFor('a panel', () => api.panelFeature.openPanels[0]);
    await waitFor('the patent', () => loaded(panel));
    const main = panel.snapshot.main;
    assert.strictEqual(main.state, 'patent', JSON.stringify(main));
    if (main.state !== 'patent') return;
    assert.strictEqual(main.patent.number, 'US11205304B2');
    assert.strictEqual(main.patent.kind, 'B2');
    assert.ok(main.patent.title, 'a title');
    assert.ok(main.patent.assignees.length > 0, 'assignees');
    assert.deepStrictEqual(main.patent.legalStatus, ['Active']);
    assert.strictEqual(panel.panel.title, 'US11205304B2');
    const image = await waitFor('the drawing', () => panel.snapshot.image.state !== 'loading' && panel.snapshot.image);
    assert.strictEqual(image.state, 'loaded');
    assert.match(image.state === 'loaded' ? image.dataUri : '', /^data:image\/png;base64,/);
    // The page itself came up and said so (the ready handshake).
    await waitFor('the webview', () => panel.firstReady.then(() => true), 20_000);
  });

  it('reuses the open panel for the same patent', async () => {
    await vscode.commands.executeCommand('patentLookup.openPatent', 'US11205304B2');
    const panel = await waitFor('a panel', () => api.panelFeature.openPanels[0]);
    await waitFor('the patent', () => loaded(panel));
    await vscode.commands.executeCommand('patentLookup.openPatent', { number: 'US11205304B2', patentId: (panel.snapshot.main.state === 'patent' && panel.snapshot.main.patent.patentId) || undefined });
    await vscode.commands.executeCommand('patentLookup.openPatent', 'US 11205304');
    assert.strictEqual(api.panelFeature.openPanels.length, 1);
  });

  it('shows the examination documents of a US patent, with paging', async () => {
    await vscode.commands.executeCommand('patentLookup.showExaminationDocuments', { number: 'US11205304B2' });
    const panel = await waitFor('a panel', () => api.panelFeature.openPanels[0]);
    const docs = await waitFor('the documents', () => {
      const d = panel.snapshot.documents;
      return d && d.state !== 'loading' && d;
    });
    assert.strictEqual(docs.state, 'page', JSON.stringify(docs));
    if (docs.state !== 'page') return;
    assert.strictEqual(docs.rows.length, 20);
    assert.ok(docs.matching > 20, 'more than one page');
    assert.ok(docs.rows.every((r) => r.date && r.code), 'each row has a date and a code');
  });

  it('says plainly that CN patents have no examination documents, without calling the API', async () => {
    const before = await sandbox.calls(EXAM_DOCS_PATH);
    await vscode.commands.executeCommand('patentLookup.showExaminationDocuments', { number: 'CN104169186A' });
    const panel = await waitFor('a panel', () => api.panelFeature.openPanels[0]);
    await waitFor('the patent', () => loaded(panel));
    const docs = await waitFor('the documents', () => panel.snapshot.documents?.state !== 'loading' && panel.snapshot.documents);
    assert.strictEqual(docs.state, 'unsupported');
    assert.strictEqual(await sandbox.calls(EXAM_DOCS_PATH), before);
  });

  it('shows an unknown number and an API failure inside the panel, with Retry', async () => {
    await vscode.commands.executeCommand('patentLookup.openPatent', 'US9999999B2');
    const missing = await waitFor('a panel', () => api.panelFeature.openPanels[0]);
    await waitFor('an answer', () => loaded(missing));
    assert.strictEqual(missing.snapshot.main.state, 'error');
    missing.dispose();

    // A document another suite left in view may have had EP1234567B1 looked up (its citations are checked): the failure must be PatSnap's answer, not a cached card.
    await api.session.clearLookupCache();
    await sandbox.addFault({ path: '/basic-patent-data', errorCode: 67200005, times: 0 });
    await vscode.commands.executeCommand('patentLookup.openPatent', 'EP1234567B1');
    const failing = await waitFor('a panel', () => api.panelFeature.openPanels[0]);
    await waitFor('an answer', () => loaded(failing));
    const main = failing.snapshot.main;
    assert.strictEqual(main.state, 'error');
    assert.match(main.state === 'error' ? main.error.message : '', /balance or call count/);
  });
});
