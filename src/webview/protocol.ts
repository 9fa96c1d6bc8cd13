/**
 * The messages between the patent panel (extension host) and its webview: the one
 * definition both sides import. Every message is validated on receipt, in both
 * directions, so a stale webview after an update or a bug on either side is a
 * logged, ignored message rather than a crash. Text from the API travels as data
 * and the webview renders it with textContent only. Signed links never cross:
 * the webview asks for a document by index and the extension host opens it.
 */
// zod/mini: the same validation, a fraction of the webview bundle (it tree-shakes).
import * as z from 'zod/mini';
import type { ErrorActionId } from '../extension/common/errorActions.pure';

import { NUMBER_MAX, PATENT_ID_MAX, TEXT_MAX } from './limits';

export { NUMBER_MAX, PATENT_ID_MAX, TEXT_MAX } from './limits';
export { PATENT_VIEW_TYPE } from './viewTypes';

/** The record's sections, each loaded the first time it is shown. */
export const RECORD_SECTIONS = ['claims', 'family', 'citations', 'legal'] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];

const sectionSchema = z.enum(['overview', ...RECORD_SECTIONS, 'documents']);
export type Section = z.infer<typeof sectionSchema>;

/** What a panel is about: ids only. It is also the webview's persisted state. */
const patentRefSchema = z
  .object({
    number: z.optional(z.string().check(z.minLength(1), z.maxLength(NUMBER_MAX))),
    patentId: z.optional(z.string().check(z.minLength(1), z.maxLength(PATENT_ID_MAX))),
  })
  .check(z.refine((r) => r.number !== undefined || r.patentId !== undefined, 'A patent reference needs a number or a patent id.'));
export type PatentRef = z.infer<typeof patentRefSchema>;

export const panelStateSchema = z.object({ ref: patentRefSchema, section: z.optional(sectionSchema) });
export type PanelState = z.infer<typeof panelStateSchema>;

const text = z.string().check(z.maxLength(TEXT_MAX));
const optionalString = z.optional(z.string());
const count = z.number().check(z.int(), z.minimum(0));

const patentViewSchema = z.object({
  patentId: z.string(),
  number: z.string(),
  kind: optionalString,
  country: optionalString,
  title: z.optional(text),
  abstract: z.optional(text),
  assignees: z.array(text),
  applicants: z.array(text),
  inventors: z.array(text),
  applicationNumber: optionalString,
  applicationDate: optionalString,
  publicationDate: optionalString,
  patentType: optionalString,
  ipc: optionalString,
  cpc: optionalString,
  legalStatus: z.array(text),
  /** CN patents: PatSnap offers no examination documents. */
  examDocsSupported: z.boolean(),
});
export type PatentView = z.infer<typeof patentViewSchema>;

/** The fixes an error view offers; their labels come from the host's table (errorActions.pure.ts). */
export const ERROR_ACTION_IDS = ['retry', 'setCredentials', 'useSandbox', 'openSettings', 'showLog'] as const satisfies readonly ErrorActionId[];
// Every action of the table can be offered: this stops compiling when the table grows.
const _everyActionOffered: [Exclude<ErrorActionId, (typeof ERROR_ACTION_IDS)[number]>] extends [never] ? true : never = true;
const errorActionSchema = z.enum(ERROR_ACTION_IDS);

const errorViewSchema = z.object({
  message: text,
  /** The buttons the panel offers, most useful first. */
  actions: z.array(z.object({ id: errorActionSchema, label: z.string().check(z.maxLength(60)) })).check(z.maxLength(5)),
});
export type ErrorView = z.infer<typeof errorViewSchema>;

/** yyyyMMdd, as the API takes dates. */
const ymd = z.number().check(z.int(), z.minimum(17000101), z.maximum(99991231));

const docFilterSchema = z.object({
  docCodes: z.array(z.string().check(z.regex(/^[A-Za-z0-9._-]{1,32}$/))).check(z.maxLength(50)),
  dateFrom: z.optional(ymd),
  dateTo: z.optional(ymd),
});
export type DocFilter = z.infer<typeof docFilterSchema>;

const examDocRowSchema = z.object({
  /** Position in the current page; what the webview sends back to open it. */
  index: count,
  date: optionalString,
  code: optionalString,
  description: z.optional(text),
  pages: z.optional(count),
  openable: z.boolean(),
});

const documentsViewSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('unsupported'), message: text }),
  z.object({ state: z.literal('loading') }),
  z.object({ state: z.literal('error'), error: errorViewSchema }),
  z.object({
    state: z.literal('page'),
    rows: z.array(examDocRowSchema),
    offset: count,
    limit: z.number().check(z.int(), z.minimum(1)),
    /** Rows matching the filter (`doc_detail_count`). */
    matching: count,
    /** Documents in the file wrapper (`doc_count`). */
    total: count,
    filter: docFilterSchema,
  }),
]);
export type DocumentsView = z.infer<typeof documentsViewSchema>;

const imageViewSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('loading') }),
  z.object({ state: z.literal('none') }),
  z.object({ state: z.literal('error'), message: text }),
  z.object({ state: z.literal('loaded'), dataUri: z.string().check(z.regex(/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/)), alt: text }),
]);
export type ImageView = z.infer<typeof imageViewSchema>;

// --- the record's sections ------------------------------------------------------

/** A section not loaded yet, loading, with nothing recorded, or failed (with its fixes). */
const pendingStates = [
  z.object({ state: z.literal('loading') }),
  z.object({ state: z.literal('empty'), message: text }),
  z.object({ state: z.literal('error'), error: errorViewSchema }),
] as const;

/** A section's view: one of the pending states, or loaded with `fields`. */
function sectionViewSchema<F extends z.core.$ZodLooseShape>(fields: F) {
  return z.discriminatedUnion('state', [...pendingStates, z.object({ state: z.literal('loaded'), ...fields })]);
}

const shortText = z.string().check(z.maxLength(1_000));
const labelSchema = z.object({ code: shortText, label: shortText });
const number = z.string().check(z.minLength(1), z.maxLength(NUMBER_MAX));

const claimRowSchema = z.object({
  num: count,
  independent: z.boolean(),
  /** The claims it refers to. */
  parents: z.array(count).check(z.maxLength(1_000)),
  text,
  /** Nesting under its parent: 0 for a claim at the top. */
  depth: count,
});
export type ClaimRow = z.infer<typeof claimRowSchema>;

const claimsViewSchema = sectionViewSchema({
  /** In tree order: each dependent claim after its parent, one level deeper. */
  claims: z.array(claimRowSchema).check(z.maxLength(5_000)),
  /** The language shown (`EN`, `CN`, …), and the others PatSnap has. */
  language: z.optional(shortText),
  languages: z.array(shortText).check(z.maxLength(20)),
  independentCount: count,
  /** Set when PatSnap shows a family member's claims because it has none of the patent's own. */
  substitute: z.optional(z.object({ number, of: number })),
});
export type ClaimsView = z.infer<typeof claimsViewSchema>;

const familyTypeSchema = z.enum(['simple', 'inpadoc', 'patsnap']);
export type FamilyTypeId = z.infer<typeof familyTypeSchema>;

const familyMemberSchema = z.object({
  number,
  kind: z.optional(shortText),
  /** yyyy-mm-dd publication date. */
  date: z.optional(shortText),
  title: z.optional(text),
  legalStatus: z.array(shortText).check(z.maxLength(50)),
  detailedStatus: z.array(shortText).check(z.maxLength(50)),
  /** The patent the panel shows. */
  self: z.boolean(),
});
export type FamilyMemberRow = z.infer<typeof familyMemberSchema>;

const familyViewSchema = sectionViewSchema({
  type: familyTypeSchema,
  sizes: z.object({ simple: count, inpadoc: count, patsnap: count }),
  offices: z.array(z.object({ office: shortText, members: z.array(familyMemberSchema).check(z.maxLength(5_000)) })).check(z.maxLength(500)),
});
export type FamilyPanelView = z.infer<typeof familyViewSchema>;

const citationsViewSchema = sectionViewSchema({
  cites: z.array(z.object({ number, kind: z.optional(shortText), categories: z.array(labelSchema).check(z.maxLength(20)), citeTypes: z.array(labelSchema).check(z.maxLength(20)) })).check(z.maxLength(10_000)),
  /** Literature: a DOI is opened by the host (by index) when it is a valid one. */
  nonPatent: z.array(z.object({ index: count, title: z.optional(text), text: z.optional(text), authors: z.array(shortText).check(z.maxLength(200)), doi: z.optional(shortText), linked: z.boolean(), copyright: z.optional(shortText) })).check(z.maxLength(10_000)),
  citedBy: z.array(z.object({ number })).check(z.maxLength(10_000)),
  counts: z.object({ citedBy: count, threeYears: z.optional(count), fiveYears: z.optional(count), simpleFamily: z.optional(count), inpadocFamily: z.optional(count), patsnapFamily: z.optional(count) }),
});
export type CitationsPanelView = z.infer<typeof citationsViewSchema>;

const legalViewSchema = sectionViewSchema({
  simple: z.array(shortText).check(z.maxLength(50)),
  detailed: z.array(shortText).check(z.maxLength(50)),
  events: z.array(shortText).check(z.maxLength(50)),
  /** yyyy-mm-dd of the latest legal change. */
  date: z.optional(shortText),
  /** Oldest first; undated last. */
  timeline: z
    .array(
      z.object({
        date: z.optional(shortText),
        source: z.enum(['inpadoc', 'office']),
        office: z.optional(shortText),
        code: z.optional(shortText),
        description: z.optional(text),
        legalStatus: z.optional(shortText),
        volume: z.optional(shortText),
        others: z.optional(text),
      }),
    )
    .check(z.maxLength(5_000)),
});
export type LegalPanelView = z.infer<typeof legalViewSchema>;

