/**
 * What the user is told about a failure: one short sentence and the actions that
 * fix it. Pure (no `vscode`), so the mapping is unit-tested; `errors.ts` shows it.
 */
import { PatsnapError, type PatsnapErrorKind } from '../../core/api/errors';
import type { ErrorActionId } from './errorActions.pure';

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
    super('No PatSnap API credentials are set.');
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
 * The user-facing description of `e`, or undefined when nothing should be shown
 * (cancellation). `what` names the operation, e.g. "Search", and prefixes the message.
 */
export function describeError(e: unknown, what?: string): ErrorDescription | undefined {
  if (isCancellation(e)) return undefined;
  const prefix = what ? `${what} failed: ` : '';
  if (e instanceof MissingCredentialsError) return { message: e.message, actions: ['setCredentials'] };
  if (e instanceof UserInputError || e instanceof RefusedLinkError) return { message: e.message, actions: [] };
  if (e instanceof ConfigurationError) return { message: prefix + e.message, actions: ['openSettings'], setting: e.setting };
  if (e instanceof PatsnapError) {
    // The core writes its messages for people (they name hosts and endpoints, never tokens or queries).
    const actions = [...(ACTIONS_BY_KIND[e.kind as Exclude<PatsnapErrorKind, 'cancelled'>] ?? [])];
    return actions.includes('openSettings') ? { message: prefix + e.message, actions, setting: BASE_URL_SETTING } : { message: prefix + e.message, actions };
  }
  return { message: `${prefix}an unexpected error occurred; the details are in the Patent Lookup log.`, actions: ['showLog'] };
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
