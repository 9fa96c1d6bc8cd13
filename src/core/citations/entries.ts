/**
 * A citation list's entries: each patent a document cites, once, in the order it is first
 * cited, with what the lookups found. An application number counts as the publication it
 * resolved to; impossible numbers are left out.
 */
import { parsePatentNumber } from '../numbers';
import { identities } from './lint';
import type { Citation, CitationFacts, PatentFacts } from './types';

export interface CitationEntry {
  /** Compact: the publication found (with its kind), else the number as written. */
  number: string;
  type: 'publication' | 'application';
  /** Office code (`US`, `EP`, `WO` …). */
  office: string;
  /** The number without office code and kind (`11205304`, `20050262868`, `14/706838`). */
  docNumber: string;
  kind?: string;
  /** The first citation of it, as written. */
  written: string;
  /** true: found; false: PatSnap has no such publication; undefined: not looked up (offline, or the lookup failed). */
  found: boolean | undefined;
  facts?: PatentFacts;
}

const COMPANY = /\b(inc|llc|ltd|limited|gmbh|corp|corporation|company|co|ag|sa|bv|kk|kaisha|aktiengesellschaft|university|institute)\b/i;

/** Whether a party's name is an organisation's (`MAGIC LEAP, INC.`), which must never be split into family and given names. */
export function isOrganisation(name: string): boolean {
  return COMPANY.test(name);
}

function entryFor(number: string, type: CitationEntry['type'], written: string): CitationEntry {
  const m = parsePatentNumber(number);
  const office = m?.office ?? number.slice(0, 2).toUpperCase();
  const kind = m?.kind ?? undefined;
  const start = number.startsWith('PCT/') ? 0 : 2;
  const docNumber = number.slice(start, kind ? number.length - kind.length : undefined);
  return { number, type, office, docNumber, ...(kind ? { kind } : {}), written, found: undefined };
}

/** The entries of `citations` (scanner matches in document order), with `facts` when looked up. */
export function citationEntries(citations: readonly Citation[], facts?: CitationFacts): CitationEntry[] {
  const ids = identities(citations, facts);
  const seen = new Set<string>();
  const out: CitationEntry[] = [];
  citations.forEach((c, i) => {
    const id = ids[i] as string;
    if (c.problem || seen.has(id)) return;
    seen.add(id);
    // The patent cited: an application resolved to its publication, a kind-less number to the kinded one cited too.
    const application = id.startsWith('application:');
    const number = application ? c.number : id;
    const fact = application ? undefined : (facts?.publications.get(c.number) ?? facts?.publications.get(number));
    if (fact?.found) {
      out.push({ ...entryFor(fact.pn.toUpperCase(), 'publication', c.text), found: true, facts: fact });
      return;
    }
    const entry = entryFor(number, application ? 'application' : 'publication', c.text);
    if (fact || (application && facts?.applications.get(c.number)?.publications.length === 0)) entry.found = false;
    out.push(entry);
  });
  return out;
}
