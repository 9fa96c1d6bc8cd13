import type { Locator, Page } from 'playwright-core';
import { QuickInput } from './QuickInput';
import { UI_MS, WORKBENCH_READY_MS } from './timeouts';

/** The VS Code window as a whole: readiness, the explorer, quick open. */
export class Workbench {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.locator('.monaco-workbench');
  }

  get explorerRows(): Locator {
    return this.page.locator('.explorer-folders-view .monaco-list-row');
  }

  /**
   * Explorer rows appear once the remote connection and the file service are up.
   * After a reload the side bar may show another container than the explorer:
   * then `container` (a view container contributed by the remote extension)
   * showing in the activity bar says the same.
   */
  async waitReady(container?: string): Promise<void> {
    await this.root.waitFor({ state: 'visible', timeout: WORKBENCH_READY_MS });
    const ready = container ? this.explorerRows.first().or(this.activityBarItem(container)).first() : this.explorerRows.first();
    await ready.waitFor({ state: 'visible', timeout: WORKBENCH_READY_MS });
  }

  async explorerLabels(): Promise<string[]> {
    return (await this.explorerRows.allInnerTexts()).map((t) => t.trim());
  }

  /** The activity bar entry of a view container, by its title. */
  activityBarItem(title: string): Locator {
    return this.page.locator(`.activitybar .action-item a.action-label[aria-label^="${title}"]`);
  }

  /** Opens a workspace file through Quick Open and waits for its tab. */
  async openFile(name: string): Promise<void> {
    const quickInput = new QuickInput(this.page);
    await quickInput.openQuickOpen();
    await quickInput.type(name);
    await quickInput.pick(name);
    await this.editorTab(name).waitFor({ state: 'visible', timeout: UI_MS });
  }

  editorTab(name: string): Locator {
    return this.page.locator(`.tabs-container .tab[aria-label^="${name}"]`);
  }
}
