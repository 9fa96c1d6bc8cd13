import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import type { PatsnapSession } from '../session';
import { backendStatusView, type StatusView } from './backendStatus.pure';

export const BACKEND_STATUS_ID = 'patentLookup.backend';
const SWITCH_COMMAND = 'patentLookup.switchBackend';

/**
 * The status bar item `patentLookup.backend`: where this window's calls go (the
 * sandbox, or PatSnap with the client id's or key's last four characters) and how
 * they fare (signed out, working, quota exhausted). A click opens "Switch
 * Credentials or Sandbox…". Shown once the session knows its backend.
 */
export class BackendStatusBar extends Disposable {
  private readonly item: vscode.StatusBarItem;
  private shown: StatusView | undefined;

  constructor(private readonly session: PatsnapSession) {
    super();
    this.item = this.register(vscode.window.createStatusBarItem(BACKEND_STATUS_ID, vscode.StatusBarAlignment.Right, 100));
    this.item.name = vscode.l10n.t('Patent Lookup Backend');
    this.item.command = SWITCH_COMMAND;
    this.register(session.onDidChange(() => this.update()));
    this.register(
      session.activity.onDidChange(() => {
        if (this.shown) this.update();
      }),
    );
  }

  /** What the item shows now (undefined before the session settled), for the in-host tests. */
  get view(): StatusView | undefined {
    return this.shown;
  }

  private update(): void {
    const view = backendStatusView(this.session.summary, this.session.activity);
    this.shown = view;
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.accessibilityInformation = { label: view.accessibilityLabel, role: 'button' };
    this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }
}
