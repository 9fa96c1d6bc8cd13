import * as vscode from 'vscode';
import { parseNotebook, serializeNotebook, type QueryCell } from '../../core/notebook';
import { SEARCH_RUN_MIME, type SearchRunView } from '../../webview/notebook/protocol';
import { CellMetadataError, fromNotebookData, queryCellOf, toNotebookData, type CellDataLike, type NotebookDataLike } from './notebookData.pure';

export function runOutput(view: SearchRunView): vscode.NotebookCellOutput {
  return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.json(view, SEARCH_RUN_MIME)]);
}

/**
 * `.patentsearch` files: the core reads and writes the JSON (diff-friendly, stable key
 * order); this maps it onto VS Code's notebook model and back. A query cell opens with
 * its last run drawn as its output. A file that does not read opens nowhere: VS Code
 * shows the reason (line and column, what to do), and the file is left as it is.
 */
export class SearchNotebookSerializer implements vscode.NotebookSerializer {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly encoder = new TextEncoder();

  /** `view`: the output of a query cell's last stored run (its buttons name no cell yet). */
  constructor(private readonly view: (cell: QueryCell) => SearchRunView | undefined) {}

  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    let text: string;
    try {
      text = this.decoder.decode(content);
    } catch (e) {
      throw new Error(vscode.l10n.t('This search notebook is not UTF-8 text. Open it with the text editor to see what it holds, or restore it from git.'), { cause: e });
    }
    // A NotebookFormatError says where and what; VS Code shows it in place of the notebook.
    const notebook = parseNotebook(text);
    const data = toVsCode(toNotebookData(notebook));
    for (const cell of data.cells) {
      if (cell.kind !== vscode.NotebookCellKind.Code) continue;
      const view = this.view(queryCellOf({ value: cell.value, metadata: cell.metadata }));
      if (view) cell.outputs = [runOutput(view)];
    }
    return data;
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    try {
      return this.encoder.encode(serializeNotebook(fromNotebookData(fromVsCode(data))));
    } catch (e) {
      if (e instanceof CellMetadataError) {
        throw new Error(vscode.l10n.t('The notebook cannot be saved: {0}. Undo the change to the cell\u2019s metadata, or set its options with "Edit Query Options\u2026".', e.message), { cause: e });
      }
      throw e;
    }
  }
}

export function toVsCode(data: NotebookDataLike): vscode.NotebookData {
  const cells = data.cells.map((c) => {
    const cell = new vscode.NotebookCellData(c.kind === 'markup' ? vscode.NotebookCellKind.Markup : vscode.NotebookCellKind.Code, c.value, c.languageId);
    if (c.metadata) cell.metadata = { ...c.metadata };
    return cell;
  });
  const notebook = new vscode.NotebookData(cells);
  if (data.metadata) notebook.metadata = { ...data.metadata };
  return notebook;
}

export function fromVsCode(data: vscode.NotebookData): NotebookDataLike {
  return {
    cells: data.cells.map((c): CellDataLike => ({ kind: c.kind === vscode.NotebookCellKind.Markup ? 'markup' : 'code', value: c.value, languageId: c.languageId, ...(c.metadata ? { metadata: c.metadata } : {}) })),
    ...(data.metadata ? { metadata: data.metadata } : {}),
  };
}

