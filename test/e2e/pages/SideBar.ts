import type { Locator, Page } from 'playwright-core';
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

  async expand(): Promise<void> {
    await this.header.waitFor({ state: 'visible', timeout: UI_MS });
    if ((await this.header.getAttribute('aria-expanded')) !== 'true') await this.header.click();
  }

  row(label: string | RegExp): Locator {
    return this.rows.filter({ hasText: label }).first();
  }

  async rowLabels(): Promise<string[]> {
    return (await this.rows.allInnerTexts()).map((t) => t.trim());
  }

  async clickRow(label: string | RegExp): Promise<void> {
    await this.row(label).click();
  }

  /** Right-clicks a row and picks an entry of its context menu. */
  async contextMenu(label: string | RegExp, item: string | RegExp): Promise<void> {
    await this.row(label).click({ button: 'right' });
    const menuItem = this.page.locator('.context-view .monaco-menu .action-item').filter({ hasText: item }).first();
    await menuItem.waitFor({ state: 'visible', timeout: UI_MS });
    await menuItem.click();
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
    const checked = (await item.getAttribute('aria-expanded')) === 'true' || (await item.getAttribute('aria-checked')) === 'true';
    if (!checked) await item.click();
    await this.title.filter({ hasText: new RegExp(title, 'i') }).waitFor({ state: 'visible', timeout: UI_MS });
  }

  view(title: string): TreeView {
    return new TreeView(this.page, title);
  }

  async viewTitles(): Promise<string[]> {
    return (await this.page.locator('.sidebar .pane .pane-header h3.title').allInnerTexts()).map((t) => t.trim());
  }
}
