import type { Locator, Page } from 'playwright-core';
import { UI_MS } from './timeouts';

/** The active text editor: find text on screen, hover it, read the hover. */
export class Editor {
  constructor(readonly page: Page) {}

  get active(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  get hover(): Locator {
    return this.page.locator('.monaco-hover').filter({ hasNotText: /^\s*$/ }).first();
  }

  async waitVisible(): Promise<void> {
    await this.active.locator('.view-lines').waitFor({ state: 'visible', timeout: UI_MS });
  }

  /** Moves the mouse over the middle of the first rendered occurrence of `text`; resolves that point. */
  async hoverAt(text: string): Promise<{ x: number; y: number }> {
    await this.waitVisible();
    const line = this.active.locator('.view-line', { hasText: text }).first();
    await line.waitFor({ state: 'visible', timeout: UI_MS });
    // Tokens split a line into spans: measure the text with a DOM Range over the line's text nodes.
    // (No named inner functions here: the bundler's name helper does not exist in the page.)
    const box = await line.evaluate((element, wanted) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      // Monaco renders spaces as non-breaking spaces.
      const full = nodes.map((n) => n.data).join('').replace(/\u00a0/g, ' ');
      const start = full.indexOf(wanted);
      if (start < 0) return undefined;
      const range = document.createRange();
      let offset = 0;
      for (const node of nodes) {
        const end = offset + node.data.length;
        if (start >= offset && start <= end) range.setStart(node, start - offset);
        if (start + wanted.length >= offset && start + wanted.length <= end) {
          range.setEnd(node, start + wanted.length - offset);
          break;
        }
        offset = end;
      }
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }, text);
    if (!box) throw new Error(`"${text}" is not rendered in the active editor`);
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await this.page.mouse.move(point.x, point.y, { steps: 4 });
    return point;
  }

  /** Hovers `text` and resolves the hover's text once it shows. */
  async hoverText(text: string, timeout = UI_MS): Promise<string> {
    await this.hoverAt(text);
    await this.hover.waitFor({ state: 'visible', timeout });
    return (await this.hover.innerText()).trim();
  }
}
