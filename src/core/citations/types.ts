/**
 * Citation checks over the patent numbers written in a document: what a citation is,
 * what the lint rules report, and the facts they are judged by. The rules are pure
 * (`lint.ts`); the facts come from batched lookups (`facts.ts`).
 */
import type { PatentNumberMatch } from '../numbers/types';

/** The lint codes, as diagnostics (`code`) and `lint --json` name them (design.md). */
export const LINT_CODES = ['malformed', 'notFound', 'inactive', 'grantedSince', 'applicationCited', 'duplicate'] as const;
export type LintCode = (typeof LINT_CODES)[number];

/** Codes that need no lookup: what `lint --offline` and `patentLookup.lookups.enabled: false` still check. */
export const OFFLINE_CODES: ReadonlySet<LintCode> = new Set(['malformed', 'duplicate']);

/** A citation: one patent number as written, where it is written (a scanner match, flagged ones included). */
export type Citation = Pick<PatentNumberMatch, 'index' | 'length' | 'line' | 'column' | 'text' | 'number' | 'type' | 'office' | 'kind' | 'problem'>;

/** What to do about a problem: write another number in its place, or remove the citation. */
export type CitationFix = { kind: 'replace'; number: string } | { kind: 'remove' };

/** One problem with one citation. */
export interface CitationProblem {
  code: LintCode;
  citation: Citation;
  /** One sentence a person can act on (translated with the caller's `l10n`). */
  message: string;
  /** The suggested fix, or null when none is known. */
  fix: CitationFix | null;
  /** For `duplicate`: the first citation of the same patent. */
  first?: Citation;
  /** Set when the status this problem reports differs from the one the last check recorded. */
  changed?: StatusChange;
}

export interface StatusChange {
  /** What the last check found, in English words (`Active, Granted`): all that versions before `state` kept. */
  was: string;
  /** What the last check found, to be worded in the reader's language when shown (`statusWords`); none in a record of an older version. */
  state?: StatusState;
  /** When that check ran (yyyy-mm-dd). */
  checkedAt: string;
}

/**
 * A status a check found, as data: kept in workspace state with the check, so the message
 * that it changed is worded in the display language of the day it is shown.
 */
export type StatusState =
  | { readonly kind: 'notFound' }
  /** A publication found: its legal status (none: PatSnap gave none), and the grant its application became. */
  | { readonly kind: 'publication'; readonly legal?: { readonly simple: readonly string[]; readonly detailed: readonly string[] }; readonly grantedAs?: string }
  /** An application: the publications it resolved to (none: unpublished). */
  | { readonly kind: 'application'; readonly publications: readonly string[] };

/** The legal state of a publication, as P013 gives it (labels may come localised). */
export interface LegalState {
  /** Active, Pending, Inactive, … */
  simple: string[];
  /** Granted, Revoked, Expired, Non-Payment, Withdrawn, … */
  detailed: string[];
  /** yyyy-mm-dd of the latest legal change. */
  date?: string;
}

/** What PatSnap has for a publication number: the citation lists' fields and what the rules judge. */
export interface PatentFacts {
  /** The publication number as PatSnap gives it (with its kind code). */
  pn: string;
  patentId?: string;
  title?: string;
  assignees: string[];
  applicants: string[];
  inventors: string[];
  /** yyyy-mm-dd */
  publicationDate?: string;
  applicationNumber?: string;
  /** yyyy-mm-dd */
  applicationDate?: string;
  priority: Array<{ number: string; date?: string }>;
  /** Undefined when the legal status could not be looked up. */
  legal?: LegalState;
  /** For a pre-grant publication: the grant of the same application, when there is one. */
  grantedAs?: { pn: string; date?: string };
}

/** A publication number looked up: found, or known not to exist. */
export type PublicationFact = ({ found: true } & PatentFacts) | { found: false };

/** One publication of an application, as P069 lists it. */
export interface ApplicationPublication {
  pn: string;
  patentId?: string;
  title?: string;
  /** yyyy-mm-dd */
  date?: string;
}

/** An application number looked up: its publications (none when PatSnap has none), oldest first. */
export interface ApplicationFact {
  publications: ApplicationPublication[];
}

/**
 * What the lookups found, by compact number as written (`US7123456`, `US14/706838`). A
 * number in neither map was not looked up, or its lookup failed: no rule judges it
 * (a failed lookup must never read as "not found").
 */
export interface CitationFacts {
  publications: ReadonlyMap<string, PublicationFact>;
  applications: ReadonlyMap<string, ApplicationFact>;
}
