import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ResultNode } from '../../../src/extension/search/resultNodes';
import { extensionApi, restoreSandboxSession, sandbox, type TestApi } from './extensionHarness';

const QUERY = 'TTL:battery';

function items(api: TestApi): vscode.TreeItem[] {
  return api.results.getChildren().map((n: ResultNode) => api.results.getTreeItem(n));
}

function rowKinds(api: TestApi): string[] {
  return items(api).map((i) => String(i.contextValue));
}

describe('Search and the results tree', () => {
  let api: TestApi;
  const config = () => vscode.workspace.getConfiguration('patentLookup');

  before(async () => {
    api = await extensionApi();
    await restoreSandboxSession(api);
    await config().update('search.pageSize', 5, vscode.ConfigurationTarget.Global);
  });

  beforeEach(async () => {
    await sandbox.clearFaults();
    await vscode.commands.executeCommand('patentLookup.results.clear');
  });

  after(async () => {
    await sandbox.clearFaults();
    await config().update('search.pageSize', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('patentLookup.results.clear');
  });

  it('shows a page of results with a "Load more" row, and loads the next page', async () => {
    await vscode.commands.executeCommand('patentLookup.search', QUERY);
    const first = items(api);
    assert.deepStrictEqual(rowKinds(api), ['patent', 'patent', 'patent', 'patent', 'patent', 'loadMore']);
    const state = api.results.current;
    assert.strictEqual(state.kind, 'results');
    const total = state.kind === 'results' ? state.results.total : 0;
    assert.ok(total > 10, `the sandbox should have more than 10 battery patents, has ${total}`);
    assert.strictEqual(api.results.view.description, `5 of ${total.toLocaleString('en-US')}`);

    // Each row: number as label, title as description, a tooltip, a stable id, opens the patent.
    const row = first[0] as vscode.TreeItem;
    assert.match(String(row.label), /^[A-Z]{2}\w+$/);
    assert.ok(row.description, 'the title shows as description');
    assert.match(String(row.tooltip), /Published: \d{4}-\d{2}-\d{2}/);
    assert.match(String(row.id), /^patent\//);
    assert.strictEqual(row.command?.command, 'patentLookup.openPatent');

    await vscode.commands.executeCommand('patentLookup.results.loadMore');
    const second = items(api);
    assert.strictEqual(second.filter((i) => i.contextValue === 'patent').length, 10);
    assert.strictEqual(second.at(-1)?.contextValue, 'loadMore');
    // The first page's rows keep their ids.
    assert.deepStrictEqual(second.slice(0, 5).map((i) => i.id), first.slice(0, 5).map((i) => i.id));
    assert.strictEqual(new Set(second.map((i) => i.id)).size, second.length);
    assert.strictEqual(api.results.view.description, `10 of ${total.toLocaleString('en-US')}`);
  });

  it('says so when nothing matches, with an "Edit Search" action', async () => {
    await vscode.commands.executeCommand('patentLookup.search', 'TTL:zzzqqqnomatch');
    const rows = items(api);
    assert.strictEqual(rows.length, 1);
    assert.strictEqual(rows[0]?.contextValue, 'message.info');
    assert.strictEqual(rows[0]?.command?.command, 'patentLookup.search');
  });

  it('shows a failed first search as an error row with its fix', async () => {
    await sandbox.addFault({ path: '/search/patent', errorCode: 67200003, times: 0 });
    await vscode.commands.executeCommand('patentLookup.search', QUERY);
    const rows = items(api);
    assert.strictEqual(rows.length, 1);
    assert.strictEqual(rows[0]?.contextValue, 'message.error');
    assert.match(String(rows[0]?.label), /credentials/i);
    assert.strictEqual(rows[0]?.command?.command, 'patentLookup.setCredentials');
  });

  it('shows a malformed answer as an error row that names the endpoint and offers Retry', async () => {
    await sandbox.addFault({ path: '/search/patent', malformed: true, times: 0 });
    await vscode.commands.executeCommand('patentLookup.search', QUERY);
    const rows = items(api);
    assert.strictEqual(rows.length, 1);
    assert.strictEqual(rows[0]?.contextValue, 'message.error');
    assert.match(`${String(rows[0]?.label)} ${String(rows[0]?.tooltip ?? '')}`, /unexpected|query-search-patent/i);
    assert.strictEqual(rows[0]?.command?.command, 'patentLookup.results.refresh');
  });

  it('keeps the previous results when a later search fails', async () => {
    await vscode.commands.executeCommand('patentLookup.search', QUERY);
    const before = items(api).map((i) => i.id);
    await sandbox.addFault({ path: '/search/patent', errorCode: 67200007 });
    await vscode.commands.executeCommand('patentLookup.search', 'TTL:headset');
    assert.deepStrictEqual(items(api).map((i) => i.id), before);
    const state = api.results.current;
    assert.strictEqual(state.kind === 'results' && state.results.query, QUERY);
  });

  it('is empty when signed out, so the welcome view offers to set credentials', async () => {
    await vscode.commands.executeCommand('patentLookup.search', QUERY);
    assert.ok(items(api).length > 0);
    await vscode.commands.executeCommand('patentLookup.clearCredentials');
    await api.session.api().catch(() => undefined);
    assert.deepStrictEqual(api.results.getChildren(), []);
    assert.strictEqual(api.results.view.description, undefined);
    await restoreSandboxSession(api);
    assert.ok(items(api).length > 0, 'the results come back once signed in');
  });
});
