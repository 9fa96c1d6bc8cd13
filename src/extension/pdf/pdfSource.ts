/**
 * The bytes of what the PDF viewer shows: a file (a PDF saved in the workspace, read
 * with VS Code's file system, local or remote), or a patent's PDF or office action,
 * downloaded here in the extension host with the signed-link client (checked to be a
 * PDF) and never by the browser, which in VS Code for the web cannot reach the link.
 * The last few documents are kept in memory, so the viewer and the file system
 * provider reading the same document download it once.
 */
import * as vscode from 'vscode';
import { LruCache } from '../../core/cache/lru';
import { SharedLoads } from '../../core/cache/sharedLoads';
import type { PatsnapApi } from '../../core/api/types';
import { withFreshLink } from '../../core/api/freshLink';
import { UserInputError } from '../common/errorMessages.pure';
import type { PatsnapSession } from '../session';
import { listedDocumentLink } from '../patent/patentView.pure';
import { MAX_PDF_BYTES, parsePdfUri, type PdfTarget } from './pdfUris.pure';

export interface PdfContent {
  bytes: Uint8Array;
  /** The file name, shown as the viewer's title. */
  title: string;
  /** Said beside the document: whose PDF it is when a family member's stands in. */
  note?: string;
}

export class PdfSource implements vscode.Disposable {
  private readonly documents = new SharedLoads(new LruCache<string, PdfContent>({ maxSize: 128 * 1024 * 1024, sizeOf: (c) => Math.max(1, c.bytes.length) }));
  private readonly listener: vscode.Disposable;

  constructor(private readonly session: PatsnapSession) {
    // Another backend (or a cleared cache) may answer otherwise: documents are read again,
    // and one read under way from the backend before is neither shared nor kept.
    this.listener = session.onDidClearLookups(() => this.documents.clear());
  }

  dispose(): void {
    this.listener.dispose();
    this.documents.clear();
  }

  /** The document's bytes; concurrent reads of one URI share one download. */
  read(uri: vscode.Uri, signal?: AbortSignal): Promise<PdfContent> {
    return this.documents.get(uri.toString(), () => this.load(uri, signal));
  }

  /** What the URI names, for the viewer's title before the bytes come. */
  title(uri: vscode.Uri): string {
    return uri.path.split('/').pop() || 'PDF';
  }

  private async load(uri: vscode.Uri, signal: AbortSignal | undefined): Promise<PdfContent> {
    const target = parsePdfUri(uri);
    if (!target) return { bytes: await vscode.workspace.fs.readFile(uri), title: this.title(uri) };
    const api = await this.session.api();
    return target.kind === 'patent' ? this.patentPdf(api, target, uri, signal) : this.document(api, target, uri, signal);
  }

  private async patentPdf(api: PatsnapApi, target: Extract<PdfTarget, { kind: 'patent' }>, uri: vscode.Uri, signal: AbortSignal | undefined): Promise<PdfContent> {
    const records = await this.session.recordLookup();
    const key = { number: target.number, patentId: target.patentId };
    return withFreshLink(
      async () => {
        const link = await records.pdfLink(key, signal);
        if (!link?.url) throw new UserInputError(vscode.l10n.t('PatSnap has no PDF of {0}.', target.number));
        return { url: link.url, link };
      },
      async ({ url, link }) => {
        const note =
          link.pnRelated && link.pnRelated.toUpperCase() !== link.pn.toUpperCase()
            ? vscode.l10n.t('PatSnap has no PDF of {0} itself; this is the PDF of family member {1}.', link.pn, link.pnRelated)
            : undefined;
        const { bytes } = await api.fetchSignedBytes(url, { signal, maxBytes: MAX_PDF_BYTES, expect: 'pdf' });
        return note ? { bytes, title: this.title(uri), note } : { bytes, title: this.title(uri) };
      },
      // A kept link that does not open is not kept.
      () => records.forgetPdfLink(key),
    );
  }

  private async document(api: PatsnapApi, target: Extract<PdfTarget, { kind: 'document' }>, uri: vscode.Uri, signal: AbortSignal | undefined): Promise<PdfContent> {
    // Signed links are never kept in a URI: the document is found again in its page's listing, kept while its link opens, else asked for again.
    const records = await this.session.recordLookup();
    return withFreshLink(
      (again) => listedDocumentLink(records, target, vscode.l10n, signal, again),
      async ({ url }) => ({ bytes: (await api.fetchSignedBytes(url, { signal, maxBytes: MAX_PDF_BYTES, expect: 'pdf' })).bytes, title: this.title(uri) }),
    );
  }
}
