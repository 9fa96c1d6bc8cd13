/**
 * Search notebooks in a real extension host: a `.patentsearch` file with three query
 * cells opens as a notebook, its cells are checked before anything is sent, the whole
 * notebook runs (counts, results, charts) and is saved, runs again from the session's
 * cache without a call, and, after the sandbox published newer patents, runs again and
 * says what is new; the search log opens as Markdown; a search in the results view is
 * saved to a notebook.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseNotebook, type QueryCell } from '../../../src/core/notebook';
import type { NotebookFeature } from '../../../src/extension/notebook/notebookFeature';
import { cellMetadata, METADATA_KEY, queryCellOf } from '../../../src/extension/notebook/notebookData.pure';
import { SEARCH_RUN_MIME, type SearchRunView } from '../../../src/webview/notebook/protocol';
import { sandbox, sandboxedApi, waitFor, type TestApi } from '../../lib/extensionHarness';

const QUERIES = ['TACD:"lidar sensor"', 'TTL:battery', 'TACD:(battery AND "cycle life")'];

function view(cell: vscode.NotebookCell): SearchRunView | undefined {
  const item = cell.outputs[0]?.items.find((i) => i.mime === SEARCH_RUN_MIME);
  return item ? (JSON.parse(new TextDecoder().decode(item.data)) as SearchRunView) : undefined;
}

function runOf(cell: vscode.NotebookCell): Extract<SearchRunView, { kind: 'run' }> {
  const v = view(cell);
  assert.ok(v?.kind === 'run', `cell ${cell.index} shows a run, not ${JSON.stringify(v)?.slice(0, 200)}`);
  return v;
}

/** Calls to PatSnap's business endpoints (not the token exchange, not files). */
async function businessCalls(): Promise<number> {
  return (await sandbox.calls('/search')) + (await sandbox.calls('/basic-patent-data')) + (await sandbox.calls('/patent-field'));
}

const stored = (cell: vscode.NotebookCell): QueryCell => queryCellOf({ value: cell.document.getText(), metadata: cell.metadata });
const queryCells = (nb: vscode.NotebookDocument): vscode.NotebookCell[] => nb.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);

