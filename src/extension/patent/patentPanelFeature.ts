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
import { webviewHtml, webviewResourceRoots } from '../webview/webviewHtml';
import { readOpenPatentArgs, type OpenPatentRequest } from './openPatentArgs.pure';
import { normalisePatentInput } from './patentNumberInput';
import { PatentFiles } from './patentFiles';
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

  /** A panel VS Code kept across a reload: shown again from the ids its webview saved. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const restored = parsePanelState(state);
    if (!restored) {
      panel.dispose(); // nothing we can show: an empty panel would only confuse
      return;
    }
    this.adopt(panel, restored);
  }

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
    if (!(await requireCredentials(this.deps.session, 'Opening a patent'))) return;
    let request = readOpenPatentArgs(arg);
    if (!request) {
      const typed = await vscode.window.showInputBox({
        title: section === 'documents' ? 'Show Examination Documents' : 'Open Patent',
        prompt: 'A publication number, written any common way',
        placeHolder: 'e.g. US11205304B2, US 11,205,304 B2, EP 1 234 567 B1',
        ignoreFocusOut: true,
        validateInput: (v) => {
          const r = normalisePatentInput(v);
          return r.ok ? undefined : r.problem;
        },
      });
      if (typed === undefined) return;
      request = { number: typed };
    }
    await this.open(section ? { ...request, section } : request);
  }

  private adopt(panel: vscode.WebviewPanel, state: PanelState): PatentPanel {
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: webviewResourceRoots(this.extensionUri) };
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'patent.svg');
    const html = webviewHtml(panel.webview, this.extensionUri, { title: 'Patent', script: 'patent.js', styles: ['patentPanel.css'] });
    const patentPanel = new PatentPanel(panel, html, state, this.deps);
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
