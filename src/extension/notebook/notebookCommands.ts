/**
 * The search notebook's commands besides running: a new notebook (from recent searches),
 * "Save Search to Notebook…" from the results view, and the search log (Markdown opened
 * in an editor, or one self-contained HTML page saved to a file).
 */
import * as vscode from 'vscode';
import { NOTEBOOK_FORMAT, NOTEBOOK_VERSION, renderSearchLogHtml, renderSearchLogMarkdown, type Notebook, type SearchLogOptions, type NotebookCell, type QueryCell, type QueryOptions } from '../../core/notebook';
import { displayDates } from '../common/format.pure';
import { showInfo } from '../common/notifications';
import type { SearchParams } from '../../core/api/types';
import type { SearchHistory } from '../search/searchHistory.pure';
import { DEFAULT_CELL_OPTIONS, fromNotebookData, NOTEBOOK_TYPE, toNotebookData, type CellDataLike } from './notebookData.pure';
import { toVsCode } from './notebookSerializer';

/** The search the results view shows, for "Save Search to Notebook…": its query, sort and collapse as P002 takes them. */
export type ShownSearch = Pick<SearchParams, 'query' | 'sort' | 'collapseType'>;

/** A query cell for the search, sorted and collapsed as the results view had it, with the default charts. */
export function cellForSearch(search: ShownSearch): QueryCell {
  const o: { -readonly [K in keyof QueryOptions]: QueryOptions[K] } = { ...DEFAULT_CELL_OPTIONS };
  if (search.sort) o.sort = search.sort.map((s) => ({ field: s.field, order: s.order }));
  if (search.collapseType && search.collapseType !== 'ALL') Object.assign(o, { collapseType: search.collapseType, collapseBy: 'PBD', collapseOrder: 'LATEST' });
  return { kind: 'query', source: search.query, options: o, runs: [] };
}

/** Query text or `{ query }` from a caller (a test, another command). */
function searchFromArg(arg: unknown): ShownSearch | undefined {
  const query = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null ? (arg as { query?: unknown }).query : undefined;
  return typeof query === 'string' && query.trim() !== '' ? { query: query.trim() } : undefined;
}

/** The notebook a command acts on: given (a URI, the notebook toolbar's context), or the active one. */
export function notebookFromArg(arg: unknown): vscode.NotebookDocument | undefined {
  const uri = arg instanceof vscode.Uri ? arg : (arg as { notebookEditor?: { notebookUri?: unknown } } | undefined)?.notebookEditor?.notebookUri;
  const notebooks = vscode.workspace.notebookDocuments.filter((nb) => nb.notebookType === NOTEBOOK_TYPE);
  if (uri instanceof vscode.Uri) return notebooks.find((nb) => nb.uri.toString() === uri.toString());
  const active = vscode.window.activeNotebookEditor?.notebook;
  return active?.notebookType === NOTEBOOK_TYPE ? active : undefined;
}

/** What the notebook holds now (unsaved runs included), as the core's notebook. */
export function notebookOf(doc: vscode.NotebookDocument): Notebook {
  const cells = doc.getCells().map((c): CellDataLike => ({ kind: c.kind === vscode.NotebookCellKind.Markup ? 'markup' : 'code', value: c.document.getText(), languageId: c.document.languageId, metadata: c.metadata }));
  return fromNotebookData({ cells, metadata: doc.metadata });
}

/** The search log in VS Code's display language, its dates as the patent panel writes them. */
function logLanguage(): Pick<SearchLogOptions, 'l10n' | 'language' | 'formatDate'> {
  return { l10n: vscode.l10n, language: vscode.env.language, formatDate: displayDates().day };
}

export class NotebookCommands {
  constructor(
    private readonly history: SearchHistory,
    private readonly shownSearch: () => ShownSearch | undefined,
  ) {}

  /** "New Search Notebook…": an untitled notebook, with the recent searches picked as its first queries. */
  async newNotebook(): Promise<vscode.NotebookDocument | undefined> {
    const recent = this.history.entries();
    let picked: string[] = [];
    if (recent.length > 0) {
      const items = await vscode.window.showQuickPick(
        recent.map((q) => ({ label: q, iconPath: new vscode.ThemeIcon('history') })),
        { title: vscode.l10n.t('New Search Notebook'), placeHolder: vscode.l10n.t('Start with recent searches (pick none for an empty query)'), canPickMany: true },
      );
      if (items === undefined) return undefined;
      picked = items.map((i) => i.label);
    }
    return this.create((picked.length > 0 ? picked : ['']).map((query) => cellForSearch({ query })));
  }

