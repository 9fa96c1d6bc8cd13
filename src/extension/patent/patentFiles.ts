import * as vscode from 'vscode';
import { withFreshLink } from '../../core/api/freshLink';
import type { PatsnapApi } from '../../core/api/types';
import type { RecordLookup } from '../../core/cache/recordLookup';
import { PDF_VIEW_TYPE } from '../../webview/viewTypes';
import { withAbortSignal } from '../common/cancellation';
import { showInfo } from '../common/notifications';
import { MAX_PDF_BYTES, pdfUriParts, PDF_SCHEME, type PdfTarget } from '../pdf/pdfUris.pure';
import { listedDocumentLink, pdfFileName } from './patentView.pure';

/**
 * Opening and saving PatSnap's documents (PDFs, office actions). Opening is the
 * editor's PDF viewer, which downloads in the extension host (the browser's VS Code
 * cannot follow a signed link); saving downloads the signed link at once, never kept.
 */
export class PatentFiles {
  /** The patent's PDF (a family member's when PatSnap has none of its own), in the viewer or saved. */
  async pdf(api: () => Promise<PatsnapApi>, patent: { number: string; patentId?: string }, mode: 'open' | 'save'): Promise<void> {
    if (mode === 'open') return this.view({ kind: 'patent', ...patent });
    const refs = patent.patentId ? { patentIds: [patent.patentId] } : { numbers: [patent.number] };
    const client = await api();
    const link = (await client.pdfs(refs, { replaceByRelated: true }))[0];
    if (!link?.url) {
      void showInfo(vscode.l10n.t('PatSnap has no PDF of {0}.', patent.number));
      return;
    }
    if (link.pnRelated && link.pnRelated !== link.pn) {
      void showInfo(vscode.l10n.t('PatSnap has no PDF of {0} itself; this is the PDF of family member {1}.', link.pn, link.pnRelated));
    }
    const url = link.url;
    await this.save(pdfFileName(link.pnRelated ?? link.pn), (signal) => client.fetchSignedBytes(url, { signal, maxBytes: MAX_PDF_BYTES, expect: 'pdf' }));
  }

  /**
   * An office action the panel lists, saved: with its kept link while that opens, else
   * with one asked for again from its page's listing, as the viewer does.
   */
  async saveDocument(api: PatsnapApi, records: Pick<RecordLookup, 'examDocumentLink'>, target: Extract<PdfTarget, { kind: 'document' }>, fileName: string): Promise<vscode.Uri | undefined> {
    return this.save(fileName, (signal) =>
      withFreshLink(
        (again) => listedDocumentLink(records, target, vscode.l10n, signal, again),
        ({ url }) => api.fetchSignedBytes(url, { signal, maxBytes: MAX_PDF_BYTES, expect: 'pdf' }),
      ),
    );
  }

  /** A patent's PDF or an office action in the editor's PDF viewer (custom editor `patentLookup.pdf`). */
  async view(target: PdfTarget): Promise<void> {
    const { path, query } = pdfUriParts(target);
    await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.from({ scheme: PDF_SCHEME, path, query }), PDF_VIEW_TYPE);
  }

  /**
   * Saves what `download` fetches where the user picks, proposing `fileName` in the
   * workspace folder: the dialog first, then the download, with progress and Cancel.
   */
  async save(fileName: string, download: (signal: AbortSignal) => Promise<{ bytes: Uint8Array }>): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save PDF'),
      defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
      filters: { PDF: ['pdf'] },
    });
    if (!target) return undefined;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Downloading {0}\u2026', fileName), cancellable: true },
      (_p, token) =>
        withAbortSignal(token, async (signal) => {
          const { bytes } = await download(signal);
          await vscode.workspace.fs.writeFile(target, bytes);
        }),
    );
    const open = vscode.l10n.t('Open');
    const choice = await showInfo(vscode.l10n.t('Saved {0}.', vscode.workspace.asRelativePath(target)), open);
    if (choice === open) await vscode.commands.executeCommand('vscode.open', target);
    return target;
  }
}
