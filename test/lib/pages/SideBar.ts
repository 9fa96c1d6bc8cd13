import type { Locator, Page } from 'playwright-core';
import { CommandPalette } from './CommandPalette';
import { Workbench } from './Workbench';
import { UI_MS } from './timeouts';

/** One view (pane) of the side bar, e.g. "Search Results". */
export class TreeView {
  constructor(
    readonly page: Page,
    readonly title: string,
  ) {}

  get pane(): Locator {
    return this.page.locator('.sidebar .pane').filter({ has: this.page.locator('.pane-header h3.title', { hasText: this.title }) });
  }

  get header(): Locator {
    return this.pane.locator('.pane-header');
  }

  get rows(): Locator {
    return this.pane.locator('.pane-body .monaco-list-row');
  }

  /** The view's description in its header, e.g. "50 of 134". */
  get description(): Locator {
    return this.header.locator('.description');
  }

  /** The message a tree view shows above its rows. */
  get message(): Locator {
    return this.pane.locator('.pane-body .message');
  }

  async expand(): Promise<void> {
    await this.header.waitFor({ state: 'visible', timeout: UI_MS });
    if ((await this.header.getAttribute('aria-expanded')) !== 'true') await this.header.click();
  }

  async collapse(): Promise<void> {
    await this.header.waitFor({ state: 'visible', timeout: UI_MS });
    if ((await this.header.getAttribute('aria-expanded')) === 'true') await this.header.click();
    await this.header.and(this.page.locator('[aria-expanded="false"]')).waitFor({ state: 'visible', timeout: UI_MS });
  }

  row(label: string | RegExp): Locator {
    return this.rows.filter({ hasText: label }).first();
  }

  async rowLabels(): Promise<string[]> {
    return (await this.rows.allInnerTexts()).map((t) => t.trim());
  }

  /**
   * Brings the list's first or last row into view by keyboard (Home/End) after
   * focusing the view through its "Focus on … View" command. The list is virtual
   * (rows out of view are not in the DOM), and clicking a row to focus the list
   * would run that row's command.
   */
  async showEdge(edge: 'first' | 'last'): Promise<void> {
    await new CommandPalette(this.page).run(`Focus on ${this.title} View`);
    await this.pane.locator('.pane-body .monaco-list:focus').waitFor({ state: 'visible', timeout: UI_MS });
    await this.page.keyboard.press(edge === 'first' ? 'Home' : 'End');
  }

  /**
   * Goes to the end of the list until `label`'s row is rendered and focused: after "Load more"
   * the tree may still be adding rows when End is pressed, leaving the view short of them.
   */
  async showLastRow(label: string | RegExp): Promise<Locator> {
    const row = this.row(label);
    const focused = this.focusedRow(label);
    const deadline = Date.now() + UI_MS;
    for (;;) {
      await this.showEdge('last');
      try {
        await focused.waitFor({ state: 'visible', timeout: 2_000 });
        return row;
      } catch (e) {
        if (Date.now() > deadline) throw e;
      }
    }
  }

  /**
   * Runs the command of the last row, `label` (e.g. "Load 50 more"), as a keyboard user does: End
   * focuses it, Enter runs it. Not a click: after the first search of a window VS Code can lay the
   * tree out taller than its pane (it measures the message above the rows while the welcome view
   * still hides it) and put that right later; the list then shrinks under a scroll position that
   * stays, its last row leaves the page between being found and being clicked, and the click waits
   * for a row that does not come back. The list's focus stays on that row, so Enter still runs it.
   */
  async runLastRow(label: string | RegExp): Promise<void> {
    await this.showLastRow(label);
    await this.page.keyboard.press('Enter');
  }

  /** The row with the list's keyboard focus, if it is `label`'s. */
  private focusedRow(label: string | RegExp): Locator {
    return this.pane.locator('.pane-body .monaco-list:focus .monaco-list-row.focused').filter({ hasText: label }).first();
  }

  async clickRow(label: string | RegExp): Promise<void> {
    await this.row(label).click();
  }

  /** Right-clicks a row and picks an entry of its context menu. */
  async contextMenu(label: string | RegExp, item: string | RegExp): Promise<void> {
    await this.chooseInMenu(() => this.row(label).click({ button: 'right' }), item);
  }

  /** Picks an entry of the view's "More Actions…" menu in its title bar. */
  async moreAction(item: string | RegExp): Promise<void> {
    await this.chooseInMenu(async () => {
      await this.header.hover();
      await this.header.locator('.actions .codicon-toolbar-more').click();
    }, item);
  }

