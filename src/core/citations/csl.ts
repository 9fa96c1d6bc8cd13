/**
 * A citation list as CSL-JSON (the input format of citeproc, Zotero and Pandoc), item type
 * `patent`, fields as Zotero maps its own patent items: `number` the publication number,
 * `author` the inventors (the holders when no inventor is known), `issued` the publication
 * date, `submitted` the filing date, `authority` the issuing office, `call-number` the
 * application number; CSL has no assignee, so the holders go in `publisher` (and, with the
 * priority claims, in `custom`). Every item validates against the CSL schema
 * (schemas/input/csl-data.json of citation-style-language/schema). English in every display
 * language on purpose (the note of a patent not found too): the citation style localises what it prints.
 */
import { isOrganisation, type CitationEntry } from './entries';
import { officeName } from './offices';
import { holders } from './tables';

type DateVariable = { 'date-parts': [[number, number, number] | [number, number] | [number]] };
type NameVariable = { literal: string } | { family: string; given: string };

export interface CslItem {
  id: string;
  type: 'patent';
  title?: string;
  number: string;
  authority?: string;
  jurisdiction?: string;
  author?: NameVariable[];
  publisher?: string;
  issued?: DateVariable;
  submitted?: DateVariable;
  'call-number'?: string;
  references?: string;
  status?: string;
  note?: string;
  custom?: Record<string, unknown>;
}

function dateOf(iso: string | undefined): DateVariable | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? { 'date-parts': [[Number(m[1]), Number(m[2]), Number(m[3])]] } : undefined;
}

/**
 * A person's name as given: `Family, Given` split where the comma says so, anything else
 * kept whole (`literal`), since PatSnap's names come in either order (`Watanabe Kenji`).
 */
function nameOf(name: string): NameVariable {
  const m = /^([^,]+),\s*([^,]+)$/.exec(name);
  return m && !isOrganisation(name) ? { family: (m[1] as string).trim(), given: (m[2] as string).trim() } : { literal: name };
}

export function cslItems(entries: readonly CitationEntry[]): CslItem[] {
  return entries.map((e) => {
    const f = e.facts;
    const item: CslItem = { id: e.number, type: 'patent', number: e.number };
    const authority = officeName(e.office);
    if (authority) item.authority = authority;
    item.jurisdiction = e.office.toLowerCase();
    if (e.found === false) item.note = e.type === 'application' ? 'No publication found in PatSnap' : 'Not found in PatSnap';
    if (!f) return item;
    if (f.title) item.title = f.title;
    const people = f.inventors.length > 0 ? f.inventors : holders(e);
    if (people.length > 0) item.author = people.map(nameOf);
    const held = holders(e);
    if (held.length > 0) item.publisher = held.join('; ');
    const issued = dateOf(f.publicationDate);
    if (issued) item.issued = issued;
    const submitted = dateOf(f.applicationDate);
    if (submitted) item.submitted = submitted;
    if (f.applicationNumber) item['call-number'] = f.applicationNumber;
    if (f.priority.length > 0) item.references = `Priority: ${f.priority.map((p) => (p.date ? `${p.number} (${p.date})` : p.number)).join('; ')}`;
    const custom: Record<string, unknown> = {};
    if (held.length > 0) custom.assignees = held;
    if (f.priority.length > 0) custom.priority = f.priority;
    if (f.patentId) custom.patsnapId = f.patentId;
    if (f.legal) custom.legalStatus = f.legal;
    if (Object.keys(custom).length > 0) item.custom = custom;
    return item;
  });
}

export function cslJson(entries: readonly CitationEntry[]): string {
  return `${JSON.stringify(cslItems(entries), null, 2)}\n`;
}
