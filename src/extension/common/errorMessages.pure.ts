/**
 * What the user is told about a failure: one short sentence and the actions that
 * fix it. Pure (no `vscode`), so the mapping is unit-tested; `errors.ts` shows it.
 */
import { ERROR_CODES, PartialBatchError, PatsnapError, type PatsnapErrorKind } from '../../core/api/errors';
import type { ErrorActionId } from './errorActions.pure';
import { l10n } from './l10n.pure';
import { ENGLISH, type Translator, fillArgs } from '../../core/text/translator';

export interface ErrorDescription {
  /** One sentence, no stack, no secrets: fit for a notification or a tree row. */
  message: string;
  /** Most useful first. `retry` is only offered by callers that can retry. */
  actions: ErrorActionId[];
  /** The setting at fault, which "Open Settings" opens. */
  setting?: string;
}

/** The setting behind failures to reach the API or to find it where it was looked for. */
const BASE_URL_SETTING = 'patentLookup.apiBaseUrl';

/** A problem with the extension's own settings, found before any request. */
export class ConfigurationError extends Error {
  constructor(
    message: string,
    /** The setting at fault, e.g. `patentLookup.apiBaseUrl`. */
    readonly setting: string,
  ) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

/** A mistake in what the user gave (a number that is not one): its message is shown as it is. */
export class UserInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserInputError';
  }
}

/** A link from the API that is not a web address: refused, with the reason as its message. */
export class RefusedLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedLinkError';
  }
}

/** No credentials are stored: the caller should offer to set them. */
export class MissingCredentialsError extends Error {
  constructor() {
    super(l10n.t('No PatSnap API credentials are set.'));
    this.name = 'MissingCredentialsError';
  }
}

/** Cancellation from any layer: ours, VS Code's `CancellationError` (name "Canceled") or an AbortSignal. */
export function isCancellation(e: unknown): boolean {
  if (e instanceof PatsnapError) return e.kind === 'cancelled';
  return e instanceof Error && (e.name === 'Canceled' || e.name === 'AbortError');
}

const ACTIONS_BY_KIND: Record<Exclude<PatsnapErrorKind, 'cancelled'>, ErrorActionId[]> = {
  credentials: ['setCredentials'],
  quota: [],
  rateLimited: ['retry'],
  invalidParameter: [],
  serviceUnavailable: ['retry'],
  notFound: ['openSettings'],
  forbidden: [],
  network: ['retry', 'openSettings'],
  unexpectedResponse: ['retry', 'showLog'],
};

/**
 * The core writes its messages in English for the CLI and the log (they name hosts and
 * endpoints, never tokens or queries). The extension shows them in the display language:
 * an error code's message from this table (the same English as the core's table, checked
 * by a unit test), and for an error without a code one sentence per kind. In English,
 * and for a kind with no translation, the core's own sentence stays: it says more.
 */
export function codeMessage(code: number): string | undefined {
  switch (code) {
    case 67200000:
    case 67200001:
      return l10n.t('PatSnap says the platform call limit for this account is exceeded.');
    case 67200002:
      return l10n.t('PatSnap is refusing calls: too many per second for this account.');
    case 67200003:
      return l10n.t('PatSnap rejected the credentials (wrong key or secret, client disabled, or token expired).');
    case 67200004:
      return l10n.t('This API is not included in the PatSnap account\u2019s package.');
    case 67200005:
      return l10n.t('The PatSnap account\u2019s balance or call count is exhausted.');
    case 67200006:
      return l10n.t('The PatSnap client is past its activation period.');
    case 67200007:
      return l10n.t('The PatSnap account\u2019s daily call limit is reached; it resets tomorrow.');
    case 67200008:
      return l10n.t('The request lacked the apikey parameter (a bug in Patent Lookup).');
    case 67200009:
      return l10n.t('The API key does not match the access token.');
    case 67200012:
      return l10n.t('PatSnap refused the request as illegal.');
    case 67200100:
      return l10n.t('PatSnap is busy and timed out.');
    case 67200101:
      return l10n.t('PatSnap has no API at this path: check the API base URL.');
    case 68300004:
      return l10n.t('PatSnap rejected a parameter as invalid.');
    case 68300005:
      return l10n.t('PatSnap\u2019s search failed.');
    case 68300006:
      return l10n.t('PatSnap refused access to analytics data for this account.');
    case 68300007:
      return l10n.t('PatSnap rejected the request as malformed.');
    case 68300008:
      return l10n.t('PatSnap had a service error; try again later.');
    case 68300010:
      return l10n.t('PatSnap says the uploaded file does not meet its rules.');
    default:
      return undefined;
  }
}

