import { randomBytes } from 'crypto';
import { readFileSync } from 'fs';
import * as vscode from 'vscode';
import { inlineText } from './inlineText.pure';

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
  /**
   * The script and style sheets written into the page (by the nonce) rather than linked:
   * each link is a round trip through the webview's service worker to the extension's
   * files, and VS Code shows the page only once they have loaded.
   */
  inline?: boolean;
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

/** Our own files, as built (read once per extension host: they change only with the extension). */
const fileTexts = new Map<string, string>();
function fileText(file: vscode.Uri): string {
  let text = fileTexts.get(file.fsPath);
  if (text === undefined) fileTexts.set(file.fsPath, (text = readFileSync(file.fsPath, 'utf8')));
  return text;
}

/**
 * The shell of a webview page: a strict CSP (nothing by default; our script by
 * nonce; styles and images from our own files, or (inline) our styles by the same
 * nonce; images also as data: URIs we make from fetched bytes), and an empty body the
 * script fills with DOM nodes.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, assets: WebviewAssets): string {
  const nonce = randomBytes(16).toString('base64');
  const extra = assets.csp ?? {};
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:${extra.img ? ` ${extra.img}` : ''}`,
    `style-src ${webview.cspSource}${assets.inline ? ` 'nonce-${nonce}'` : ''}`,
    `font-src ${webview.cspSource}${extra.font ? ` ${extra.font}` : ''}`,
    `script-src 'nonce-${nonce}'${extra.script ? ` ${extra.script}` : ''}`,
    ...(extra.extra ?? []),
  ].join('; ');
  const scriptFile = vscode.Uri.joinPath(extensionUri, 'dist', 'webview', assets.script);
  const styleFiles = [...(assets.bundledStyles ?? []).map((s) => vscode.Uri.joinPath(extensionUri, 'dist', 'webview', s)), ...assets.styles.map((s) => vscode.Uri.joinPath(extensionUri, 'media', s))];
  const n = escapeAttribute(nonce);
  const styles = assets.inline
    ? styleFiles.map((f) => `<style nonce="${n}">${inlineText(fileText(f), 'style')}</style>`)
    : styleFiles.map((f) => `<link rel="stylesheet" href="${escapeAttribute(webview.asWebviewUri(f).toString())}">`);
  const script = assets.inline
    ? `<script nonce="${n}">${inlineText(fileText(scriptFile), 'script')}</script>`
    : `<script nonce="${n}" src="${escapeAttribute(webview.asWebviewUri(scriptFile).toString())}"></script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  ${styles.join('\n  ')}
  <title>${escapeAttribute(assets.title)}</title>
</head>
<body>
  ${assets.body ?? '<main id="root"></main>'}
  ${script}
</body>
</html>`;
}
