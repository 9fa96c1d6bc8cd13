import * as vscode from 'vscode';
import { ERROR_ACTIONS } from '../common/errorActions.pure';
import { showInfo } from '../common/notifications';
import type { PatsnapSession } from '../session';

/**
 * For commands that need the API: when no credentials are set, offer to set them
 * (or to use the sandbox) instead of failing. True when the command can go on.
 */
export async function requireCredentials(session: PatsnapSession, purpose: string): Promise<boolean> {
  await session.api().catch(() => undefined);
  if (session.hasCredentials) return true;
  const offers = [ERROR_ACTIONS.setCredentials, ERROR_ACTIONS.useSandbox];
  const choice = await showInfo(vscode.l10n.t('{0} needs PatSnap API credentials.', purpose), ...offers.map((a) => a.label));
  const command = offers.find((a) => a.label === choice)?.command;
  if (!command) return false;
  await vscode.commands.executeCommand(command);
  await session.api().catch(() => undefined);
  return session.hasCredentials;
}
