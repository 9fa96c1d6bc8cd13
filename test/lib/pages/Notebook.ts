import type { FrameLocator, Locator, Page } from 'playwright-core';
import { UI_MS } from './timeouts';

/**
 * The visible notebook editor (VS Code 1.100 draws it in an overlay, `.notebookOverlay`):
 * its cells, its toolbar and its outputs. Every output of a notebook is drawn in one
 * webview inside the cell list (an iframe holding `#active-frame`); the renderer's own
 * elements carry `pl-` classes.
 */
export class NotebookEditor {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.locator('.notebookOverlay:visible').first();
  }

  get cells(): Locator {
    return this.root.locator('.cell-list-container .monaco-list-row');
  }

  get codeCells(): Locator {
    return this.root.locator('.cell-list-container .monaco-list-row.code-cell-row');
  }

  async waitOpen(timeout = UI_MS): Promise<void> {
    await this.codeCells.first().waitFor({ state: 'visible', timeout });
  }

  /**
   * Does `open` (a command that opens a notebook) and waits for the notebook editor it
   * opened, its code cells drawn. VS Code keeps the overlay of every notebook editor
   * that has a tab, hidden while another is shown, and swaps them a moment after the new
   * tab is active: the overlay visible right after `open` can still be the notebook shown
   * before (which may even hold the same cells), and the new one is blank for a moment
   * while it draws. So the overlays there before are marked, and the wait is for one
   * without the mark, the only one visible.
   */
  async waitOpenedBy(open: () => Promise<void>, timeout = UI_MS): Promise<void> {
    await this.page.evaluate(() => document.querySelectorAll('.notebookOverlay').forEach((o) => o.setAttribute('data-e2e-shown-before', '')));
    await open();
    const fresh = this.page.locator('.notebookOverlay:visible:not([data-e2e-shown-before])');
    await fresh.locator('.cell-list-container .monaco-list-row.code-cell-row').first().waitFor({ state: 'visible', timeout });
    await this.page.waitForFunction(() => Array.from(document.querySelectorAll('.notebookOverlay')).filter((o) => getComputedStyle(o).visibility === 'visible').length === 1, undefined, { timeout });
    await this.page.evaluate(() => document.querySelectorAll('.notebookOverlay').forEach((o) => o.removeAttribute('data-e2e-shown-before')));
  }

  /** The document of the notebook's output webview. */
  get outputs(): FrameLocator {
    return this.root.locator('.cell-list-container iframe.webview.ready').first().contentFrame().locator('#active-frame').contentFrame();
  }

  /** A finished run's output (not one on its way) whose text matches `text`, once drawn. */
  async output(text: string | RegExp, timeout = UI_MS): Promise<Locator> {
    const run = this.outputs.locator('.pl-run:has(.pl-hits)').filter({ hasText: text }).first();
    await run.waitFor({ state: 'visible', timeout });
    return run;
  }

  /** A button of the notebook's toolbar, by its label ("Run All", "Export Search Log…"). */
  toolbarButton(label: string | RegExp): Locator {
    return this.root.locator('.notebook-toolbar-container .action-item', { hasText: label }).first();
  }
}
