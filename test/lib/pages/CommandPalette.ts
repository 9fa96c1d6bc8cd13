import type { Page } from 'playwright-core';
import { QuickInput } from './QuickInput';
import { UI_MS } from './timeouts';

const NO_MATCH = 'No matching commands';
/** VS Code 1.100 may answer a miss with "similar commands" instead of NO_MATCH. */
const SIMILAR = 'similar commands';

/** F1 and run a command by its palette title ("Patent: Search Patents…"). */
export class CommandPalette {
  private readonly quickInput: QuickInput;

  constructor(readonly page: Page) {
    this.quickInput = new QuickInput(page);
  }

  async open(): Promise<void> {
    if (!(await this.quickInput.isOpen())) await this.page.keyboard.press('F1');
    await this.quickInput.waitOpen();
  }

  /**
   * Opens the palette (or keeps the quick input that is open) and types `text` into it; opens
   * it again, a bounded number of times, when a webview takes the focus back and it closes
   * (QuickInput.typeIfOpen).
   */
  private async typeOpen(text: string, attempts = 3): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.open();
      if (await this.quickInput.typeIfOpen(text)) return;
      if (attempt >= attempts) throw new Error(`the quick input closed before "${text}" could be typed, ${attempts} times`);
    }
  }

  /**
   * Right after load the palette sometimes answers "No matching commands" for a
   * contributed command (the registry is still filling), or lists "similar
   * commands" without it: Escape, wait, retry. `chosen` is called right before the
   * command's row is clicked (a bench's start).
   */
  async run(title: string, { attempts = 5, chosen }: { attempts?: number; chosen?: () => void } = {}): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.typeOpen(`>${title}`);
      const row = this.quickInput.row(title);
      const noMatch = this.quickInput.row(NO_MATCH).or(this.quickInput.row(SIMILAR));
      await row.or(noMatch).first().waitFor({ state: 'visible', timeout: UI_MS });
      if (await row.isVisible()) {
        chosen?.();
        await row.click();
        return;
      }
      if (attempt >= attempts) throw new Error(`"${title}" is not in the command palette after ${attempts} attempts`);
      await this.quickInput.cancel();
      await this.page.waitForTimeout(1_000);
    }
  }
}
