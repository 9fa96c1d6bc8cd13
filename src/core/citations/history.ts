/**
 * "What changed since": each document's last check, as the extension keeps it in
 * workspace state. A check that finds a number's status different from the one recorded
 * says so in the diagnostic, and keeps saying so while the new status lasts.
 */
import { applicationStatus, publicationStatus, type StatusKey } from './status';
import type { Citation, CitationFacts, StatusChange, StatusState } from './types';

export interface RecordedStatus {
  key: string;
  /** The status in English words: what versions that kept no `state` read (and still write). */
  label: string;
  /** The status itself, worded when shown; none in a record of an older version. */
  state?: StatusState;
  /** yyyy-mm-dd of the latest check that found this status. */
  checkedAt: string;
  /** Set when the status differs from an earlier check's: what it was, and when. */
  was?: StatusChange;
}

export interface CheckRecord {
  /** yyyy-mm-dd of the check. */
  checkedAt: string;
  /** By compact number as written. */
  numbers: Record<string, RecordedStatus>;
}

/** The status of a number the lookups answered; undefined when they did not (offline, failed). */
export function currentStatus(citation: Pick<Citation, 'number' | 'type'>, facts: CitationFacts): StatusKey | undefined {
  if (citation.type === 'application') {
    const fact = facts.applications.get(citation.number);
    return fact && applicationStatus(fact);
  }
  const fact = facts.publications.get(citation.number);
  return fact && publicationStatus(fact);
}

/** How `current` differs from what `previous` recorded for `number`; undefined when it does not (or nothing was recorded). */
export function changeSince(previous: CheckRecord | undefined, number: string, current: StatusKey): StatusChange | undefined {
  const before = previous?.numbers[number];
  if (!before) return undefined;
  if (before.key !== current.key) return { was: before.label, ...(before.state ? { state: before.state } : {}), checkedAt: before.checkedAt };
  return before.was;
}

/**
 * The record after a check on `today`: every number the lookups answered, with the change
 * from `previous` when its status moved; numbers not answered keep what was recorded;
 * numbers no longer cited are dropped.
 */
export function recordCheck(previous: CheckRecord | undefined, citations: readonly Citation[], facts: CitationFacts, today: string): CheckRecord {
  const numbers: Record<string, RecordedStatus> = {};
  for (const c of citations) {
    if (c.problem || Object.hasOwn(numbers, c.number)) continue;
    const current = currentStatus(c, facts);
    const before = previous?.numbers[c.number];
    if (!current) {
      if (before) numbers[c.number] = before;
      continue;
    }
    const was = changeSince(previous, c.number, current);
    numbers[c.number] = { key: current.key, label: current.label, state: current.state, checkedAt: today, ...(was ? { was } : {}) };
  }
  return { checkedAt: today, numbers };
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 2000;
const isTexts = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 100 && v.every(isText);

/** A status state read back from storage; undefined unless it has one of the shapes this version writes. */
function readStatusState(value: unknown): StatusState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  switch (v.kind) {
    case 'notFound':
      return { kind: 'notFound' };
    case 'application':
      return isTexts(v.publications) ? { kind: 'application', publications: v.publications } : undefined;
    case 'publication': {
      const legal = v.legal as Record<string, unknown> | undefined;
      if (legal !== undefined && (typeof legal !== 'object' || legal === null || !isTexts(legal.simple) || !isTexts(legal.detailed))) return undefined;
      if (v.grantedAs !== undefined && !isText(v.grantedAs)) return undefined;
      return { kind: 'publication', ...(legal ? { legal: { simple: legal.simple as string[], detailed: legal.detailed as string[] } } : {}), ...(v.grantedAs !== undefined ? { grantedAs: v.grantedAs } : {}) };
    }
    default:
      return undefined;
  }
}

/** A record read back from storage (another version of the extension may have written it); undefined unless it has this shape. */
export function readCheckRecord(value: unknown): CheckRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { checkedAt, numbers } = value as Record<string, unknown>;
  if (!isText(checkedAt) || typeof numbers !== 'object' || numbers === null) return undefined;
  const out: Record<string, RecordedStatus> = {};
  for (const [number, entry] of Object.entries(numbers)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    if (!isText(e.key) || !isText(e.label) || !isText(e.checkedAt)) continue;
    const was = e.was as Record<string, unknown> | undefined;
    const wasState = was && readStatusState(was.state);
    const change = was && isText(was.was) && isText(was.checkedAt) ? { was: was.was, ...(wasState ? { state: wasState } : {}), checkedAt: was.checkedAt } : undefined;
    const state = readStatusState(e.state);
    out[number] = { key: e.key, label: e.label, ...(state ? { state } : {}), checkedAt: e.checkedAt, ...(change ? { was: change } : {}) };
  }
  return { checkedAt, numbers: out };
}