/** The webview's words, in the user's language: the host sends them (vscode.l10n) before anything else. */
const stringsSchema = z.record(z.string().check(z.maxLength(64)), z.string().check(z.maxLength(500)));

/** Shown from the cache past its lifetime: the status line's words, and whether it is being asked for again (false: that failed). */
const cachedNoteSchema = z.object({ note: text, refreshing: z.boolean() });
export type CachedNote = z.infer<typeof cachedNoteSchema>;

/** Extension host -> webview. */
const toWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), state: panelStateSchema }),
  z.object({ type: z.literal('loading') }),
  /** `cached`: the patent as kept, past its lifetime, and what became of asking again (the status line says it); the same for each section. */
  z.object({ type: z.literal('patent'), patent: patentViewSchema, cached: z.optional(cachedNoteSchema) }),
  z.object({ type: z.literal('error'), error: errorViewSchema }),
  z.object({ type: z.literal('image'), image: imageViewSchema }),
  z.object({ type: z.literal('documents'), documents: documentsViewSchema, cached: z.optional(cachedNoteSchema) }),
  z.object({ type: z.literal('showSection'), section: sectionSchema }),
  /**
   * `locale`: VS Code's display language, in which the panel writes its dates (one that is no language tag is dropped, not the words).
   * `statuses`: the known legal statuses' labels in that language, keyed by the English value in lower case (core/record/statusLabels).
   */
  z.object({
    type: z.literal('strings'),
    strings: stringsSchema,
    locale: z.catch(z.optional(z.string().check(z.regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/))), undefined),
    statuses: z.catch(z.optional(stringsSchema), undefined),
  }),
  z.object({ type: z.literal('claims'), view: claimsViewSchema, cached: z.optional(cachedNoteSchema) }),
  z.object({ type: z.literal('family'), view: familyViewSchema, cached: z.optional(cachedNoteSchema) }),
  z.object({ type: z.literal('citations'), view: citationsViewSchema, cached: z.optional(cachedNoteSchema) }),
  z.object({ type: z.literal('legal'), view: legalViewSchema, cached: z.optional(cachedNoteSchema) }),
]);
export type ToWebview = z.infer<typeof toWebviewSchema>;

/** Webview -> extension host. */
const fromWebviewSchema = z.discriminatedUnion('type', [
  /** The webview's script runs and listens: the host may send. */
  z.object({ type: z.literal('ready') }),
  /** A button of an error view: what it is about, and which fix. */
  z.object({ type: z.literal('errorAction'), about: z.enum(['patent', 'documents', ...RECORD_SECTIONS]), action: errorActionSchema }),
  /** The reader chose a section (a tab): the host loads it the first time and keeps it for a reload. */
  z.object({ type: z.literal('section'), section: sectionSchema }),
  z.object({ type: z.literal('familyType'), familyType: familyTypeSchema }),
  z.object({ type: z.literal('claimsLanguage'), language: z.string().check(z.regex(/^[A-Za-z-]{1,16}$/)) }),
  /** Copies one claim's text, or (without num) every independent claim. */
  z.object({ type: z.literal('copyClaims'), num: z.optional(count) }),
  /** A family member or a citation: its own panel. */
  z.object({ type: z.literal('openPatent'), number }),
  /** The DOI of the literature citation at this index, in the browser. */
  z.object({ type: z.literal('openDoi'), index: count }),
  z.object({ type: z.literal('copyNumber') }),
  z.object({ type: z.literal('pdf'), mode: z.enum(['open', 'save']) }),
  z.object({ type: z.literal('loadDocuments'), filter: docFilterSchema, offset: z.number().check(z.int(), z.minimum(0), z.maximum(100_000)) }),
  z.object({ type: z.literal('document'), index: count, mode: z.enum(['open', 'save']) }),
]);
export type ErrorAbout = Extract<FromWebview, { type: 'errorAction' }>['about'];
export type FromWebview = z.infer<typeof fromWebviewSchema>;

export type Parsed<T> = { ok: true; message: T } | { ok: false; problem: string };

function parseWith<T>(schema: z.ZodMiniType<T>, raw: unknown): Parsed<T> {
  const r = schema.safeParse(raw);
  return r.success ? { ok: true, message: r.data } : { ok: false, problem: z.prettifyError(r.error) };
}

export function parseToWebview(raw: unknown): Parsed<ToWebview> {
  return parseWith(toWebviewSchema, raw);
}

export function parseFromWebview(raw: unknown): Parsed<FromWebview> {
  return parseWith(fromWebviewSchema, raw);
}

export function parsePanelState(raw: unknown): PanelState | undefined {
  const r = panelStateSchema.safeParse(raw);
  return r.success ? r.data : undefined;
}
