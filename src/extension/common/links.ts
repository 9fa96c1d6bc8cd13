import * as vscode from 'vscode';
import { RefusedLinkError } from './errorMessages.pure';
import { externalLinkProblem } from './links.pure';

/**
 * Opens a link from the API in the browser, or refuses it (anything but http(s)) with an
 * error the error path shows. The one caller of `vscode.env.openExternal` (a lint rule).
 */
export async function openExternalLink(url: string): Promise<void> {
  const problem = externalLinkProblem(url);
  if (problem) throw new RefusedLinkError(problem);
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
}
