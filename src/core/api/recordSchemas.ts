/**
 * Wire shapes of P013, P014, P015, P016, P018, P026 and P069, with the leniency
 * rule of `schemas.ts`: strict on `pn`, `patent_id` and the lists the client walks;
 * a missing, null or oddly typed descriptive field reads as absent, and a list entry
 * that does not fit is dropped, so one odd member never fails the batch.
 */
import * as z from 'zod';
import { int, looseList, nonEmpty, opt, patentItem, text } from './schemas';

/** Codes and serials: PatSnap sends some as numbers (`event_code: 1.3`, `num: 1`). */
const code = z.union([z.string(), z.number().transform(String)]);
/** A descriptive list: anything but a list reads as empty, entries that do not fit are dropped. */
function entries<T extends z.ZodType>(item: T): z.ZodPreprocess<z.ZodPreprocess<z.ZodArray<T>, unknown>, unknown> {
  return z.preprocess((v) => (Array.isArray(v) ? v : []), looseList(item));
}
/** A list of labels; a single label sent bare counts as a list of one. */
const labels = z.preprocess((v) => (typeof v === 'string' ? [v] : v), entries(z.string()));

const reference = z.object({
  country: nonEmpty,
  doc_number: z.union([nonEmpty, z.number().int().transform(String)]),
  kind: opt(text),
  sequence: opt(int),
});

// ---- P013 legal status ---------------------------------------------------------

export const legalStatusDetailItemSchema = patentItem.extend({
  legal_date: opt(int),
  patent_legal: z
    .object({ simple_legal_status: labels, legal_status: labels, event_status: labels })
    .catch({ simple_legal_status: [], legal_status: [], event_status: [] })
    .default({ simple_legal_status: [], legal_status: [], event_status: [] }),
});

// ---- P014 family -----------------------------------------------------------------

export const familyItemSchema = patentItem.extend({
  patent_family: z
    .object({
      simple_family: entries(reference),
      inpadoc_family: entries(reference),
      patsnap_family: entries(reference),
      simple_family_id: opt(code),
      inpadoc_family_id: opt(code),
      patsnap_family_id: opt(code),
    })
    .catch({ simple_family: [], inpadoc_family: [], patsnap_family: [] })
    .default({ simple_family: [], inpadoc_family: [], patsnap_family: [] }),
});

// ---- P015 cited by -------------------------------------------------------------------

export const citedByItemSchema = patentItem.extend({
  patent_cited: z
    .object({
      cited_by_patents: entries(reference),
      cited_by_3y: opt(int),
      cited_by_5y: opt(int),
      cited_by_simple_family: opt(int),
      cited_by_inpadoc_family: opt(int),
      cited_by_patsnap_family: opt(int),
    })
    .catch({ cited_by_patents: [] })
    .default({ cited_by_patents: [] }),
});

// ---- P016 citations ---------------------------------------------------------------------

const citedPatent = reference.extend({ num: opt(code), category: labels, cite_type: labels });

const author = z.union([z.string().transform((name) => ({ name })), z.object({ name: nonEmpty, lang: opt(text), sequence: opt(int) })]);

const citedOther = z.object({
  num: opt(code),
  title: opt(text),
  text: opt(text),
  doi: opt(text),
  author: entries(author),
  copyright: opt(text),
  lang: opt(text),
});

export const citationsItemSchema = patentItem.extend({
  patsnap_reference_cited: z
    .object({ cited_patents: entries(citedPatent), cited_others: entries(citedOther) })
    .catch({ cited_patents: [], cited_others: [] })
    .default({ cited_patents: [], cited_others: [] }),
});

// ---- P018 claims --------------------------------------------------------------------------

export const claimsItemSchema = patentItem.extend({
  claims: entries(z.object({ lang: opt(text), claim_text: z.string(), data_format: opt(text), claim_independent_count: opt(int) })),
  pn_related: opt(text),
  claim_count: opt(int),
});

// ---- P026 legal events -------------------------------------------------------------------

export const legalEventsItemSchema = patentItem.extend({
  patsnap_legal_data: z
    .object({
      inpadoc_legal_data: entries(z.object({ event_code: opt(code), event_date: opt(int), event_desc: opt(text), ref_country_code: opt(text) })),
      official_legal_data: entries(
        z.object({ event_vol: opt(code), event_code: opt(code), event_date: opt(int), event_desc: opt(text), event_legal_status: opt(text), event_others: opt(text) }),
      ),
    })
    .catch({ inpadoc_legal_data: [], official_legal_data: [] })
    .default({ inpadoc_legal_data: [], official_legal_data: [] }),
});
