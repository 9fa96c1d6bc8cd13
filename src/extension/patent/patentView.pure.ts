/**
 * What the patent panel shows, built from the core's answers. Pure, so the
 * mapping is unit-tested; the webview only renders it.
 */
import type { Bibliography, ExamDocsPage, ExamDocsParams, ExamDocument } from '../../core/api/types';
import type { RecordLookup } from '../../core/cache/recordLookup';
import { TEXT_MAX } from '../../webview/limits';
import type { DocFilter, DocumentsView, PatentView } from '../../webview/protocol';
import { UserInputError } from '../common/errorMessages.pure';
import { formatYmd } from '../common/format.pure';
import type { PdfTarget } from '../pdf/pdfUris.pure';
import type { Translator } from '../../core/text/translator';

/** PatSnap's examination documents cover overseas offices only. */
export function examDocsSupported(number: string): boolean {
  return !number.toUpperCase().startsWith('CN');
}

export const CN_EXAM_DOCS_MESSAGE = 'PatSnap offers no examination documents for Chinese (CN) patents.';

/** API text within what the webview takes (`TEXT_MAX`): a longer title or abstract is cut, not refused. */
function clampText(text: string, max = TEXT_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}

/** At most this many names of one kind are shown; the rest would only bury the others. */
const MAX_NAMES = 200;

function names(parties: ReadonlyArray<{ name: string }>): string[] {
  return [...new Set(parties.map((p) => clampText(p.name.trim(), 1_000)).filter((n) => n !== ''))].slice(0, MAX_NAMES);
}

function optional(value: string | undefined | null): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : clampText(value);
}

/** A count the webview takes: a whole number, not negative (0 for anything else). */
function count(n: number | undefined): number {
  return n !== undefined && Number.isSafeInteger(n) && n > 0 ? n : 0;
}

export function toPatentView(b: Bibliography, legalStatus: readonly string[]): PatentView {
  const number = b.pn;
  return {
    patentId: b.patentId,
    number,
    kind: optional(b.kind),
    country: optional(b.country),
    title: optional(b.title),
    abstract: optional(b.abstract),
    assignees: names(b.assignees),
    applicants: names(b.applicants),
    inventors: names(b.inventors),
    applicationNumber: optional(b.applicationNumber),
    applicationDate: formatYmd(b.applicationDate),
    publicationDate: formatYmd(b.publicationDate),
    patentType: optional(b.patentType),
    ipc: optional(b.ipcMain),
    cpc: optional(b.cpcMain),
    legalStatus: legalStatus.slice(0, MAX_NAMES).map((s) => clampText(s, 1_000)),
    examDocsSupported: examDocsSupported(b.country ?? number),
  };
}

export const DOCS_PAGE_SIZE = 20;

/** The P048 page the panel lists (and a document opened from it was listed on): the patent, its filter and offset. */
export function docsPageParams(patent: { number?: string; patentId?: string }, filter: { docCodes: readonly string[]; dateFrom?: number; dateTo?: number }, offset: number): ExamDocsParams {
  return {
    ...(patent.patentId ? { patentId: patent.patentId } : { patentNumber: patent.number }),
    docCodes: filter.docCodes,
    dateFrom: filter.dateFrom,
    dateTo: filter.dateTo,
    limit: DOCS_PAGE_SIZE,
    offset,
  };
}

/** A listed document in a listing of its page: at its index while it is the same one (date and code), else the same one elsewhere on the page. */
export function documentOn(page: ExamDocsPage, listed: { index: number; date?: number; code?: string }): ExamDocument | undefined {
  const same = (d: ExamDocument): boolean => (listed.date === undefined || d.date === listed.date) && (listed.code === undefined || d.docCode === listed.code);
  const at = page.documents[listed.index];
  return at && same(at) ? at : page.documents.find(same);
}

/**
 * The examination document `target` names (a panel's row, a viewer's URI), with a signed link
 * that opens: found again on its page's listing, kept while its link opens, else asked for
 * again; `again` asks whatever is kept (a kept link the storage refused).
 */
export async function listedDocumentLink(
  records: Pick<RecordLookup, 'examDocumentLink'>,
  target: Extract<PdfTarget, { kind: 'document' }>,
  l10n: Translator,
  signal?: AbortSignal,
  again = false,
): Promise<ExamDocument & { url: string }> {
  const doc = await records.examDocumentLink(docsPageParams(target, target, target.offset), (page) => documentOn(page, target), signal, again);
  if (!doc?.url) throw new UserInputError(l10n.t('PatSnap no longer lists this examination document of {0}; open it again from the patent panel.', target.number));
  return { ...doc, url: doc.url };
}

export function toDocumentsView(page: ExamDocsPage, offset: number, limit: number, filter: DocFilter): DocumentsView {
  return {
    state: 'page',
    rows: page.documents.map((d, index) => ({
      index,
      date: formatYmd(d.date),
      code: optional(d.docCode),
      description: optional(d.description),
      pages: d.pageCount === undefined || count(d.pageCount) !== d.pageCount ? undefined : d.pageCount,
      openable: d.url !== undefined || d.urlExpired === true,
    })),
    offset,
    limit,
    matching: count(page.detailCount),
    total: count(page.docCount),
    filter,
  };
}

/** The image's MIME type from its first bytes; only raster formats a webview shows safely. */
export function sniffImageType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | undefined {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return 'image/gif';
  if (b.length >= 12 && b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return 'image/webp';
  return undefined;
}

/** A file name for a saved PDF, safe on every platform. */
export function pdfFileName(number: string, suffix = ''): string {
  return `${number.replace(/[^A-Za-z0-9._-]/g, '_')}${suffix}.pdf`;
}
