import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

export interface WebviewAssets {
  /** Shown by screen readers and in the page's title. */
  title: string;
  /** Bundle in dist/webview/, e.g. `patent.js`. */
  script: string;
  /** Style sheets in media/. */
  styles: readonly string[];
}

/** Where webview assets may be loaded from: the webview bundles and media only. */
export function webviewResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

function escapeAttribute(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The shell of a webview page: a strict CSP (nothing by default; our script by
 * nonce; styles and images from our own files, images also as data: URIs we make
 * from fetched bytes), and an empty body the script fills with DOM nodes.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, assets: WebviewAssets): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', assets.script));
  const styles = assets.styles.map((s) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', s)));
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  ${styles.map((href) => `<link rel="stylesheet" href="${escapeAttribute(href.toString())}">`).join('\n  ')}
  <title>${escapeAttribute(assets.title)}</title>
</head>
<body>
  <main id="root"></main>
  <script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(script.toString())}"></script>
</body>
</html>`;
}
