/**
 * A patent's depth beyond its front page, as the client returns it: legal status
 * detail (P013), family (P014), cited by (P015), citations (P016), claims (P018),
 * legal events (P026) and standard-number resolution (P069). Wire shapes live in
 * `recordSchemas.ts`; what the panel, hover, CLI and citation checks make of these
 * lives in `src/core/record/`.
 */
import type { SearchHit } from './types';

/** A patent named by office, serial and kind, as P014, P015 and P016 list them. */
export interface PatentReference {
  /** country + docNumber + kind, e.g. `US20130033085A1`; without kind when none was given. */
  number: string;
  country: string;
  docNumber: string;
  kind?: string;
  sequence?: number;
}

/** P013: the three kinds of status PatSnap keeps. Labels may come localised (`审中`). */
export interface LegalStatusDetail {
  patentId: string;
  pn: string;
  /** yyyyMMdd of the latest legal change. */
  legalDate?: number;
  /** Active, Pending, Inactive, … */
  simple: string[];
  /** Published, Examining, Granted, Revoked, Expired, … */
  detailed: string[];
  /** Transfer, License, Opposition, Litigation, … */
  events: string[];
}

export type FamilyType = 'simple' | 'inpadoc' | 'patsnap';

/** P014: the three families; each list holds the members, the patent itself included. */
export interface PatentFamily {
  patentId: string;
  pn: string;
  simple: PatentReference[];
  inpadoc: PatentReference[];
  patsnap: PatentReference[];
  simpleFamilyId?: string;
  inpadocFamilyId?: string;
  patsnapFamilyId?: string;
}

/** P015 (forward citations, though its path says "backward"). */
export interface CitedBy {
  patentId: string;
  pn: string;
  patents: PatentReference[];
  counts: {
    /** Citations within three / five years of publication. */
    threeYears?: number;
    fiveYears?: number;
    /** Citations of any member of the family. */
    simpleFamily?: number;
    inpadocFamily?: number;
    patsnapFamily?: number;
  };
}

export interface CitedPatent extends PatentReference {
  /** Position in the citation list (`0001`). */
  num?: string;
  /** Examiner's categories: X, Y, A, … */
  categories: string[];
  /** APP applicant, EXA examiner, OPP opposition, TPO third party. */
  citeTypes: string[];
}

export interface NonPatentCitation {
  num?: string;
  title?: string;
  text?: string;
  /** As the service gave it: not checked here (see `doiLink` in core/record/citations). */
  doi?: string;
  authors: string[];
  copyright?: string;
  lang?: string;
}

/** P016 (backward citations, though its path says "forward"). */
export interface Citations {
  patentId: string;
  pn: string;
  patents: CitedPatent[];
  others: NonPatentCitation[];
}

export interface ClaimText {
  lang?: string;
  /** The service's HTML: data, parse it with `parseClaims`, never insert it as markup. */
  html: string;
  /** e.g. `original` */
  format?: string;
  independentCount?: number;
}

/** P018. */
export interface PatentClaims {
  patentId: string;
  pn: string;
  /** Set when a family member's claims stand in (asked with replaceByRelated). */
  pnRelated?: string;
  claimCount?: number;
  texts: ClaimText[];
}

export interface InpadocEvent {
  code?: string;
  /** yyyyMMdd */
  date?: number;
  description?: string;
  /** The office that reported it. */
  country?: string;
}

export interface OfficeEvent {
  volume?: string;
  /** Sent as text or as a number (`1.3`); always text here. */
  code?: string;
  date?: number;
  description?: string;
  legalStatus?: string;
  others?: string;
}

/** P026. */
export interface LegalEvents {
  patentId: string;
  pn: string;
  inpadoc: InpadocEvent[];
  official: OfficeEvent[];
}

/** P069: one of `pn` (a publication number as loosely written as people do) or `apno`. */
export interface StandardNumberParams {
  pn?: string;
  apno?: string;
  /** Offices to keep, e.g. ['US', 'EP']. */
  authority?: readonly string[];
  /** 1..1000; default 10. */
  limit?: number;
  offset?: number;
}

export interface StandardNumberPage {
  /** The publications found, with what P069 gives of each (title, application, dates, parties). */
  hits: SearchHit[];
  /** `result_count` */
  resultCount: number;
  /** `total_search_result_count` */
  total: number;
}