describe('Search notebooks', function () {
  this.timeout(60_000);
  let api: TestApi;
  let feature: NotebookFeature;
  let file: vscode.Uri;
  let notebook: vscode.NotebookDocument;
  let ask: NotebookFeature['controller']['ask'];

  before(async () => {
    api = await sandboxedApi();
    feature = await api.notebooks();
    ask = feature.controller.ask;
    // VS Code in the browser saves by itself after a second: these tests save when they mean to.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the tests run in a workspace');
    file = vscode.Uri.joinPath(folder, 'integration.patentsearch');
    // The notebook the e2e tier runs too: three query cells between reasoning cells.
    const extension = vscode.extensions.getExtension('patent-lookup.patent-lookup');
    assert.ok(extension);
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(extension.extensionUri, 'test', 'fixtures', 'notebooks', 'watch.patentsearch'), file, { overwrite: true });
  });

  after(async () => {
    feature.controller.ask = ask;
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    await sandbox.withdrawLater();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
  });

  it('opens a .patentsearch file as a patent-search notebook: reasoning as Markdown, queries in patsnap-query', async () => {
    notebook = await vscode.workspace.openNotebookDocument(file);
    await vscode.window.showNotebookDocument(notebook);
    assert.strictEqual(notebook.notebookType, 'patent-search');
    assert.deepStrictEqual(
      notebook.getCells().map((c) => [c.kind, c.document.languageId]),
      [
        [vscode.NotebookCellKind.Markup, 'markdown'],
        [vscode.NotebookCellKind.Code, 'patsnap-query'],
        [vscode.NotebookCellKind.Code, 'patsnap-query'],
        [vscode.NotebookCellKind.Markup, 'markdown'],
        [vscode.NotebookCellKind.Code, 'patsnap-query'],
      ],
    );
    assert.deepStrictEqual(queryCells(notebook).map((c) => c.document.getText()), QUERIES);
    assert.deepStrictEqual(stored(queryCells(notebook)[1] as vscode.NotebookCell).options.collapseType, 'DOCDB', 'options come with the cell');
    assert.ok(queryCells(notebook).every((c) => c.outputs.length === 0), 'nothing run yet, nothing shown');
  });

  it('refuses a file that is not a search notebook, saying where, and leaves it as it is', async () => {
    const broken = vscode.Uri.joinPath(file, '..', 'broken.patentsearch');
    const text = '{\n  "cells": [\n    { "kind": "query", "source": "TTL:x" },\n  ]\n}\n';
    await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode(text));
    try {
      await assert.rejects(Promise.resolve(vscode.workspace.openNotebookDocument(broken)), (e: Error) => /not valid JSON at line 4, column 3/.test(e.message));
      assert.strictEqual(fs.readFileSync(broken.fsPath, 'utf8'), text);
    } finally {
      await vscode.workspace.fs.delete(broken);
    }
  });

  it('checks a query cell before anything is sent: a diagnostic from Patent Lookup, and a run that sends nothing', async () => {
    const edit = new vscode.WorkspaceEdit();
    const data = new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'TTL:(lidar OR radar', 'patsnap-query');
    edit.set(notebook.uri, [vscode.NotebookEdit.insertCells(notebook.cellCount, [data])]);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const bad = notebook.cellAt(notebook.cellCount - 1);
    const diagnostics = await waitFor('the unbalanced parenthesis to be marked', () => {
      const d = vscode.languages.getDiagnostics(bad.document.uri);
      return d.length > 0 && d;
    });
    assert.strictEqual(diagnostics[0]?.source, 'Patent Lookup');
    assert.strictEqual(diagnostics[0]?.severity, vscode.DiagnosticSeverity.Error);
    assert.match(String(diagnostics[0]?.code), /unclosedParen/);

    const calls = await sandbox.calls('/');
    await feature.controller.run([bad]);
    const v = view(bad);
    assert.ok(v?.kind === 'error', 'the cell says why it was not sent');
    assert.ok(v.problems.length > 0);
    assert.strictEqual(await sandbox.calls('/'), calls, 'no call was made, not even for a token');
    assert.strictEqual(stored(bad).runs.length, 0);

    const remove = new vscode.WorkspaceEdit();
    remove.set(notebook.uri, [vscode.NotebookEdit.deleteCells(new vscode.NotebookRange(bad.index, bad.index + 1))]);
    assert.ok(await vscode.workspace.applyEdit(remove));
  });

  it('offers the fix where it is certain, as a quick fix that edits the cell', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.set(notebook.uri, [vscode.NotebookEdit.insertCells(notebook.cellCount, [new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'TTL:battery)', 'patsnap-query')])]);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const cell = notebook.cellAt(notebook.cellCount - 1);
    await waitFor('the stray ) to be marked', () => vscode.languages.getDiagnostics(cell.document.uri).length > 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', cell.document.uri, new vscode.Range(0, 11, 0, 12), vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Remove this )');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(cell.document.getText(), 'TTL:battery');
    await waitFor('the mark to go', () => vscode.languages.getDiagnostics(cell.document.uri).length === 0);
    const remove = new vscode.WorkspaceEdit();
    remove.set(notebook.uri, [vscode.NotebookEdit.deleteCells(new vscode.NotebookRange(cell.index, cell.index + 1))]);
    assert.ok(await vscode.workspace.applyEdit(remove));
  });

  it('checks a cell as its options will send it: with charts, positional operators are refused', async () => {
    const edit = new vscode.WorkspaceEdit();
    const data = new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'TTL:(lidar $W2 sensor)', 'patsnap-query');
    data.metadata = cellMetadata(undefined, { options: {}, runs: [] });
    edit.set(notebook.uri, [vscode.NotebookEdit.insertCells(notebook.cellCount, [data])]);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const cell = notebook.cellAt(notebook.cellCount - 1);
    const errors = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(cell.document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    // Checked now, as on every change: search and count take $W.
    const language = await api.queryLanguage();
    assert.deepStrictEqual(language.check(cell.document).filter((d) => d.severity === vscode.DiagnosticSeverity.Error), []);
    assert.deepStrictEqual(errors(), []);
    const charts = new vscode.WorkspaceEdit();
    charts.set(notebook.uri, [vscode.NotebookEdit.updateCellMetadata(cell.index, cellMetadata(cell.metadata, { options: { facets: ['ASSIGNEE'] }, runs: [] }))]);
    assert.ok(await vscode.workspace.applyEdit(charts));
    const refused = await waitFor('the $W to be refused for the charts', () => errors().length > 0 && errors());
    assert.match(String(refused[0]?.code), /positional/i);
    const remove = new vscode.WorkspaceEdit();
    remove.set(notebook.uri, [vscode.NotebookEdit.deleteCells(new vscode.NotebookRange(cell.index, cell.index + 1))]);
    assert.ok(await vscode.workspace.applyEdit(remove));
  });

  it('completes field codes and explains them on hover in a query cell', async () => {
    const cell = queryCells(notebook)[0] as vscode.NotebookCell;
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', cell.document.uri, new vscode.Position(0, 2));
    const labels = completions.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.some((l) => l.startsWith('TACD')), labels.slice(0, 10).join(', '));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', cell.document.uri, new vscode.Position(0, 1));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /TACD/);
  });

  it('says how many calls running the whole notebook makes, then runs it: counts, results and charts', async () => {
    const cells = queryCells(notebook);
    const plan = feature.controller.plan(cells);
    assert.deepStrictEqual({ queries: plan.queries, cached: plan.cached, blocked: plan.blocked }, { queries: 3, cached: 0, blocked: 0 });
    assert.strictEqual(plan.calls, 6 + 5 + 6, 'P001, P002, three look-ups, and P003 where a cell has charts');

    // Running them all asks first, with the number of calls; declined, nothing is sent.
    const asked: string[] = [];
    feature.controller.ask = async (message, detail) => {
      asked.push(`${message} ${detail}`);
      return asked.length > 1;
    };
    const before = await businessCalls();
    await vscode.commands.executeCommand('patentLookup.notebook.runAllAgain', notebook.uri);
    assert.match(asked[0] ?? '', /^Run 3 queries\? This makes up to 17 calls to PatSnap\. PatSnap bills each call\.$/);
    assert.strictEqual(await businessCalls(), before, 'declined: no call');
    assert.ok(cells.every((c) => c.outputs.length === 0 && stored(c).runs.length === 0));

    await feature.controller.run(notebook.getCells());
    assert.strictEqual(asked.length, 2);
    const made = (await businessCalls()) - before;
    assert.ok(made <= plan.calls && made >= 3 * 4, `${made} calls made for ${plan.calls} planned`);

    const [lidar, battery, cycle] = cells.map(runOf) as [ReturnType<typeof runOf>, ReturnType<typeof runOf>, ReturnType<typeof runOf>];
    assert.strictEqual(lidar.total, 7);
    assert.strictEqual(lidar.results.length, 7, 'every hit kept');
    assert.ok(lidar.results.every((r) => r.number && r.title && r.date && r.status), 'number, title, date and status');
    assert.deepStrictEqual(lidar.charts.map((c) => c.field), ['PUBLICATION_YEAR', 'ASSIGNEE', 'AUTHORITY']);
    assert.strictEqual(lidar.charts[0]?.kind, 'columns');
    assert.strictEqual(battery.results.length, 5, 'the cell keeps its top 5');
    const dates = battery.results.map((r) => r.date ?? '');
    assert.deepStrictEqual(dates, [...dates].sort().reverse(), 'newest first, as the cell asks');
    assert.deepStrictEqual(battery.charts, [], 'no charts asked for');
    assert.ok(cycle.total > 0);
    assert.strictEqual(lidar.summary, undefined, 'a first run');
    for (const cell of cells) assert.strictEqual(stored(cell).runs.length, 1, 'the run is stored in the cell');
    assert.ok(notebook.isDirty, 'a run is an unsaved change');
  });

  it('saves the runs into the file', async () => {
    assert.ok(await notebook.save());
    const saved = parseNotebook(fs.readFileSync(file.fsPath, 'utf8'));
    const runs = saved.cells.flatMap((c) => (c.kind === 'query' ? [c.runs.length] : []));
    assert.deepStrictEqual(runs, [1, 1, 1]);
    assert.strictEqual(saved.title, 'Lidar and battery watch', 'the rest of the file as it was');
  });

  it('runs again from this session\u2019s cache: no call, nothing recorded, and says so', async () => {
    const before = await businessCalls();
    assert.strictEqual(feature.controller.plan(queryCells(notebook)).calls, 0);
    await feature.controller.run(notebook.getCells(), { confirmed: true });
    assert.strictEqual(await businessCalls(), before, 'no call');
    for (const cell of queryCells(notebook)) {
      assert.ok(runOf(cell).cachedAt, 'the output says it is the cached run');
      assert.strictEqual(stored(cell).runs.length, 1);
    }
    assert.strictEqual(notebook.isDirty, false);
  });

  it('after the sandbox published newer patents, runs again and shows what is new, marked, with both runs\u2019 dates', async () => {
    await sandbox.publishLater();
    // "Run All Again at PatSnap": past the session's cache, after saying what it costs.
    feature.controller.ask = async () => true;
    await vscode.commands.executeCommand('patentLookup.notebook.runAllAgain', notebook.uri);
    const [lidarCell, , cycleCell] = queryCells(notebook) as [vscode.NotebookCell, vscode.NotebookCell, vscode.NotebookCell];
    const lidar = runOf(lidarCell);
    assert.strictEqual(lidar.total, 16);
    // Nine new patents, of two new families: new is counted by family, every member is marked.
    assert.match(lidar.summary ?? '', /^2 new families \(9 publications\) since [A-Z][a-z]{2} \d{1,2}, \d{4}; 16 hits \(\+9\)\.$/);
    assert.strictEqual(lidar.results.filter((r) => r.mark === 'new').length, 9);
    assert.strictEqual(lidar.history.length, 2);
    assert.strictEqual(lidar.cachedAt, undefined);
    const cycle = runOf(cycleCell);
    assert.ok(cycle.results.some((r) => r.mark === 'newMember'), 'a grant of a known application is a new family member, not new');
    assert.match(cycle.summary ?? '', /new members? of known famil/);
    for (const cell of queryCells(notebook)) assert.strictEqual(stored(cell).runs.length, 2);
    assert.ok(await notebook.save());
    const saved = parseNotebook(fs.readFileSync(file.fsPath, 'utf8'));
    const first = saved.cells[1];
    assert.ok(first?.kind === 'query');
    assert.deepStrictEqual(first.runs.map((r) => r.total), [7, 16], 'each run kept, with its date');
    assert.notStrictEqual(first.runs[0]?.date, undefined);
  });

  it('exports the search log as Markdown, opened in an editor', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('patentLookup.notebook.exportSearchLog', { notebookEditor: { notebookUri: notebook.uri }, format: 'markdown' });
    assert.strictEqual(doc.languageId, 'markdown');
    assert.strictEqual(vscode.window.activeTextEditor?.document, doc);
    const text = doc.getText();
    assert.match(text, /^# Lidar and battery watch\n/);
    assert.match(text, /## Query 1\n\n```\nTACD:"lidar sensor"\n```/);
    // The run's day as the patent panel writes dates in the display language ("Dec 1, 2026"), not yyyy-mm-dd.
    assert.match(text, /\| [A-Z][a-z]{2} \d{1,2}, \d{4} \| 16 \| 2 new families \(9 publications\), 0 gone \|/);
    assert.match(text, /Narrowed to cycle life\./, 'the reasoning cells where they stand');
  });

  it('exports the search log as one HTML page', async () => {
    const target = vscode.Uri.joinPath(file, '..', 'integration.search-log.html');
    await vscode.commands.executeCommand('patentLookup.notebook.exportSearchLog', { notebookEditor: { notebookUri: notebook.uri }, format: 'html', target });
    const html = fs.readFileSync(target.fsPath, 'utf8');
    assert.match(html, /<h2>Query 3<\/h2>/);
    assert.match(html, /default-src 'none'/);
    await vscode.workspace.fs.delete(target);
  });

  it('saves the search shown in the results view to a new notebook, with its sort and collapse', async () => {
    await vscode.commands.executeCommand('patentLookup.search', 'TTL:drone');
    await api.results.setOptions({ sort: 'publishedNewest', collapse: 'DOCDB' });
    const created = await vscode.commands.executeCommand<vscode.NotebookDocument>('patentLookup.results.saveToNotebook', { target: 'new' });
    try {
      assert.strictEqual(created.notebookType, 'patent-search');
      assert.strictEqual(created.isUntitled, true);
      const [cell] = queryCells(created);
      assert.ok(cell);
      assert.strictEqual(cell.document.getText(), 'TTL:drone');
      const options = stored(cell).options;
      assert.deepStrictEqual(options.sort, [{ field: 'PBDT_YEARMONTHDAY', order: 'DESC' }]);
      assert.strictEqual(options.collapseType, 'DOCDB');
      assert.deepStrictEqual(options.facets, ['PUBLICATION_YEAR', 'ASSIGNEE', 'AUTHORITY']);
      assert.ok((cell.metadata as Record<string, unknown>)[METADATA_KEY]);
    } finally {
      await api.results.setOptions({ sort: 'relevance', collapse: 'none' });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('appends a search to an open notebook', async () => {
    const cellsBefore = notebook.cellCount;
    await vscode.commands.executeCommand('patentLookup.results.saveToNotebook', { query: 'TTL:"neural network"', target: notebook.uri });
    assert.strictEqual(notebook.cellCount, cellsBefore + 1);
    assert.strictEqual(notebook.cellAt(cellsBefore).document.getText(), 'TTL:"neural network"');
    assert.strictEqual(path.basename(notebook.uri.fsPath), 'integration.patentsearch');
    assert.ok(await notebook.save());
    const saved = parseNotebook(fs.readFileSync(file.fsPath, 'utf8'));
    assert.deepStrictEqual(saved.cells.at(-1), { kind: 'query', source: 'TTL:"neural network"', options: { facets: ['PUBLICATION_YEAR', 'ASSIGNEE', 'AUTHORITY'] }, runs: [] });
  });
});
