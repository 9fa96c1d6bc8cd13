/**
 * The patent panel's page, and a restored panel's first moments. Loaded with the
 * composition root (no schema, no feature code), so that the serializer can give a
 * panel VS Code brings back after a reload its page at once: VS Code creates the
 * webview's frame only once `deserializeWebviewPanel` has resolved, so nothing is
 * awaited before (test/bench/host/restored-panel.bench.ts measures it). The panel's
 * code loads meanwhile and takes the panel over; what the page said before that is
 * held and handed to it.
 */
import * as vscode from 'vscode';
import { webviewHtml, webviewResourceRoots } from '../webview/webviewHtml';

/** Sets the panel's options, icon and page (the script fills it in). */
export function setPatentPage(panel: vscode.WebviewPanel, extensionUri: vscode.Uri): void {
  panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: webviewResourceRoots(extensionUri) };
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'patent.svg');
  panel.webview.html = webviewHtml(panel.webview, extensionUri, { title: vscode.l10n.t('Patent'), script: 'patent.js', styles: ['patentPanel.css'], inline: true });
}

/** What takes a restored panel over: its page is set, `received` is what the page sent until then, in order. */
export type PanelRestorer = (panel: vscode.WebviewPanel, state: unknown, received: readonly unknown[]) => void;

/**
 * The serializer's `deserializeWebviewPanel`: the page now, the panel's code when
 * loaded. A panel closed meanwhile is left alone; when the code cannot load, the
 * panel is closed (an empty page would only confuse) and `failed` says why.
 */
export function restorePatentPanel(panel: vscode.WebviewPanel, state: unknown, extensionUri: vscode.Uri, restorer: () => Promise<PanelRestorer>, failed: (e: unknown) => void): Promise<void> {
  setPatentPage(panel, extensionUri);
  const received: unknown[] = [];
  let closed = false;
  const holding = panel.webview.onDidReceiveMessage((m: unknown) => received.push(m));
  const closing = panel.onDidDispose(() => (closed = true));
  void restorer().then(
    (restore) => {
      holding.dispose();
      closing.dispose();
      // (In the same turn: no message comes between the hand-over and the panel's own listener.)
      if (!closed) restore(panel, state, received);
    },
    (e: unknown) => {
      holding.dispose();
      closing.dispose();
      if (closed) return;
      panel.dispose();
      failed(e);
    },
  );
  return Promise.resolve();
}
