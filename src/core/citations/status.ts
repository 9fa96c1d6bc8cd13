/**
 * Reading P013's legal status for the citation checks: whether a cited patent is no
 * longer in force, and a short key of its state, so a later check can tell that it changed.
 * Labels come in English or localised (Chinese from CNIPA data: 失效, 撤回, 驳回 …).
 */
import { isKnownStatus, statusLabelsOf } from '../record/statusLabels';
import { listOf } from '../text/punctuation';
import { ENGLISH, type Translator } from '../text/translator';
import type { ApplicationFact, LegalState, PublicationFact, StatusState } from './types';

type StatusLegal = { readonly simple: readonly string[]; readonly detailed: readonly string[] };

/** Simple statuses of a patent (or application) that is dead: lapsed, expired, withdrawn, revoked, refused. */
const INACTIVE_SIMPLE = new Set(['inactive', '失效', '无效']);

/** Detailed statuses that end a right, matched on lower case; the order is the one a message prefers. */
const ENDED = [
  'revoked',
  'expired',
  'non-payment',
  'lapsed',
  'withdrawn',
  'rejected',
  'abandoned',
  'ceased',
  'invalidated',
  '全部无效',
  '期限届满',
  '未缴年费',
  '撤回',
  '驳回',
  '放弃',
] as const;

/** The detailed statuses that say how the right ended (`Revoked`), in the service's order; empty when none does. */
export function endedBy(legal: LegalState): string[] {
  return legal.detailed.filter((d) => ENDED.some((e) => d.toLowerCase().includes(e)));
}

/** Whether the legal state says the patent is no longer in force (or the application is dead). */
export function isInactive(legal: LegalState | undefined): boolean {
  if (!legal) return false;
  if (legal.simple.some((s) => INACTIVE_SIMPLE.has(s.trim().toLowerCase()))) return true;
  return endedBy(legal).length > 0;
}

/** The simple statuses, then the detailed ones not among them. */
export function legalParts(legal: StatusLegal): string[] {
  return [...legal.simple, ...legal.detailed.filter((d) => !legal.simple.includes(d))];
}

/** The state in words, as a message shows it: `Inactive, Revoked`. */
export function legalLabel(legal: LegalState): string {
  const parts = legalParts(legal);
  return parts.length > 0 ? parts.join(', ') : 'no legal status';
}

/** What a later check compares: a short key (equal keys, same state), the state itself, and the words for it in English. */
export interface StatusKey {
  key: string;
  /** `statusWords(state)`: what versions that kept no state read. */
  label: string;
  state: StatusState;
}

/**
 * A status in the reader's words: "Active, Granted", "Inactive, Revoked, granted as US11205304B2",
 * "not found", "published as US2020123456A1, US11205304B2"; each known legal status through
 * `statusLabelsOf`, anything else as PatSnap wrote it. English without a translator.
 */
export function statusWords(state: StatusState, l10n: Translator = ENGLISH): string {
  switch (state.kind) {
    case 'notFound':
      return l10n.t('not found');
    case 'publication': {
      const parts = state.legal ? legalParts(state.legal) : [];
      const legal = !state.legal ? l10n.t('status unknown') : parts.length > 0 ? listOf(l10n, statusLabelsOf(parts, l10n)) : l10n.t('no legal status');
      return state.grantedAs ? l10n.t('{0}, granted as {1}', legal, state.grantedAs) : legal;
    }
    case 'application':
      return state.publications.length === 0 ? l10n.t('no publication') : l10n.t('published as {0}', listOf(l10n, state.publications));
  }
}

/** The legal part of a label an older version wrote: "status unknown", "no legal status" or known statuses ("Active, Granted"); undefined for anything else. */
function legalOfLabel(text: string): Pick<Extract<StatusState, { kind: 'publication' }>, 'legal'> | undefined {
  if (text === 'status unknown') return {};
  if (text === 'no legal status') return { legal: { simple: [], detailed: [] } };
  const parts = text.split(', ');
  return parts.every(isKnownStatus) ? { legal: { simple: parts, detailed: [] } } : undefined;
}

/** The state behind a label an older version wrote (English `statusWords` of the day), where it can be read back whole. */
function stateOfLabel(label: string): StatusState | undefined {
  if (label === 'not found') return { kind: 'notFound' };
  if (label === 'no publication') return { kind: 'application', publications: [] };
  const published = /^published as (.+)$/.exec(label);
  if (published) return { kind: 'application', publications: (published[1] as string).split(', ') };
  const granted = /^(.+), granted as (\S+)$/.exec(label);
  const legal = legalOfLabel(granted ? (granted[1] as string) : label);
  return legal && { kind: 'publication', ...legal, ...(granted ? { grantedAs: granted[2] as string } : {}) };
}

/**
 * The words of a status recorded by a version that kept only its English label: in the
 * reader's language where the label reads back whole (its fixed phrases, known legal
 * statuses, numbers), else as it was written (a status PatSnap gave localised or unknown):
 * never half translated.
 */
export function labelWords(label: string, l10n: Translator = ENGLISH): string {
  const state = stateOfLabel(label);
  return state ? statusWords(state, l10n) : label;
}

function keyed(key: string, state: StatusState): StatusKey {
  return { key, label: statusWords(state), state };
}

export function publicationStatus(fact: PublicationFact): StatusKey {
  if (!fact.found) return keyed('notFound', { kind: 'notFound' });
  const legal = fact.legal && { simple: fact.legal.simple, detailed: fact.legal.detailed };
  const key = `${fact.legal ? `${fact.legal.simple.join('/')}|${fact.legal.detailed.join('/')}` : '?'}|${fact.grantedAs?.pn ?? ''}`;
  return keyed(key, { kind: 'publication', ...(legal ? { legal } : {}), ...(fact.grantedAs ? { grantedAs: fact.grantedAs.pn } : {}) });
}

export function applicationStatus(fact: ApplicationFact): StatusKey {
  const pns = fact.publications.map((p) => p.pn);
  return keyed(pns.length === 0 ? 'unpublished' : `published|${pns.join('/')}`, { kind: 'application', publications: pns });
}
