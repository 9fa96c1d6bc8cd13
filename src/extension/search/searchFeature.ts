/** Search Patents…, the "Search Results" tree and its toolbar. */
import { Disposable } from '../common/disposable';
import type { FeatureCommands } from '../common/commands';
import type { Feature, FeatureHost } from '../common/feature';
import type { LazyTreeView } from '../common/lazyTreeView';
import type { ResultNode } from './resultNodes';
import { SearchCommands } from './searchCommands';
import { SearchHistory } from './searchHistory.pure';
import { SearchResultsView } from './searchResultsView';

export class SearchFeature extends Disposable implements Feature<'search'> {
  readonly commands: FeatureCommands<'search'>;
  /** The tree's state, for the commands and the in-host tests. */
  readonly results: SearchResultsView;

  constructor(host: FeatureHost, tree: LazyTreeView<ResultNode>) {
    super();
    const { session, settings, errors, context } = host;
    this.results = this.register(new SearchResultsView(session, settings, context.globalState, context.workspaceState, errors, tree));
    this.commands = new SearchCommands(this.results, new SearchHistory(context.globalState), session, settings).commands;
  }
}
