/**
 * A patent's family for the panel and the CLI: the members of one family type,
 * grouped by office, each with its kind, date and legal status. The statuses (and
 * dates, from the bibliography) of the whole family come from one batched call each,
 * never one per member.
 */
import type { FamilyType, LegalStatusDetail, PatentFamily, PatentReference } from '../api/recordTypes';
import type { Bibliography, CallOptions, PatentRefs, PatsnapApi } from '../api/types';
import { withoutKind } from '../api/batch';
import { isoDate } from './legal';

export const FAMILY_TYPES: readonly FamilyType[] = ['simple', 'inpadoc', 'patsnap'];

export interface FamilyMemberView {
  /** Composed publication number, e.g. `US20130033085A1`. */
  number: string;
  office: string;
  docNumber: string;
  kind?: string;
  patentId?: string;
  /** yyyy-mm-dd publication date, when the bibliography was asked for and gave one. */
  date?: string;
  title?: string;
  applicationNumber?: string;
  /** Simple status (Active, Pending, Inactive, …); empty when the service gave none. */
  legalStatus: string[];
  /** Detailed status (Granted, Revoked, Expired, …). */
  detailedStatus: string[];
  /** The patent the family was asked for. */
  self: boolean;
}

export interface FamilyOfficeGroup {
  office: string;
  members: FamilyMemberView[];
}

export interface FamilyView {
  /** The patent's publication number as the service gave it. */
  number: string;
  patentId: string;
  type: FamilyType;
  familyId?: string;
  /** Family sizes of all three types, for the hover card. */
  sizes: Record<FamilyType, number>;
  members: FamilyMemberView[];
  /** Offices in order of their first publication (undated last), members oldest first. */
  offices: FamilyOfficeGroup[];
}

export function familyMembers(family: PatentFamily, type: FamilyType): PatentReference[] {
  return type === 'simple' ? family.simple : type === 'inpadoc' ? family.inpadoc : family.patsnap;
}

function familyId(family: PatentFamily, type: FamilyType): string | undefined {
  return type === 'simple' ? family.simpleFamilyId : type === 'inpadoc' ? family.inpadocFamilyId : family.patsnapFamilyId;
}

/** Finds the answer for each composed number: exact, else the only answer with that number without its kind. */
function matcher<T extends { pn: string }>(items: readonly T[]): (number: string) => T | undefined {
  const exact = new Map(items.map((i) => [i.pn.toUpperCase(), i]));
  const byBase = new Map<string, T[]>();
  for (const i of items) {
    const base = withoutKind(i.pn.toUpperCase());
    byBase.set(base, [...(byBase.get(base) ?? []), i]);
  }
  return (number) => {
    const n = number.toUpperCase();
    const hit = exact.get(n);
    if (hit) return hit;
    const candidates = byBase.get(withoutKind(n));
    return candidates?.length === 1 ? candidates[0] : undefined;
  };
}

/** Members with their statuses and (when given) bibliography, grouped by office. */
export function buildFamilyView(
  family: PatentFamily,
  type: FamilyType,
  statuses: readonly LegalStatusDetail[],
  bibliographies: readonly Bibliography[] = [],
): FamilyView {
  const statusOf = matcher(statuses);
  const bibOf = matcher(bibliographies);
  const selfBase = withoutKind(family.pn.toUpperCase());
  const members = familyMembers(family, type).map((m): FamilyMemberView => {
    const status = statusOf(m.number);
    const bib = bibOf(m.number);
    const view: FamilyMemberView = {
      number: m.number,
      office: m.country,
      docNumber: m.docNumber,
      legalStatus: status ? [...status.simple] : [],
      detailedStatus: status ? [...status.detailed] : [],
      self: m.number.toUpperCase() === family.pn.toUpperCase() || (!m.kind && withoutKind(m.number.toUpperCase()) === selfBase),
    };
    if (m.kind) view.kind = m.kind;
    const patentId = status?.patentId ?? bib?.patentId;
    if (patentId) view.patentId = patentId;
    const date = isoDate(bib?.publicationDate);
    if (date) view.date = date;
    if (bib?.title) view.title = bib.title;
    if (bib?.applicationNumber) view.applicationNumber = bib.applicationNumber;
    return view;
  });
  const byOffice = new Map<string, FamilyMemberView[]>();
  for (const m of members) byOffice.set(m.office, [...(byOffice.get(m.office) ?? []), m]);
  const oldest = (ms: readonly FamilyMemberView[]): string => ms.map((m) => m.date ?? '9999').sort()[0] ?? '9999';
  const offices = [...byOffice.entries()]
    .map(([office, ms]) => ({ office, members: [...ms].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.number.localeCompare(b.number)) }))
    .sort((a, b) => oldest(a.members).localeCompare(oldest(b.members)) || a.office.localeCompare(b.office));
  const view: FamilyView = {
    number: family.pn,
    patentId: family.patentId,
    type,
    sizes: { simple: family.simple.length, inpadoc: family.inpadoc.length, patsnap: family.patsnap.length },
    members,
    offices,
  };
  const id = familyId(family, type);
  if (id) view.familyId = id;
  return view;
}

export interface LoadFamilyOptions extends CallOptions {
  /** Default `simple`. */
  type?: FamilyType;
  /** Also ask the bibliography of every member (dates, titles): one more batched call. Default true. */
  details?: boolean;
}

/**
 * P014 for one patent, then P013 (and P011 unless `details` is false) for all its
 * members at once: ⌈members / 100⌉ calls per endpoint. Undefined when the patent is unknown.
 */
export async function loadFamily(api: PatsnapApi, ref: PatentRefs, options: LoadFamilyOptions = {}): Promise<FamilyView | undefined> {
  const type = options.type ?? 'simple';
  const [family] = await api.family(ref, { signal: options.signal });
  if (!family) return undefined;
  const numbers = familyMembers(family, type).map((m) => m.number);
  if (numbers.length === 0) return buildFamilyView(family, type, []);
  const [statuses, bibliographies] = await Promise.all([
    api.legalStatusDetail({ numbers }, { signal: options.signal }),
    options.details === false ? Promise.resolve([]) : api.bibliography({ numbers }, { signal: options.signal }),
  ]);
  return buildFamilyView(family, type, statuses, bibliographies);
}
