import * as vscode from 'vscode';
import { rangeOf, type DocumentNumberIndex } from './documentNumberIndex';
import { commandUri } from './markdown.pure';
import type { PatentNumberSettings } from './patentNumberSettings';

/**
 * Every patent number becomes a link that opens it in the patent panel (Ctrl/Cmd+click);
 * an application number opens its publication, which Open Patent… looks up (P069).
 */
export class PatentLinkProvider implements vscode.DocumentLinkProvider {
  constructor(
    private readonly index: DocumentNumberIndex,
    private readonly settings: PatentNumberSettings,
  ) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    if (!this.settings.linksEnabled) return [];
    return this.index.matches(document).map((m) => {
      const link = new vscode.DocumentLink(rangeOf(document, m), vscode.Uri.parse(commandUri('patentLookup.openPatent', { number: m.number })));
      link.tooltip = m.type === 'application' ? vscode.l10n.t('Open the publication of application {0} in Patent Lookup', m.number) : vscode.l10n.t('Open {0} in Patent Lookup', m.number);
      return link;
    });
  }
}