  /**
   * Opens a menu and chooses `item` by keyboard, as a menu is used without a mouse: a click right
   * after the menu opens can be taken for the end of the click that opened it and ignored, and a
   * hover focuses the entry only when the mouse moves over it. A menu closes when the focus leaves
   * it, as it does when a patent panel restored with the window takes the focus once its frame has
   * loaded: then it is opened again.
   */
  private async chooseInMenu(open: () => Promise<void>, item: string | RegExp): Promise<void> {
    const menu = this.page.locator('.context-view .monaco-menu');
    const focused = menu.locator('.action-item.focused').filter({ hasText: item });
    for (let attempt = 1; ; attempt++) {
      await open();
      await menu.locator('.action-item').filter({ hasText: item }).first().waitFor({ state: 'visible', timeout: UI_MS });
      const entries = await menu.locator('.action-item').count();
      for (let i = 0; i <= entries && (await menu.isVisible()) && (await focused.count()) === 0; i++) await this.page.keyboard.press('ArrowDown');
      if ((await focused.count()) > 0) break;
      if (attempt >= 3) throw new Error(`"${String(item)}" was not reached in the menu after ${attempt} attempts`);
      if (await menu.isVisible()) await this.page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden', timeout: UI_MS });
    }
    await this.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: UI_MS });
  }

  /** Rows at the top of the tree (not children). */
  get topRows(): Locator {
    return this.pane.locator('.pane-body .monaco-list-row[aria-level="1"]');
  }

  /** The labels of the top rows, without their descriptions. */
  async topRowLabels(): Promise<string[]> {
    return (await this.topRows.locator('.label-name').allInnerTexts()).map((t) => t.trim());
  }

  /** "label description" of each of `rows` (innerText runs the two together). */
  async labelsWithDescriptions(rows: Locator = this.rows): Promise<string[]> {
    const texts: string[] = [];
    for (let i = 0, count = await rows.count(); i < count; i++) {
      const row = rows.nth(i);
      const label = await row.locator('.label-name').first().innerText();
      const description = (await row.locator('.label-description').count()) > 0 ? await row.locator('.label-description').first().innerText() : '';
      texts.push(`${label.trim()} ${description.trim()}`.trim());
    }
    return texts;
  }

  /** Expands a collapsed row (by its twistie) and waits until it is expanded. */
  async expandRow(label: string | RegExp): Promise<void> {
    const row = this.row(label);
    await row.waitFor({ state: 'visible', timeout: UI_MS });
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
    await this.rows.filter({ hasText: label }).and(this.page.locator('[aria-expanded="true"]')).first().waitFor({ state: 'visible', timeout: UI_MS });
  }

  /** Welcome content shown while the view is empty. */
  get welcome(): Locator {
    return this.pane.locator('.welcome-view-content');
  }
}

/** The side bar and our view container on the activity bar. */
export class SideBar {
  static readonly CONTAINER = 'Patent Lookup';

  constructor(readonly page: Page) {}

  get title(): Locator {
    return this.page.locator('.sidebar .composite.title h2');
  }

  /** Opens the Patent Lookup container by its activity bar icon. */
  async openPatentLookup(): Promise<void> {
    await this.openContainer(SideBar.CONTAINER);
  }

  async openContainer(title: string): Promise<void> {
    const item = new Workbench(this.page).activityBarItem(title);
    await item.waitFor({ state: 'visible', timeout: UI_MS });
    // Open already when the side bar's title names it: a click on its icon would close it.
    const shown = this.title.filter({ hasText: new RegExp(title, 'i') });
    if (!(await shown.isVisible())) await item.click();
    await shown.waitFor({ state: 'visible', timeout: UI_MS });
  }

  view(title: string): TreeView {
    return new TreeView(this.page, title);
  }

  /**
   * The Search Results view with the side bar's height: the other two views collapsed.
   * Each result takes two rows (number and title; date and assignee), and the list is
   * virtual: the rows below the view's height are not in the page.
   */
  async resultsWithRoom(): Promise<TreeView> {
    await this.openPatentLookup();
    for (const other of ['Patents in Document', 'Exports']) await this.view(other).collapse();
    const results = this.view('Search Results');
    await results.expand();
    return results;
  }

  async viewTitles(): Promise<string[]> {
    return (await this.page.locator('.sidebar .pane .pane-header h3.title').allInnerTexts()).map((t) => t.trim());
  }
}