/** One sentence per kind, in `l10n`'s language (`ENGLISH` gives the sentence the source holds). */
function kindMessage(kind: Exclude<PatsnapErrorKind, 'cancelled'>, l10n: Translator): string {
  switch (kind) {
    case 'credentials':
      return l10n.t('PatSnap rejected the credentials.');
    case 'quota':
      return l10n.t('The PatSnap account\u2019s quota or licence is exhausted.');
    case 'rateLimited':
      return l10n.t('PatSnap is refusing calls: too many per second for this account.');
    case 'invalidParameter':
      return l10n.t('PatSnap rejected a parameter as invalid.');
    case 'serviceUnavailable':
      return l10n.t('PatSnap is not available right now; try again later.');
    case 'notFound':
      return l10n.t('PatSnap has no API at this path: check the API base URL.');
    case 'forbidden':
      return l10n.t('PatSnap refused the request.');
    case 'network':
      return l10n.t('The PatSnap API could not be reached: check the network and the API base URL.');
    case 'unexpectedResponse':
      return l10n.t('PatSnap answered with something Patent Lookup cannot read; the details are in the Patent Lookup log.');
  }
}

/** What the user reads for a PatsnapError, in the display language (see `codeMessage`). */
function patsnapMessage(e: PatsnapError, kind: Exclude<PatsnapErrorKind, 'cancelled'>): string {
  if (e instanceof PartialBatchError) {
    const count = e.missing.patentIds.length + e.missing.numbers.length;
    const inner = patsnapMessage(e.failure, kind);
    const shown = count === 1 ? l10n.t('{0} 1 patent could not be looked up; the others were.', inner) : l10n.t('{0} {1} patents could not be looked up; the others were.', inner, count);
    // In English the core's sentence, which also says how many were asked for.
    const english = count === 1 ? fillArgs('{0} 1 patent could not be looked up; the others were.', inner) : fillArgs('{0} {1} patents could not be looked up; the others were.', inner, count);
    return shown === english ? e.message : shown;
  }
  const known = e.code === undefined ? undefined : codeMessage(e.code);
  if (known !== undefined) {
    // A rejected parameter's message goes on with what PatSnap said about it (its data, kept as it is).
    const english = e.code === undefined ? '' : (ERROR_CODES[e.code]?.message ?? '');
    return kind === 'invalidParameter' && english && e.message.startsWith(english) ? known + e.message.slice(english.length) : known;
  }
  const sentence = kindMessage(kind, l10n);
  return sentence === kindMessage(kind, ENGLISH) ? e.message : sentence;
}

/**
 * The user-facing description of `e`, or undefined when nothing should be shown
 * (cancellation). `what` names the operation, e.g. "Search" (translated by the caller),
 * and prefixes the message.
 */
export function describeError(e: unknown, what?: string): ErrorDescription | undefined {
  if (isCancellation(e)) return undefined;
  const prefixed = (message: string) => (what ? l10n.t('{0} failed: {1}', what, message) : message);
  if (e instanceof MissingCredentialsError) return { message: e.message, actions: ['setCredentials'] };
  if (e instanceof UserInputError || e instanceof RefusedLinkError) return { message: e.message, actions: [] };
  if (e instanceof ConfigurationError) return { message: prefixed(e.message), actions: ['openSettings'], setting: e.setting };
  // Our own checks refused the input before any call: their message is in the display language already, and names the parameter.
  if (e instanceof PatsnapError && e.reason === 'refusedInput') return { message: prefixed(e.message), actions: [] };
  if (e instanceof PatsnapError) {
    const kind = e.kind as Exclude<PatsnapErrorKind, 'cancelled'>;
    const actions = [...(ACTIONS_BY_KIND[kind] ?? [])];
    const message = prefixed(patsnapMessage(e, kind));
    return actions.includes('openSettings') ? { message, actions, setting: BASE_URL_SETTING } : { message, actions };
  }
  return { message: what ? l10n.t('{0} failed: an unexpected error occurred; the details are in the Patent Lookup log.', what) : l10n.t('An unexpected error occurred; the details are in the Patent Lookup log.'), actions: ['showLog'] };
}

/** The log line for `e`: kind, code, HTTP status and endpoint, never a request body. */
export function errorDetail(e: unknown): string {
  if (e instanceof PatsnapError) {
    const parts = [`kind=${e.kind}`];
    if (e.code !== undefined) parts.push(`code=${e.code}`);
    if (e.httpStatus !== undefined) parts.push(`http=${e.httpStatus}`);
    if (e.endpoint) parts.push(`endpoint=${e.endpoint}`);
    if (e.parameter) parts.push(`parameter=${e.parameter}`);
    return `${e.message} (${parts.join(', ')})`;
  }
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  return String(e);
}
