import * as vscode from 'vscode';
import type { CommandId } from './commandIds';
import type { ErrorReporter } from './errors';

/**
 * One handler per contributed command. The record is keyed by every `CommandId`,
 * so adding a command to package.json (and `COMMAND_IDS`) without a handler does
 * not compile. Handlers take `unknown` arguments: palette, menus, hovers, links
 * and other extensions all call them, and each checks what it was given.
 */
export type CommandHandler = (...args: unknown[]) => unknown;
export type CommandMap = Record<CommandId, CommandHandler>;

/** Registers the composition root's handlers: one for every `CommandId`, checked by the type. */
export function registerCommands(commands: CommandMap, errors: Pick<ErrorReporter, 'report'>): vscode.Disposable {
  return registerCommandHandlers(commands, errors);
}

/**
 * Registers every handler; a failure that escapes one goes through the single error
 * path instead of VS Code's raw "command failed" toast. The exports feature registers
 * its own map with it.
 */
export function registerCommandHandlers(commands: Readonly<Record<string, CommandHandler>>, errors: Pick<ErrorReporter, 'report'>): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(commands).map(([id, handler]) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (e) {
          errors.report(e);
          return undefined;
        }
      }),
    ),
  );
}
