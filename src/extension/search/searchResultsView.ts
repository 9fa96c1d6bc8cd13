import * as vscode from 'vscode';
import type { SearchPage, SearchParams } from '../../core/api/types';
import { withAbortSignal } from '../common/cancellation';
import { Disposable } from '../common/disposable';
import { describeError } from '../common/errorMessages.pure';
import type { ErrorReporter } from '../common/errors';
import type { LazyTreeView } from '../common/lazyTreeView';
import type { PatsnapSession } from '../session';
import type { Settings } from '../settings';
import { toNode, type ResultNode } from './resultNodes';
import { appendPage, firstResults, nextPage, resultRows, resultsDescription, type ResultsState } from './resultsModel.pure';
import type { MementoLike } from './searchHistory.pure';
import { describeSearchOptions, readSearchOptions, searchParams, type SearchOptions } from './searchOptions.pure';
import { RESULTS_VIEW_ID } from './viewIds.pure';

const OPTIONS_KEY = 'patentLookup.search.options';
const HAS_RESULTS = 'patentLookup.hasResults';

/**
 * The "Search Results" tree: one search at a time, paged with a "Load more" row.
 * A cancelled or failed search leaves the previous results in place; the first
 * failure of a window (nothing to keep) shows as a row with the fix. Signed out,
 * the tree is empty so the welcome view offers to set credentials.
 */
export class SearchResultsView extends Disposable implements vscode.TreeDataProvider<ResultNode> {
  private readonly changed = this.register(new vscode.EventEmitter<ResultNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<ResultNode>;
  private state: ResultsState = { kind: 'none' };
  private running: vscode.CancellationTokenSource | undefined;
  private loadingMore: Promise<void> | undefined;

  constructor(
    private readonly session: PatsnapSession,
    private readonly settings: Settings,
    private readonly memento: MementoLike,
    private readonly errors: ErrorReporter,
    tree: LazyTreeView<ResultNode>,
  ) {
    super();
    this.view = tree.view;
    this.register(tree.provide(this));
    this.register(session.onDidChange(() => this.update()));
    this.register({ dispose: () => this.running?.cancel() });
    this.update();
  }

  get options(): SearchOptions {
    return readSearchOptions(this.memento.get(OPTIONS_KEY));
  }

  async setOptions(change: Partial<SearchOptions>): Promise<void> {
    await this.memento.update(OPTIONS_KEY, { ...this.options, ...change });
    const query = this.currentQuery;
    if (query !== undefined) await this.search(query);
    else this.update();
  }

  /** The query shown (or that last failed), if any. */
  get currentQuery(): string | undefined {
    if (this.state.kind === 'results') return this.state.results.query;
    if (this.state.kind === 'failed') return this.state.query;
    return undefined;
  }

  /** The search shown, with its sort and collapse as P002 takes them: what "Save Search to Notebook…" saves. */
  get shownSearch(): Pick<SearchParams, 'query' | 'sort' | 'collapseType'> | undefined {
    if (this.state.kind !== 'results') return undefined;
    const { query, sort, collapseType } = searchParams(this.state.results.query, this.state.results.options, 0, 1);
    return { query, ...(sort ? { sort } : {}), ...(collapseType ? { collapseType } : {}) };
  }

  /** The state, for tests and the commands that act on it. */
  get current(): ResultsState {
    return this.state;
  }

  getTreeItem(node: ResultNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  getChildren(node?: ResultNode): ResultNode[] {
    if (node || !this.session.hasCredentials) return [];
    return resultRows(this.state, this.settings.searchPageSize).map((row) => toNode(row, this.currentQuery));
  }

  /** Runs `query` from its first page; resolves when it has finished, failed or been cancelled. */
  async search(query: string): Promise<void> {
    this.running?.cancel();
    const cts = (this.running = new vscode.CancellationTokenSource());
    const options = this.options;
    const pageSize = this.settings.searchPageSize;
    try {
      const page = await this.withProgress('Searching PatSnap\u2026', cts, (signal) =>
        this.session.api().then((api) => api.searchWithDetails(searchParams(query, options, 0, pageSize), { signal })),
      );
      this.state = { kind: 'results', results: firstResults(query, options, page) };
      this.update();
    } catch (e) {
      const description = describeError(e, 'Search');
      if (!description) return; // cancelled: the previous results stay
      if (this.state.kind === 'results') {
        this.errors.report(e, { what: 'Search', retry: () => this.search(query) });
      } else {
        this.errors.report(e, { what: 'Search', quiet: true });
        this.state = { kind: 'failed', query, options, error: description };
        this.update();
      }
    } finally {
      if (this.running === cts) this.running = undefined;
      cts.dispose();
    }
  }

  /** Loads the next page; a second click while one is loading waits for the same page. */
  loadMore(): Promise<void> {
    this.loadingMore ??= this.loadNextPage().finally(() => (this.loadingMore = undefined));
    return this.loadingMore;
  }

  async refresh(): Promise<void> {
    const query = this.currentQuery;
    if (query !== undefined) await this.search(query);
    else this.update();
  }

  clear(): void {
    this.running?.cancel();
    this.state = { kind: 'none' };
    this.update();
  }

  private async loadNextPage(): Promise<void> {
    if (this.state.kind !== 'results') return;
    const results = this.state.results;
    const next = nextPage(results, this.settings.searchPageSize);
    if (!next) return;
    const cts = new vscode.CancellationTokenSource();
    try {
      const page = await this.withProgress('Loading more results\u2026', cts, (signal) =>
        this.session.api().then((api) => api.searchWithDetails(searchParams(results.query, results.options, next.offset, next.limit), { signal })),
      );
      // A new search may have replaced these results meanwhile.
      if (this.state.kind === 'results' && this.state.results === results) {
        this.state = { kind: 'results', results: appendPage(results, page) };
        this.update();
      }
    } catch (e) {
      this.errors.report(e, { what: 'Loading more results', retry: () => this.loadMore() });
    } finally {
      cts.dispose();
    }
  }

  private withProgress(title: string, cts: vscode.CancellationTokenSource, run: (signal: AbortSignal) => Promise<SearchPage>): Promise<SearchPage> {
    // The view shows a progress bar; the notification offers Cancel.
    return withAbortSignal(cts.token, (signal) =>
      Promise.resolve(
        vscode.window.withProgress({ location: { viewId: RESULTS_VIEW_ID } }, () =>
          vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_p, token) => {
            const onUserCancel = token.onCancellationRequested(() => cts.cancel());
            return run(signal).finally(() => onUserCancel.dispose());
          }),
        ),
      ),
    );
  }

  /** The query and the options the results were asked with, above the tree. */
  private summary(): string | undefined {
    if (this.state.kind !== 'results') return undefined;
    const { query, options } = this.state.results;
    const shown = query.length > 80 ? `${query.slice(0, 79)}\u2026` : query;
    const how = describeSearchOptions(options);
    return how ? `\u201c${shown}\u201d, ${how}` : `\u201c${shown}\u201d`;
  }

  private update(): void {
    this.view.description = this.session.hasCredentials ? resultsDescription(this.state) : undefined;
    this.view.message = this.session.hasCredentials ? this.summary() : undefined;
    void vscode.commands.executeCommand('setContext', HAS_RESULTS, this.state.kind !== 'none');
    this.changed.fire(undefined);
  }
}
