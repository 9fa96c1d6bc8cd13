import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import type { CitationChecker } from './citationChecker';
import { statusView, type StatusView } from './checkSummary.pure';

/** The summary of the active document's citations in the status bar; a click checks it again. */
export class CitationStatus extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('patentLookup.citations', vscode.StatusBarAlignment.Left, 50));
  private view: StatusView = statusView(undefined, vscode.l10n);

  constructor(
    private readonly checker: CitationChecker,
    checkCommand: string,
  ) {
    super();
    this.item.name = vscode.l10n.t('Patent Citations');
    this.item.command = checkCommand;
    this.register(checker.onDidCheck((check) => (!check || check.uri === vscode.window.activeTextEditor?.document.uri.toString()) && this.update()));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.update();
  }

  /** What the item shows now (for the in-host tests). */
  snapshot(): StatusView {
    return this.view;
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    this.view = statusView(doc && this.checker.latest(doc), vscode.l10n);
    this.item.text = this.view.text;
    this.item.tooltip = this.view.tooltip;
    this.item.accessibilityInformation = { label: this.view.tooltip.split('\n')[0] ?? '' };
    this.item.backgroundColor = this.view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    if (this.view.visible) this.item.show();
    else this.item.hide();
  }
}
