import type { FrameLocator, Locator, Page } from 'playwright-core';
import { UI_MS } from './timeouts';

/** A webview panel: its editor tab and the document inside its two iframes. */
export class WebviewPanel {
  constructor(
    readonly page: Page,
    readonly tabTitle?: string | RegExp,
  ) {}

  get tab(): Locator {
    return this.page.locator('.tabs-container .tab').filter({ hasText: this.tabTitle ?? /./ }).first();
  }

  /** The webview's own document (the outer iframe hosts an inner #active-frame). */
  get content(): FrameLocator {
    return this.page.locator('iframe.webview.ready').last().contentFrame().frameLocator('#active-frame');
  }

  async waitFor(text: string | RegExp, timeout = UI_MS): Promise<Locator> {
    const found = this.content.locator('body').getByText(text).first();
    await found.waitFor({ state: 'visible', timeout });
    return found;
  }
}
