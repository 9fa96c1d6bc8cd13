/**
 * One PDF in an editor tab: the custom editor `patentLookup.pdf`'s webview. The host
 * reads the bytes (`PdfSource`) and streams them to the page in chunks; the page
 * (src/webview/pdf/main.ts) renders them with pdf.js and reports what it shows.
 */
import * as vscode from 'vscode';
import { parseFromViewer, parseToViewer, PDF_CHUNK_BYTES, type FromViewer, type ToViewer } from '../../webview/pdfProtocol';
import type { ErrorDescription } from '../common/errorMessages.pure';
import { isCancellation } from '../common/errorMessages.pure';
import type { ErrorReporter } from '../common/errors';
import { retryableDescription, toErrorView } from '../common/errorView.pure';
import { openExternalLink } from '../common/links';
import { showInfo } from '../common/notifications';
import { AbstractWebviewPanel } from '../webview/abstractWebviewPanel';
import { escapeAttribute, webviewAsset, webviewHtml } from '../webview/webviewHtml';
import type { PdfContent, PdfSource } from './pdfSource';
import { pdfStrings } from './pdfStrings';

export interface PdfViewerDeps {
  source: PdfSource;
  errors: ErrorReporter;
  log: vscode.LogOutputChannel;
  extensionUri: vscode.Uri;
}

/** A document the viewer has open; its bytes are read once and shared by its tabs. */
export class PdfDocument implements vscode.CustomDocument {
  private content: Promise<PdfContent> | undefined;

  constructor(
    readonly uri: vscode.Uri,
    private readonly source: PdfSource,
  ) {}

  read(signal?: AbortSignal): Promise<PdfContent> {
    this.content ??= this.source.read(this.uri, signal).catch((e: unknown) => {
      this.content = undefined; // the next try reads again
      throw e;
    });
    return this.content;
  }

  dispose(): void {
    this.content = undefined;
  }
}

export type PdfViewState = Extract<FromViewer, { type: 'state' }>;

/**
 * The viewer's page. CSP: nothing by default; our script by nonce; pdf.js's worker from
 * a blob of our copy (a webview cannot start a worker from another origin), its files
 * fetched from the extension only; `wasm-unsafe-eval` lets pdf.js compile its image
 * decoders and PostScript functions to WebAssembly (it allows no JavaScript eval).
 * Fonts embedded in a PDF load as data.
 */
export function pdfViewerHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const asset = (...p: string[]): string => webviewAsset(webview, extensionUri, ...p);
  const body = `  <div id="toolbar" role="toolbar">
    <button type="button" id="prev">&#x2039;</button>
    <input id="page" type="number" min="1" value="1" inputmode="numeric">
    <span id="pageCount"></span>
    <button type="button" id="next">&#x203a;</button>
    <span class="separator"></span>
    <button type="button" id="zoomOut">&#x2212;</button>
    <select id="zoom">
      <option value="auto">auto</option>
      <option value="page-fit">page-fit</option>
      <option value="page-width">page-width</option>
      <option value="0.5">50</option>
      <option value="0.75">75</option>
      <option value="1">100</option>
      <option value="1.25">125</option>
      <option value="1.5">150</option>
      <option value="2">200</option>
      <option value="3">300</option>
      <option value="4">400</option>
    </select>
    <button type="button" id="zoomIn">+</button>
    <span class="separator"></span>
    <input id="find" type="search" spellcheck="false">
    <button type="button" id="findPrev">&#x2191;</button>
    <button type="button" id="findNext">&#x2193;</button>
    <span id="findCount" role="status"></span>
    <span class="spacer"></span>
    <button type="button" id="save" class="primary">Save</button>
  </div>
  <p id="note" class="note" hidden></p>
  <div id="status" class="status" role="status"></div>
  <div id="viewerArea"><div id="viewerContainer" tabindex="0"><div id="viewer" class="pdfViewer"></div></div></div>
  <div id="announcer" class="visually-hidden" aria-live="polite" aria-atomic="true"></div>
  <div id="pdf-config" hidden data-worker="${escapeAttribute(asset('pdfjs', 'pdf.worker.min.mjs'))}" data-wasm="${escapeAttribute(`${asset('pdfjs', 'wasm')}/`)}"></div>`;
  return webviewHtml(webview, extensionUri, {
    title: 'PDF',
    script: 'pdf.js',
    bundledStyles: ['pdf.css'],
    styles: ['pdfViewer.css'],
    body,
    csp: { img: 'blob:', font: 'data:', script: "'wasm-unsafe-eval'", extra: ['worker-src blob:', `connect-src ${webview.cspSource}`] },
  });
}

