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

  /** Waits until the viewer's page is in a theme of `kind` (VS Code's class on the body: vscode-dark, vscode-high-contrast…). */
  async waitThemeKind(kind: string, timeout = UI_MS): Promise<void> {
    await (await this.frame()).locator(`body.${kind}`).waitFor({ state: 'attached', timeout });
  }

  /** A theme variable (`--vscode-…`) as the viewer's page resolves it, in red, green and blue. */
  async themeColor(variable: string): Promise<Rgb> {
    const css = await (await this.frame()).evaluate((name) => {
      const probe = document.createElement('span');
      probe.style.color = `var(${name})`;
      document.body.append(probe);
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    }, variable);
    return rgb(css);
  }

  /** A CSS colour property of the element `selector` finds, as drawn. */
  async cssColor(selector: string, property: string): Promise<Rgb> {
    return rgb(await (await this.frame()).locator(selector).first().evaluate((el, name) => getComputedStyle(el).getPropertyValue(name), property));
  }

  /** The theme kind VS Code marks the viewer's body with: vscode-light, vscode-dark, vscode-high-contrast or vscode-high-contrast-light. */
  async themeKind(): Promise<string | undefined> {
    const classes = (await (await this.frame()).locator('body').getAttribute('class')) ?? '';
    return classes.split(/\s+/).find((c) => /^vscode-(light|dark|high-contrast(-light)?)$/.test(c) && !(c === 'vscode-high-contrast' && classes.includes('vscode-high-contrast-light')));
  }

  /** The colour pdf.js drew the paper of the page shown in: a pixel of its blank top-left margin, from the canvas itself. */
  async paperColor(): Promise<Rgb | undefined> {
    const frame = await this.frame();
    const page = await this.pageNumber();
    return frame.evaluate((n) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`.pdfViewer .page[data-page-number="${n}"][data-loaded="true"] canvas`);
      const pixel = canvas?.getContext('2d')?.getImageData(2, 2, 1, 1).data;
      return pixel ? ([pixel[0], pixel[1], pixel[2]] as Rgb) : undefined;
    }, page);
  }

  /** Waits until the page shown is drawn with `color` paper (a theme change draws the pages again); says the last colour seen if it never is. */
  async waitPaper(color: Rgb, timeout = UI_MS): Promise<void> {
    const until = Date.now() + timeout;
    let seen: Rgb | undefined;
    for (;;) {
      seen = await this.paperColor().catch(() => undefined);
      if (seen && seen.every((c, i) => Math.abs(c - (color[i] ?? -1)) <= 2)) return;
      if (Date.now() > until) throw new Error(`the page's paper is ${JSON.stringify(seen)}, not ${JSON.stringify(color)}`);
      await this.page.waitForTimeout(100);
    }
  }
}

export type Rgb = [number, number, number];

/** `rgb(…)` or `rgba(…)` as a browser writes a computed colour, in red, green and blue. */
function rgb(css: string): Rgb {
  const parts = /rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/.exec(css);
  if (!parts) throw new Error(`not a computed colour: ${css}`);
  return [Number(parts[1]), Number(parts[2]), Number(parts[3])];
}
