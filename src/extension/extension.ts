import * as vscode from 'vscode';

// Composition root. Placeholder until the credentials/search/panel work lands:
// every contributed command is registered so the harness can check the wiring.
export function activate(context: vscode.ExtensionContext): void {
  const pkg = context.extension.packageJSON as { contributes: { commands: Array<{ command: string }> } };
  for (const { command } of pkg.contributes.commands) {
    context.subscriptions.push(
      vscode.commands.registerCommand(command, () => vscode.window.showInformationMessage(`${command} is not built yet.`)),
    );
  }
}

export function deactivate(): void {}
