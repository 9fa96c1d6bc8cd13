/**
 * Wire shapes of the PatSnap answers (snake_case), checked with zod before anything
 * uses them. Strict where the client depends on a value (the envelope, `pn`,
 * `patent_id`, the lists it iterates, task ids); lenient on descriptive fields, which
 * PatSnap documents as optional and which vary by office and account: a missing,
 * null or oddly typed optional field is simply absent.
 */
import * as z from 'zod/mini';

/** zod's `preprocess` (a transform piped into the schema), which zod/mini spells out. */
export type Preprocessed<T extends z.ZodMiniType> = z.ZodMiniPipe<z.ZodMiniTransform<unknown, unknown>, T>;
export function preprocess<T extends z.ZodMiniType>(fn: (v: unknown) => unknown, schema: T): Preprocessed<T> {
  return z.pipe(z.transform(fn), schema);
}

/**
 * zod's `catch` with a value: what does not fit `schema` reads as `value`. Built as
 * `z.catch` builds it, from zod's own class; `z.catch` itself names a member of zod's
 * util namespace (`core.util.constantCatch`), which makes the bundler keep all of that
 * namespace: 9 KB of the bundle's 13 KB of zod util that nothing here runs (#11).
 */
export function caught<T extends z.ZodMiniType>(schema: T, value: z.output<T>): z.ZodMiniCatch<T> {
  return new z.ZodMiniCatch({ type: 'catch', innerType: schema, catchValue: () => value }) as z.ZodMiniCatch<T>;
}

/** An optional leaf: anything not of the expected type reads as absent. */
export function opt<T extends z.ZodMiniType>(schema: T): z.ZodMiniCatch<z.ZodMiniOptional<T>> {
  return caught(z.optional(schema), undefined);
}

/** A descriptive block: absent reads as `empty`, and so does one that does not fit. */
export function block<T extends z.ZodMiniType>(schema: T, empty: z.core.util.NoUndefined<z.output<T>>): z.ZodMiniDefault<z.ZodMiniCatch<T>> {
  return z._default(caught(schema, empty), empty);
}

/** A list the client iterates: absent or null reads as empty, any other non-list is an error. */
export function list<T extends z.ZodMiniType>(item: T): Preprocessed<z.ZodMiniArray<T>> {
  return preprocess((v) => (v === undefined || v === null ? [] : v), z.array(item));
}

/**
 * A list of descriptive items: entries that do not fit are dropped, and so is a value
 * that is not a list at all (`abstracts: {}`), instead of failing the answer, which
 * holds up to 100 patents.
 */
export function looseList<T extends z.ZodMiniType>(item: T): Preprocessed<z.ZodMiniArray<T>> {
  return preprocess((v) => (Array.isArray(v) ? v.filter((x) => item.safeParse(x).success) : []), z.array(item));
}

/** A list the client iterates, of descriptive entries: as `list`, but entries that do not fit are dropped. */
export function entries<T extends z.ZodMiniType>(item: T): Preprocessed<z.ZodMiniArray<T>> {
  return preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v.filter((x) => item.safeParse(x).success) : v), z.array(item));
}

/** An answer whose `data` may be null (or absent) when there is nothing: read as an empty object. */
export function orEmpty<T extends z.ZodMiniType>(schema: T): Preprocessed<T> {
  return preprocess((v) => (v === undefined || v === null ? {} : v), schema);
}

/** A descriptive object: anything that is not an object reads as an empty one, so its fields are simply absent. */
export function looseObject<T extends z.ZodMiniType>(schema: T): Preprocessed<T> {
  return preprocess((v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {}), schema);
}

export const text = z.string();
/** Integers such as dates (yyyyMMdd) and counts, which some answers send as strings. */
export const int = z.union([z.number().check(z.int()), z.pipe(z.string().check(z.regex(/^\s*-?\d+\s*$/)), z.transform(Number))]);
export const nonEmpty = z.string().check(z.trim(), z.minLength(1));

/**
 * Only `status` and `error_code` are required (the seeds mark `data` and `error_msg`
 * optional): an error answer may carry no data, `data: null`, or some, and a success
 * may carry `data: null`. The endpoint's schema decides what a missing `data` means.
 */
export const envelopeSchema = z.object({
  status: z.boolean(),
  error_code: int,
  error_msg: z.pipe(
    z.optional(z.unknown()),
    z.transform((v) => (typeof v === 'string' ? v : undefined)),
  ),
  data: z.optional(z.unknown()),
});
export type Envelope = z.infer<typeof envelopeSchema>;

// ---- P002 ----------------------------------------------------------------------------

