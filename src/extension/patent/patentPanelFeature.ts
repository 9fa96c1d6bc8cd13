/**
 * The patent panel: Open Patent…, Show Examination Documents…, and the PDF and copy
 * actions of tree rows. One panel per patent: opening a patent that is already open
 * reveals its panel. Panels come back after a window reload through the serializer
 * the composition root registers, from the ids their webview kept in its state.
 */
import * as vscode from 'vscode';
import { PATENT_VIEW_TYPE, parsePanelState, type PanelState, type PatentRef } from '../../webview/protocol';
import type { FeatureCommands } from '../common/commands';
import { Disposable } from '../common/disposable';
import { UserInputError } from '../common/errorMessages.pure';
import type { Feature, FeatureHost } from '../common/feature';
import { requireCredentials } from '../credentials/requireCredentials';
import { readOpenPatentArgs, type OpenPatentRequest } from './openPatentArgs.pure';
import { formatDay } from '../common/format.pure';
import { quickPickText } from '../common/plainText.pure';
import { normalisePatentInput, openPatentInput } from './patentNumberInput';
import { showInfo } from '../common/notifications';
import { PatentFiles } from './patentFiles';
import { setPatentPage, type PanelRestorer } from './patentPage';
import { PatentPanel, type PatentPanelDeps } from './patentPanel';

export class PatentPanelFeature extends Disposable implements Feature<'panel'> {
  private readonly panels = new Set<PatentPanel>();
  private readonly extensionUri: vscode.Uri;
  private readonly deps: PatentPanelDeps;

  constructor(host: FeatureHost) {
    super();
    this.extensionUri = host.context.extensionUri;
    this.deps = { session: host.session, errors: host.errors, log: host.log, files: new PatentFiles(), language: () => host.settings.language };
    this.register({ dispose: () => [...this.panels].forEach((p) => p.dispose()) });
  }

  /**
   * A panel VS Code kept across a reload, its page already set (patentPage.ts): shown
   * again from the ids its webview saved; `received` is what its page sent until now.
   */
  readonly restorer: PanelRestorer = (panel, state, received) => {
    const restored = parsePanelState(state);
    if (!restored) {
      panel.dispose(); // nothing we can show: an empty panel would only confuse
      return;
    }
    this.adopt(panel, restored, received);
  };

  get commands(): FeatureCommands<'panel'> {
    return {
      'patentLookup.openPatent': (arg) => this.openCommand(arg, undefined),
      'patentLookup.showExaminationDocuments': (arg) => this.openCommand(arg, 'documents'),
      'patentLookup.results.copyNumber': async (arg) => {
        const number = readOpenPatentArgs(arg)?.number;
        if (number) await vscode.env.clipboard.writeText(number);
      },
      'patentLookup.results.openPdf': async (arg) => {
        const request = readOpenPatentArgs(arg);
        if (!request) return;
        const number = request.number ? normalisedNumber(request.number) : undefined;
        if (!number && !request.patentId) return;
        await this.deps.files.pdf(() => this.deps.session.api(), { number: number ?? request.patentId ?? 'patent', ...(request.patentId ? { patentId: request.patentId } : {}) }, 'open');
      },
    };
  }

  /** Open panels, for tests. */
  get openPanels(): readonly PatentPanel[] {
    return [...this.panels];
  }

  /** Reveals the patent's panel, creating it when none shows it yet. */
  async open(request: OpenPatentRequest, reveal = true): Promise<PatentPanel> {
    const ref: PatentRef = {};
    if (request.number) ref.number = normalisedNumber(request.number);
    if (request.patentId) ref.patentId = request.patentId;
    const existing = [...this.panels].find((p) => p.matches(ref));
    if (existing) {
      if (reveal) existing.show(request.section);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(PATENT_VIEW_TYPE, ref.number ?? 'Patent', { viewColumn: vscode.ViewColumn.Active, preserveFocus: !reveal }, {
      enableFindWidget: true,
    });
    return this.adopt(panel, { ref, section: request.section });
  }

  private async openCommand(arg: unknown, section: 'documents' | undefined): Promise<void> {
    if (!(await requireCredentials(this.deps.session, vscode.l10n.t('Opening a patent')))) return;
    let request = readOpenPatentArgs(arg);
    if (!request) {
      const typed = await vscode.window.showInputBox({
        title: section === 'documents' ? vscode.l10n.t('Show Examination Documents') : vscode.l10n.t('Open Patent'),
        prompt: vscode.l10n.t('A publication or application number, written any common way'),
        placeHolder: vscode.l10n.t('e.g. US11205304B2, US 11,205,304 B2, EP 1 234 567 B1, U.S. Appl. No. 14/706,838'),
        ignoreFocusOut: true,
        validateInput: (v) => {
          const r = openPatentInput(v);
          return r.ok ? undefined : r.problem;
        },
      });
      if (typed === undefined) return;
      request = { number: typed };
    }
    const input = request.number && !request.patentId ? openPatentInput(request.number) : undefined;
    if (input?.ok && input.kind === 'application') {
      const publication = await this.publicationOf(input.number);
      if (!publication) return;
      request = { ...request, number: publication.pn, patentId: publication.patentId };
    }
    await this.open(section ? { ...request, section } : request);
  }

  /** The publication an application number stands for (P069): the only one, or the one the user picks. */
  private async publicationOf(apno: string): Promise<{ pn: string; patentId: string } | undefined> {
    const records = await this.deps.session.recordLookup();
    const resolution = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Looking up application {0}\u2026', apno) }, () => records.resolve(apno));
    const publications = resolution.publications;
    if (publications.length === 0) {
      void showInfo(vscode.l10n.t('PatSnap has no publication of application {0}.', apno));
      return undefined;
    }
    if (publications.length === 1) return publications[0];
    // Latest first: the grant, usually, is what one wants to read.
    const items = [...publications].reverse().map((p) => ({ label: quickPickText(p.pn), description: quickPickText(p.title ?? ''), detail: p.publicationDate ? vscode.l10n.t('Published {0}', formatDay(p.publicationDate) ?? '') : undefined, publication: p }));
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Publications of application {0}', apno), placeHolder: vscode.l10n.t('Which publication to open') });
    return picked?.publication;
  }

  /** `received`: a restored panel's, whose page is set; a new panel gets its page here. */
  private adopt(panel: vscode.WebviewPanel, state: PanelState, received?: readonly unknown[]): PatentPanel {
    if (!received) setPatentPage(panel, this.extensionUri);
    const patentPanel = new PatentPanel(panel, state, this.deps, received ?? []);
    this.panels.add(patentPanel);
    patentPanel.onDidDispose(() => this.panels.delete(patentPanel));
    if (state.section === 'documents') patentPanel.showDocuments();
    return patentPanel;
  }
}

function normalisedNumber(typed: string): string {
  const input = normalisePatentInput(typed);
  if (!input.ok) throw new UserInputError(input.problem);
  return input.number;
}
