import * as vscode from 'vscode';
import { describeError, errorDetail, isCancellation, type ErrorAction } from './errorMessages';

const ACTION_LABELS: Record<ErrorAction, string> = {
  setCredentials: 'Set API Credentials',
  retry: 'Retry',
  openSettings: 'Open Settings',
  showLog: 'Show Log',
};

export interface ReportOptions {
  /** Names the operation in the message, e.g. "Search". */
  what?: string;
  /** Offered as "Retry" when the error is worth another try. */
  retry?: () => unknown;
  /** Log only: the caller shows the problem itself (a tree row, the panel). */
  quiet?: boolean;
}

/**
 * The single error path: cancellation is quiet; anything else is one short
 * message with the action that fixes it, and the details go to the log.
 */
export class ErrorReporter {
  constructor(private readonly log: vscode.LogOutputChannel) {}

  report(e: unknown, options: ReportOptions = {}): void {
    if (isCancellation(e)) {
      this.log.debug(`${options.what ?? 'Operation'} cancelled.`);
      return;
    }
    this.log.error(`${options.what ?? 'Operation'} failed: ${errorDetail(e)}`);
    const description = describeError(e, options.what);
    if (!description || options.quiet) return;
    const actions = description.actions.filter((a) => a !== 'retry' || options.retry);
    void vscode.window.showErrorMessage(description.message, ...actions.map((a) => ACTION_LABELS[a])).then((picked) => {
      const action = actions.find((a) => ACTION_LABELS[a] === picked);
      if (action) void this.run(action, options.retry);
    });
  }

  /** Runs the fix an error message or an error row offers. */
  async run(action: ErrorAction, retry?: () => unknown): Promise<void> {
    switch (action) {
      case 'setCredentials':
        await vscode.commands.executeCommand('patentLookup.setCredentials');
        break;
      case 'openSettings':
        await vscode.commands.executeCommand('workbench.action.openSettings', 'patentLookup');
        break;
      case 'showLog':
        this.log.show(true);
        break;
      case 'retry':
        await retry?.();
        break;
    }
  }
}
