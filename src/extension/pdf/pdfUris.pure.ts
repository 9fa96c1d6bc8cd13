/**
 * The documents the PDF viewer reads from PatSnap, named as URIs of our own read-only
 * scheme: a patent's PDF, or one office action of its file wrapper. A URI holds what
 * asks for the document again (ids and the page it was on, never a signed link, which
 * expires), so a tab restored after a reload opens again. Pure.
 */
export const PDF_SCHEME = 'patentlookup-pdf';

/** Large enough for any patent PDF or office action; a guard against a runaway download. */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;

export interface UriParts {
  scheme: string;
  path: string;
  query: string;
}

export type PdfTarget =
  | { kind: 'patent'; number: string; patentId?: string }
  | {
      kind: 'document';
      number: string;
      patentId?: string;
      /** The P048 page the document was listed on: its filter, offset and the document's index there. */
      docCodes: string[];
      dateFrom?: number;
      dateTo?: number;
      offset: number;
      index: number;
      /** What the document was, to check a new listing gives the same one. */
      date?: number;
      code?: string;
    };

const SAFE = /[^A-Za-z0-9._-]/g;

function fileName(target: PdfTarget): string {
  const number = target.number.replace(SAFE, '_');
  if (target.kind === 'patent') return `${number}.pdf`;
  const parts = [number, target.date, target.code, String(target.offset + target.index + 1)].filter((p) => p !== undefined && p !== '');
  return `${parts.map((p) => String(p).replace(SAFE, '_')).join('-')}.pdf`;
}

/** The URI's path and query (the scheme is PDF_SCHEME). The file name ends in .pdf, so the viewer is the editor for it. */
export function pdfUriParts(target: PdfTarget): { path: string; query: string } {
  const q = new URLSearchParams();
  if (target.patentId) q.set('id', target.patentId);
  if (target.kind === 'document') {
    q.set('doc', '1');
    if (target.docCodes.length > 0) q.set('codes', target.docCodes.join(','));
    if (target.dateFrom !== undefined) q.set('from', String(target.dateFrom));
    if (target.dateTo !== undefined) q.set('to', String(target.dateTo));
    q.set('offset', String(target.offset));
    q.set('index', String(target.index));
    if (target.date !== undefined) q.set('date', String(target.date));
    if (target.code) q.set('code', target.code);
  }
  return { path: `/${target.number.replace(SAFE, '_')}/${fileName(target)}`, query: q.toString() };
}

function int(value: string | null): number | undefined {
  if (value === null || !/^\d{1,9}$/.test(value)) return undefined;
  return Number(value);
}

/** What a URI of our scheme names, or undefined when it names nothing we made. */
export function parsePdfUri(uri: UriParts): PdfTarget | undefined {
  if (uri.scheme !== PDF_SCHEME) return undefined;
  const m = /^\/([A-Za-z0-9._-]{1,64})\/[^/]+\.pdf$/.exec(uri.path);
  if (!m) return undefined;
  const number = m[1] as string;
  const q = new URLSearchParams(uri.query);
  const patentId = q.get('id') ?? undefined;
  const base = patentId && /^[A-Za-z0-9-]{1,128}$/.test(patentId) ? { number, patentId } : { number };
  if (q.get('doc') !== '1') return { kind: 'patent', ...base };
  const offset = int(q.get('offset'));
  const index = int(q.get('index'));
  if (offset === undefined || index === undefined) return undefined;
  const docCodes = (q.get('codes') ?? '')
    .split(',')
    .filter((c) => /^[A-Za-z0-9._-]{1,32}$/.test(c))
    .slice(0, 50);
  const target: PdfTarget = { kind: 'document', ...base, docCodes, offset, index };
  const from = int(q.get('from'));
  const to = int(q.get('to'));
  const date = int(q.get('date'));
  const code = q.get('code');
  if (from !== undefined) target.dateFrom = from;
  if (to !== undefined) target.dateTo = to;
  if (date !== undefined) target.date = date;
  if (code && /^[A-Za-z0-9._-]{1,32}$/.test(code)) target.code = code;
  return target;
}