  /**
   * "Save Search to Notebook…": the search the results view shows (or the one given, or
   * recent searches picked), as a query cell of a new notebook or at the end of an open one.
   */
  async saveSearch(arg: unknown): Promise<vscode.NotebookDocument | undefined> {
    let cells: QueryCell[];
    const given = searchFromArg(arg) ?? this.shownSearch();
    if (given) cells = [cellForSearch(given)];
    else {
      const recent = this.history.entries();
      if (recent.length === 0) {
        void showInfo(vscode.l10n.t('Search first: the search shown in Search Results, or a recent one, is what goes into the notebook.'));
        return undefined;
      }
      const items = await vscode.window.showQuickPick(
        recent.map((q) => ({ label: q, iconPath: new vscode.ThemeIcon('history') })),
        { title: vscode.l10n.t('Save Search to Notebook'), placeHolder: vscode.l10n.t('Recent searches to save'), canPickMany: true },
      );
      if (!items || items.length === 0) return undefined;
      cells = items.map((i) => cellForSearch({ query: i.label }));
    }
    const open = vscode.workspace.notebookDocuments.filter((nb) => nb.notebookType === NOTEBOOK_TYPE);
    const target = (arg as { target?: unknown } | undefined)?.target;
    let notebook: vscode.NotebookDocument | undefined;
    if (target === 'new' || open.length === 0) notebook = undefined;
    else if (target instanceof vscode.Uri) notebook = open.find((nb) => nb.uri.toString() === target.toString());
    else {
      const choice = await vscode.window.showQuickPick(
        [{ label: vscode.l10n.t('$(new-file) New search notebook'), notebook: undefined as vscode.NotebookDocument | undefined }, ...open.map((nb) => ({ label: `$(notebook) ${basename(nb.uri)}`, description: vscode.workspace.asRelativePath(nb.uri), notebook: nb }))],
        { title: vscode.l10n.t('Save Search to Notebook'), placeHolder: vscode.l10n.t('A new notebook, or the end of an open one') },
      );
      if (!choice) return undefined;
      notebook = choice.notebook;
    }
    if (!notebook) return this.create(cells);
    const data = toVsCode(toNotebookData({ format: NOTEBOOK_FORMAT, version: NOTEBOOK_VERSION, cells }));
    const edit = new vscode.WorkspaceEdit();
    edit.set(notebook.uri, [vscode.NotebookEdit.insertCells(notebook.cellCount, data.cells)]);
    await vscode.workspace.applyEdit(edit);
    await vscode.window.showNotebookDocument(notebook, { selections: [new vscode.NotebookRange(notebook.cellCount - cells.length, notebook.cellCount)] });
    return notebook;
  }

  private async create(queries: readonly QueryCell[]): Promise<vscode.NotebookDocument> {
    const intro: NotebookCell = { kind: 'markdown', source: vscode.l10n.t('## Scope\n\nWhat this search is for, and why each query below is here.') };
    const data = toVsCode(toNotebookData({ format: NOTEBOOK_FORMAT, version: NOTEBOOK_VERSION, cells: [intro, ...queries] }));
    const doc = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, data);
    await vscode.window.showNotebookDocument(doc);
    return doc;
  }

  /**
   * "Export Search Log…": Markdown opens in a new editor (save it where the report
   * goes); HTML is one page with no script, saved beside the notebook unless told otherwise.
   */
  async exportSearchLog(arg: unknown): Promise<vscode.TextDocument | vscode.Uri | undefined> {
    const doc = notebookFromArg(arg);
    if (!doc) {
      void showInfo(vscode.l10n.t('Open a search notebook (.patentsearch) to export its search log.'));
      return undefined;
    }
    const given = (arg as { format?: unknown } | undefined)?.format;
    const format =
      given === 'markdown' || given === 'html'
        ? given
        : (
            await vscode.window.showQuickPick(
              [
                { id: 'markdown' as const, label: vscode.l10n.t('Markdown'), detail: vscode.l10n.t('Opens in an editor, ready for a search report\u2019s appendix') },
                { id: 'html' as const, label: vscode.l10n.t('HTML'), detail: vscode.l10n.t('One self-contained page with no script, saved to a file') },
              ],
              { title: vscode.l10n.t('Export Search Log') },
            )
          )?.id;
    if (!format) return undefined;
    const notebook = notebookOf(doc);
    const title = notebook.title ?? basename(doc.uri).replace(/\.patentsearch$/i, '');
    if (format === 'markdown') {
      const log = await vscode.workspace.openTextDocument({ language: 'markdown', content: renderSearchLogMarkdown(notebook, { title, ...logLanguage() }) });
      await vscode.window.showTextDocument(log);
      return log;
    }
    const target =
      (arg as { target?: unknown } | undefined)?.target instanceof vscode.Uri
        ? ((arg as { target: vscode.Uri }).target)
        : await vscode.window.showSaveDialog({ defaultUri: siblingHtml(doc.uri), filters: { [vscode.l10n.t('HTML')]: ['html'] }, title: vscode.l10n.t('Save Search Log') });
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(renderSearchLogHtml(notebook, { title, ...logLanguage() })));
    const open = vscode.l10n.t('Open in Editor');
    void showInfo(vscode.l10n.t('Search log saved as {0}.', basename(target)), open).then(async (picked) => {
      if (picked === open) await vscode.window.showTextDocument(target);
    });
    return target;
  }
}

function basename(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

function siblingHtml(uri: vscode.Uri): vscode.Uri | undefined {
  const name = `${basename(uri).replace(/\.patentsearch$/i, '') || 'search'}.search-log.html`;
  if (uri.scheme === 'untitled') {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder && vscode.Uri.joinPath(folder, name);
  }
  return vscode.Uri.joinPath(uri, '..', name);
}
