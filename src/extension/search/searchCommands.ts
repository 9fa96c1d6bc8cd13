import * as vscode from 'vscode';
import { checkSearchParams } from '../../core/api/validation';
import type { FeatureCommands } from '../common/commands';
import { showError } from '../common/notifications';
import { requireCredentials } from '../credentials/requireCredentials';
import type { PatsnapSession } from '../session';
import type { Settings } from '../settings';
import type { SearchHistory } from './searchHistory.pure';
import { COLLAPSE_CHOICES, SORT_CHOICES, type Choice } from './searchOptions.pure';
import type { SearchResultsView } from './searchResultsView';
import { RESULTS_VIEW_ID } from './viewIds.pure';
import { QueryAccept } from './queryPick.pure';

const syntaxHint = () => vscode.l10n.t('PatSnap query, e.g. {0}', 'TTL:battery AND PBD:[20200101 TO 20231231]');
const removeButton = (): vscode.QuickInputButton => ({ iconPath: new vscode.ThemeIcon('close'), tooltip: vscode.l10n.t('Remove from history') });

interface QueryItem extends vscode.QuickPickItem {
  query?: string;
}

/** The search command (a quick pick with recent queries) and the results view's toolbar. */
export class SearchCommands {
  constructor(
    private readonly view: SearchResultsView,
    private readonly history: SearchHistory,
    private readonly session: PatsnapSession,
    private readonly settings: Settings,
  ) {}

  get commands(): FeatureCommands<'search'> {
    return {
      'patentLookup.search': (arg) => this.search(arg),
      'patentLookup.results.refresh': () => this.view.refresh(),
      'patentLookup.results.sort': () => this.pickOption(vscode.l10n.t('Sort Search Results'), SORT_CHOICES, this.view.options.sort, (sort) => this.view.setOptions({ sort })),
      'patentLookup.results.collapse': () =>
        this.pickOption(vscode.l10n.t('Collapse Search Results'), COLLAPSE_CHOICES, this.view.options.collapse, (collapse) => this.view.setOptions({ collapse })),
      'patentLookup.results.loadMore': (arg) => this.view.loadMore(loadMoreAfter(arg)),
      'patentLookup.results.clear': () => this.view.clear(),
      'patentLookup.results.export': () => this.exportResults(),
      'patentLookup.results.detailed': () => this.view.setRowStyle('detailed'),
      'patentLookup.results.compact': () => this.view.setRowStyle('compact'),
    };
  }

  /**
   * With a query string (scripts, tests, other extensions) searches at once; with
   * `{ edit: query }` (the "Edit Search" row) or nothing, asks first.
   */
  async search(arg?: unknown): Promise<void> {
    if (!(await requireCredentials(this.session, vscode.l10n.t('Searching PatSnap')))) return;
    const given = typeof arg === 'string' ? arg : undefined;
    const edit = typeof arg === 'object' && arg !== null && typeof (arg as { edit?: unknown }).edit === 'string' ? (arg as { edit: string }).edit : undefined;
    const query = given?.trim() || (await this.askQuery(edit ?? ''));
    if (!query) return;
    const problem = checkSearchParams({ query, limit: this.settings.searchPageSize }, vscode.l10n)[0];
    if (problem) {
      void showError(problem.message);
      return;
    }
    await this.history.add(query);
    await vscode.commands.executeCommand(`${RESULTS_VIEW_ID}.focus`);
    await this.view.search(query);
  }

  /** Hands the shown query, with its collapsing, to the export wizard. */
  private async exportResults(): Promise<void> {
    const state = this.view.current;
    if (state.kind !== 'results') {
      await vscode.commands.executeCommand('patentLookup.exportSearch');
      return;
    }
    const { query, options, total } = state.results;
    // The total lets the billing confirmation state the count without asking PatSnap again.
    await vscode.commands.executeCommand('patentLookup.exportSearch', options.collapse === 'none' ? { query, total } : { query, collapseType: options.collapse, total });
  }

  private askQuery(initial: string): Promise<string | undefined> {
    const qp = vscode.window.createQuickPick<QueryItem>();
    qp.title = vscode.l10n.t('Search Patents');
    const hint = syntaxHint();
    const remove = removeButton();
    qp.placeholder = hint;
    qp.ignoreFocusOut = true;
    qp.matchOnDetail = false;
    const warningIcon = new vscode.ThemeIcon('warning');

    // Enter on an empty query would otherwise do nothing at all: say why once it was tried.
    let triedEmpty = false;
    const accept = new QueryAccept<QueryItem>();
    const render = (): void => {
      const typed = qp.value.trim();
      const problem = typed || triedEmpty ? checkSearchParams({ query: typed }, vscode.l10n)[0] : undefined;
      const recent = this.history.entries().filter((q) => q !== typed);
      const items: QueryItem[] = [];
      // Stable QuickPick has no validation message: the typed query's row says what is wrong.
      // Icons as iconPath, not `$(warning)` in the text: a screen reader would read the icon's English name.
      if (typed) items.push({ label: typed, description: problem ? vscode.l10n.t('Cannot search') : vscode.l10n.t('Search'), detail: problem ? problem.message : hint, iconPath: problem ? warningIcon : undefined, alwaysShow: true, query: typed });
      else if (problem) items.push({ label: problem.message, iconPath: warningIcon, alwaysShow: true });
      if (recent.length > 0) {
        items.push({ label: vscode.l10n.t('Recent searches'), kind: vscode.QuickPickItemKind.Separator });
        items.push(...recent.map((q) => ({ label: q, query: q, buttons: [remove], iconPath: new vscode.ThemeIcon('history') })));
      }
      qp.items = items;
      // While a query is typed, its own row is the active one.
      if (typed && items[0]) qp.activeItems = [items[0]];
    };

    return new Promise<string | undefined>((resolve) => {
      const subscriptions = [
        qp.onDidChangeValue(() => {
          triedEmpty = false;
          accept.valueChanged();
          render();
        }),
        qp.onDidChangeActive((active) => accept.activeChanged(active[0])),
        qp.onDidTriggerItemButton(async ({ item }) => {
          if (item.query) await this.history.remove(item.query);
          render();
        }),
        qp.onDidAccept(() => {
          const picked = accept.accepted(qp.value, qp.selectedItems[0]);
          if (!picked) {
            triedEmpty = true;
            render();
            return;
          }
          if (checkSearchParams({ query: picked }).length > 0) return; // its row says why
          resolve(picked);
          qp.hide();
        }),
        qp.onDidHide(() => {
          resolve(undefined);
          for (const s of subscriptions) s.dispose();
          qp.dispose();
        }),
      ];
      qp.value = initial;
      render();
      qp.show();
    });
  }

  private async pickOption<Id extends string>(title: string, choices: ReadonlyArray<Choice<Id>>, current: Id, apply: (id: Id) => Promise<void>): Promise<void> {
    const picked = await vscode.window.showQuickPick(
      choices.map((c) => ({ label: c.label, detail: c.detail, id: c.id, picked: c.id === current, description: c.id === current ? vscode.l10n.t('current') : undefined })),
      { title, placeHolder: vscode.l10n.t('Applies to the current and later searches') },
    );
    if (picked && picked.id !== current) await apply(picked.id);
  }
}

/** The count a "Load more" row was shown after (`{ after: n }`, its own argument); none from the palette or a key. */
function loadMoreAfter(arg: unknown): number | undefined {
  const after = typeof arg === 'object' && arg !== null ? (arg as { after?: unknown }).after : undefined;
  return typeof after === 'number' && Number.isInteger(after) && after >= 0 ? after : undefined;
}