export const searchHitSchema = z.object({
  pn: nonEmpty,
  patent_id: nonEmpty,
  // v2 adds these; v1 leaves them out.
  title: opt(text),
  apno: opt(text),
  apdt: opt(int),
  pbdt: opt(int),
  inventor: opt(text),
  current_assignee: opt(text),
  original_assignee: opt(text),
});

/** A success with `data: null` found nothing. */
export const searchDataSchema = orEmpty(
  z.object({
    results: list(searchHitSchema),
    result_count: opt(int),
    total_search_result_count: opt(int),
  }),
);
export type SearchData = z.infer<typeof searchDataSchema>;

// ---- P001 ----------------------------------------------------------------------------

/** The count is the whole answer: without it there is nothing to show. */
export const countDataSchema = z.object({ total_search_result_count: z.pipe(int, z.number().check(z.int(), z.nonnegative())) });

// ---- batch endpoints -------------------------------------------------------------------

const langText = z.object({ lang: opt(text), text: z.string() });
const party = z.object({ lang: opt(text), name: nonEmpty, address: opt(text), sequence: opt(int) });
const classification = z.object({ main: opt(text), further: opt(z.array(text)) });

export const bibliographicDataSchema = z.object({
  invention_title: looseList(langText),
  abstracts: looseList(langText),
  parties: block(z.object({ applicants: looseList(party), assignees: looseList(party), inventors: looseList(party) }), { applicants: [], assignees: [], inventors: [] }),
  application_reference: opt(z.object({ apno: opt(text), date: opt(int) })),
  publication_reference: opt(z.object({ country: opt(text), doc_number: opt(text), kind: opt(text), date: opt(int) })),
  priority_claims: looseList(z.object({ country: opt(text), doc_number: opt(text), date: opt(int) })),
  patent_type: opt(text),
  classification_data: opt(
    z.object({
      classification_ipcr: opt(classification),
      classification_ipc: opt(classification),
      classification_cpc: opt(classification),
    }),
  ),
});

export const patentItem = z.object({ pn: nonEmpty, patent_id: nonEmpty });

export const bibliographyItemSchema = z.extend(patentItem, {
  bibliographic_data: looseObject(bibliographicDataSchema),
});
export type BibliographyItem = z.infer<typeof bibliographyItemSchema>;

export const legalStatusItemSchema = z.extend(patentItem, {
  simple_legal_status: preprocess((v) => (typeof v === 'string' ? [v] : v), looseList(text)),
});

export const abstractImageItemSchema = z.extend(patentItem, {
  abstract_drawing: opt(z.object({ num: opt(z.union([text, z.pipe(z.number(), z.transform(String))])), path: opt(nonEmpty) })),
});

export const pdfItemSchema = z.extend(patentItem, {
  pdf: opt(z.object({ path: opt(nonEmpty) })),
  pn_related: opt(text),
});

/** Batch answers are lists; `data: null` (nothing found) reads as empty. */
export function batchDataSchema<T extends z.ZodMiniType>(item: T): Preprocessed<z.ZodMiniArray<T>> {
  return list(item);
}

// ---- P048 -----------------------------------------------------------------------------

/** A success with `data: null` has no documents. */
export const examDocsDataSchema = orEmpty(
  z.object({
    apno: opt(text),
    patent_id: opt(text),
    patent_number: opt(text),
    doc_count: opt(int),
    doc_detail_count: opt(int),
    doc_detail: entries(
      z.object({
        date: opt(int),
        doc_code: opt(text),
        description: opt(text),
        page_number: opt(int),
        path: opt(nonEmpty),
      }),
    ),
  }),
);

// ---- P003 -----------------------------------------------------------------------------

const facetValue = z.object({
  // Years may come as numbers.
  name: z.union([nonEmpty, z.pipe(z.number(), z.transform(String))]),
  count: z.pipe(int, z.number().check(z.int(), z.nonnegative())),
});

/** One object per field, keyed by the field's name in lower case; `data: null` reads as no values. */
export const facetsDataSchema = entries(z.record(z.string(), looseList(facetValue)));

// ---- P055 -----------------------------------------------------------------------------

export const exportCreatedSchema = z.object({
  task_id: nonEmpty,
  count: opt(int),
});

export const exportStatusSchema = z.object({
  export_status: z.pipe(
    z.pipe(
      z.string(),
      z.transform((s) => s.trim().toUpperCase()),
    ),
    z.enum(['PENDING', 'SUCCESS', 'FAIL']),
  ),
  count: opt(int),
  url: opt(nonEmpty),
});
