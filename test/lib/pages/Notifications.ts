import type { Locator, Page } from 'playwright-core';
import { UI_MS } from './timeouts';

/** Notification toasts (bottom right). */
export class Notifications {
  constructor(readonly page: Page) {}

  get toasts(): Locator {
    return this.page.locator('.notifications-toasts .notification-list-item');
  }

  /** Toasts of one extension, by its display name (VS Code puts "source: NAME" in the row's aria-label). */
  fromSource(displayName: string): Locator {
    return this.page.locator(`.notifications-toasts .monaco-list-row[aria-label*="source: ${displayName}"] .notification-list-item`);
  }

  toast(text: string | RegExp): Locator {
    return this.toasts.filter({ hasText: text }).first();
  }

  async waitFor(text: string | RegExp, timeout = UI_MS): Promise<Locator> {
    const toast = this.toast(text);
    await toast.waitFor({ state: 'visible', timeout });
    await this.settled(toast);
    return toast;
  }

  /** Waits for a toast's fade-in to finish, so screenshots and clicks see it whole. */
  async settled(toast: Locator, timeout = UI_MS): Promise<void> {
    await toast
      .locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " notification-toast ")]')
      .and(this.page.locator('.notification-fade-in-done'))
      .waitFor({ state: 'visible', timeout });
  }

  async messages(): Promise<string[]> {
    return (await this.toasts.locator('.notification-list-item-message').allInnerTexts()).map((t) => t.trim());
  }

  /** The extension display name a toast comes from ('' for VS Code's own). */
  async source(toast: Locator): Promise<string> {
    const label = await toast.evaluate((e) => e.closest('.monaco-list-row')?.getAttribute('aria-label') ?? '');
    return /, source: (.*?), notification/.exec(label)?.[1] ?? '';
  }

  async message(toast: Locator): Promise<string> {
    return (await toast.locator('.notification-list-item-message').innerText()).trim();
  }

  async clickButton(toast: Locator, label: string | RegExp): Promise<void> {
    await toast.locator('.monaco-button', { hasText: label }).first().click();
  }

  /**
   * Closes every toast that can be closed (a running progress cannot). A toast
   * may close by itself meanwhile: then the loop simply goes on to the next.
   */
  async dismissAll(timeout = UI_MS): Promise<void> {
    const closable = this.toasts.filter({ has: this.page.locator('.codicon-notifications-clear') });
    const deadline = Date.now() + timeout;
    while ((await closable.count()) > 0) {
      if (Date.now() > deadline) throw new Error(`toasts still open: ${JSON.stringify(await this.messages())}`);
      const toast = closable.first();
      try {
        await toast.hover({ timeout: 2_000 });
        await toast.locator('.codicon-notifications-clear').first().click({ timeout: 2_000 });
      } catch {
        // it went away by itself
      }
    }
  }
}
