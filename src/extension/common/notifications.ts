import * as vscode from 'vscode';
import { notificationText } from './plainText.pure';

/**
 * The extension's notifications: every message goes through `notificationText`, so no
 * text from the API becomes a link or a command. A lint rule keeps the rest of
 * src/extension from calling `vscode.window.show*Message` directly.
 */
export function showInfo<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showInformationMessage(notificationText(message), ...items);
}

export function showWarning<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(notificationText(message), ...items);
}

export function showError<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showErrorMessage(notificationText(message), ...items);
}

/** A modal question: `detail` is plain text in the dialog; the message is kept plain as well. */
export function askModal<T extends string>(message: string, detail: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(notificationText(message), { modal: true, detail }, ...items);
}
