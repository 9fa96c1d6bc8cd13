import type { Locator, Page } from 'playwright-core';
import { UI_MS } from './timeouts';

/**
 * A mouse resting on a link gets a hover from VS Code after `editor.hover.delay` (300 ms: at least
 * the link's own "(ctrl + click)" line), with "Loading…" by three times that for an answer still
 * to come (hoverOperation.ts): no hover at all in this long means none is being computed.
 */
const NO_HOVER_MS = 2_000;
/** How many times `hoverShown` moves off and back when no hover came. */
const REHOVERS = 2;

/** The active text editor: find text on screen, hover it, read the hover. */
export class Editor {
  constructor(readonly page: Page) {}

  get active(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  get hover(): Locator {
    return this.page.locator('.monaco-hover').filter({ hasNotText: /^\s*$/ }).first();
  }

  /** The editor's own hover (a content widget), not the workbench's tooltips. */
  private get editorHover(): Locator {
    return this.page.locator('.monaco-resizable-hover .monaco-hover').filter({ hasNotText: /^\s*$/ }).first();
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
    return this.hoverUntil(text, /\S/, timeout);
  }

  /** Like `hoverText`, but resolves once the hover's text matches `wanted` (a card may fill in after a first paint). */
  async hoverUntil(text: string, wanted: string | RegExp, timeout = UI_MS): Promise<string> {
    const deadline = Date.now() + timeout;
    const point = await this.hoverShown(text, deadline);
    const hover = this.page.locator('.monaco-hover').filter({ hasText: wanted }).first();
    try {
      await hover.waitFor({ state: 'visible', timeout: Math.max(1, deadline - Date.now()) });
    } catch (e) {
      throw new Error(`${e instanceof Error ? e.message : String(e)}\n${await this.underPointer(point)}`, { cause: e });
    }
    await settled(hover);
    return (await hover.innerText()).trim();
  }

  /**
   * Hovers `text` until VS Code shows a hover there at all; resolves the point hovered.
   *
   * VS Code (1.100, contentHoverController.ts) computes an editor hover only when the mouse moves
   * over the text (_onEditorMouseMove starts a HoverOperation), and whatever hides the hover
   * before it shows cancels that operation (hideContentHover): the mouse leaving the editor, as
   * when something is drawn under a still pointer, a scroll, a key, the model changing. Nothing
   * starts it again while the mouse rests on the number: no hover at all, not even the link's own
   * line, however long one waits (ci29). A person moves the mouse off and back; so does this, at
   * most REHOVERS times, within the caller's one timeout.
   */
  private async hoverShown(text: string, deadline: number): Promise<{ x: number; y: number }> {
    for (let attempt = 0; ; attempt++) {
      const point = await this.hoverAt(text);
      if (attempt === REHOVERS) return point;
      const wait = Math.min(NO_HOVER_MS, deadline - Date.now());
      if (wait <= 0) return point;
      const shown = await this.editorHover.waitFor({ state: 'visible', timeout: wait }).then(
        () => true,
        () => false,
      );
      if (shown) return point;
      await this.page.mouse.move(1, 1, { steps: 2 }); // off the editor, as hoverAway does
    }
  }

  /** What a failed hover wait could not say: what the pointer is over, and which hovers show. */
  private async underPointer(point: { x: number; y: number }): Promise<string> {
    // (No named inner functions: the bundler's name helper does not exist in the page.)
    return this.page
      .evaluate((p) => {
        const at = document.elementFromPoint(p.x, p.y);
        const hovers = Array.from(document.querySelectorAll('.monaco-hover'))
          .filter((h) => h.checkVisibility({ visibilityProperty: true }))
          .map((h) => JSON.stringify((h as HTMLElement).innerText.trim().slice(0, 160)));
        const under = at ? `<${at.tagName.toLowerCase()} class="${String(at.className)}"> "${(at.textContent ?? '').trim().slice(0, 60)}"` : 'nothing';
        return `The pointer at ${Math.round(p.x)},${Math.round(p.y)} is over ${under}; hovers showing: ${hovers.length ? hovers.join(', ') : 'none'}.`;
      }, point)
      .catch((e: unknown) => `(what the pointer is over could not be read: ${String(e)})`);
  }

  /** Waits until `text` is rendered as a link (underlined): the link providers have answered. */
  async waitForLink(text: string, timeout = UI_MS): Promise<void> {
    await this.waitVisible();
    const line = this.active.locator('.view-line', { hasText: text }).first();
    await line.locator('.detected-link').first().waitFor({ state: 'visible', timeout });
  }

  /**
   * The images in the visible hover, once each has finished loading or failed:
   * `naturalWidth` is 0 for an image the browser could not show.
   */
  async hoverImages(timeout = UI_MS): Promise<Array<{ alt: string; src: string; naturalWidth: number; naturalHeight: number }>> {
    const images = this.hover.locator('img');
    const found: Array<{ alt: string; src: string; naturalWidth: number; naturalHeight: number }> = [];
    for (let i = 0, count = await images.count(); i < count; i++) {
      // (No named inner functions: the bundler's name helper does not exist in the page.)
      await images.nth(i).evaluate(
        (img: HTMLImageElement) =>
          img.complete
            ? undefined
            : new Promise<void>((resolve) => {
                img.addEventListener('load', () => resolve(), { once: true });
                img.addEventListener('error', () => resolve(), { once: true });
              }),
        undefined,
        { timeout },
      );
      found.push(
        await images.nth(i).evaluate((img: HTMLImageElement) => ({ alt: img.alt, src: img.src.slice(0, 60), naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight })),
      );
    }
    return found;
  }

  /** Moves the mouse off the editor (the hover hides) and waits until no hover shows. */
  async hoverAway(timeout = UI_MS): Promise<void> {
    await this.page.mouse.move(1, 1, { steps: 2 });
    await this.page.keyboard.press('Escape');
    await this.page.locator('.monaco-hover:visible').first().waitFor({ state: 'detached', timeout });
  }

  /** Ctrl+clicks the first rendered occurrence of `text`: follows the link there. */
  async ctrlClick(text: string): Promise<void> {
    const point = await this.hoverAt(text);
    await this.page.keyboard.down('Control');
    try {
      // The link decoration appears once Ctrl is held over it; wait for it, then click.
      await this.active.locator('.detected-link-active').first().waitFor({ state: 'visible', timeout: UI_MS });
      await this.page.mouse.click(point.x, point.y);
    } finally {
      await this.page.keyboard.up('Control');
    }
  }

  /** The status bar's cursor entry, e.g. "Ln 6, Col 21 (23 selected)". */
  get selectionStatus(): Locator {
    return this.page.locator('.statusbar-item[id="status.editor.selection"]');
  }

  /** Waits until the status bar's cursor entry reads `wanted`; resolves its text. */
  async waitSelectionStatus(wanted: string | RegExp, timeout = UI_MS): Promise<string> {
    const entry = this.selectionStatus.filter({ hasText: wanted });
    await entry.waitFor({ state: 'visible', timeout });
    return (await entry.innerText()).trim();
  }
}

/** Waits for a widget's fade-in to end, so a screenshot shows it whole. */
async function settled(widget: Locator): Promise<void> {
  await widget.evaluate((e) => Promise.all(e.getAnimations({ subtree: true }).map((a) => a.finished)).then(() => undefined));
}
