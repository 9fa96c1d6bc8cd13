/**
 * The messages between the PDF viewer (the custom editor `patentLookup.pdf`, in the
 * extension host) and its webview. The host reads the file (a PDF in the workspace,
 * or a patent's PDF or office action it downloads with the signed-link client) and
 * streams its bytes in chunks; the webview never fetches a document itself, so it
 * works the same in desktop VS Code and in VS Code in the browser. Links in a PDF go
 * back to the host, which opens only http(s).
 */
import * as z from 'zod/mini';
import { TEXT_MAX } from './limits';

export { PDF_VIEW_TYPE } from './viewTypes';

/** Bytes per chunk the host posts: small enough to show progress, large enough to be few. */
export const PDF_CHUNK_BYTES = 1024 * 1024;

const text = z.string().check(z.maxLength(TEXT_MAX));
const count = z.number().check(z.int(), z.minimum(0));

const errorSchema = z.object({
  message: text,
  actions: z.array(z.object({ id: z.enum(['retry', 'setCredentials', 'useSandbox', 'openSettings', 'showLog']), label: z.string().check(z.maxLength(60)) })).check(z.maxLength(5)),
});

const toViewerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('strings'), strings: z.record(z.string().check(z.maxLength(64)), z.string().check(z.maxLength(500))) }),
  /** The document is being read (or downloaded); `note` says whose PDF stands in, when a family member's does. */
  z.object({ type: z.literal('loading'), title: text, note: z.optional(text) }),
  /** The bytes follow: `size` in all. */
  z.object({ type: z.literal('start'), size: count, title: text, note: z.optional(text) }),
  z.object({ type: z.literal('chunk'), offset: count, bytes: z.instanceof(Uint8Array) }),
  z.object({ type: z.literal('end') }),
  z.object({ type: z.literal('error'), error: errorSchema }),
]);
export type ToViewer = z.infer<typeof toViewerSchema>;

const fromViewerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** What the reader sees: for the host's log and its tests. */
  z.object({
    type: z.literal('state'),
    pages: count,
    page: count,
    /** pdf.js's scale, 1 = 100 %. */
    scale: z.number().check(z.minimum(0), z.maximum(100)),
    find: z.optional(z.object({ query: z.string().check(z.maxLength(1_000)), current: count, total: count })),
  }),
  /** pdf.js could not read the bytes as a PDF. */
  z.object({ type: z.literal('failed'), message: z.string().check(z.maxLength(1_000)) }),
  z.object({ type: z.literal('save') }),
  z.object({ type: z.literal('retry') }),
  z.object({ type: z.literal('errorAction'), action: z.enum(['retry', 'setCredentials', 'useSandbox', 'openSettings', 'showLog']) }),
  /** A link in the PDF: the host opens it when it is http(s). */
  z.object({ type: z.literal('openLink'), url: z.string().check(z.maxLength(2_048)) }),
]);
export type FromViewer = z.infer<typeof fromViewerSchema>;

type Parsed<T> = { ok: true; message: T } | { ok: false; problem: string };

function parseWith<T>(schema: z.ZodMiniType<T>, raw: unknown): Parsed<T> {
  const r = schema.safeParse(raw);
  return r.success ? { ok: true, message: r.data } : { ok: false, problem: z.prettifyError(r.error) };
}

export const parseToViewer = (raw: unknown): Parsed<ToViewer> => parseWith(toViewerSchema, raw);
export const parseFromViewer = (raw: unknown): Parsed<FromViewer> => parseWith(fromViewerSchema, raw);

/** The viewer's words; the host sends them translated (src/extension/pdf/pdfStrings.ts). */
export const PDF_STRING_KEYS = [
  'toolbar',
  'previousPage',
  'nextPage',
  'pageNumber',
  'pageOf',
  'zoomOut',
  'zoomIn',
  'zoom',
  'zoomAuto',
  'zoomPageFit',
  'zoomPageWidth',
  'find',
  'findPrevious',
  'findNext',
  'findCount',
  'findNone',
  'save',
  'loading',
  'downloading',
  'opening',
  'notPdf',
  'document',
  'loaded',
  'loadedOnePage',
  'pageLandmark',
  'pageAnnounce',
] as const;
export type PdfStringKey = (typeof PDF_STRING_KEYS)[number];
