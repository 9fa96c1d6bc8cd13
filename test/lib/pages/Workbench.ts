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
    await this.waitShown(container);
    await this.waitWebviewsRestored();
  }

  /** The workbench and its remote connection are up (see waitReady), restored webviews maybe not yet. */
  async waitShown(container?: string): Promise<void> {
    await this.root.waitFor({ state: 'visible', timeout: WORKBENCH_READY_MS });
    const ready = container ? this.explorerRows.first().or(this.activityBarItem(container)).first() : this.explorerRows.first();
    await ready.waitFor({ state: 'visible', timeout: WORKBENCH_READY_MS });
  }

  /**
   * A webview editor restored with the window (a patent panel an earlier session left
   * open) gets its content only once its extension has activated, seconds after the
   * rest of the workbench, and VS Code then moves the focus into it: an open quick
   * input closes, and keys pressed while its frame loads are lost. So the window is
   * ready once every visible webview editor has a loaded frame.
   */
  async waitWebviewsRestored(): Promise<void> {
    await this.page.waitForFunction(
      // (No named functions inside: the test loader's name helper does not exist in the page.)
      () =>
        Array.from(document.querySelectorAll('iframe.webview.ready')).filter((e) => (e as HTMLElement).offsetParent !== null).length >=
        Array.from(document.querySelectorAll('.editor-group-container .editor-instance > [id^="webview-editor-element-"]')).filter((e) => (e as HTMLElement).offsetParent !== null).length,
      undefined,
      { timeout: WORKBENCH_READY_MS },
    );
  }

  async explorerLabels(): Promise<string[]> {
    return (await this.explorerRows.allInnerTexts()).map((t) => t.trim());
  }

  /**
   * Waits for the explorer to list `name`; true when it does within `timeout`. The
   * workbench can be shown (our activity-bar item up) before the explorer's rows are drawn.
   */
  async explorerLists(name: string, timeout = UI_MS): Promise<boolean> {
    const row = this.explorerRows.filter({ hasText: new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) });
    return row.first().waitFor({ state: 'visible', timeout }).then(
      () => true,
      () => false,
    );
  }

  /** The activity bar entry of a view container, by its title. */
  activityBarItem(title: string): Locator {
    return this.page.locator(`.activitybar .action-item a.action-label[aria-label^="${title}"]`);
  }

  /**
   * Opens a workspace file through Quick Open (Ctrl+P) and waits for its tab. Each try starts from a
   * Quick Open of its own: VS Code's file search keeps what it found for as long as one Quick Open is
   * open, so a quick input left open (or a search begun before the file was written) would never
   * list a file written since; closing it and opening it again searches again. A try also starts
   * again when a webview in front takes the focus back and Quick Open closes (QuickInput.typeIfOpen).
   */
  async openFile(name: string): Promise<void> {
    const quickInput = new QuickInput(this.page);
    const row = quickInput.row(name);
    for (let attempt = 1; ; attempt++) {
      if (await quickInput.isOpen()) {
        await this.page.keyboard.press('Escape');
        await quickInput.waitClosed();
      }
      await this.page.keyboard.press('Control+P');
      await quickInput.waitOpen();
      const listed =
        (await quickInput.typeIfOpen(name)) &&
        (await row.waitFor({ state: 'visible', timeout: (UI_MS * attempt) / 3 }).then(
          () => true,
          () => false,
        ));
      if (listed) break;
      if (attempt === 3) throw new Error(`Quick Open did not list "${name}" (or closed before it could), ${attempt} times`);
    }
    await row.click();
    await this.editorTab(name).waitFor({ state: 'visible', timeout: UI_MS });
  }

  editorTab(name: string): Locator {
    return this.page.locator(`.tabs-container .tab[aria-label^="${name}"]`);
  }
}
