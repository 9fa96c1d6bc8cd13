/** The PDF viewer's words, in the user's language: one literal `vscode.l10n.t` call per key, so the translation tools find them. */
import * as vscode from 'vscode';
import type { PdfStringKey } from '../../webview/pdfProtocol';

export function pdfStrings(): Record<PdfStringKey, string> {
  return {
    toolbar: vscode.l10n.t('PDF viewer'),
    previousPage: vscode.l10n.t('Previous Page'),
    nextPage: vscode.l10n.t('Next Page'),
    pageNumber: vscode.l10n.t('Page'),
    pageOf: vscode.l10n.t('of {0}'),
    zoomOut: vscode.l10n.t('Zoom Out'),
    zoomIn: vscode.l10n.t('Zoom In'),
    zoom: vscode.l10n.t('Zoom'),
    zoomAuto: vscode.l10n.t('Automatic'),
    zoomPageFit: vscode.l10n.t('Page Fit'),
    zoomPageWidth: vscode.l10n.t('Page Width'),
    find: vscode.l10n.t('Find in document'),
    findPrevious: vscode.l10n.t('Previous Match'),
    findNext: vscode.l10n.t('Next Match'),
    findCount: vscode.l10n.t('{0} of {1}'),
    findNone: vscode.l10n.t('No results'),
    save: vscode.l10n.t('Save\u2026'),
    loading: vscode.l10n.t('Opening {0}\u2026'),
    downloading: vscode.l10n.t('Getting {0}\u2026'),
    opening: vscode.l10n.t('Rendering\u2026'),
    notPdf: vscode.l10n.t('This file could not be read as a PDF.'),
    document: vscode.l10n.t('Document'),
    loaded: vscode.l10n.t('{0}, {1} pages'),
    loadedOnePage: vscode.l10n.t('{0}, 1 page'),
    pageLandmark: vscode.l10n.t('Page {0}'),
    pageAnnounce: vscode.l10n.t('Page {0} of {1}'),
  };
}
