/**
 * Where this window's calls go and how they are faring, as the status bar item
 * `patentLookup.backend` shows it: the backend (the sandbox, or PatSnap with the last
 * four characters of the client id or key, never more), and its state (signed out,
 * working, quota exhausted, credentials refused). Pure: the session feeds it, the
 * status bar shows it.
 */
import { isPatsnapError } from '../../core/api/errors';
import type { Credentials } from '../../core/api/types';
import { l10n } from '../common/l10n.pure';

export type BackendSummary =
  | { kind: 'sandbox'; url: string }
  | { kind: 'patsnap'; host: string; account: Credentials['kind']; hint: string }
  | { kind: 'signedOut' }
  | { kind: 'misconfigured'; message: string };

/** Characters of a client id or key shown at most, and only of one at least twice as long. */
const HINT_LENGTH = 4;

/** The last four characters of the client id or API key ('' for one too short to show any of). */
export function credentialHint(c: Credentials): string {
  const value = (c.kind === 'apiKey' ? c.apiKey : c.clientId).trim();
  return value.length >= 2 * HINT_LENGTH ? value.slice(-HINT_LENGTH) : '';
}

/** What went wrong for good on the latest calls, until a call succeeds again. */
export type CallTrouble = 'quota' | 'credentials';

/** The one code of kind "quota" that is about a single API, not the account: it is not "exhausted". */
const API_NOT_IN_PACKAGE = 67200004;

function troubleOf(error: unknown): CallTrouble | undefined {
  if (!isPatsnapError(error)) return undefined;
  if (error.kind === 'quota' && error.code !== API_NOT_IN_PACKAGE) return 'quota';
  if (error.kind === 'credentials') return 'credentials';
  return undefined;
}

/**
 * Calls in flight and the latest trouble, from the client's call observer. `reset()`
 * (the backend changed) forgets both; calls of the backend before still end, unseen.
 */
export class CallActivity {
  private open = 0;
  private latest: CallTrouble | undefined;
  private generation = 0;
  private readonly listeners = new Set<() => void>();

  get inFlight(): number {
    return this.open;
  }

  get trouble(): CallTrouble | undefined {
    return this.latest;
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * A call starts; the function returned ends it. A token exchange (`token`) that works
   * says nothing of the quota, so only a business call clears "quota exhausted".
   */
  observe(kind: 'call' | 'token'): (outcome: { error?: unknown }) => void {
    const generation = this.generation;
    this.open++;
    this.changed();
    let ended = false;
    return ({ error }) => {
      if (ended || generation !== this.generation) return;
      ended = true;
      this.open--;
      if (error === undefined) {
        if (kind === 'call' || this.latest === 'credentials') this.latest = undefined;
      } else {
        this.latest = troubleOf(error) ?? this.latest;
      }
      this.changed();
    };
  }

  reset(): void {
    this.generation++;
    this.open = 0;
    this.latest = undefined;
    this.changed();
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

export interface StatusView {
  /** With a codicon, e.g. `$(beaker) Sandbox`. */
  text: string;
  tooltip: string;
  /** What a screen reader says: the same facts in a sentence, without icons. */
  accessibilityLabel: string;
  /** Shown on the warning background: nothing works until the user acts. */
  warning: boolean;
}

export function backendStatusView(summary: BackendSummary, activity: { inFlight: number; trouble: CallTrouble | undefined }): StatusView {
  const working = activity.inFlight > 0;
  const action = l10n.t('Click to switch credentials, use the sandbox or show the log.');
  let icon: string;
  let name: string;
  let spoken: string;
  let tooltip: string;
  switch (summary.kind) {
    case 'sandbox':
      icon = 'beaker';
      name = l10n.t('Sandbox');
      spoken = l10n.t('Patent Lookup: local sandbox');
      tooltip = l10n.t('Patent Lookup talks to the local sandbox at {0} with its public test credentials.', summary.url);
      break;
    case 'patsnap': {
      icon = 'cloud';
      name = summary.hint ? l10n.t('PatSnap \u2026{0}', summary.hint) : l10n.t('PatSnap');
      const account = summary.account === 'apiKey' ? l10n.t('API key') : l10n.t('client ID');
      spoken = summary.hint ? l10n.t('Patent Lookup: PatSnap, {0} ending {1}', account, summary.hint) : l10n.t('Patent Lookup: PatSnap, {0}', account);
      tooltip = summary.hint
        ? l10n.t('Patent Lookup talks to PatSnap at {0} with the {1} ending \u2026{2}.', summary.host, account, summary.hint)
        : l10n.t('Patent Lookup talks to PatSnap at {0} with your {1}.', summary.host, account);
      break;
    }
    case 'signedOut':
      return {
        text: `$(circle-slash) ${l10n.t('PatSnap: signed out')}`,
        tooltip: `${l10n.t('No PatSnap API credentials are set.')}\n${action}`,
        accessibilityLabel: l10n.t('Patent Lookup: signed out. Set credentials or use the sandbox.'),
        warning: false,
      };
    case 'misconfigured':
      return {
        text: `$(warning) ${l10n.t('PatSnap: check settings')}`,
        tooltip: `${summary.message}\n${action}`,
        accessibilityLabel: l10n.t('Patent Lookup: check settings. {0}', summary.message),
        warning: true,
      };
  }
  if (activity.trouble === 'quota') {
    return {
      text: `$(error) ${l10n.t('{0}: quota exhausted', name)}`,
      tooltip: `${tooltip}\n${l10n.t('PatSnap says the account\u2019s quota is exhausted: calls fail until it is topped up or resets.')}\n${action}`,
      accessibilityLabel: l10n.t('{0}, quota exhausted', spoken),
      warning: true,
    };
  }
  if (activity.trouble === 'credentials') {
    return {
      text: `$(error) ${l10n.t('{0}: credentials refused', name)}`,
      tooltip: `${tooltip}\n${l10n.t('PatSnap refused the credentials: set them again.')}\n${action}`,
      accessibilityLabel: l10n.t('{0}, credentials refused', spoken),
      warning: true,
    };
  }
  return {
    text: `$(${working ? 'sync~spin' : icon}) ${name}`,
    tooltip: `${tooltip}${working ? `\n${l10n.t('Working\u2026')}` : ''}\n${action}`,
    accessibilityLabel: working ? l10n.t('{0}, working', spoken) : spoken,
    warning: false,
  };
}
