import * as path from 'path';
import type { Page } from 'playwright-core';
import { e2eEnvironment } from '../e2eEnvironment';
import { CommandPalette } from './CommandPalette';
import { Editor } from './Editor';
import { NotebookEditor } from './Notebook';
import { Notifications } from './Notifications';
import { PatentPanel } from './PatentPanel';
import { PdfViewer } from './PdfViewer';
import { QuickInput } from './QuickInput';
import { Sandbox, SANDBOX_PATHS, type SandboxFault } from './Sandbox';
import { SideBar, TreeView } from './SideBar';
import { StatusBar } from './StatusBar';
import { WebviewPanel } from './WebviewPanel';
import { UI_MS, WORKBENCH_READY_MS } from './timeouts';
import { Workbench } from './Workbench';

export { CommandPalette, Editor, NotebookEditor, Notifications, PatentPanel, PdfViewer, QuickInput, Sandbox, SANDBOX_PATHS, SideBar, StatusBar, TreeView, WebviewPanel, Workbench, type SandboxFault };

let shots = 0;

/** One VS Code window in the browser, with its page objects. */
export class VsCode {
  readonly workbench: Workbench;
  readonly palette: CommandPalette;
  readonly notifications: Notifications;
  readonly quickInput: QuickInput;
  readonly sideBar: SideBar;
  readonly editor: Editor;
  readonly notebook: NotebookEditor;
  readonly statusBar: StatusBar;

  constructor(readonly page: Page) {
    this.workbench = new Workbench(page);
    this.palette = new CommandPalette(page);
    this.notifications = new Notifications(page);
    this.quickInput = new QuickInput(page);
    this.sideBar = new SideBar(page);
    this.editor = new Editor(page);
    this.notebook = new NotebookEditor(page);
    this.statusBar = new StatusBar(page);
  }

  webview(tabTitle?: string | RegExp): WebviewPanel {
    return new WebviewPanel(this.page, tabTitle);
  }

  /**
   * Picks a colour theme with "Preferences: Color Theme" as a user does; the choice stays in
   * the profile's settings, so a spec that changes it changes it back.
   */
  async setColorTheme(label: string): Promise<void> {
    await this.palette.run('Preferences: Color Theme');
    // The theme picker opens as the palette closes, and may close at once (QuickInput.typeIfOpen).
    if (!(await this.quickInput.typeIfOpen(label))) {
      await this.palette.run('Preferences: Color Theme');
      await this.quickInput.type(label);
    }
    await this.quickInput.pick(label);
    await this.quickInput.waitClosed();
  }

  /** The PDF viewer whose tab shows `title`. */
  pdfViewer(title: string | RegExp): PdfViewer {
    return new PdfViewer(this.page, title);
  }

  /** The patent panel whose tab shows `number`. */
  patentPanel(number: string | RegExp): PatentPanel {
    return new PatentPanel(this.page, number);
  }

  /** What one test may leave over the next: an open quick input and notifications. */
  async dismissTransients(): Promise<void> {
    await this.quickInput.closeIfOpen();
    await this.notifications.dismissAll();
  }

  /**
   * Closes every editor without saving any, and leaves the window so that the next spec's
   * window, which restores this one's editors, finds none. An unsaved editor (a notebook that
   * ran, an Untitled one) would come back from VS Code's backup with its changes: "Close All
   * Editors" first asks whether to save it, in a modal that nothing else answers, and "Don't
   * Save" reverts it. VS Code in the browser writes the editor layout only on an orderly
   * shutdown or about once a minute (a closed page writes nothing): "Developer: Reload Window"
   * shuts down in order, so the layout without editors is the one kept.
   */
  async closeAllEditors(): Promise<void> {
    await this.palette.run('View: Close All Editors');
    const dialog = this.page.locator('.monaco-dialog-box');
    // (Each group with unsaved editors may ask in turn.)
    for (let asked = 0; ; asked++) {
      await this.page.waitForFunction(() => document.querySelector('.monaco-dialog-box') !== null || document.querySelector('.tabs-container .tab') === null, undefined, { timeout: UI_MS });
      if (!(await dialog.isVisible())) break;
      if (asked === 5) throw new Error(`VS Code still asks about unsaved editors: ${await dialog.innerText()}`);
      await dialog.locator('.monaco-button', { hasText: /^Don.t Save$/ }).click();
      await dialog.waitFor({ state: 'detached', timeout: UI_MS });
    }
    // The page loads again only once the old one has shut down (and written the layout).
    const reloaded = this.page.waitForEvent('load', { timeout: WORKBENCH_READY_MS });
    await this.palette.run('Developer: Reload Window');
    await reloaded;
    await this.workbench.waitReady(SideBar.CONTAINER);
  }

  /** "Patent: Search Patents…" for `query`, as a user runs it, until the results view shows this search's answer. */
  async search(query: string): Promise<void> {
    await this.palette.run('Patent: Search Patents…');
    await this.quickInput.type(query);
    await this.quickInput.waitFocused(query, 'Search'); // the typed query's own row, not a recent search
    await this.quickInput.accept();
    await this.quickInput.waitClosed();
    // This search's answer, not the last search of the workspace shown again ("as of …") while it runs.
    await this.sideBar.view('Search Results').message.filter({ hasNotText: 'as of' }).filter({ hasText: query }).waitFor({ state: 'visible', timeout: UI_MS });
  }

  /** "Patent: Open Patent…" for `number` as typed (`US 11,205,304 B2`), until its panel has loaded. */
  async openPatent(number: string): Promise<PatentPanel> {
    await this.palette.run('Patent: Open Patent…');
    await this.quickInput.title.filter({ hasText: 'Open Patent' }).waitFor({ state: 'visible', timeout: UI_MS });
    await this.quickInput.type(number);
    await this.quickInput.accept();
    const panel = this.patentPanel(number.replace(/[\s,]/g, ''));
    await panel.waitLoaded();
    return panel;
  }

  /** Saves .test-artifacts/e2e/NN-name.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    const file = path.join(e2eEnvironment().artifacts, `${String(++shots).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    e2eEnvironment().pages.delete(this.page);
    await this.page.close();
  }
}

/** Opens a new window on the test workspace and waits until the workbench is ready. */
export async function openVsCode(): Promise<VsCode> {
  const env = e2eEnvironment();
  const page = await env.context.newPage();
  env.pages.add(page);
  await page.goto(env.workbenchUrl);
  const vscode = new VsCode(page);
  // (The side bar shows the container an earlier window left open: the explorer, or ours.)
  await vscode.workbench.waitReady(SideBar.CONTAINER);
  return vscode;
}
