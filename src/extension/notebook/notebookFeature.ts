/**
 * Search notebooks (`.patentsearch`, notebook type `patent-search`): the serializer's
 * work, the controller that runs query cells at PatSnap, the cells' options, the
 * renderer's messages (open a patent, an error's fix, run again past the cache), and
 * the notebook commands. The composition root registers the serializer at activation
 * and hands its calls here; this module loads with the first notebook opened.
 */
import * as vscode from 'vscode';
import { parseRendererMessage, SEARCH_RUN_RENDERER_ID } from '../../webview/notebook/protocol';
import type { FeatureCommands } from '../common/commands';
import { Disposable } from '../common/disposable';
import type { Feature, FeatureHost } from '../common/feature';
import { SearchHistory } from '../search/searchHistory.pure';
import { CellOptionsStatusBar, cellFromArg, editCellOptions } from './cellOptionsEditor';
import { NotebookCommands, notebookFromArg, type ShownSearch } from './notebookCommands';
import { SearchNotebookController } from './notebookController';
import { SearchNotebookSerializer } from './notebookSerializer';
import { runView } from './searchRunView.pure';

export class NotebookFeature extends Disposable implements Feature<'notebook'> {
  readonly serializer: SearchNotebookSerializer;
  readonly controller: SearchNotebookController;
  readonly notebookCommands: NotebookCommands;
  readonly commands: FeatureCommands<'notebook'>;

  constructor(
    private readonly host: FeatureHost,
    shownSearch: () => ShownSearch | undefined,
  ) {
    super();
    this.controller = this.register(new SearchNotebookController(host));
    this.serializer = new SearchNotebookSerializer((cell) => runView(cell, this.controller.viewContext(undefined)));
    this.register(new CellOptionsStatusBar(() => (host.session.sandbox !== undefined ? 'sandbox' : 'patsnap')));
    this.notebookCommands = new NotebookCommands(new SearchHistory(host.context.globalState), shownSearch);
    const messaging = vscode.notebooks.createRendererMessaging(SEARCH_RUN_RENDERER_ID);
    this.register(messaging.onDidReceiveMessage((e) => void this.onRendererMessage(e.message)));
    this.commands = {
      'patentLookup.notebook.new': () => this.notebookCommands.newNotebook(),
      'patentLookup.results.saveToNotebook': (arg) => this.notebookCommands.saveSearch(arg),
      'patentLookup.notebook.exportSearchLog': (arg) => this.notebookCommands.exportSearchLog(arg),
      'patentLookup.notebook.editOptions': async (arg) => {
        const cell = cellFromArg(arg);
        if (cell) await editCellOptions(cell);
      },
      'patentLookup.notebook.runAgain': async (arg) => {
        const cell = cellFromArg(arg);
        if (cell) await this.controller.run([cell], { fresh: true });
      },
      'patentLookup.notebook.runAllAgain': async (arg) => {
        const notebook = notebookFromArg(arg);
        if (notebook) await this.controller.run(notebook.getCells(), { fresh: true });
      },
    };
  }

  private async onRendererMessage(raw: unknown): Promise<void> {
    const message = parseRendererMessage(raw);
    if (!message) {
      this.host.log.warn('Ignored a message from the search notebook renderer that is not one it sends.');
      return;
    }
    try {
      if (message.type === 'openPatent') {
        await vscode.commands.executeCommand('patentLookup.openPatent', message.patentId ? { number: message.number, patentId: message.patentId } : { number: message.number });
        return;
      }
      const cell = cellFromArg(message.cell);
      if (!cell) return; // the notebook was closed meanwhile
      if (message.type === 'runAgain') await this.controller.run([cell], { fresh: true });
      else if (message.action === 'retry') await this.controller.run([cell]);
      else await this.host.errors.run(message.action);
    } catch (e) {
      this.host.errors.report(e);
    }
  }
}
