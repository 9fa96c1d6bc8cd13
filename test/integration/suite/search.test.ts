import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ResultNode } from '../../../src/extension/search/resultNodes';
import { dateWriter } from '../../../src/core/text/dates';
import { restoreSandboxSession, sandbox, sandboxedApi, type TestApi } from '../../lib/extensionHarness';

const QUERY = 'TTL:battery';
const SEARCH_PATH = '/search/patent/query-search-patent';
const COLLAPSE_OFFERED = 'patentLookup.search.collapseOffered';
const LAST_RESULTS = 'patentLookup.search.lastResults';

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
    api = await sandboxedApi();
    await config().update('search.pageSize', 5, vscode.ConfigurationTarget.Global);
    // The first search of a profile offers to collapse families (tested on its own below).
    await api.state.update(COLLAPSE_OFFERED, true);
  });

  beforeEach(async () => {
    await sandbox.clearFaults();
    await vscode.commands.executeCommand('patentLookup.results.clear');
  });

  after(async () => {
    await sandbox.clearFaults();
    await config().update('search.pageSize', undefined, vscode.ConfigurationTarget.Global);
    await config().update('lookups.enabled', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('patentLookup.results.detailed');
    await vscode.commands.executeCommand('patentLookup.results.clear');
  });

  it('offers to collapse families on the first search of all, once', async () => {
    await api.state.update(COLLAPSE_OFFERED, undefined);
    await vscode.commands.executeCommand('patentLookup.search', QUERY);
    const [offer] = items(api);
    assert.strictEqual(offer?.contextValue, 'message.info');
    assert.match(String(offer?.label), /one result per patent family/);
    assert.strictEqual(offer?.command?.command, 'patentLookup.results.collapse');
    assert.deepStrictEqual(rowKinds(api).slice(1), ['patent', 'patent', 'patent', 'patent', 'patent', 'loadMore']);
    await vscode.commands.executeCommand('patentLookup.search', 'TTL:sensor');
    assert.strictEqual(rowKinds(api)[0], 'patent', 'offered once');
  });

  it('rows show number and title, and beneath them date and assignee; compact rows number and title only', async () => {
    await vscode.commands.executeCommand('patentLookup.search', QUERY);
    const state = api.results.current;
    const hit = state.kind === 'results' ? state.results.hits[0] : undefined;
    assert.ok(hit?.title && hit.currentAssignee && hit.publicationDate, 'the sandbox gives title, assignee and date');
    // The date as the patent panel writes it in the display language (English in the test host).
    const published = dateWriter(vscode.env.language).day(String(hit.publicationDate).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3'));
    const [node] = api.results.getChildren();
    assert.ok(node);
    const detailed = api.results.getTreeItem(node);
    assert.strictEqual(detailed.label, hit.pn);
    assert.strictEqual(detailed.description, hit.title);
    assert.strictEqual(detailed.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.strictEqual(detailed.accessibilityInformation?.label, `${hit.pn}, ${hit.title}, assignee ${hit.currentAssignee}, published ${published}`);
    const details = api.results.getChildren(node).map((n) => api.results.getTreeItem(n));
    assert.strictEqual(details.length, 1);
    assert.strictEqual(details[0]?.label, published);
    assert.strictEqual(details[0]?.description, hit.currentAssignee);
    assert.strictEqual(details[0]?.command?.command, 'patentLookup.openPatent', 'the second row opens the patent too');
    assert.notStrictEqual(details[0]?.id, detailed.id);

    await vscode.commands.executeCommand('patentLookup.results.compact');
    const [compactNode] = api.results.getChildren();
    assert.ok(compactNode);
    const compact = api.results.getTreeItem(compactNode);
    assert.strictEqual(compact.description, hit.title);
    assert.strictEqual(compact.collapsibleState, vscode.TreeItemCollapsibleState.None);
    assert.deepStrictEqual(api.results.getChildren(compactNode), []);
    assert.strictEqual(compact.accessibilityInformation?.label, detailed.accessibilityInformation?.label, 'a screen reader hears the same');
    await vscode.commands.executeCommand('patentLookup.results.detailed');
    assert.strictEqual(api.results.getChildren(api.results.getChildren()[0]).length, 1);
  });

  it('shows the last search and its pages again after a reload, without a call', async () => {
    await vscode.commands.executeCommand('patentLookup.search', QUERY);
    await vscode.commands.executeCommand('patentLookup.results.loadMore');
    const shown = items(api).map((i) => i.id);
    const description = api.results.view.description;
    const searches = await sandbox.calls(SEARCH_PATH);

    await api.results.restore(); // what a new window of this workspace does
    assert.deepStrictEqual(items(api).map((i) => i.id), shown);
    assert.strictEqual(api.results.view.description, description);
    assert.match(String(api.results.view.message), /TTL:battery.*\(as of .+\)$/);
    assert.strictEqual(await sandbox.calls(SEARCH_PATH), searches, 'no call');
    // And "Load more" goes on from where the last window was.
    await vscode.commands.executeCommand('patentLookup.results.loadMore');
    assert.strictEqual(items(api).filter((i) => i.contextValue === 'patent').length, 15);
  });

  it('results older than a day are searched again, or only offered when lookups may not call on their own', async () => {
    await vscode.commands.executeCommand('patentLookup.search', QUERY);
    const stored = api.workspaceState.get<{ savedAt: number }>(LAST_RESULTS);
    assert.ok(stored, 'the last search is kept in workspaceState');
    await api.workspaceState.update(LAST_RESULTS, { ...stored, savedAt: stored.savedAt - 25 * 3_600_000 });

    await config().update('lookups.enabled', false, vscode.ConfigurationTarget.Global);
    let searches = await sandbox.calls(SEARCH_PATH);
    await api.results.restore();
    assert.strictEqual(await sandbox.calls(SEARCH_PATH), searches, 'no call without being asked');
    const [row, ...rest] = items(api);
    assert.strictEqual(rest.length, 0);
    assert.match(String(row?.label), /out of date/);
    assert.strictEqual(row?.command?.command, 'patentLookup.results.refresh');
    await vscode.commands.executeCommand('patentLookup.results.refresh');
    assert.strictEqual(await sandbox.calls(SEARCH_PATH), searches + 1);
    assert.strictEqual(rowKinds(api)[0], 'patent');

    const again = api.workspaceState.get<{ savedAt: number }>(LAST_RESULTS);
    assert.ok(again);
    await api.workspaceState.update(LAST_RESULTS, { ...again, savedAt: again.savedAt - 25 * 3_600_000 });
    await config().update('lookups.enabled', undefined, vscode.ConfigurationTarget.Global);
    searches = await sandbox.calls(SEARCH_PATH);
    await api.results.restore();
    assert.strictEqual(await sandbox.calls(SEARCH_PATH), searches + 1, 'searched again on its own');
    assert.strictEqual(rowKinds(api)[0], 'patent');
  });

  it('shows nothing of another backend\'s last search', async () => {
    await vscode.commands.executeCommand('patentLookup.search', QUERY);
    const stored = api.workspaceState.get<Record<string, unknown>>(LAST_RESULTS);
    await api.workspaceState.update(LAST_RESULTS, { ...stored, backend: 'patsnap connect.patsnap.com apiKey wxyz' });
    await api.results.restore();
    assert.strictEqual(api.results.current.kind, 'none');
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
    assert.match(String(row.tooltip), /Published: [A-Z][a-z]{2} \d{1,2}, \d{4}/);
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

  it('a "Load more" row that a later page replaced loads nothing more when it is run again', async () => {
    await vscode.commands.executeCommand('patentLookup.search', QUERY);
    const row = items(api).at(-1);
    assert.strictEqual(row?.contextValue, 'loadMore');
    const command = row?.command;
    assert.ok(command, 'the row runs a command');
    assert.deepStrictEqual(command.arguments, [{ after: 5 }]);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    assert.strictEqual(items(api).filter((i) => i.contextValue === 'patent').length, 10);
    const searches = await sandbox.calls(SEARCH_PATH);
    // The same row again, as a click lands on it before the tree redraws, or a double click: nothing more.
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    assert.strictEqual(items(api).filter((i) => i.contextValue === 'patent').length, 10);
    assert.strictEqual(await sandbox.calls(SEARCH_PATH), searches, 'no call');
    // The row shown now, and the command from the palette (no argument), each load the next page.
    const next = items(api).at(-1)?.command;
    assert.deepStrictEqual(next?.arguments, [{ after: 10 }]);
    await vscode.commands.executeCommand(next.command, ...(next.arguments ?? []));
    await vscode.commands.executeCommand('patentLookup.results.loadMore');
    assert.strictEqual(items(api).filter((i) => i.contextValue === 'patent').length, 20);
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
