import * as vscode from 'vscode';
import type { SearchPage, SearchParams } from '../../core/api/types';
import { listOf, quoted } from '../../core/text/punctuation';
import { withAbortSignal } from '../common/cancellation';
import { Disposable } from '../common/disposable';
import { describeError } from '../common/errorMessages.pure';
import type { ErrorReporter } from '../common/errors';
import type { LazyTreeView } from '../common/lazyTreeView';
import type { PatsnapSession } from '../session';
import type { Settings } from '../settings';
import { l10n } from '../common/l10n.pure';
import { PatentNode, toNode, type ResultNode } from './resultNodes';
import { formatWhen } from '../common/format.pure';
import { appendPage, firstResults, nextPage, readRowStyle, resultRows, resultsDescription, type ResultSet, type ResultsState, type RowStyle } from './resultsModel.pure';
import { backendKey, readSnapshot, RESULTS_SNAPSHOT_KEY, snapshotOf } from './resultsSnapshot.pure';
import type { MementoLike } from './searchHistory.pure';
import { describeSearchOptions, readSearchOptions, searchParams, type SearchOptions } from './searchOptions.pure';
import { RESULTS_VIEW_ID } from './viewIds.pure';

const OPTIONS_KEY = 'patentLookup.search.options';
const ROW_STYLE_KEY = 'patentLookup.search.rowStyle';
/** Set once the first search of this profile offered to collapse families. */
const COLLAPSE_OFFERED_KEY = 'patentLookup.search.collapseOffered';
const HAS_RESULTS = 'patentLookup.hasResults';
/** True while rows are compact: the toolbar then offers the detailed rows. */
const COMPACT_ROWS = 'patentLookup.results.compact';

/**
 * The "Search Results" tree: one search at a time, paged with a "Load more" row.
 * A cancelled or failed search leaves the previous results in place; the first
 * failure of a window (nothing to keep) shows as a row with the fix. Signed out,
 * the tree is empty so the welcome view offers to set credentials.
 *
 * The last search of the workspace, with the pages loaded, is kept in workspaceState
 * and shown again after a reload without a call; results older than a day are
 * searched again, when the lookups setting lets Patent Lookup call on its own, or
 * offered as "Search Again".
 */
