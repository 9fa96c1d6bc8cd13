/**
 * The one table of what fixes a failure: its label and the command that runs it.
 * Error notifications (`errors.ts`), the results tree's error row, the patent
 * panel's error view and the credential flow all take their buttons from here.
 * Pure, so the webview and unit tests use it as well.
 */
export type ErrorActionId = 'setCredentials' | 'useSandbox' | 'retry' | 'openSettings' | 'showLog';

export const ERROR_ACTIONS: Readonly<Record<ErrorActionId, { readonly label: string; readonly command?: string }>> = {
  setCredentials: { label: 'Set API Credentials', command: 'patentLookup.setCredentials' },
  useSandbox: { label: 'Use Local Sandbox\u2026', command: 'patentLookup.useSandbox' },
  // Each caller knows what to do again: a callback or a command of its own.
  retry: { label: 'Retry' },
  openSettings: { label: 'Open Settings', command: 'workbench.action.openSettings' },
  showLog: { label: 'Show Log', command: 'patentLookup.showLog' },
};

/** The settings editor with nothing more specific to show. */
export const ALL_SETTINGS = 'patentLookup';

export interface CommandRef {
  command: string;
  arguments?: unknown[];
}

/**
 * The command `action` runs: "Open Settings" opens the setting the error names,
 * "Retry" is `retry` (undefined when the caller cannot retry).
 */
export function errorActionCommand(action: ErrorActionId, context: { setting?: string; retry?: CommandRef }): CommandRef | undefined {
  if (action === 'retry') return context.retry;
  const command = ERROR_ACTIONS[action].command as string;
  return action === 'openSettings' ? { command, arguments: [context.setting ?? ALL_SETTINGS] } : { command };
}
