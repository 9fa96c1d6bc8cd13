/**
 * Reading P013's legal status for the citation checks: whether a cited patent is no
 * longer in force, and a short key of its state, so a later check can tell that it changed.
 * Labels come in English or localised (Chinese from CNIPA data: 失效, 撤回, 驳回 …).
 */
import type { ApplicationFact, LegalState, PublicationFact } from './types';

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
export function legalParts(legal: LegalState): string[] {
  return [...legal.simple, ...legal.detailed.filter((d) => !legal.simple.includes(d))];
}

/** The state in words, as a message shows it: `Inactive, Revoked`. */
export function legalLabel(legal: LegalState): string {
  const parts = legalParts(legal);
  return parts.length > 0 ? parts.join(', ') : 'no legal status';
}

/** What a later check compares: a short key (equal keys, same state) and the words for it. */
export interface StatusKey {
  key: string;
  label: string;
}

export function publicationStatus(fact: PublicationFact): StatusKey {
  if (!fact.found) return { key: 'notFound', label: 'not found' };
  const legal = fact.legal ? legalLabel(fact.legal) : 'status unknown';
  const granted = fact.grantedAs ? `, granted as ${fact.grantedAs.pn}` : '';
  return { key: `${fact.legal ? `${fact.legal.simple.join('/')}|${fact.legal.detailed.join('/')}` : '?'}|${fact.grantedAs?.pn ?? ''}`, label: `${legal}${granted}` };
}

export function applicationStatus(fact: ApplicationFact): StatusKey {
  if (fact.publications.length === 0) return { key: 'unpublished', label: 'no publication' };
  const pns = fact.publications.map((p) => p.pn);
  return { key: `published|${pns.join('/')}`, label: `published as ${pns.join(', ')}` };
}
