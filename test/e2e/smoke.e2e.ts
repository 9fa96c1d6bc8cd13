/**
 * Smoke test of the packaged extension in code-server, through the browser as
 * a user sees it: the workbench loads with the extension, its container and
 * views show, a workspace file opens, and a palette command answers.
 */
import * as assert from 'assert';
import { openVsCode, SideBar, type VsCode } from '../lib/pages';

describe('Smoke: the packaged extension in a real VS Code', function () {
  let vscode: VsCode;

  before(async () => {
    vscode = await openVsCode();
  });

  after(async () => {
    await vscode?.close();
  });

  it('loads the workbench on the test workspace', async () => {
    // The activity bar can be up before the explorer draws its rows: wait for the row, then say what it showed.
    const listed = await vscode.workbench.explorerLists('notes.md');
    assert.ok(listed, `explorer shows ${JSON.stringify(await vscode.workbench.explorerLabels())}`);
    await vscode.workbench.activityBarItem(SideBar.CONTAINER).waitFor({ state: 'visible' });
    await vscode.screenshot('workbench-ready');
  });

  it('shows the Patent Lookup container with its three views', async () => {
    await vscode.sideBar.openPatentLookup();
    const titles = (await vscode.sideBar.viewTitles()).map((t) => t.toLowerCase());
    for (const view of ['Search Results', 'Patents in Document', 'Exports']) {
      assert.ok(titles.includes(view.toLowerCase()), `side bar views: ${JSON.stringify(titles)}`);
    }
    await vscode.screenshot('patent-lookup-container');
  });

  it('opens a workspace file by Quick Open', async () => {
    await vscode.workbench.openFile('notes.md');
    await vscode.editor.waitVisible();
    await vscode.editor.active.locator('.view-line', { hasText: 'US 11,205,304 B2' }).first().waitFor({ state: 'visible' });
  });

  it('answers "Patent: Search Patents…" from the command palette', async () => {
    await vscode.palette.run('Patent: Search Patents…');
    // Either a notification whose source is our extension, or a quick input of
    // ours (the palette's own input starts with '>') asking for the query.
    await vscode.page.waitForFunction(
      (source) => {
        const toast = Array.from(document.querySelectorAll('.notifications-toasts .monaco-list-row')).some((row) =>
          (row.getAttribute('aria-label') ?? '').includes(`source: ${source}`),
        );
        const widget = document.querySelector<HTMLElement>('.quick-input-widget');
        const input = widget?.querySelector<HTMLInputElement>('input.input');
        const quickInput = !!widget && widget.style.display !== 'none' && !!input && !input.value.startsWith('>');
        return toast || quickInput;
      },
      'Patent Lookup',
      { timeout: 15_000 },
    );
    const toast = vscode.notifications.fromSource('Patent Lookup').first();
    if (await toast.isVisible()) {
      assert.notStrictEqual(await vscode.notifications.message(toast), '', 'the notification has a message');
      await vscode.notifications.settled(toast);
    } else {
      assert.ok(await vscode.quickInput.isOpen(), 'a quick input of the extension is open');
      const prompt = `${await vscode.quickInput.placeholder()} ${await vscode.quickInput.title.innerText().catch(() => '')}`.trim();
      assert.notStrictEqual(prompt, '', 'the quick input says what it asks for');
    }
    await vscode.screenshot('search-command');
  });
});
