import * as vscode from 'vscode';
import { ERROR_ACTIONS, errorActionCommand, type ErrorActionId } from './errorActions.pure';
import { describeError, errorDetail, isCancellation, type ErrorDescription } from './errorMessages.pure';
import { showError } from './notifications';

export interface ReportOptions {
  /** Names the operation in the message, e.g. "Search". */
  what?: string;
  /** Offered as "Retry" when the error is worth another try. */
  retry?: () => unknown;
  /** Log only: the caller shows the problem itself (a tree row, the panel). */
  quiet?: boolean;
  /** The caller's own words for it (the credential check); the buttons still come from the actions table. */
  description?: ErrorDescription;
}

/**
 * The single error path: cancellation is quiet; anything else is one short message
 * with the action that fixes it (from the table in errorActions.pure.ts), and the
 * details, service text as sent, go to the log. The message itself goes through
 * `showError`, which keeps API text from becoming a link.
 */
export class ErrorReporter {
  constructor(private readonly log: vscode.LogOutputChannel) {}

  report(e: unknown, options: ReportOptions = {}): void {
    if (isCancellation(e)) {
      this.log.debug(`${options.what ?? 'Operation'} cancelled.`);
      return;
    }
    this.log.error(`${options.what ?? 'Operation'} failed: ${errorDetail(e)}`);
    const description = options.description ?? describeError(e, options.what);
    if (!description || options.quiet) return;
    const actions = description.actions.filter((a) => a !== 'retry' || options.retry);
    void showError(description.message, ...actions.map((a) => ERROR_ACTIONS[a].label)).then((picked) => {
      const action = actions.find((a) => ERROR_ACTIONS[a].label === picked);
      if (action) void this.run(action, { setting: description.setting, retry: options.retry });
    });
  }

  /** Runs the fix an error message, an error row or the panel offers. */
  async run(action: ErrorActionId, context: { setting?: string; retry?: () => unknown } = {}): Promise<void> {
    if (action === 'retry') {
      await context.retry?.();
      return;
    }
    const command = errorActionCommand(action, { setting: context.setting });
    if (command) await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
  }
}