export class PdfViewer extends AbstractWebviewPanel<FromViewer, ToViewer> {
  private controller: AbortController | undefined;
  private shownError: ErrorDescription | undefined;
  /** What the page last said it shows (for tests and the log). */
  viewState: PdfViewState | undefined;
  /** Set when pdf.js could not read the bytes. */
  failure: string | undefined;
  /** Whether the bytes were all sent. */
  sent = false;

  /** The error the page shows instead of the document, if any (for tests). */
  get error(): string | undefined {
    return this.shownError?.message;
  }

  constructor(
    panel: vscode.WebviewPanel,
    readonly document: PdfDocument,
    private readonly deps: PdfViewerDeps,
  ) {
    super(panel, pdfViewerHtml(panel.webview, deps.extensionUri), deps.log);
    this.register({ dispose: () => this.controller?.abort() });
  }

  protected parse(raw: unknown): ReturnType<typeof parseFromViewer> {
    return parseFromViewer(raw);
  }

  protected check(message: ToViewer): ReturnType<typeof parseToViewer> {
    return parseToViewer(message);
  }

  protected unshowable(): ToViewer | undefined {
    return undefined;
  }

  protected onReady(): void {
    this.post({ type: 'strings', strings: pdfStrings() });
    void this.load();
  }

  protected async onMessage(m: FromViewer): Promise<void> {
    switch (m.type) {
      case 'ready':
        return;
      case 'state':
        this.viewState = m;
        return;
      case 'failed':
        this.failure = m.message;
        this.deps.log.warn(`pdf.js could not read ${this.document.uri.path.split('/').pop() ?? 'the PDF'}: ${m.message}`);
        return;
      case 'save':
        return this.save();
      case 'retry':
        return this.load();
      case 'errorAction':
        return this.deps.errors.run(m.action, { setting: this.shownError?.setting, retry: () => this.load() });
      case 'openLink':
        await openExternalLink(m.url);
        return;
    }
  }

  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.sent = false;
    this.shownError = undefined;
    const title = this.deps.source.title(this.document.uri);
    this.post({ type: 'loading', title });
    try {
      const content = await this.document.read(controller.signal);
      if (controller.signal.aborted) return;
      this.post({ type: 'start', size: content.bytes.length, title: content.title, ...(content.note ? { note: content.note } : {}) });
      // In chunks: one message of 50 MB would stall the page; the chunks show progress as they come.
      for (let offset = 0; offset < content.bytes.length; offset += PDF_CHUNK_BYTES) {
        if (controller.signal.aborted) return;
        // A copy of its own: a view would take the whole (pooled) buffer along with it.
        const piece = content.bytes.subarray(offset, offset + PDF_CHUNK_BYTES);
        const bytes = new Uint8Array(piece.length);
        bytes.set(piece);
        this.post({ type: 'chunk', offset, bytes });
      }
      this.post({ type: 'end' });
      this.sent = true;
    } catch (e) {
      if (controller.signal.aborted || isCancellation(e)) return;
      const what = vscode.l10n.t('Opening the PDF');
      this.deps.errors.report(e, { what, quiet: true });
      this.shownError = retryableDescription(e, what);
      this.post({ type: 'error', error: toErrorView(this.shownError) });
    }
  }

  /** A copy where the user picks, the workspace folder proposed. */
  private async save(): Promise<void> {
    try {
      const content = await this.document.read();
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Save PDF'),
        defaultUri: folder ? vscode.Uri.joinPath(folder, content.title) : undefined,
        filters: { PDF: ['pdf'] },
      });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, Uint8Array.from(content.bytes));
      const open = vscode.l10n.t('Open');
      if ((await showInfo(vscode.l10n.t('Saved {0}.', vscode.workspace.asRelativePath(target)), open)) === open) {
        await vscode.commands.executeCommand('vscode.openWith', target, this.panel.viewType);
      }
    } catch (e) {
      this.deps.errors.report(e, { what: vscode.l10n.t('Saving the PDF'), retry: () => this.save() });
    }
  }
}
