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

  /**
   * The webview's own document (the outer iframe hosts an inner #active-frame): the last
   * one showing, since a PDF viewer keeps its page (hidden) while another tab shows.
   */
  get content(): FrameLocator {
    return this.page.locator('iframe.webview.ready').filter({ visible: true }).last().contentFrame().frameLocator('#active-frame');
  }

  /** Whether the keyboard focus is in the webview's document. */
  hasFocus(): Promise<boolean> {
    return this.content.locator('body').evaluate(() => document.hasFocus());
  }

  /**
   * Puts the keyboard focus in the webview's document as a keyboard user would, with "View: Focus
   * First Editor Group" (Ctrl+1), unless it is there already. A panel opened from a quick input does
   * not always have it: the quick input, closing as the panel opens, may give the focus back to what
   * had it before.
   */
  async focusByKeyboard(timeout = UI_MS): Promise<void> {
    const until = Date.now() + timeout;
    while (!(await this.hasFocus())) {
      if (Date.now() > until) throw new Error(`the webview "${String(this.tabTitle)}" did not take the focus from Ctrl+1`);
      await this.page.keyboard.press('Control+1');
      await this.page.waitForTimeout(200);
    }
  }

  /** Waits until the webview's document carries VS Code's class for a theme kind (`vscode-light`, `vscode-high-contrast` …). */
  async waitThemeKind(kind: string, timeout = UI_MS): Promise<void> {
    await this.content.locator(`body.${kind}`).waitFor({ state: 'attached', timeout });
  }

  /**
   * The WCAG contrast ratio of an element's text against what shows behind it: its own
   * background composited over its ancestors' down to the first opaque one.
   */
  async contrastRatio(element: Locator): Promise<number> {
    const ratio: unknown = await element.evaluate(new Function('el', CONTRAST_RATIO) as (el: Element) => unknown);
    if (typeof ratio !== 'number') throw new Error(`contrast ratio came back as ${String(ratio)}`);
    return ratio;
  }

  async waitFor(text: string | RegExp, timeout = UI_MS): Promise<Locator> {
    const found = this.content.locator('body').getByText(text).first();
    await found.waitFor({ state: 'visible', timeout });
    return found;
  }
}

/**
 * The body of a function of `el` run in the webview, kept as text: the test loader wraps
 * named functions in a helper that does not exist there. Computed colours come as rgb()/rgba() or, from color-mix(), color(srgb …).
 */
const CONTRAST_RATIO = `
  const parse = (css) => {
    const srgb = /^color\\(srgb ([\\d.e-]+) ([\\d.e-]+) ([\\d.e-]+)(?: \\/ ([\\d.e-]+))?\\)$/.exec(css);
    if (srgb) return [srgb[1] * 255, srgb[2] * 255, srgb[3] * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
    const rgb = /^rgba?\\(([\\d.]+),? ([\\d.]+),? ([\\d.]+)(?:,? \\/? ?([\\d.]+))?\\)$/.exec(css);
    if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])];
    throw new Error('unreadable colour ' + css);
  };
  const over = (top, below) => {
    const a = top[3] + below[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i) => (top[i] * top[3] + below[i] * below[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const layers = [];
  for (let node = el; node; node = node.parentElement) {
    const layer = parse(getComputedStyle(node).backgroundColor);
    layers.push(layer);
    if (layer[3] >= 1) break;
  }
  let behind = [255, 255, 255, 1];
  for (const layer of layers.reverse()) behind = over(layer, behind);
  const text = over(parse(getComputedStyle(el).color), behind);
  const lin = (v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  const luminance = (c) => 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
  const [hi, lo] = [luminance(text), luminance(behind)].sort((a, b) => b - a);
  return (hi + 0.05) / (lo + 0.05);
`;
