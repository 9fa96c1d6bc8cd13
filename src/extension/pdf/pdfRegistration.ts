/**
 * What VS Code must know of the PDF viewer from activation on (so a `*.pdf`, or a tab
 * restored after a reload, finds it): the custom editor and the read-only file system
 * of PatSnap's documents. Both hand every call to the feature, loaded on the first.
 */
import * as vscode from 'vscode';
import type { LazyFeature } from '../common/feature';
import { PDF_VIEW_TYPE } from '../../webview/viewTypes';
import type { PdfFeature } from './pdfFeature';
import type { PdfDocument } from './pdfViewer';
import { PDF_SCHEME } from './pdfUris.pure';

export function registerPdfViewer(feature: LazyFeature<PdfFeature>): vscode.Disposable {
  const changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  const refuse = (uri: vscode.Uri): never => {
    throw vscode.FileSystemError.NoPermissions(uri);
  };
  const fileSystem: vscode.FileSystemProvider = {
    onDidChangeFile: changes.event,
    watch: () => new vscode.Disposable(() => undefined),
    stat: async (uri) => (await feature.get()).fileSystem.stat(uri),
    readFile: async (uri) => (await feature.get()).fileSystem.readFile(uri),
    readDirectory: () => [],
    createDirectory: refuse,
    writeFile: refuse,
    delete: refuse,
    rename: refuse,
  };
  const editor: vscode.CustomReadonlyEditorProvider<PdfDocument> = {
    openCustomDocument: async (uri) => (await feature.get()).openCustomDocument(uri),
    resolveCustomEditor: async (document, panel) => (await feature.get()).resolveCustomEditor(document, panel),
  };
  return vscode.Disposable.from(
    changes,
    vscode.workspace.registerFileSystemProvider(PDF_SCHEME, fileSystem, { isReadonly: true, isCaseSensitive: true }),
    // Kept when hidden: a document re-sent and re-rendered on every tab switch would lose the reader's place.
    vscode.window.registerCustomEditorProvider(PDF_VIEW_TYPE, editor, { webviewOptions: { retainContextWhenHidden: true }, supportsMultipleEditorsPerDocument: true }),
  );
}
