import type { Locator, Page } from 'playwright-core';
import { UI_MS } from './timeouts';

/** The status bar, and our item `patentLookup.backend` on it. */
export class StatusBar {
  constructor(readonly page: Page) {}

  /** A status bar item contributed by an extension: VS Code prefixes its id with the extension's. */
  item(id: string): Locator {
    return this.page.locator(`.statusbar-item[id$=".${id}"]`);
  }

  get backend(): Locator {
    return this.item('patentLookup.backend');
  }

  /** Waits until the backend item's text matches `wanted`; resolves its text. */
  async waitBackend(wanted: string | RegExp, timeout = UI_MS): Promise<string> {
    const item = this.backend.filter({ hasText: wanted });
    await item.waitFor({ state: 'visible', timeout });
    return (await item.innerText()).trim();
  }

  /** The item's focusable part: it carries the role and the label a screen reader announces. */
  get backendButton(): Locator {
    return this.backend.locator('a.statusbar-item-label');
  }

  /** Waits until the backend item announces `label` (its state changes as calls come and go). */
  async waitBackendLabel(label: string, timeout = UI_MS): Promise<void> {
    await this.backendButton.and(this.page.locator(`[aria-label="${label}"]`)).waitFor({ state: 'visible', timeout });
  }

  /** What a screen reader announces for the backend item. */
  async backendLabel(): Promise<string> {
    return (await this.backendButton.getAttribute('aria-label')) ?? '';
  }
}
