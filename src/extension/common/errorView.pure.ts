/** An error as a webview (the patent panel, the PDF viewer) shows it: its message and its fixes from the one actions table. Pure. */
import { ERROR_ACTIONS, type ErrorActionId } from './errorActions.pure';
import { describeError, type ErrorDescription } from './errorMessages.pure';
import { l10n } from './l10n.pure';

export interface ErrorViewModel {
  message: string;
  actions: Array<{ id: ErrorActionId; label: string }>;
}

/** The description of `e`, with Retry always offered: a webview can always try again. */
export function retryableDescription(e: unknown, what: string): ErrorDescription {
  const d = describeError(e, what) ?? { message: l10n.t('{0} was cancelled.', what), actions: [] };
  return d.actions.includes('retry') ? d : { ...d, actions: [...d.actions, 'retry'] };
}

export function toErrorView(d: ErrorDescription): ErrorViewModel {
  return { message: d.message, actions: d.actions.map((id) => ({ id, label: ERROR_ACTIONS[id].label })) };
}
