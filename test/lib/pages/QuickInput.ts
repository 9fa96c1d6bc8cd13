import type { Locator, Page } from 'playwright-core';
import { UI_MS } from './timeouts';

/** The quick input widget: quick picks, input boxes, and the palette itself. */
export class QuickInput {
  constructor(readonly page: Page) {}

  get widget(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  get input(): Locator {
    return this.widget.locator('input.input');
  }

  get rows(): Locator {
    return this.widget.locator('.quick-input-list .monaco-list-row');
  }

  get title(): Locator {
    return this.widget.locator('.quick-input-title');
  }

  get message(): Locator {
    return this.widget.locator('.quick-input-message');
  }

  async waitOpen(timeout = UI_MS): Promise<void> {
    await this.input.waitFor({ state: 'visible', timeout });
  }

  async waitClosed(timeout = UI_MS): Promise<void> {
    await this.widget.waitFor({ state: 'hidden', timeout });
  }

  isOpen(): Promise<boolean> {
    return this.input.isVisible();
  }

  /** Replaces the input's text. */
  async type(text: string): Promise<void> {
    await this.input.fill(text);
  }

  /**
   * Types `text` if the quick input is open (or opens within `timeout`); false if it is closed.
   * A webview that had the focus when a quick input closed takes it back a moment later, and a
   * quick input opened meanwhile closes as it loses the focus (microsoft/vscode#93950).
   */
  async typeIfOpen(text: string, timeout = 2_000): Promise<boolean> {
    if (await this.input.fill(text, { timeout }).then(() => true, () => false)) return true;
    if (!(await this.isOpen())) return false;
    await this.type(text); // open all along: a slow fill
    return true;
  }

  async value(): Promise<string> {
    return this.input.inputValue();
  }

  async placeholder(): Promise<string> {
    return (await this.input.getAttribute('placeholder')) ?? '';
  }

  /** The row whose label contains `label`. */
  row(label: string | RegExp): Locator {
    return this.rows.filter({ hasText: label }).first();
  }

  async rowLabels(): Promise<string[]> {
    return (await this.rows.allInnerTexts()).map((t) => t.trim());
  }

  async pick(label: string | RegExp): Promise<void> {
    const row = this.row(label);
    await row.waitFor({ state: 'visible', timeout: UI_MS });
    await row.click();
  }

  /** Presses the button named `name` (e.g. "Remove from history") on each row that has it, until none has. */
  async pressRowButtons(name: string): Promise<void> {
    const withButton = this.rows.filter({ has: this.page.locator(`.action-label[aria-label="${name}"], .action-label[title="${name}"]`) });
    for (let n = await withButton.count(); n > 0; n = await withButton.count()) {
      const row = withButton.first();
      await row.hover();
      await row.locator(`.action-label[aria-label="${name}"], .action-label[title="${name}"]`).first().click();
      await withButton.nth(n - 1).waitFor({ state: 'detached', timeout: UI_MS });
    }
  }

  /**
   * Waits until the focused row (the one Enter takes) contains `label`, and, with `description`, is
   * the row the extension made with that description. (A row the list shows by filtering the old
   * items, before the extension's new ones arrive, may be swapped for another under Enter.)
   */
  async waitFocused(label: string | RegExp, description?: string, timeout = UI_MS): Promise<void> {
    let row = this.widget.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: label });
    if (description) row = row.filter({ has: this.page.locator('.label-description', { hasText: new RegExp(`^${description}$`) }) });
    await row.waitFor({ state: 'visible', timeout });
  }

  async accept(): Promise<void> {
    await this.input.press('Enter');
  }

  async cancel(): Promise<void> {
    await this.input.press('Escape');
  }

  /** Escape on a quick input left open, and wait until it is gone. */
  async closeIfOpen(): Promise<void> {
    if (!(await this.isOpen())) return;
    await this.cancel();
    await this.waitClosed();
  }
}
