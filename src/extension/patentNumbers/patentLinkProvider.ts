import * as vscode from 'vscode';
import { rangeOf, type DocumentNumberIndex } from './documentNumberIndex';
import { commandUri } from './markdown.pure';
import type { PatentNumberSettings } from './patentNumberSettings';

/**
 * Every publication number becomes a link that opens it in the patent panel
 * (Ctrl/Cmd+click). Application numbers are left alone: the panel opens publications.
 */
export class PatentLinkProvider implements vscode.DocumentLinkProvider {
  constructor(
    private readonly index: DocumentNumberIndex,
    private readonly settings: PatentNumberSettings,
  ) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    if (!this.settings.linksEnabled) return [];
    return this.index
      .matches(document)
      .filter((m) => m.type === 'publication')
      .map((m) => {
        const link = new vscode.DocumentLink(rangeOf(document, m), vscode.Uri.parse(commandUri('patentLookup.openPatent', { number: m.number })));
        link.tooltip = `Open ${m.number} in Patent Lookup`;
        return link;
      });
  }
}
