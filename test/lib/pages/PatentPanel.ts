import type { Locator, Page } from 'playwright-core';
import { WebviewPanel } from './WebviewPanel';
import { UI_MS } from './timeouts';

/** The patent panel (src/webview/patent/main.ts): what a user reads and clicks in it. */
export class PatentPanel extends WebviewPanel {
  constructor(page: Page, readonly number: string | RegExp) {
    super(page, number);
  }

  get heading(): Locator {
    return this.content.locator('header.header h1');
  }

  get shownNumber(): Locator {
    return this.content.locator('header.header .pn');
  }

  get legalStatus(): Locator {
    return this.content.locator('header.header .badge');
  }

  get drawing(): Locator {
    return this.content.locator('figure.drawing img');
  }

  get documents(): Locator {
    return this.content.locator('section#documents');
  }

  get documentRows(): Locator {
    return this.documents.locator('table tbody tr');
  }

  /** Waits until the panel's one live region says something matching `pattern`, and returns it. */
  async announced(pattern: RegExp, timeout = UI_MS): Promise<string> {
    const region = this.content.locator('#announcer');
    const until = Date.now() + timeout;
    for (;;) {
      const text = ((await region.textContent()) ?? '').trim();
      if (pattern.test(text)) return text;
      if (Date.now() > until) throw new Error(`the panel announced "${text}", not ${String(pattern)}`);
      await this.page.waitForTimeout(50);
    }
  }

  /** The elements a screen reader would watch for changes (aria-live or a live role). */
  liveRegions(): Locator {
    return this.content.locator('[aria-live], [role="status"], [role="log"], [role="alert"]');
  }

  button(label: string | RegExp): Locator {
    return this.content.getByRole('button', { name: label }).first();
  }

  /** Waits until the patent (not the loading line or an error) shows. */
  async waitLoaded(timeout = UI_MS): Promise<void> {
    await this.tab.waitFor({ state: 'visible', timeout });
    await this.heading.waitFor({ state: 'visible', timeout });
  }

  async title(): Promise<string> {
    return (await this.heading.innerText()).trim();
  }

  async statuses(): Promise<string[]> {
    return (await this.legalStatus.allInnerTexts()).map((t) => t.trim());
  }

  /** The drawing's natural width once the <img> has finished loading (0 when it failed). */
  async drawingWidth(timeout = UI_MS): Promise<number> {
    await this.drawing.waitFor({ state: 'visible', timeout });
    return this.drawing.evaluate(
      (img: HTMLImageElement) =>
        img.complete
          ? img.naturalWidth
          : new Promise<number>((resolve) => {
              img.addEventListener('load', () => resolve(img.naturalWidth), { once: true });
              img.addEventListener('error', () => resolve(0), { once: true });
            }),
      undefined,
      { timeout },
    );
  }

  sectionTab(name: string | RegExp): Locator {
    return this.content.getByRole('tab', { name });
  }

  /** A record section's panel: claims, family, citations or legal. */
  section(id: 'claims' | 'family' | 'citations' | 'legal'): Locator {
    return this.content.locator(`section#${id}`);
  }

  /** Chooses a section's tab and waits until it shows something other than its loading line. */
  async showSection(tabName: string | RegExp, id: 'claims' | 'family' | 'citations' | 'legal', timeout = UI_MS): Promise<Locator> {
    await this.sectionTab(tabName).click();
    const section = this.section(id);
    await section.locator(':scope[aria-busy="false"]').or(section.locator('.error')).first().waitFor({ state: 'attached', timeout });
    return section;
  }

  get claims(): Locator {
    return this.section('claims').locator('li.claim');
  }

  /** Shows the examination documents and waits for their rows (or what shows instead). */
  async showDocuments(timeout = UI_MS): Promise<void> {
    await this.button('Examination Documents').click();
    await this.documentRows.first().or(this.documents.locator('.muted, .error')).first().waitFor({ state: 'visible', timeout });
  }
}
