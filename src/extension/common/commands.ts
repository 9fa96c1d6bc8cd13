import * as vscode from 'vscode';
import type { CommandId, FeatureCommandId, FeatureName } from './commandIds.pure';
import type { ErrorReporter } from './errors';

/**
 * One handler per contributed command. The record is keyed by every `CommandId`,
 * so adding a command to package.json (and `FEATURE_COMMANDS`) without a handler
 * does not compile. Handlers take `unknown` arguments: palette, menus, hovers, links
 * and other extensions all call them, and each checks what it was given.
 */
export type CommandHandler = (...args: unknown[]) => unknown;
export type CommandMap = Record<CommandId, CommandHandler>;
/** The handlers one feature provides. */
export type FeatureCommands<F extends FeatureName> = Record<FeatureCommandId<F>, CommandHandler>;

/**
 * Registers every handler, in one loop; a failure that escapes one goes through the
 * single error path instead of VS Code's raw "command failed" toast.
 */
export function registerCommands(commands: CommandMap, errors: Pick<ErrorReporter, 'report'>): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(commands).map(([id, handler]) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await (handler as CommandHandler)(...args);
        } catch (e) {
          errors.report(e);
          return undefined;
        }
      }),
    ),
  );
}