export class SearchResultsView extends Disposable implements vscode.TreeDataProvider<ResultNode> {
  private readonly changed = this.register(new vscode.EventEmitter<ResultNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<ResultNode>;
  private state: ResultsState = { kind: 'none' };
  private running: vscode.CancellationTokenSource | undefined;
  private loadingMore: Promise<void> | undefined;

  /** Settles once the last search was shown again (or there was none to show). */
  readonly restored: Promise<void>;

  constructor(
    private readonly session: PatsnapSession,
    private readonly settings: Settings,
    private readonly memento: MementoLike,
    private readonly workspaceState: MementoLike,
    private readonly errors: ErrorReporter,
    tree: LazyTreeView<ResultNode>,
  ) {
    super();
    this.view = tree.view;
    this.register(tree.provide(this));
    this.register(session.onDidChange(() => this.update()));
    this.register({ dispose: () => this.running?.cancel() });
    void vscode.commands.executeCommand('setContext', COMPACT_ROWS, this.rowStyle === 'compact');
    this.update();
    this.restored = session.ready().then(() => {
      if (this.state.kind === 'none' && !this.isDisposed) return this.restore();
      return undefined;
    });
  }

  get rowStyle(): RowStyle {
    return readRowStyle(this.memento.get(ROW_STYLE_KEY));
  }

  /** Compact rows (number and title) or detailed ones (with assignee and date), for this and later windows. */
  async setRowStyle(style: RowStyle): Promise<void> {
    await this.memento.update(ROW_STYLE_KEY, style);
    await vscode.commands.executeCommand('setContext', COMPACT_ROWS, style === 'compact');
    this.changed.fire(undefined);
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

  /** The query shown (or that last failed, or is out of date), if any. */
  get currentQuery(): string | undefined {
    if (this.state.kind === 'results') return this.state.results.query;
    if (this.state.kind === 'failed' || this.state.kind === 'stale') return this.state.query;
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
    if (node) return node instanceof PatentNode ? node.children() : [];
    if (!this.session.hasCredentials) return [];
    const style = this.rowStyle;
    return resultRows(this.state, this.settings.searchPageSize).map((row) => toNode(row, this.currentQuery, style));
  }

  /**
   * Runs `query` from its first page; resolves when it has finished, failed or been
   * cancelled. `options` default to the toolbar's (a stale search keeps its own).
   */
  async search(query: string, options: SearchOptions = this.options): Promise<void> {
    this.running?.cancel();
    const cts = (this.running = new vscode.CancellationTokenSource());
    const pageSize = this.settings.searchPageSize;
    try {
      const page = await this.withProgress(vscode.l10n.t('Searching PatSnap\u2026'), cts, (signal) =>
        this.session.api().then((api) => api.searchWithDetails(searchParams(query, options, 0, pageSize), { signal })),
      );
      const results = { ...firstResults(query, options, page), fetchedAt: Date.now() };
      // The first search of all offers to show one result per family (once).
      if (options.collapse === 'none' && !this.memento.get<boolean>(COLLAPSE_OFFERED_KEY)) {
        results.offerCollapse = true;
        await this.memento.update(COLLAPSE_OFFERED_KEY, true);
      }
      this.show(results);
    } catch (e) {
      const description = describeError(e, vscode.l10n.t('Search'));
      if (!description) return; // cancelled: the previous results stay
      if (this.state.kind === 'results') {
        this.errors.report(e, { what: vscode.l10n.t('Search'), retry: () => this.search(query) });
      } else {
        this.errors.report(e, { what: vscode.l10n.t('Search'), quiet: true });
        this.state = { kind: 'failed', query, options, error: description };
        this.update();
      }
    } finally {
      if (this.running === cts) this.running = undefined;
      cts.dispose();
    }
  }

  /**
   * Loads the next page; a second click while one is loading waits for the same page. With
   * `after`, the number of results shown when the clicked row was: a row that a page loaded
   * since has replaced (the tree not yet redrawn, or a double click) loads nothing more.
   */
  loadMore(after?: number): Promise<void> {
    if (this.loadingMore) return this.loadingMore;
    if (after !== undefined && this.state.kind === 'results' && this.state.results.hits.length !== after) return Promise.resolve();
    this.loadingMore = this.loadNextPage().finally(() => (this.loadingMore = undefined));
    return this.loadingMore;
  }

  async refresh(): Promise<void> {
    if (this.state.kind === 'stale') await this.search(this.state.query, this.state.options);
    else if (this.currentQuery !== undefined) await this.search(this.currentQuery);
    else this.update();
  }

  clear(): void {
    this.running?.cancel();
    this.state = { kind: 'none' };
    void this.workspaceState.update(RESULTS_SNAPSHOT_KEY, undefined);
    this.update();
  }

  /** Shows `results` and keeps them for the next window of this workspace. */
  private show(results: ResultSet): void {
    this.state = { kind: 'results', results };
    const backend = backendKey(this.session.summary);
    if (backend) void this.workspaceState.update(RESULTS_SNAPSHOT_KEY, snapshotOf(results, backend, Date.now()));
    this.update();
  }

  /**
   * The last search of this workspace, from workspaceState, as a new window shows it:
   * as it was when fresh (no call), else searched again (when lookups may call on their
   * own) or offered with "Search Again".
   */
  async restore(): Promise<void> {
    await this.session.ready();
    const restored = readSnapshot(this.workspaceState.get(RESULTS_SNAPSHOT_KEY), backendKey(this.session.summary), Date.now());
    if (!restored) {
      this.state = { kind: 'none' };
      this.update();
    } else if (restored.kind === 'fresh') {
      this.state = { kind: 'results', results: restored.results };
      this.update();
    } else if (this.settings.lookupsEnabled) {
      await this.search(restored.query, restored.options);
    } else {
      this.state = { kind: 'stale', query: restored.query, options: restored.options, savedAt: restored.savedAt };
      this.update();
    }
  }

  private async loadNextPage(): Promise<void> {
    if (this.state.kind !== 'results') return;
    const results = this.state.results;
    const next = nextPage(results, this.settings.searchPageSize);
    if (!next) return;
    const cts = new vscode.CancellationTokenSource();
    try {
      const page = await this.withProgress(vscode.l10n.t('Loading more results\u2026'), cts, (signal) =>
        this.session.api().then((api) => api.searchWithDetails(searchParams(results.query, results.options, next.offset, next.limit), { signal })),
      );
      // A new search may have replaced these results meanwhile.
      if (this.state.kind === 'results' && this.state.results === results) this.show(appendPage(results, page));
    } catch (e) {
      this.errors.report(e, { what: vscode.l10n.t('Loading more results'), retry: () => this.loadMore() });
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

  /** The query and the options the results were asked with, above the tree; when shown from the last window, as of when. */
  private summary(): string | undefined {
    if (this.state.kind !== 'results' && this.state.kind !== 'stale') return undefined;
    const { query, options } = this.state.kind === 'results' ? this.state.results : this.state;
    const shown = query.length > 80 ? `${query.slice(0, 79)}\u2026` : query;
    const how = describeSearchOptions(options);
    const line = listOf(l10n, [quoted(l10n, shown), ...(how ? [how] : [])]);
    const restored = this.state.kind === 'results' && this.state.results.restored ? this.state.results.fetchedAt : undefined;
    return restored === undefined ? line : l10n.t('{0} (as of {1})', line, formatWhen(restored, Date.now()));
  }

  private update(): void {
    this.view.description = this.session.hasCredentials ? resultsDescription(this.state) : undefined;
    this.view.message = this.session.hasCredentials ? this.summary() : undefined;
    void vscode.commands.executeCommand('setContext', HAS_RESULTS, this.state.kind !== 'none');
    this.changed.fire(undefined);
  }
}
