import * as vscode from 'vscode';
import type { PatsnapSession } from '../session';

/**
 * For commands that need the API: when no credentials are set, offer to set them
 * instead of failing. True when the command can go on.
 */
export async function requireCredentials(session: PatsnapSession, purpose: string): Promise<boolean> {
  await session.api().catch(() => undefined);
  if (session.hasCredentials) return true;
  const choice = await vscode.window.showInformationMessage(`${purpose} needs PatSnap API credentials.`, 'Set API Credentials', 'Use Local Sandbox\u2026');
  if (choice === 'Set API Credentials') await vscode.commands.executeCommand('patentLookup.setCredentials');
  else if (choice === 'Use Local Sandbox\u2026') await vscode.commands.executeCommand('patentLookup.useSandbox');
  else return false;
  await session.api().catch(() => undefined);
  return session.hasCredentials;
}
