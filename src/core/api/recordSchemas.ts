/**
 * Wire shapes of P013, P014, P015, P016, P018, P026 and P069, with the leniency
 * rule of `schemas.ts`: strict on `pn`, `patent_id` and the lists the client walks;
 * a missing, null or oddly typed descriptive field reads as absent, and a list entry
 * that does not fit is dropped, so one odd member never fails the batch.
 */
import * as z from 'zod/mini';
import { block, int, looseList, nonEmpty, opt, patentItem, preprocess, type Preprocessed, text } from './schemas';

/** Codes and serials: PatSnap sends some as numbers (`event_code: 1.3`, `num: 1`). */
const code = z.union([z.string(), z.pipe(z.number(), z.transform(String))]);
/** A descriptive list: anything but a list reads as empty, entries that do not fit are dropped. */
function entries<T extends z.ZodMiniType>(item: T): Preprocessed<Preprocessed<z.ZodMiniArray<T>>> {
  return preprocess((v) => (Array.isArray(v) ? v : []), looseList(item));
}
/** A list of labels; a single label sent bare counts as a list of one. */
const labels = preprocess((v) => (typeof v === 'string' ? [v] : v), entries(z.string()));

const reference = z.object({
  country: nonEmpty,
  doc_number: z.union([nonEmpty, z.pipe(z.number().check(z.int()), z.transform(String))]),
  kind: opt(text),
  sequence: opt(int),
});

// ---- P013 legal status ---------------------------------------------------------

export const legalStatusDetailItemSchema = z.extend(patentItem, {
  legal_date: opt(int),
  patent_legal: block(z.object({ simple_legal_status: labels, legal_status: labels, event_status: labels }), { simple_legal_status: [], legal_status: [], event_status: [] }),
});

// ---- P014 family -----------------------------------------------------------------

export const familyItemSchema = z.extend(patentItem, {
  patent_family: block(
    z.object({
      simple_family: entries(reference),
      inpadoc_family: entries(reference),
      patsnap_family: entries(reference),
      simple_family_id: opt(code),
      inpadoc_family_id: opt(code),
      patsnap_family_id: opt(code),
    }),
    { simple_family: [], inpadoc_family: [], patsnap_family: [] },
  ),
});

// ---- P015 cited by -------------------------------------------------------------------

export const citedByItemSchema = z.extend(patentItem, {
  patent_cited: block(
    z.object({
      cited_by_patents: entries(reference),
      cited_by_3y: opt(int),
      cited_by_5y: opt(int),
      cited_by_simple_family: opt(int),
      cited_by_inpadoc_family: opt(int),
      cited_by_patsnap_family: opt(int),
    }),
    { cited_by_patents: [] },
  ),
});

// ---- P016 citations ---------------------------------------------------------------------

const citedPatent = z.extend(reference, { num: opt(code), category: labels, cite_type: labels });

const author = z.union([z.pipe(z.string(), z.transform((name) => ({ name }))), z.object({ name: nonEmpty, lang: opt(text), sequence: opt(int) })]);

const citedOther = z.object({
  num: opt(code),
  title: opt(text),
  text: opt(text),
  doi: opt(text),
  author: entries(author),
  copyright: opt(text),
  lang: opt(text),
});

export const citationsItemSchema = z.extend(patentItem, {
  patsnap_reference_cited: block(z.object({ cited_patents: entries(citedPatent), cited_others: entries(citedOther) }), { cited_patents: [], cited_others: [] }),
});

// ---- P018 claims --------------------------------------------------------------------------

export const claimsItemSchema = z.extend(patentItem, {
  claims: entries(z.object({ lang: opt(text), claim_text: z.string(), data_format: opt(text), claim_independent_count: opt(int) })),
  pn_related: opt(text),
  claim_count: opt(int),
});

// ---- P026 legal events -------------------------------------------------------------------

export const legalEventsItemSchema = z.extend(patentItem, {
  patsnap_legal_data: block(
    z.object({
      inpadoc_legal_data: entries(z.object({ event_code: opt(code), event_date: opt(int), event_desc: opt(text), ref_country_code: opt(text) })),
      official_legal_data: entries(
        z.object({ event_vol: opt(code), event_code: opt(code), event_date: opt(int), event_desc: opt(text), event_legal_status: opt(text), event_others: opt(text) }),
      ),
    }),
    { inpadoc_legal_data: [], official_legal_data: [] },
  ),
});
