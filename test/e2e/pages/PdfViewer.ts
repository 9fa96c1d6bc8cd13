import type { Frame, Locator, Page } from 'playwright-core';
import { UI_MS } from './timeouts';

/**
 * The PDF viewer (custom editor patentLookup.pdf, src/webview/pdf/main.ts) in its tab.
 * Found by its content: viewers keep their page when hidden, so several webview frames
 * may exist; the one shown is the viewer's whose frame is visible.
 */
export class PdfViewer {
  constructor(
    readonly page: Page,
    readonly tabTitle: string | RegExp,
  ) {}

  get tab(): Locator {
    return this.page.locator('.tabs-container .tab').filter({ hasText: this.tabTitle }).first();
  }

  /** The viewer's document frame, once it shows. */
  async frame(timeout = UI_MS): Promise<Frame> {
    const until = Date.now() + timeout;
    for (;;) {
      for (const frame of this.page.frames()) {
        if (frame.isDetached() || (await frame.locator('#viewerContainer').count().catch(() => 0)) === 0) continue;
        const outer = await frame.parentFrame()?.frameElement().catch(() => undefined);
        if (outer && (await outer.isVisible())) return frame;
      }
      if (Date.now() > until) throw new Error(`no PDF viewer is showing (${String(this.tabTitle)})`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Waits until pdf.js has laid out the pages and drawn the first, and returns the page count. */
  async waitRendered(timeout = UI_MS): Promise<number> {
    await this.tab.waitFor({ state: 'visible', timeout });
    const frame = await this.frame(timeout);
    await frame.locator('.pdfViewer .page canvas').first().waitFor({ state: 'visible', timeout });
    await frame.locator('.pdfViewer .page[data-loaded="true"]').first().waitFor({ state: 'attached', timeout });
    const text = (await frame.locator('#pageCount').innerText()).trim();
    return Number(/(\d+)/.exec(text)?.[1] ?? NaN);
  }

  async pageNumber(): Promise<number> {
    return Number(await (await this.frame()).locator('#page').inputValue());
  }

  async waitPage(n: number, timeout = UI_MS): Promise<void> {
    const until = Date.now() + timeout;
    while ((await this.pageNumber()) !== n) {
      if (Date.now() > until) throw new Error(`the viewer is on page ${await this.pageNumber()}, not ${n}`);
      await this.page.waitForTimeout(50);
    }
  }

  async button(id: 'prev' | 'next' | 'zoomIn' | 'zoomOut' | 'findNext' | 'findPrev' | 'save'): Promise<Locator> {
    return (await this.frame()).locator(`#${id}`);
  }

  async zoom(): Promise<string> {
    return (await this.frame()).locator('#zoom').inputValue();
  }

  /** Types a search and waits until the count of matches shows; returns it ("1 of 3" or "No results"). */
  async find(query: string, timeout = UI_MS): Promise<string> {
    const frame = await this.frame();
    await frame.locator('#find').fill(query);
    const count = frame.locator('#findCount');
    await count.filter({ hasText: /\d+ of \d+|No results/ }).waitFor({ state: 'visible', timeout });
    return (await count.innerText()).trim();
  }

  /** Highlighted matches pdf.js drew in the text layer. */
  async highlights(): Promise<number> {
    return (await this.frame()).locator('.textLayer .highlight').count();
  }

  async status(): Promise<string> {
    return ((await (await this.frame()).locator('#status').textContent()) ?? '').trim();
  }

  async note(): Promise<string> {
    return ((await (await this.frame()).locator('#note').textContent()) ?? '').trim();
  }
}
