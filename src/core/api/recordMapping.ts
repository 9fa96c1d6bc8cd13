/** From the wire shapes of recordSchemas.ts to the types of recordTypes.ts. */
import type * as z from 'zod/mini';
import { defined, nonBlank } from './mapping';
import type {
  citationsItemSchema,
  citedByItemSchema,
  claimsItemSchema,
  familyItemSchema,
  legalEventsItemSchema,
  legalStatusDetailItemSchema,
} from './recordSchemas';
import type {
  Citations,
  CitedBy,
  LegalEvents,
  LegalStatusDetail,
  PatentClaims,
  PatentFamily,
  PatentReference,
} from './recordTypes';


function labelList(items: readonly string[]): string[] {
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

interface WireReference {
  country: string;
  doc_number: string;
  kind?: string;
  sequence?: number;
}

/** Office + serial + kind in PatSnap's compact form: `US` + `20130033085` + `A1`. */
export function toReference(w: WireReference): PatentReference {
  const country = w.country.trim().toUpperCase();
  const docNumber = w.doc_number.replace(/\s+/g, '').toUpperCase();
  const kind = nonBlank(w.kind)?.toUpperCase();
  // Some answers repeat the office in the serial (`US20130033085`): do not write it twice.
  const serial = docNumber.startsWith(country) && /^\d/.test(docNumber.slice(country.length)) ? docNumber.slice(country.length) : docNumber;
  return defined({ number: `${country}${serial}${kind ?? ''}`, country, docNumber: serial, kind, sequence: w.sequence });
}

/** References in the service's order (`sequence` where given), one per number. */
function references(items: readonly WireReference[]): PatentReference[] {
  const seen = new Set<string>();
  return items
    .map((w, i) => ({ r: toReference(w), i }))
    .sort((a, b) => (a.r.sequence ?? Number.MAX_SAFE_INTEGER) - (b.r.sequence ?? Number.MAX_SAFE_INTEGER) || a.i - b.i)
    .map(({ r }) => r)
    .filter((r) => !seen.has(r.number) && seen.add(r.number));
}

export function toLegalStatusDetail(w: z.output<typeof legalStatusDetailItemSchema>): LegalStatusDetail {
  const l = w.patent_legal;
  return defined({
    patentId: w.patent_id,
    pn: w.pn,
    legalDate: w.legal_date,
    simple: labelList(l.simple_legal_status),
    detailed: labelList(l.legal_status),
    events: labelList(l.event_status),
  });
}

export function toPatentFamily(w: z.output<typeof familyItemSchema>): PatentFamily {
  const f = w.patent_family;
  return defined({
    patentId: w.patent_id,
    pn: w.pn,
    simple: references(f.simple_family),
    inpadoc: references(f.inpadoc_family),
    patsnap: references(f.patsnap_family),
    simpleFamilyId: nonBlank(f.simple_family_id),
    inpadocFamilyId: nonBlank(f.inpadoc_family_id),
    patsnapFamilyId: nonBlank(f.patsnap_family_id),
  });
}

export function toCitedBy(w: z.output<typeof citedByItemSchema>): CitedBy {
  const c = w.patent_cited;
  return {
    patentId: w.patent_id,
    pn: w.pn,
    patents: references(c.cited_by_patents),
    counts: defined({
      threeYears: c.cited_by_3y,
      fiveYears: c.cited_by_5y,
      simpleFamily: c.cited_by_simple_family,
      inpadocFamily: c.cited_by_inpadoc_family,
      patsnapFamily: c.cited_by_patsnap_family,
    }),
  };
}

export function toCitations(w: z.output<typeof citationsItemSchema>): Citations {
  const r = w.patsnap_reference_cited;
  return {
    patentId: w.patent_id,
    pn: w.pn,
    patents: r.cited_patents.map((c) =>
      defined({
        ...toReference(c),
        num: nonBlank(c.num),
        categories: labelList(c.category).map((s) => s.toUpperCase()),
        citeTypes: labelList(c.cite_type).map((s) => s.toUpperCase()),
      }),
    ),
    others: r.cited_others.map((o) =>
      defined({
        num: nonBlank(o.num),
        title: nonBlank(o.title),
        text: nonBlank(o.text),
        doi: nonBlank(o.doi),
        authors: o.author
          .map((a, i) => ({ a, i }))
          .sort((x, y) => (('sequence' in x.a ? x.a.sequence : undefined) ?? Number.MAX_SAFE_INTEGER) - (('sequence' in y.a ? y.a.sequence : undefined) ?? Number.MAX_SAFE_INTEGER) || x.i - y.i)
          .map(({ a }) => a.name.trim())
          .filter((n) => n !== ''),
        copyright: nonBlank(o.copyright),
        lang: nonBlank(o.lang),
      }),
    ),
  };
}

export function toPatentClaims(w: z.output<typeof claimsItemSchema>): PatentClaims {
  return defined({
    patentId: w.patent_id,
    pn: w.pn,
    pnRelated: nonBlank(w.pn_related),
    claimCount: w.claim_count,
    texts: w.claims
      .filter((c) => c.claim_text.trim() !== '')
      .map((c) => defined({ lang: nonBlank(c.lang)?.toUpperCase(), html: c.claim_text, format: nonBlank(c.data_format), independentCount: c.claim_independent_count })),
  });
}

export function toLegalEvents(w: z.output<typeof legalEventsItemSchema>): LegalEvents {
  const d = w.patsnap_legal_data;
  return {
    patentId: w.patent_id,
    pn: w.pn,
    inpadoc: d.inpadoc_legal_data.map((e) =>
      defined({ code: nonBlank(e.event_code), date: e.event_date, description: nonBlank(e.event_desc), country: nonBlank(e.ref_country_code)?.toUpperCase() }),
    ),
    official: d.official_legal_data.map((e) =>
      defined({
        volume: nonBlank(e.event_vol),
        code: nonBlank(e.event_code),
        date: e.event_date,
        description: nonBlank(e.event_desc),
        legalStatus: nonBlank(e.event_legal_status),
        others: nonBlank(e.event_others),
      }),
    ),
  };
}
