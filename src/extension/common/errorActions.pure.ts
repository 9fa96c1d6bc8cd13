/**
 * The one table of what fixes a failure: its label and the command that runs it.
 * Error notifications (`errors.ts`), the results tree's error row, the patent
 * panel's error view and the credential flow all take their buttons from here.
 * Pure, so the webview and unit tests use it as well.
 */
import { l10n } from './l10n.pure';

export type ErrorActionId = 'setCredentials' | 'useSandbox' | 'retry' | 'openSettings' | 'showLog';

export const ERROR_ACTIONS: Readonly<Record<ErrorActionId, { readonly label: string; readonly command?: string }>> = {
  // Labels in the display language, looked up when shown.
  setCredentials: {
    get label() {
      return l10n.t('Set API Credentials');
    },
    command: 'patentLookup.setCredentials',
  },
  useSandbox: {
    get label() {
      return l10n.t('Use Local Sandbox\u2026');
    },
    command: 'patentLookup.useSandbox',
  },
  // Each caller knows what to do again: a callback or a command of its own.
  retry: {
    get label() {
      return l10n.t('Retry');
    },
  },
  openSettings: {
    get label() {
      return l10n.t('Open Settings');
    },
    command: 'workbench.action.openSettings',
  },
  showLog: {
    get label() {
      return l10n.t('Show Log');
    },
    command: 'patentLookup.showLog',
  },
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
