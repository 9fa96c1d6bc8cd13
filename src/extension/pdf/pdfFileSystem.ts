/**
 * The read-only file system of the documents the PDF viewer reads from PatSnap
 * (`patentlookup-pdf:` URIs, pdfUris.pure.ts): VS Code can then open, restore after a
 * reload, and "Save As" them like any file. Reading downloads through `PdfSource`.
 */
import * as vscode from 'vscode';
import type { PdfSource } from './pdfSource';
import { parsePdfUri } from './pdfUris.pure';

export class PatentPdfFileSystem implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  /** A patent's PDF never changes under a tab. */
  readonly onDidChangeFile = this.changes.event;

  constructor(private readonly source: PdfSource) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (!parsePdfUri(uri)) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    if (!parsePdfUri(uri)) throw vscode.FileSystemError.FileNotFound(uri);
    return (await this.source.read(uri)).bytes;
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    this.changes.dispose();
  }
}
