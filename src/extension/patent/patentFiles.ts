import * as vscode from 'vscode';
import type { PatentRefs, PatsnapApi } from '../../core/api/types';
import { withAbortSignal } from '../common/cancellation';
import { openExternalLink } from '../common/links';
import { showInfo } from '../common/notifications';
import { pdfFileName } from './patentView.pure';

/** Large enough for any patent PDF or office action; a guard against a runaway download. */
const MAX_PDF_BYTES = 200 * 1024 * 1024;

/**
 * Opening and saving the signed links PatSnap hands out (PDFs, office actions).
 * Links are used at once and never stored: they expire.
 */
export class PatentFiles {
  /** The patent's PDF (a family member's when PatSnap has none of its own), opened or saved. */
  async pdf(api: PatsnapApi, refs: PatentRefs, label: string, mode: 'open' | 'save'): Promise<void> {
    const link = (await api.pdfs(refs, { replaceByRelated: true }))[0];
    if (!link?.url) {
      void showInfo(`PatSnap has no PDF of ${label}.`);
      return;
    }
    if (link.pnRelated && link.pnRelated !== link.pn) {
      void showInfo(`PatSnap has no PDF of ${link.pn} itself; this is the PDF of family member ${link.pnRelated}.`);
    }
    if (mode === 'open') await this.open(link.url);
    else await this.save(api, link.url, pdfFileName(link.pnRelated ?? link.pn));
  }

  /** In the browser; a link that is not http(s) is refused with a message that says so. */
  async open(url: string): Promise<void> {
    await openExternalLink(url);
  }

  /** Downloads `url` and saves it where the user picks, proposing the workspace folder. */
  async save(api: PatsnapApi, url: string, fileName: string): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: 'Save PDF',
      defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
      filters: { PDF: ['pdf'] },
    });
    if (!target) return undefined;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Downloading ${fileName}\u2026`, cancellable: true },
      (_p, token) =>
        withAbortSignal(token, async (signal) => {
          const { bytes } = await api.fetchSignedBytes(url, { signal, maxBytes: MAX_PDF_BYTES });
          await vscode.workspace.fs.writeFile(target, bytes);
        }),
    );
    const choice = await showInfo(`Saved ${vscode.workspace.asRelativePath(target)}.`, 'Open');
    if (choice === 'Open') await vscode.commands.executeCommand('vscode.open', target);
    return target;
  }
}
