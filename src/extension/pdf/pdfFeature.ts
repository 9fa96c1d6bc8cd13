/**
 * The PDF viewer: the custom editor `patentLookup.pdf` for every `*.pdf` (a saved one
 * in the workspace, a patent's PDF or an office action from PatSnap), and the read-only
 * file system PatSnap's documents are opened from. Loaded the first time a PDF opens;
 * pdf.js itself is the webview's, loaded only by a viewer's page.
 */
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { webviewResourceRoots } from '../webview/webviewHtml';
import type { FeatureHost } from '../common/feature';
import { PatentPdfFileSystem } from './pdfFileSystem';
import { PdfSource } from './pdfSource';
import { pdfUriParts, PDF_SCHEME, type PdfTarget } from './pdfUris.pure';
import { PdfDocument, PdfViewer } from './pdfViewer';
import { PDF_VIEW_TYPE } from '../../webview/viewTypes';

export class PdfFeature extends Disposable implements vscode.CustomReadonlyEditorProvider<PdfDocument> {
  readonly source: PdfSource;
  readonly fileSystem: PatentPdfFileSystem;
  private readonly viewers = new Set<PdfViewer>();

  constructor(private readonly host: FeatureHost) {
    super();
    this.source = this.register(new PdfSource(host.session));
    this.fileSystem = this.register(new PatentPdfFileSystem(this.source));
    this.register({ dispose: () => [...this.viewers].forEach((v) => v.dispose()) });
  }

  /** Open viewers, for tests. */
  get openViewers(): readonly PdfViewer[] {
    return [...this.viewers];
  }

  /** Opens a patent's PDF or one of its office actions in the viewer, in an editor tab. */
  async open(target: PdfTarget): Promise<void> {
    const { path, query } = pdfUriParts(target);
    await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.from({ scheme: PDF_SCHEME, path, query }), PDF_VIEW_TYPE);
  }

  openCustomDocument(uri: vscode.Uri): PdfDocument {
    return new PdfDocument(uri, this.source);
  }

  resolveCustomEditor(document: PdfDocument, panel: vscode.WebviewPanel): void {
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: webviewResourceRoots(this.host.context.extensionUri) };
    const viewer = new PdfViewer(panel, document, { source: this.source, errors: this.host.errors, log: this.host.log, extensionUri: this.host.context.extensionUri });
    this.viewers.add(viewer);
    viewer.onDidDispose(() => this.viewers.delete(viewer));
  }
}
