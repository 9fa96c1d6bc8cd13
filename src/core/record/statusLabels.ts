/**
 * PatSnap's legal statuses in the reader's language. The service answers from a fixed
 * English vocabulary (P041, P013: Active, Pending, Inactive, …; Granted, Revoked, …;
 * Transfer, Litigation, …), and sometimes already localised (a Chinese status in Chinese).
 * A known English value (matched whole, in any case) reads in the translator's language;
 * anything else reads as given: never a guess from part of it. The label is only for
 * reading: what a status means (a badge's colour, whether a patent is in force) is read
 * from the value itself. One literal `l10n.t` per label, so that the l10n export finds them.
 */
import { ENGLISH, type Translator } from '../text/translator';

/** The known English statuses, keyed by their lower-case form, in the translator's language. */
export function statusLabels(l10n: Translator = ENGLISH): Readonly<Record<string, string>> {
  return {
    // P041's simple legal status.
    active: l10n.t('Active'),
    inactive: l10n.t('Inactive'),
    pending: l10n.t('Pending'),
    undetermined: l10n.t('Undetermined'),
    'pct designated period': l10n.t('PCT designated period'),
    'pct designated expiration': l10n.t('PCT designated expiration'),
    // P013's detailed legal status.
    published: l10n.t('Published'),
    examining: l10n.t('Examining'),
    granted: l10n.t('Granted'),
    withdrawn: l10n.t('Withdrawn'),
    rejected: l10n.t('Rejected'),
    revoked: l10n.t('Revoked'),
    expired: l10n.t('Expired'),
    'non-payment': l10n.t('Non-Payment'),
    restoration: l10n.t('Restoration'),
    // P013's event status.
    transfer: l10n.t('Transfer'),
    license: l10n.t('License'),
    pledge: l10n.t('Pledge'),
    opposition: l10n.t('Opposition'),
    're-examination': l10n.t('Re-examination'),
    litigation: l10n.t('Litigation'),
  };
}

/** The key a status is looked up by: the whole value, trimmed, in lower case. */
function statusKey(status: string): string {
  return status.trim().toLowerCase();
}

/** A status's label from a table of `statusLabels` (as the webview has it from the host); the status as given when it is not a known one. */
export function labelIn(labels: Readonly<Record<string, string>>, status: string): string {
  const key = statusKey(status);
  return Object.hasOwn(labels, key) ? (labels[key] as string) : status;
}

const ENGLISH_LABELS = statusLabels();

/** Whether a status is one of the known English ones (matched whole, in any case), which a translator has words for. */
export function isKnownStatus(status: string): boolean {
  return Object.hasOwn(ENGLISH_LABELS, statusKey(status));
}

/** Several statuses, each in the translator's language or as given. */
export function statusLabelsOf(statuses: readonly string[], l10n: Translator = ENGLISH): string[] {
  const labels = statusLabels(l10n);
  return statuses.map((s) => labelIn(labels, s));
}
