import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

export interface WebviewAssets {
  /** Shown by screen readers and in the page's title. */
  title: string;
  /** Bundle in dist/webview/, e.g. `patent.js`. */
  script: string;
  /** Style sheets in media/ (after any in dist/webview/). */
  styles: readonly string[];
  /** Style sheets built into dist/webview/ with the script (e.g. a library's). */
  bundledStyles?: readonly string[];
  /** The body's static markup of our own (never API text); default an empty `<main id="root">`. */
  body?: string;
  /** What the page needs beyond the default CSP, each with its reason where it is asked for. */
  csp?: { img?: string; font?: string; script?: string; extra?: readonly string[] };
}

/** A webview URI of a file in dist/webview/, for a page's markup (`data-*` attributes). */
export function webviewAsset(webview: vscode.Webview, extensionUri: vscode.Uri, ...parts: string[]): string {
  return webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', ...parts)).toString();
}

/** Where webview assets may be loaded from: the webview bundles and media only. */
export function webviewResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function escapeAttribute(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The shell of a webview page: a strict CSP (nothing by default; our script by
 * nonce; styles and images from our own files, images also as data: URIs we make
 * from fetched bytes), and an empty body the script fills with DOM nodes.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, assets: WebviewAssets): string {
  const nonce = randomBytes(16).toString('base64');
  const extra = assets.csp ?? {};
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:${extra.img ? ` ${extra.img}` : ''}`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}${extra.font ? ` ${extra.font}` : ''}`,
    `script-src 'nonce-${nonce}'${extra.script ? ` ${extra.script}` : ''}`,
    ...(extra.extra ?? []),
  ].join('; ');
  const script = webviewAsset(webview, extensionUri, assets.script);
  const styles = [
    ...(assets.bundledStyles ?? []).map((s) => webviewAsset(webview, extensionUri, s)),
    ...assets.styles.map((s) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', s)).toString()),
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  ${styles.map((href) => `<link rel="stylesheet" href="${escapeAttribute(href)}">`).join('\n  ')}
  <title>${escapeAttribute(assets.title)}</title>
</head>
<body>
  ${assets.body ?? '<main id="root"></main>'}
  <script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(script.toString())}"></script>
</body>
</html>`;
}
