/**
 * The walkthrough `patentLookup.gettingStarted` (contributed in package.json) and the
 * two commands its steps need: opening it, and a sample document whose patent numbers
 * show hover cards.
 */
import * as vscode from 'vscode';
import type { FeatureCommands } from '../common/commands';
import { Disposable } from '../common/disposable';
import type { Feature, FeatureHost } from '../common/feature';

export const WALKTHROUGH_ID = 'patentLookup.gettingStarted';

export class GettingStartedFeature extends Disposable implements Feature<'gettingStarted'> {
  readonly commands: FeatureCommands<'gettingStarted'> = {
    'patentLookup.openWalkthrough': () => this.openWalkthrough(),
    'patentLookup.openSampleDocument': () => this.openSampleDocument(),
  };

  constructor(private readonly host: FeatureHost) {
    super();
  }

  private async openWalkthrough(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${this.host.context.extension.id}#${WALKTHROUGH_ID}`, false);
  }

  /** An untitled Markdown document (nothing is saved) with numbers written as people write them. */
  private async openSampleDocument(): Promise<void> {
    const lines = [
      `# ${vscode.l10n.t('Patent numbers, as documents write them')}`,
      '',
      vscode.l10n.t('Hover a number for its card: title, assignee, dates, legal status and drawing. Ctrl/Cmd+click opens it in the patent panel.'),
      '',
      `- ${vscode.l10n.t('A US grant: {0}', 'US 11,205,304 B2')}`,
      `- ${vscode.l10n.t('A European patent revoked after opposition: {0}', 'EP 1 234 567 B1')}`,
      `- ${vscode.l10n.t('A PCT application with a large family: {0}', 'WO 2013/136789 A1')}`,
      `- ${vscode.l10n.t('A Chinese application, claims in Chinese: {0}', 'CN104169186A')}`,
      `- ${vscode.l10n.t('An application number that resolves to its publications: {0}', 'U.S. Appl. No. 10/851,234')}`,
      '',
      vscode.l10n.t('The "Patents in Document" view in the Patent Lookup side bar lists every number of the active editor.'),
      '',
    ];
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: lines.join('\n') });
    await vscode.window.showTextDocument(document);
  }
}
